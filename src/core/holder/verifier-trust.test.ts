// The wallet's trusted registration authorities and verifier trust lists (encrypted in its vault),
// and the standing they give a request read by the presentation flow.
import { randomBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { utf8ToBytes } from '../encoding/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../jose/index.ts';
import { createPresentationRequest, dcqlForClaims } from '../protocol/index.ts';
import { signTrustList, signRegistrationCertificate, VERIFIER_VCT } from '../trust/index.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createHolderWallet, type HolderWallet } from './holder-wallet.ts';
import { readPresentationRequest } from './presentation-flow.ts';
import {
  addTrustedAuthority,
  addVerifierTrustList,
  listTrustedAuthorities,
  listVerifierTrustLists,
  parseAuthorityList,
  removeTrustedAuthority,
  removeVerifierTrustList,
  VERIFIER_TRUST_ID,
} from './verifier-trust.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-12-02T15:00:00Z');
const DAY = 86_400_000;
const authorityKey = await createIssuerKeyFile(jws, 'ES256');
const authority = {
  did: authorityKey.did as Did,
  alg: authorityKey.alg,
  sign: issuerSigner(jws, authorityKey),
};
const verifierKey = await createIssuerKeyFile(jws, 'ES256');
const verifier = {
  did: verifierKey.did as Did,
  alg: verifierKey.alg,
  sign: issuerSigner(jws, verifierKey),
};

async function freshWallet(): Promise<HolderWallet> {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: `${'abandon '.repeat(23)}art`, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  return created.value;
}

async function request(withCertificate: boolean): Promise<Uint8Array> {
  const certificate = await signRegistrationCertificate({
    authority,
    verifier: verifier.did,
    name: 'Gemeente Utrecht',
    issuedAt: new Date(NOW.getTime() - DAY),
  });
  return utf8ToBytes(
    await createPresentationRequest({
      verifier,
      verifierName: 'Gemeente Utrecht',
      purpose: 'Bijstand',
      dcql: dcqlForClaims({
        id: 'income',
        vct: 'urn:vouch:income-statement:1',
        required: ['period'],
        optional: [],
      }),
      responseMode: 'vouch_qr',
      nonce: 'n-0123456789abcdefghijklmnopqrstu',
      now: NOW,
      ...(withCertificate ? { verifierInfo: [{ format: 'jwt', data: certificate }] } : {}),
    }),
  );
}

const listOf = (expiresAt?: Date) =>
  signTrustList({
    issuer: authority,
    name: 'Verifier register',
    entries: [{ did: verifier.did, name: 'Gemeente Utrecht', vct: [VERIFIER_VCT] }],
    issuedAt: new Date(NOW.getTime() - 2 * DAY),
    ...(expiresAt === undefined ? {} : { expiresAt }),
  });

async function standingIn(wallet: HolderWallet, payload: Uint8Array, build: string[] = []) {
  const read = await readPresentationRequest(wallet, payload, {
    crypto: jws,
    now: NOW,
    verifierAuthorities: build,
  });
  if (!read.ok) throw new Error(read.detail);
  return read.value.standing;
}

describe('trusted registration authorities', () => {
  let wallet: HolderWallet;
  beforeEach(async () => {
    wallet = await freshWallet();
  });

  it('Given the build names an authority, when a request carries its certificate, then the verifier is registered; without it, not verified', async () => {
    expect(await standingIn(wallet, await request(true), [authority.did])).toMatchObject({
      kind: 'registered',
      name: 'Gemeente Utrecht',
    });
    expect(await standingIn(wallet, await request(true))).toEqual({
      kind: 'not-verified',
      callsItself: 'Gemeente Utrecht',
    });
  });

  it('Given the citizen adds the authority in Settings, then it counts, shows its words, and stops counting once removed', async () => {
    expect(
      await addTrustedAuthority(wallet, 'did:web:example.org', { now: NOW, buildAuthorities: [] }),
    ).toEqual({ ok: false, reason: 'not-a-did' });
    const added = await addTrustedAuthority(wallet, ` ${authority.did} `, {
      now: NOW,
      buildAuthorities: [],
    });
    expect(added.ok && added.value.words).toHaveLength(8);
    expect(
      await addTrustedAuthority(wallet, authority.did, { now: NOW, buildAuthorities: [] }),
    ).toEqual({ ok: false, reason: 'already-trusted' });
    expect((await standingIn(wallet, await request(true))).kind).toBe('registered');
    expect(await listTrustedAuthorities(wallet, [])).toMatchObject([
      { did: authority.did, source: 'added' },
    ]);
    await removeTrustedAuthority(wallet, authority.did);
    expect((await standingIn(wallet, await request(true))).kind).toBe('not-verified');
  });

  it('Given the build list text, then only resolvable DIDs are kept, once each', () => {
    expect(
      parseAuthorityList(`${authority.did}, did:web:x.example  ${authority.did} garbage #x`),
    ).toEqual([authority.did]);
    expect(parseAuthorityList(undefined)).toEqual([]);
  });

  it('Given a damaged record, then it reads as nothing added (no crash)', async () => {
    await wallet.vault.writeRecords([{ id: VERIFIER_TRUST_ID, value: { v: 9, lists: 'x' } }]);
    expect(await listTrustedAuthorities(wallet, [])).toEqual([]);
    expect((await standingIn(wallet, await request(true))).kind).toBe('not-verified');
  });
});

describe('verifier trust lists', () => {
  let wallet: HolderWallet;
  beforeEach(async () => {
    wallet = await freshWallet();
  });
  const deps = (build: string[] = [authority.did]) => ({
    crypto: jws,
    now: NOW,
    buildAuthorities: build,
  });

  it('Given a list by a trusted authority, when added, then a request without a certificate is listed; removed, not verified', async () => {
    expect(await addVerifierTrustList(wallet, await listOf(), deps())).toEqual({
      ok: true,
      value: { name: 'Verifier register', verifiers: 1 },
    });
    expect(await standingIn(wallet, await request(false), [authority.did])).toMatchObject({
      kind: 'listed',
      listName: 'Verifier register',
    });
    const [held] = await listVerifierTrustLists(wallet, deps());
    expect(held).toMatchObject({ name: 'Verifier register', verifiers: 1, counts: true });
    // Without the authority it is still held but no longer counts.
    expect((await listVerifierTrustLists(wallet, deps([])))[0]?.counts).toBe(false);
    await removeVerifierTrustList(wallet, held?.id ?? '');
    expect((await standingIn(wallet, await request(false), [authority.did])).kind).toBe(
      'not-verified',
    );
  });

  it('Given an untrusted signer, an expired list, garbage or the same list twice, then each is refused by name', async () => {
    expect(await addVerifierTrustList(wallet, await listOf(), deps([]))).toEqual({
      ok: false,
      reason: 'untrusted-signer',
    });
    expect(
      await addVerifierTrustList(wallet, await listOf(new Date(NOW.getTime() - DAY)), deps()),
    ).toEqual({ ok: false, reason: 'expired' });
    expect(await addVerifierTrustList(wallet, 'x'.repeat(2_000_000), deps())).toEqual({
      ok: false,
      reason: 'malformed',
    });
    const list = await listOf();
    expect((await addVerifierTrustList(wallet, list, deps())).ok).toBe(true);
    expect(await addVerifierTrustList(wallet, list, deps())).toEqual({
      ok: false,
      reason: 'already-held',
    });
  });
});
