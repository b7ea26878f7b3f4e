// Receiving over OpenID4VCI into the wallet: one relationship per Credential Issuer, fresh child
// keys per credential (spent before any proof leaves), the same checks as the offline offer, and
// all-or-nothing storage. Core only: memory vault, fake vault crypto, noble JWS, an in-memory
// issuer built from src/core/oid4vci's issuer-side functions.
import { randomBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { exampleClaims } from '../credentials/index.ts';
import {
  bytesToUtf8,
  decodeBase64Url,
  encodeBase64Url,
  hexToBytes,
  utf8ToBytes,
} from '../encoding/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../jose/index.ts';
import type { IssuerKeyFile } from '../jose/index.ts';
import {
  credentialPath,
  deriveCredentialPublicKey,
  describeKey,
  mnemonicToSeed,
  publicKeyToJwk,
} from '../keys/index.ts';
import { issueVouchCredential, resolveCredentialOffer } from '../oid4vci/index.ts';
import type { HttpFetch, ResolvedCredentialOffer } from '../oid4vci/index.ts';
import { createFakeIssuer } from '../oid4vci/fake-issuer.fake.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { listCredentials } from './credential-store.ts';
import { createHolderWallet, type HolderWallet } from './holder-wallet.ts';
import { receiveOpenid4vciCredential, storeOpenid4vciCredentials } from './receive-openid4vci.ts';
import { connectToIssuer, listRelationships } from './relationships.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-10-01T09:00:00Z');
const MNEMONIC = `${'abandon '.repeat(23)}art`;
const PAYSLIP = exampleClaims('income-statement');

let wallet: HolderWallet;
let issuerKey: IssuerKeyFile;
let issuer: ReturnType<typeof createFakeIssuer>;

function fakeIssuer(key: IssuerKeyFile, credentialIssuer = 'https://employer.example') {
  return createFakeIssuer({
    credentialIssuer,
    issuer: { did: key.did, alg: key.alg, sign: issuerSigner(jws, key) },
    crypto: jws,
    now: () => NOW,
    randomBytes,
    batchSize: 3,
  });
}

beforeEach(async () => {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: MNEMONIC, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  wallet = created.value;
  issuerKey = await createIssuerKeyFile(jws, 'ES256');
  issuer = fakeIssuer(issuerKey);
});

async function resolve(
  link: string,
  fetch: HttpFetch = issuer.fetch,
): Promise<ResolvedCredentialOffer> {
  const resolved = await resolveCredentialOffer(link, { fetch });
  if (!resolved.ok) throw new Error(resolved.detail.message);
  return resolved.value;
}

async function offer(type: 'income-statement' | 'diploma' = 'income-statement', from = issuer) {
  const claims = type === 'income-statement' ? PAYSLIP : exampleClaims('diploma');
  return resolve(from.createOffer({ type, claims }).byReference, from.fetch);
}

/** One copy unless told (`copies: 'default'` leaves the wallet's default: a batch). */
const receive = (
  resolved: ResolvedCredentialOffer,
  extra: { copies?: number | 'default'; fetch?: HttpFetch; txCode?: string } = {},
) =>
  receiveOpenid4vciCredential(wallet, resolved, {
    fetch: extra.fetch ?? issuer.fetch,
    crypto: jws,
    now: NOW,
    ...(extra.copies === 'default' ? {} : { copies: extra.copies ?? 1 }),
    ...(extra.txCode === undefined ? {} : { txCode: extra.txCode }),
  });

describe('Given a wallet that never met this issuer, when it receives an OpenID4VCI offer', () => {
  it('then it makes a relationship for the credential issuer and binds the credential to child 0 of it', async () => {
    const received = await receive(await offer());
    if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
    const [relationship] = await listRelationships(wallet);
    expect(relationship).toMatchObject({
      index: 0,
      issuerName: 'Example Employer',
      credentialIssuer: 'https://employer.example',
      issuerDid: issuerKey.did,
      nextChildIndex: 1,
    });
    const [stored] = received.value;
    expect(stored).toMatchObject({
      relationshipIndex: 0,
      childIndex: 0,
      issuer: issuerKey.did,
      typeId: 'income-statement',
      claims: PAYSLIP,
    });
    // The key the credential is bound to is the wallet's own m/7467'/0'/0'/0, from the seed.
    const seed = await mnemonicToSeed(MNEMONIC);
    const child = describeKey(seed, credentialPath(0, 0));
    const cnf = JSON.parse(atobUrl((stored?.compact ?? '').split('.')[1] ?? '')).cnf.jwk;
    expect(cnf).toEqual(publicKeyToJwk(bytesOf(hexToBytes(child.publicKeyHex))));
    expect(await listCredentials(wallet)).toHaveLength(1);
  });

  it('then a second offer from the same issuer reuses the relationship with the next child key', async () => {
    await receive(await offer());
    const second = await receive(await offer('diploma'));
    if (!second.ok) throw new Error(second.detail);
    expect(second.value[0]).toMatchObject({ relationshipIndex: 0, childIndex: 1 });
    expect(await listRelationships(wallet)).toHaveLength(1);
  });

  it('then by default it asks for a batch (the issuer allows 3) and keeps the copies as ONE credential on three child keys, renewable', async () => {
    const received = await receive(await offer(), { copies: 'default' });
    if (!received.ok) throw new Error(received.detail);
    expect(received.value).toHaveLength(1);
    const [stored] = received.value;
    expect(stored?.copies?.map((copy) => copy.childIndex).sort()).toEqual([0, 1, 2]);
    expect(stored?.childIndex).toBe(stored?.copies?.[0]?.childIndex);
    expect(new Set(stored?.copies?.map((copy) => copy.compact)).size).toBe(3);
    expect(new Set(stored?.copies?.map((copy) => copy.status?.idx)).size).toBe(3);
    expect(stored?.refresh).toMatchObject({
      kind: 'openid4vci',
      credentialIssuer: 'https://employer.example',
      configurationId: 'income-statement',
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(await listCredentials(wallet)).toHaveLength(1);
    expect((await listRelationships(wallet))[0]?.nextChildIndex).toBe(3);
  });

  it('then a W3C VC-JWT offer is asked for as one copy by default (its copies would be linkable)', async () => {
    const resolved = await resolve(
      issuer.createOffer({
        type: 'diploma',
        claims: exampleClaims('diploma'),
        format: 'jwt_vc_json',
      }).byReference,
    );
    const received = await receive(resolved, { copies: 'default' });
    if (!received.ok) throw new Error(received.detail);
    expect(received.value[0]?.copies).toBeUndefined();
    expect((await listRelationships(wallet))[0]?.nextChildIndex).toBe(1);
  });

  it('then two offers from it received at once share one relationship and get different keys', async () => {
    const [a, b] = await Promise.all([offer(), offer('diploma')]);
    const [first, second] = await Promise.all([
      receive(a as ResolvedCredentialOffer),
      receive(b as ResolvedCredentialOffer),
    ]);
    if (!first?.ok || !second?.ok) throw new Error('expected both to be stored');
    expect(await listRelationships(wallet)).toHaveLength(1);
    expect([first.value[0]?.childIndex, second.value[0]?.childIndex].sort()).toEqual([0, 1]);
    expect((await listRelationships(wallet))[0]?.nextChildIndex).toBe(2);
  });

  it('then another credential issuer gets its own relationship, after those made by connect', async () => {
    await connectToIssuer(wallet, { issuerName: 'Offline desk', now: NOW, jti: 'j1' });
    await receive(await offer());
    const other = fakeIssuer(await createIssuerKeyFile(jws, 'EdDSA'), 'https://university.example');
    const received = await receiveOpenid4vciCredential(wallet, await offer('diploma', other), {
      fetch: other.fetch,
      crypto: jws,
      now: NOW,
    });
    if (!received.ok) throw new Error(received.detail);
    const relationships = await listRelationships(wallet);
    expect(relationships.map((r) => [r.index, r.credentialIssuer])).toEqual([
      [0, undefined],
      [1, 'https://employer.example'],
      [2, 'https://university.example'],
    ]);
    expect(received.value[0]).toMatchObject({ relationshipIndex: 2, childIndex: 0 });
  });
});

describe('Given something goes wrong, then nothing is stored', () => {
  it('when the transaction code is wrong: tx-code-wrong, and the child key stays spent', async () => {
    const resolved = await resolve(
      issuer.createOffer({ type: 'income-statement', claims: PAYSLIP, txCode: '1234' }).byValue,
    );
    const received = await receive(resolved, { txCode: '9999' });
    expect(received.ok ? 'ok' : received.reason).toBe('tx-code-wrong');
    expect(await listCredentials(wallet)).toHaveLength(0);
    expect((await listRelationships(wallet))[0]?.nextChildIndex).toBe(1);
  });

  it('when the issuer binds the credential to a key of its own: not-bound-to-wallet', async () => {
    const resolved = await offer();
    const rogueKey = publicKeyToJwk(
      deriveCredentialPublicKey(
        describeKey(await mnemonicToSeed(MNEMONIC), credentialPath(5, 0)).xpub,
        0,
      ),
    );
    const rebinding: HttpFetch = async (url, init) => {
      const answer = await issuer.fetch(url, init);
      if (!url.endsWith('/credential') || answer.status !== 200) return answer;
      const credential = await issueVouchCredential({
        issuer: { did: issuerKey.did, alg: issuerKey.alg, sign: issuerSigner(jws, issuerKey) },
        type: 'income-statement',
        claims: PAYSLIP,
        holderJwk: rogueKey,
        now: NOW,
        randomBytes,
      });
      if (!credential.ok) throw new Error('issue failed');
      return {
        ...answer,
        text: async () => JSON.stringify({ credentials: [{ credential: credential.value }] }),
      };
    };
    const received = await receive(resolved, { fetch: rebinding });
    expect(received.ok ? 'ok' : received.reason).toBe('not-bound-to-wallet');
    expect(await listCredentials(wallet)).toHaveLength(0);
  });

  it('when a disclosure was tampered with: invalid-credential', async () => {
    const resolved = await offer();
    const tampering: HttpFetch = async (url, init) => {
      const answer = await issuer.fetch(url, init);
      if (!url.endsWith('/credential') || answer.status !== 200) return answer;
      const body = JSON.parse(await answer.text()) as { credentials: { credential: string }[] };
      const [jwt, first, ...rest] = (body.credentials[0]?.credential ?? '').split('~');
      const forged = btoaUrl(JSON.stringify(['c2FsdA', 'net_wage_cents', 999999]));
      expect(first).toBeDefined();
      const credential = [jwt, forged, ...rest].join('~');
      return { ...answer, text: async () => JSON.stringify({ credentials: [{ credential }] }) };
    };
    const received = await receive(resolved, { fetch: tampering });
    expect(received.ok ? 'ok' : received.reason).toBe('invalid-credential');
    expect(await listCredentials(wallet)).toHaveLength(0);
  });

  it('when the same issuer URL signs with another key later: issuer-changed, storable once the citizen trusts it', async () => {
    await receive(await offer());
    const newKey = await createIssuerKeyFile(jws, 'ES256');
    const rekeyed = fakeIssuer(newKey);
    const received = await receiveOpenid4vciCredential(wallet, await offer('diploma', rekeyed), {
      fetch: rekeyed.fetch,
      crypto: jws,
      now: NOW,
    });
    if (received.ok) throw new Error('expected issuer-changed');
    expect(received.reason).toBe('issuer-changed');
    expect(received.issuerChange).toMatchObject({
      pinnedIssuer: issuerKey.did,
      offeredIssuer: newKey.did,
    });
    expect(await listCredentials(wallet)).toHaveLength(1);
    if (!received.pending) throw new Error('expected the received credentials back');
    const stored = await storeOpenid4vciCredentials(wallet, received.pending, {
      crypto: jws,
      now: NOW,
      trustNewIssuer: newKey.did,
    });
    expect(stored.ok).toBe(true);
    expect((await listRelationships(wallet))[0]?.issuerDid).toBe(newKey.did);
    expect(await listCredentials(wallet)).toHaveLength(2);
  });

  it('when more copies are asked than the issuer allows: unsupported, before any request', async () => {
    const resolved = await offer();
    const before = issuer.requests.length;
    const received = await receive(resolved, { copies: 4 });
    expect(received.ok ? 'ok' : received.reason).toBe('unsupported');
    expect(issuer.requests.length).toBe(before);
  });
});

function atobUrl(text: string): string {
  const bytes = decodeBase64Url(text);
  const decoded = bytes.ok ? bytesToUtf8(bytes.value) : undefined;
  if (!decoded?.ok) throw new Error('not base64url UTF-8');
  return decoded.value;
}

const btoaUrl = (text: string): string => encodeBase64Url(utf8ToBytes(text));

function bytesOf(result: { ok: true; value: Uint8Array } | { ok: false }): Uint8Array {
  if (!result.ok) throw new Error('bad hex');
  return result.value;
}

describe('Given an issuer that offers the diploma as a W3C VC-JWT (jwt_vc_json)', () => {
  it('then the wallet stores it bound to its fresh child key by sub, under its type', async () => {
    const resolved = await resolve(
      issuer.createOffer({
        type: 'diploma',
        claims: exampleClaims('diploma'),
        format: 'jwt_vc_json',
      }).byReference,
    );
    const received = await receive(resolved);
    if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
    const [stored] = received.value;
    const seed = await mnemonicToSeed(MNEMONIC);
    expect(stored).toMatchObject({
      format: 'jwt_vc_json',
      typeId: 'diploma',
      types: ['VerifiableCredential', 'VouchDiploma'],
      relationshipIndex: 0,
      childIndex: 0,
      issuer: issuerKey.did,
      claims: exampleClaims('diploma'),
    });
    const sub = JSON.parse(atobUrl((stored?.compact ?? '').split('.')[1] ?? '')).sub;
    expect(sub).toBe(describeKey(seed, credentialPath(0, 0)).did);
  });
});
