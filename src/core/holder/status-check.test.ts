// The status bookkeeping of a card (docs/ux.md §Words, §Cards): "Not checked yet" until a check
// succeeds; a failed check is kept as a failure with its time and never as "Last checked"; a later
// success supersedes it. SD-JWT VCs point at an IETF Token Status List (statuslist+jwt).
import { randomBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDesk, type IssuerDesk } from '../issuer/desk.ts';
import { issueToSubject, publishDeskStatusList, revokeIssued } from '../issuer/issuance.ts';
import { registerSubject } from '../issuer/register.ts';
import { nobleJwsCrypto } from '../jose/index.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import {
  credentialState,
  readCredential,
  saveCredential,
  statusOf,
  type StoredCredential,
} from './credential-store.ts';
import { createHolderWallet, type HolderWallet } from './holder-wallet.ts';
import { receiveCredentialOffer } from './receive.ts';
import { connectToIssuer } from './relationships.ts';
import { applyStatusList, ietfState, recordStatusFailure } from './status-check.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-10-01T09:00:00Z');
const LATER = new Date('2026-10-05T12:00:00Z');
const LATEST = new Date('2026-10-09T08:30:00Z');
const STATUS_URI = 'https://status.acme.example/vouch/1.jwt';

const payslip = {
  period: '2026-09',
  gross_wage_cents: 245_000,
  net_wage_cents: 189_512,
  hours: 151.5,
  employer_name: 'Acme Rides BV',
  employer_id: 'KvK 12345678',
  employee_name: 'Sam de Vries',
  birth_date: '1988-04-12',
};

let wallet: HolderWallet;
let desk: IssuerDesk;
let issuedId: string;
let credentialId: string;

beforeEach(async () => {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: `${'abandon '.repeat(23)}art`, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  wallet = created.value;
  const made = await createDesk(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), jws },
    {
      passcode: 'desk passcode 1',
      profile: { name: 'Acme Rides BV', kind: 'employer', registration: 'KvK 12345678' },
      alg: 'ES256',
      statusListUri: STATUS_URI,
      now: NOW,
    },
  );
  if (!made.ok) throw new Error(made.reason);
  desk = made.value;
  const started = await connectToIssuer(wallet, { issuerName: 'Acme', now: NOW, jti: 'j1' });
  if (!started.ok) throw new Error(started.reason);
  const subject = await registerSubject(desk, {
    connectRequest: started.value.request,
    name: 'Sam de Vries',
    number: 'E-042',
    now: NOW,
    randomBytes,
  });
  if (!subject.ok) throw new Error(subject.reason);
  const issued = await issueToSubject(
    desk,
    { jws, randomBytes },
    { subjectId: subject.value.id, typeId: 'income-statement', claims: payslip, now: NOW },
  );
  if (!issued.ok) throw new Error(issued.reason);
  issuedId = issued.value.record.id;
  const held = await receiveCredentialOffer(wallet, issued.value.offer, { crypto: jws, now: NOW });
  if (!held.ok) throw new Error(`${held.reason}: ${held.detail}`);
  credentialId = held.value.id;
});

async function stored(): Promise<StoredCredential> {
  const credential = await readCredential(wallet, credentialId);
  if (!credential) throw new Error('the credential is gone');
  return credential;
}

async function applyDeskList(now: Date) {
  const { jwt } = await publishDeskStatusList(desk, { jws }, { now });
  return applyStatusList(wallet, credentialId, jwt, { crypto: jws, now });
}

describe('status bookkeeping of a card', () => {
  it('Given a credential just received, then it is not checked yet (not "valid", not a failure)', async () => {
    const credential = await stored();
    expect(statusOf(credential)).toEqual({ kind: 'not-checked' });
    expect(credentialState(credential, NOW)).toBe('status-unknown');
  });

  it('Given a credential never checked, when a check fails, then it is still not checked yet, with the failure and its time', async () => {
    await recordStatusFailure(wallet, credentialId, {
      reason: 'unreachable',
      detail: 'TypeError: Failed to fetch',
      now: LATER,
    });
    const credential = await stored();
    expect(credential.statusCheck).toBeUndefined();
    expect(statusOf(credential)).toEqual({
      kind: 'not-checked',
      failure: {
        at: LATER.toISOString(),
        reason: 'unreachable',
        detail: 'TypeError: Failed to fetch',
      },
    });
    expect(credentialState(credential, LATER)).toBe('status-unknown');
  });

  it('Given a successful check, when a later check fails, then "last checked" and the state stay those of the success, and the failure is shown beside them', async () => {
    const checked = await applyDeskList(LATER);
    expect(checked.ok).toBe(true);
    await recordStatusFailure(wallet, credentialId, {
      reason: 'not-allowed',
      detail: 'https://status.acme.example',
      now: LATEST,
    });
    const credential = await stored();
    expect(credential.statusCheck).toMatchObject({
      checkedAt: LATER.toISOString(),
      state: 'valid',
    });
    expect(statusOf(credential)).toMatchObject({
      kind: 'checked',
      state: 'valid',
      checkedAt: LATER.toISOString(),
      failure: { at: LATEST.toISOString(), reason: 'not-allowed' },
    });
    expect(credentialState(credential, LATEST)).toBe('valid');
  });

  it('Given a failed check, when a later check succeeds, then the failure is gone and the success is the last check', async () => {
    await recordStatusFailure(wallet, credentialId, {
      reason: 'unreachable',
      detail: 'HTTP 503',
      now: LATER,
    });
    const checked = await applyDeskList(LATEST);
    if (!checked.ok) throw new Error(checked.detail);
    const credential = await stored();
    expect(credential.statusFailure).toBeUndefined();
    expect(statusOf(credential)).toEqual({
      kind: 'checked',
      state: 'valid',
      checkedAt: LATEST.toISOString(),
      listIssuedAt: LATEST.toISOString(),
    });
  });

  it('Given a revocation seen once, when a later check fails, then the card still says revoked', async () => {
    const revoked = await revokeIssued(desk, { issuedId, reason: 'wrong hours', now: LATER });
    expect(revoked.ok).toBe(true);
    await applyDeskList(LATER);
    await recordStatusFailure(wallet, credentialId, {
      reason: 'unreachable',
      detail: 'offline',
      now: LATEST,
    });
    const credential = await stored();
    expect(credentialState(credential, LATEST)).toBe('revoked');
    expect(statusOf(credential)).toMatchObject({ kind: 'checked', state: 'revoked' });
  });

  it('Given a list signed by another issuer, when applied, then nothing about the status changes', async () => {
    const other = await createDesk(
      { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), jws },
      {
        passcode: 'desk passcode 2',
        profile: { name: 'Impostor', kind: 'employer', registration: 'x' },
        alg: 'ES256',
        statusListUri: STATUS_URI,
        now: NOW,
      },
    );
    if (!other.ok) throw new Error(other.reason);
    const forged = await publishDeskStatusList(other.value, { jws }, { now: LATER });
    const checked = await applyStatusList(wallet, credentialId, forged.jwt, {
      crypto: jws,
      now: LATER,
    });
    expect(checked).toMatchObject({ ok: false, reason: 'invalid-list' });
    const credential = await stored();
    expect(statusOf(credential)).toEqual({ kind: 'not-checked' });
  });

  it('Given a failure with a long detail, when recorded, then the detail is cut to 200 characters', async () => {
    await recordStatusFailure(wallet, credentialId, {
      reason: 'invalid-list',
      detail: 'x'.repeat(5000),
      now: LATER,
    });
    expect((await stored()).statusFailure?.detail).toHaveLength(200);
  });

  it('Given a record from before issue 11 whose failed check was kept as "unknown", then it reads as not checked yet with that failure', async () => {
    const credential = await stored();
    await saveCredential(wallet, {
      ...credential,
      statusCheck: { checkedAt: LATER.toISOString(), state: 'unknown', problem: 'unreachable: x' },
    });
    const legacy = await stored();
    expect(statusOf(legacy)).toEqual({
      kind: 'not-checked',
      failure: { at: LATER.toISOString(), reason: 'unreachable', detail: 'unreachable: x' },
    });
    expect(credentialState(legacy, LATER)).toBe('status-unknown');
  });

  it('Given a credential with no status entry, then it cannot be revoked and is valid until it expires', () => {
    expect(statusOf({})).toEqual({ kind: 'none' });
    expect(credentialState({}, NOW)).toBe('valid');
    expect(credentialState({ expiresAt: '2026-09-30T00:00:00Z' }, NOW)).toBe('expired');
  });
});

describe('Token Status List values (§7.1)', () => {
  it.each([
    [0, 'valid'],
    [1, 'revoked'],
    [2, 'suspended'],
    [3, 'revoked'],
    [15, 'revoked'],
  ] as const)('Given status value %i, then the card reads %s', (value, state) => {
    expect(ietfState(value)).toBe(state);
  });
});
