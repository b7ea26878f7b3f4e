// "Get new copies" online: the refresh_token grant, then a batch with fresh child keys that joins
// the credential's one record; the rotated refresh token is kept; a refused refresh (used,
// expired, revoked) ends renewal and adds nothing. Core only: memory vault, fake vault crypto,
// noble JWS, the in-memory issuer of src/core/oid4vci (fake-issuer.fake.ts).
import { randomBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { exampleClaims } from '../credentials/index.ts';
import {
  createIssuerKeyFile,
  decodeCompactJws,
  issuerSigner,
  nobleJwsCrypto,
} from '../jose/index.ts';
import type { IssuerKeyFile, PublicJwk } from '../jose/index.ts';
import { issueVouchCredential, resolveCredentialOffer } from '../oid4vci/index.ts';
import type { HttpFetch } from '../oid4vci/index.ts';
import { createFakeIssuer } from '../oid4vci/fake-issuer.fake.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { listCredentials, readCredential } from './credential-store.ts';
import type { StoredCredential } from './credential-store.ts';
import { createHolderWallet, type HolderWallet } from './holder-wallet.ts';
import { receiveOpenid4vciCredential } from './receive-openid4vci.ts';
import { refreshCopies, refreshesOnline } from './refresh-openid4vci.ts';
import { listRelationships } from './relationships.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-10-01T09:00:00Z');
const LATER = new Date('2026-11-15T14:30:00Z');
const PAYSLIP = exampleClaims('income-statement');

let wallet: HolderWallet;
let issuerKey: IssuerKeyFile;
let issuer: ReturnType<typeof createFakeIssuer>;
let clock: Date;

beforeEach(async () => {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: `${'abandon '.repeat(23)}art`, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  wallet = created.value;
  issuerKey = await createIssuerKeyFile(jws, 'ES256');
  clock = NOW;
  issuer = createFakeIssuer({
    credentialIssuer: 'https://employer.example',
    issuer: { did: issuerKey.did, alg: issuerKey.alg, sign: issuerSigner(jws, issuerKey) },
    crypto: jws,
    now: () => clock,
    randomBytes,
    batchSize: 3,
  });
});

/** Receives an offer (a batch of 3) and returns the one record, with its offer id. */
async function held(): Promise<{ credential: StoredCredential; offerId: string }> {
  const made = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
  const resolved = await resolveCredentialOffer(made.byReference, { fetch: issuer.fetch });
  if (!resolved.ok) throw new Error(resolved.detail.message);
  const received = await receiveOpenid4vciCredential(wallet, resolved.value, {
    fetch: issuer.fetch,
    crypto: jws,
    now: NOW,
  });
  if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
  return { credential: received.value[0] as StoredCredential, offerId: made.id };
}

const refresh = (id: string, fetch: HttpFetch = issuer.fetch) => {
  clock = LATER;
  return refreshCopies(wallet, id, { fetch, crypto: jws, now: LATER });
};

const payloadOf = (compact: string) => {
  const decoded = decodeCompactJws(compact.split('~')[0]);
  if (!decoded.ok) throw new Error('not a JWS');
  return decoded.value.payload as { iat: number; cnf: { jwk: PublicJwk } };
};

const tokenOf = (credential: StoredCredential | undefined) =>
  credential?.refresh?.kind === 'openid4vci' ? credential.refresh.refreshToken : undefined;

describe('Given a credential received online whose issuer renews', () => {
  it('when the citizen asks for new copies, then a batch on fresh child keys joins the same record and the refresh token is rotated', async () => {
    const { credential } = await held();
    expect(refreshesOnline(credential)).toBe(true);
    const before = tokenOf(credential);
    const result = await refresh(credential.id);
    if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
    const after = await readCredential(wallet, credential.id);
    expect(after?.copies?.map((copy) => copy.childIndex)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(after?.copies?.map((copy) => copy.status?.idx)).size).toBe(6);
    expect(after?.claims).toEqual(PAYSLIP);
    expect(tokenOf(after)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenOf(after)).not.toBe(before);
    expect(await listCredentials(wallet)).toHaveLength(1);
    expect((await listRelationships(wallet))[0]?.nextChildIndex).toBe(6);
    // The new copies are of the day they were issued; the first batch keeps its own day.
    const iatOf = (compact: string) => payloadOf(compact).iat;
    expect(iatOf(after?.copies?.[5]?.compact ?? '')).toBe(Date.UTC(2026, 10, 15) / 1000);
    expect(iatOf(after?.copies?.[0]?.compact ?? '')).toBe(Date.UTC(2026, 9, 1) / 1000);
    // The refresh token travels only in the token request's POST body, never in a URL.
    for (const request of issuer.requests) {
      expect(request.url).not.toContain(before);
      expect(request.url).not.toContain(tokenOf(after));
    }
    expect(issuer.requests.some((r) => r.body.includes(`refresh_token=${before}`))).toBe(true);
  });

  it('when its refresh token was spent already (a copy of the wallet used it), then refresh-refused: nothing is added and renewal ends', async () => {
    const { credential } = await held();
    const stale = structuredClone(credential);
    expect((await refresh(credential.id)).ok).toBe(true);
    // Put the spent token back, as a restored older backup would have it.
    await wallet.vault.writeRecords([
      {
        id: `credential:${credential.id}`,
        value: { ...(await readCredential(wallet, credential.id)), refresh: stale.refresh },
      },
    ]);
    const requests = issuer.requests.length;
    const result = await refresh(credential.id);
    expect(result.ok ? 'ok' : result.reason).toBe('refresh-refused');
    const after = await readCredential(wallet, credential.id);
    expect(after?.copies).toHaveLength(6);
    expect(after?.refresh).toBeUndefined();
    expect(refreshesOnline(after as StoredCredential)).toBe(false);
    expect(issuer.requests.slice(requests).some((r) => r.url.endsWith('/credential'))).toBe(false);
  });

  it('when the issuer revoked the credential, then refresh-refused and no credential request is made', async () => {
    const { credential, offerId } = await held();
    issuer.revokeOffer(offerId);
    const requests = issuer.requests.length;
    const result = await refresh(credential.id);
    expect(result.ok ? 'ok' : result.reason).toBe('refresh-refused');
    expect(issuer.requests.slice(requests).some((r) => r.url.endsWith('/credential'))).toBe(false);
    expect((await readCredential(wallet, credential.id))?.copies).toHaveLength(3);
  });

  it('when the issuer answers the refresh with another credential (other claims), then nothing is added but the rotated token is kept', async () => {
    const { credential } = await held();
    const other = { ...PAYSLIP, net_wage_cents: 1 };
    const swapping: HttpFetch = async (url, init) => {
      const answer = await issuer.fetch(url, init);
      if (!url.endsWith('/credential') || answer.status !== 200) return answer;
      const body = JSON.parse(await answer.text()) as { credentials: { credential: string }[] };
      const credentials: { credential: string }[] = [];
      for (const entry of body.credentials) {
        const cnf = payloadOf(entry.credential).cnf.jwk;
        const swapped = await issueVouchCredential({
          issuer: { did: issuerKey.did, alg: issuerKey.alg, sign: issuerSigner(jws, issuerKey) },
          type: 'income-statement',
          claims: other,
          holderJwk: cnf,
          now: LATER,
          randomBytes,
        });
        if (!swapped.ok) throw new Error('issue failed');
        credentials.push({ credential: swapped.value });
      }
      return { ...answer, text: async () => JSON.stringify({ credentials }) };
    };
    const before = tokenOf(credential);
    const result = await refresh(credential.id, swapping);
    expect(result.ok ? 'ok' : result.reason).toBe('invalid-credential');
    const after = await readCredential(wallet, credential.id);
    expect(after?.copies).toHaveLength(3);
    expect(tokenOf(after)).toBeDefined();
    expect(tokenOf(after)).not.toBe(before);
  });

  it('when the credential has no online renewal, then unsupported and nothing is sent', async () => {
    const made = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
    const resolved = await resolveCredentialOffer(made.byReference, { fetch: issuer.fetch });
    if (!resolved.ok) throw new Error(resolved.detail.message);
    const single = await receiveOpenid4vciCredential(wallet, resolved.value, {
      fetch: issuer.fetch,
      crypto: jws,
      now: NOW,
      copies: 1,
    });
    if (!single.ok) throw new Error(single.detail);
    const { refresh: _gone, ...rest } = single.value[0] as StoredCredential;
    await wallet.vault.writeRecords([{ id: `credential:${rest.id}`, value: rest }]);
    const requests = issuer.requests.length;
    const result = await refresh(rest.id);
    expect(result.ok ? 'ok' : result.reason).toBe('unsupported');
    expect(issuer.requests.length).toBe(requests);
  });
});
