// Receiving a W3C VC-JWT (docs/w3c-vc.md §Wallet): by the offline offer (relationship fingerprint
// + child index), and bare (pasted / file / link: the wallet finds which of its keys `sub` is).
// Issued by src/core/w3c (did-jwt-vc) and, for interop, by did-jwt-vc directly with did-jwt's
// own signer. Core only: memory vault, fake vault crypto, noble JWS, fixed clock.
import { p256 } from '@noble/curves/nist.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { ES256Signer } from 'did-jwt';
import { createVerifiableCredentialJwt } from 'did-jwt-vc';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { exampleClaims } from '../credentials/index.ts';
import { encodeDidKey } from '../did/index.ts';
import { decodeBase64Url, encodeBase64Url, utf8ToBytes } from '../encoding/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../jose/index.ts';
import type { IssuerKeyFile } from '../jose/index.ts';
import { encodeCredentialOffer } from '../protocol/index.ts';
import type { SdJwtCompact } from '../sd-jwt/index.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { issueVcJwt } from '../w3c/index.ts';
import { listCredentials } from './credential-store.ts';
import { createHolderWallet, type HolderWallet } from './holder-wallet.ts';
import { receiveCredentialOffer } from './receive.ts';
import { childDidKey, receiveVcJwt, VC_JWT_LOOKAHEAD } from './receive-vc-jwt.ts';
import { connectToIssuer, listRelationships } from './relationships.ts';
import type { Relationship } from './relationships.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-10-01T09:00:00Z');
const DIPLOMA: Record<string, unknown> = {
  ...exampleClaims('diploma'),
  eqf_level: 7,
  isced_f: '0613',
};

let wallet: HolderWallet;
let relationship: Relationship;
let university: IssuerKeyFile;

beforeEach(async () => {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: `${'abandon '.repeat(23)}art`, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  wallet = created.value;
  const started = await connectToIssuer(wallet, {
    issuerName: 'My university',
    now: NOW,
    jti: 'j',
  });
  if (!started.ok) throw new Error(started.reason);
  relationship = started.value.relationship;
  university = await createIssuerKeyFile(jws, 'ES256');
});

/** A Vouch VC-JWT diploma for child key `childIndex` of the wallet's relationship. */
function diplomaFor(
  childIndex: number,
  opts: { issuer?: IssuerKeyFile; claims?: Record<string, unknown>; subject?: string } = {},
) {
  const issuer = opts.issuer ?? university;
  return issueVcJwt({
    issuer: { did: issuer.did, alg: issuer.alg, sign: issuerSigner(jws, issuer) },
    subject: (opts.subject ?? childDidKey(relationship, childIndex)) as Did,
    typeId: 'diploma',
    claims: opts.claims ?? DIPLOMA,
    issuedAt: new Date(NOW.getTime() - 60_000),
    status: { idx: 94567, uri: 'https://uni.example/status/1' },
    randomBytes,
  });
}

const offerOf = (credential: string, childIndex: number) =>
  encodeCredentialOffer({
    credential: credential as SdJwtCompact,
    relationship: relationship.fingerprint,
    childIndex,
  });

const options = { crypto: jws, now: NOW };

describe('receive a W3C VC-JWT by the offline offer', () => {
  it('Given a diploma VC-JWT for the offered child key, when received, then it is stored as jwt_vc_json under its type with its claims and status', async () => {
    const jwt = await diplomaFor(0);
    const received = await receiveCredentialOffer(wallet, offerOf(jwt, 0), options);
    if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
    expect(received.value).toMatchObject({
      format: 'jwt_vc_json',
      compact: jwt,
      typeId: 'diploma',
      vct: 'urn:vouch:diploma:1',
      types: ['VerifiableCredential', 'VouchDiploma'],
      issuer: university.did,
      issuerName: 'My university',
      relationshipIndex: 0,
      childIndex: 0,
      claims: DIPLOMA,
      issuedAt: new Date(NOW.getTime() - 60_000).toISOString(),
      status: { idx: 94567, uri: 'https://uni.example/status/1.w3c' },
    });
    expect(received.value.expiresAt).toBeUndefined();
    expect(await listCredentials(wallet)).toEqual([received.value]);
    expect((await listRelationships(wallet))[0]?.issuerDid).toBe(university.did);
  });

  it('Given a VC-JWT whose sub is another child key than offered, when received, then not-bound-to-wallet and nothing is stored', async () => {
    const received = await receiveCredentialOffer(wallet, offerOf(await diplomaFor(1), 0), options);
    expect(received).toMatchObject({ ok: false, reason: 'not-bound-to-wallet' });
    expect(await listCredentials(wallet)).toEqual([]);
  });

  it('Given a VC-JWT whose payload was changed after signing, when received, then invalid-credential (bad signature) and nothing is stored', async () => {
    const [header, payload, signature] = (await diplomaFor(0)).split('.') as [
      string,
      string,
      string,
    ];
    const decoded = decodeBase64Url(payload);
    if (!decoded.ok) throw new Error('payload');
    const json = JSON.parse(new TextDecoder().decode(decoded.value));
    json.vc.credentialSubject.grade = 'summa cum laude';
    const tampered = `${header}.${encodeBase64Url(utf8ToBytes(JSON.stringify(json)))}.${signature}`;
    const received = await receiveCredentialOffer(wallet, offerOf(tampered, 0), options);
    expect(received).toMatchObject({ ok: false, reason: 'invalid-credential' });
    if (!received.ok) expect(received.detail).toContain('bad-signature');
    expect(await listCredentials(wallet)).toEqual([]);
  });

  it('Given a pinned relationship, when a VC-JWT from another issuer arrives, then issuer-changed naming both DIDs', async () => {
    expect(
      (await receiveCredentialOffer(wallet, offerOf(await diplomaFor(0), 0), options)).ok,
    ).toBe(true);
    const other = await createIssuerKeyFile(jws, 'EdDSA');
    const received = await receiveCredentialOffer(
      wallet,
      offerOf(await diplomaFor(1, { issuer: other }), 1),
      options,
    );
    expect(received).toMatchObject({
      ok: false,
      reason: 'issuer-changed',
      issuerChange: { pinnedIssuer: university.did, offeredIssuer: other.did },
    });
    expect(await listCredentials(wallet)).toHaveLength(1);
  });
});

describe('receive a bare W3C VC-JWT (paste, file, link)', () => {
  it('Given a VC-JWT for a child key the wallet has not used yet, when pasted, then the key is found and the credential stored', async () => {
    const received = await receiveVcJwt(wallet, `  ${await diplomaFor(3)}\n`, options);
    if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
    expect(received.value).toMatchObject({
      format: 'jwt_vc_json',
      childIndex: 3,
      typeId: 'diploma',
    });
  });

  it('Given the same VC-JWT twice, when pasted again, then already-stored', async () => {
    const jwt = await diplomaFor(0);
    expect((await receiveVcJwt(wallet, jwt, options)).ok).toBe(true);
    expect(await receiveVcJwt(wallet, jwt, options)).toMatchObject({
      ok: false,
      reason: 'already-stored',
    });
    expect(await listCredentials(wallet)).toHaveLength(1);
  });

  it('Given a VC-JWT for a key beyond the look-ahead, when pasted, then not-bound-to-wallet', async () => {
    const received = await receiveVcJwt(wallet, await diplomaFor(VC_JWT_LOOKAHEAD), options);
    expect(received).toMatchObject({ ok: false, reason: 'not-bound-to-wallet' });
  });

  it('Given a VC-JWT for someone else’s did:key, when pasted, then not-bound-to-wallet and nothing is stored', async () => {
    const stranger = encodeDidKey('p256-pub', p256.getPublicKey(p256.utils.randomSecretKey()));
    const received = await receiveVcJwt(
      wallet,
      await diplomaFor(0, { subject: stranger }),
      options,
    );
    expect(received).toMatchObject({ ok: false, reason: 'not-bound-to-wallet' });
    expect(await listCredentials(wallet)).toEqual([]);
  });

  it('Given a W3C VC of a type Vouch does not know, when pasted, then unknown-type naming its types', async () => {
    const jwt = await issueVcJwt({
      issuer: { did: university.did, alg: 'ES256', sign: issuerSigner(jws, university) },
      subject: childDidKey(relationship, 0) as Did,
      types: ['EuropassMicroCredential'],
      claims: { title: 'Welding, level 2' },
      issuedAt: NOW,
      randomBytes,
    });
    const received = await receiveVcJwt(wallet, jwt, options);
    expect(received).toMatchObject({ ok: false, reason: 'unknown-type' });
    if (!received.ok) expect(received.detail).toContain('EuropassMicroCredential');
  });

  it('Given a diploma VC-JWT whose claims do not fit the type, when pasted, then invalid-claims', async () => {
    // Issued by did-jwt-vc directly (Vouch's issuer would refuse the claims).
    const secret = p256.utils.randomSecretKey();
    const issuerDid = encodeDidKey('p256-pub', p256.getPublicKey(secret));
    const jwt = await createVerifiableCredentialJwt(
      {
        sub: childDidKey(relationship, 0),
        nbf: Math.floor(NOW.getTime() / 1000) - 60,
        vc: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiableCredential', 'VouchDiploma'],
          credentialSubject: { ...DIPLOMA, eqf_level: 11 },
        },
      },
      { did: issuerDid, signer: ES256Signer(secret), alg: 'ES256' },
    );
    const received = await receiveVcJwt(wallet, jwt, options);
    expect(received).toMatchObject({ ok: false, reason: 'invalid-claims' });
    if (!received.ok) expect(received.detail).toContain('eqf_level');
  });

  it('Given a diploma VC-JWT made by did-jwt-vc with did-jwt’s own signer, when pasted, then it is stored (interop)', async () => {
    const secret = p256.utils.randomSecretKey();
    const issuerDid = encodeDidKey('p256-pub', p256.getPublicKey(secret));
    const jwt = await createVerifiableCredentialJwt(
      {
        sub: childDidKey(relationship, 2),
        nbf: Math.floor(NOW.getTime() / 1000) - 60,
        vc: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiableCredential', 'VouchDiploma'],
          credentialSubject: DIPLOMA,
        },
      },
      { did: issuerDid, signer: ES256Signer(secret), alg: 'ES256' },
    );
    const received = await receiveVcJwt(wallet, jwt, options);
    if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
    expect(received.value).toMatchObject({ issuer: issuerDid, childIndex: 2, claims: DIPLOMA });
  });

  it('Given an expired VC-JWT, when pasted, then invalid-credential (expired)', async () => {
    const jwt = await issueVcJwt({
      issuer: { did: university.did, alg: 'ES256', sign: issuerSigner(jws, university) },
      subject: childDidKey(relationship, 0) as Did,
      typeId: 'diploma',
      claims: DIPLOMA,
      issuedAt: new Date('2025-01-01T00:00:00Z'),
      expiresAt: new Date('2026-01-01T00:00:00Z'),
      randomBytes,
    });
    const received = await receiveVcJwt(wallet, jwt, options);
    expect(received).toMatchObject({ ok: false, reason: 'invalid-credential' });
    if (!received.ok) expect(received.detail).toContain('expired');
  });

  it.each([
    ['an SD-JWT VC', 'eyJhbGciOiJFUzI1NiJ9.eyJ2Y3QiOiJ4In0.c2ln~'],
    ['plain text', 'hello'],
    ['a JWT without vc', 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'],
  ])('Given %s, when pasted as a VC-JWT, then malformed-offer', async (_, text) => {
    expect(await receiveVcJwt(wallet, text, options)).toMatchObject({
      ok: false,
      reason: 'malformed-offer',
    });
  });
});
