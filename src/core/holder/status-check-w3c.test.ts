// "Check now" for a W3C VC-JWT: its BitstringStatusListEntry points at a
// BitstringStatusListCredential (W3C Bitstring Status List v1.0), which must be signed by the
// credential's issuer and be the list the entry names (docs/w3c-vc.md §Status, §Wallet).
import { randomBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { exampleClaims } from '../credentials/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../jose/index.ts';
import type { IssuerKeyFile } from '../jose/index.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { issueVcJwt, signBitstringStatusListCredential } from '../w3c/index.ts';
import { credentialState, readCredential } from './credential-store.ts';
import { createHolderWallet, type HolderWallet } from './holder-wallet.ts';
import { childDidKey, receiveVcJwt } from './receive-vc-jwt.ts';
import { connectToIssuer } from './relationships.ts';
import { applyStatusList } from './status-check.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-10-02T09:00:00Z');
const IETF_URI = 'https://uni.example/status/1';
const W3C_URI = `${IETF_URI}.w3c`;
const INDEX = 13;

let wallet: HolderWallet;
let university: IssuerKeyFile;
let credentialId: string;

beforeEach(async () => {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: `${'abandon '.repeat(23)}art`, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  wallet = created.value;
  const started = await connectToIssuer(wallet, { issuerName: 'Uni', now: NOW, jti: 'j' });
  if (!started.ok) throw new Error(started.reason);
  university = await createIssuerKeyFile(jws, 'ES256');
  const jwt = await issueVcJwt({
    issuer: { did: university.did, alg: 'ES256', sign: issuerSigner(jws, university) },
    subject: childDidKey(started.value.relationship, 0) as Did,
    typeId: 'diploma',
    claims: exampleClaims('diploma'),
    issuedAt: new Date(NOW.getTime() - 86_400_000),
    status: { idx: INDEX, uri: IETF_URI },
    randomBytes,
  });
  const received = await receiveVcJwt(wallet, jwt, { crypto: jws, now: NOW });
  if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
  credentialId = received.value.id;
});

/** A list with the given indices set (MSB first), signed by `by`, published at `url`. */
function listWith(set: number[], by: IssuerKeyFile = university, url = W3C_URI) {
  const bitstring = new Uint8Array(131_072 / 8);
  for (const index of set)
    bitstring[index >> 3] = (bitstring[index >> 3] ?? 0) | (0x80 >> (index & 7));
  return signBitstringStatusListCredential({
    issuer: { did: by.did, alg: by.alg, sign: issuerSigner(jws, by) },
    url,
    list: { bitstring },
    issuedAt: new Date(NOW.getTime() - 3_600_000),
  });
}

describe('status check of a W3C VC-JWT (Bitstring Status List)', () => {
  it.each([
    ['its bit is set', 'revoked', [INDEX]],
    ['only its neighbours are set', 'valid', [INDEX - 1, INDEX + 1]],
  ])(
    'Given the issuer’s list where %s, when applied, then the credential is %s',
    async (_, state, set) => {
      const result = await applyStatusList(wallet, credentialId, await listWith(set), {
        crypto: jws,
        now: NOW,
      });
      if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
      expect(result.value.statusCheck).toMatchObject({
        state,
        listIssuedAt: new Date(NOW.getTime() - 3_600_000).toISOString(),
      });
      const stored = await readCredential(wallet, credentialId);
      expect(stored && credentialState(stored, NOW)).toBe(state);
    },
  );

  it('Given a list signed by another issuer, when applied, then invalid-list and nothing changes', async () => {
    const other = await createIssuerKeyFile(jws, 'ES256');
    const result = await applyStatusList(wallet, credentialId, await listWith([INDEX], other), {
      crypto: jws,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: false, reason: 'invalid-list' });
    expect((await readCredential(wallet, credentialId))?.statusCheck).toBeUndefined();
  });

  it('Given the issuer’s list for another URL, when applied, then invalid-list', async () => {
    const result = await applyStatusList(
      wallet,
      credentialId,
      await listWith([INDEX], university, 'https://uni.example/status/2.w3c'),
      { crypto: jws, now: NOW },
    );
    expect(result).toMatchObject({ ok: false, reason: 'invalid-list' });
  });

  it('Given an IETF statuslist+jwt or garbage instead, when applied, then invalid-list, never a throw', async () => {
    for (const text of ['not a list', 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln']) {
      expect(
        await applyStatusList(wallet, credentialId, text, { crypto: jws, now: NOW }),
      ).toMatchObject({ ok: false, reason: 'invalid-list' });
    }
  });
});
