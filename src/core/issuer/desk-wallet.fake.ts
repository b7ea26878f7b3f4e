/**
 * A desk and a wallet connected to it, in memory (fake vault crypto, real signatures), for tests of
 * issuance and presentation across both sides.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import {
  connectToIssuer,
  createHolderWallet,
  receiveCredentialOffer,
  type HolderWallet,
} from '../holder/index.ts';
import { nobleJwsCrypto } from '../jose/index.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createDesk, type IssuerDesk } from './desk.ts';
import { issueToSubject } from './issuance.ts';
import { registerSubject, type Subject } from './register.ts';

export const jws = nobleJwsCrypto({ randomBytes });
export const NOW = new Date('2026-10-01T09:00:00Z');
export const STATUS_URI = 'https://status.acme.example/vouch/1.jwt';
export const ABANDON_ART = `${'abandon '.repeat(23)}art`;

export const payslip = {
  period: '2026-09',
  gross_wage_cents: 245_000,
  net_wage_cents: 189_512,
  hours: 151.5,
  employer_name: 'Acme Rides BV',
  employer_id: 'KvK 12345678',
  employee_name: 'Sam de Vries',
  birth_date: '1988-04-12',
};

export async function newWallet(mnemonic = ABANDON_ART): Promise<HolderWallet> {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  return created.value;
}

export async function newDesk(alg: 'ES256' | 'EdDSA' | 'ES256K' = 'ES256'): Promise<IssuerDesk> {
  const created = await createDesk(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), jws },
    {
      passcode: 'desk passcode 1',
      profile: { name: 'Acme Rides BV', kind: 'employer', registration: 'KvK 12345678' },
      alg,
      statusListUri: STATUS_URI,
      now: NOW,
    },
  );
  if (!created.ok) throw new Error(created.reason);
  return created.value;
}

/** Connect `wallet` to `desk` (the connect request registered as a subject). */
export async function connect(wallet: HolderWallet, desk: IssuerDesk): Promise<Subject> {
  const started = await connectToIssuer(wallet, { issuerName: 'Acme Rides', now: NOW, jti: 'j1' });
  if (!started.ok) throw new Error(started.reason);
  const registered = await registerSubject(desk, {
    connectRequest: started.value.request,
    name: 'Sam de Vries',
    number: 'E-042',
    now: new Date(NOW.getTime() + 60_000),
    randomBytes,
  });
  if (!registered.ok) throw new Error(registered.reason);
  return registered.value;
}

/**
 * A fresh wallet connected to a fresh desk that issued it the payslip as `copies` copies, received:
 * the wallet's record id and the desk's issued-log id.
 */
export async function holdingIssued(copies: number) {
  const wallet = await newWallet();
  const desk = await newDesk();
  const subject = await connect(wallet, desk);
  const issued = await issueToSubject(
    desk,
    { jws, randomBytes },
    { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW, copies },
  );
  if (!issued.ok) throw new Error(issued.reason);
  const received = await receiveCredentialOffer(wallet, issued.value.offer, {
    crypto: jws,
    now: NOW,
  });
  if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
  return {
    wallet,
    desk,
    subject,
    credentialId: received.value.id,
    issuedId: issued.value.record.id,
  };
}
