// Who asks: registration certificates in verifier_info and verifier trust lists (docs/ux.md
// §Consent and who asks), read from real signed requests, and certificates made by `jose` (a peer).
import { SignJWT, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { didKeyFromJwk } from '../did/did-key.ts';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { dcqlForClaims } from '../protocol/dcql.ts';
import { createPresentationRequest, verifyPresentationRequest } from '../protocol/request.ts';
import type { PresentationRequest, VerifierInfoEntry } from '../protocol/request.ts';
import { signTrustList } from './sign-trust-list.ts';
import {
  readRegistrationCertificate,
  registeredNameIn,
  signRegistrationCertificate,
  VERIFIER_VCT,
  verifierStanding,
} from './verifier-registration.ts';

const crypto = nobleJwsCrypto({ randomBytes: seededRandomBytes('verifier registration') });
const NOW = new Date('2026-12-02T15:00:00Z');
const DAY = 86_400_000;

async function party(alg: JwsAlgorithm = 'ES256') {
  const { publicJwk, privateJwk } = await crypto.generateKeyPair(alg);
  const did = didKeyFromJwk(publicJwk);
  return {
    did,
    alg,
    publicJwk,
    privateJwk,
    sign: (data: Uint8Array) => crypto.sign(alg, privateJwk, data),
  };
}

const authority = await party('ES256');
const otherAuthority = await party('EdDSA');
const verifier = await party('ES256');
const stranger = await party('ES256');

const certificate = (overrides: Partial<Parameters<typeof signRegistrationCertificate>[0]> = {}) =>
  signRegistrationCertificate({
    authority,
    verifier: verifier.did,
    name: { nl: 'Gemeente Utrecht', fr: 'Commune d’Utrecht', en: 'Municipality of Utrecht' },
    issuedAt: new Date(NOW.getTime() - DAY),
    ...overrides,
  });

async function requestWith(verifierInfo: readonly VerifierInfoEntry[], by = verifier) {
  const jws = await createPresentationRequest({
    verifier: by,
    verifierName: 'Gemeente Utrecht',
    purpose: 'Bijstand',
    dcql: dcqlForClaims({
      id: 'income',
      vct: 'urn:vouch:income-statement:1',
      required: ['period'],
      optional: [],
    }),
    responseMode: 'vouch_qr',
    nonce: 'q6vS3kQm9ZbX1c2d3e4f5g',
    now: NOW,
    verifierInfo,
  });
  const read = await verifyPresentationRequest(jws, { crypto, now: NOW });
  if (!read.ok) throw new Error(read.detail.message);
  return read.value;
}

const standingOf = (request: PresentationRequest, trustLists: string[] = []) =>
  verifierStanding(request, { authorities: [authority.did], trustLists, crypto, now: NOW });

/** The same JWS with its payload replaced (signature kept). */
function tamper(jwt: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<
    string,
    unknown
  >;
  change(json);
  return `${header}.${encodeBase64Url(utf8ToBytes(JSON.stringify(json)))}.${signature}`;
}

describe('verifierStanding from a registration certificate', () => {
  it('Given a valid certificate by a trusted authority, then the verifier is registered under its name', async () => {
    const request = await requestWith([{ format: 'jwt', data: await certificate() }]);
    const standing = await standingOf(request);
    expect(standing).toEqual({
      kind: 'registered',
      verifier: verifier.did,
      authority: authority.did,
      name: { nl: 'Gemeente Utrecht', fr: 'Commune d’Utrecht', en: 'Municipality of Utrecht' },
    });
    if (standing.kind === 'registered') {
      expect(registeredNameIn(standing.name, 'fr')).toBe('Commune d’Utrecht');
    }
  });

  it('Given a certificate for another verifier (wrong sub), then not verified, calling itself by its own name', async () => {
    const data = await certificate({ verifier: stranger.did });
    expect(await standingOf(await requestWith([{ format: 'jwt', data }]))).toEqual({
      kind: 'not-verified',
      callsItself: 'Gemeente Utrecht',
    });
  });

  it('Given an expired certificate, then not verified', async () => {
    const data = await certificate({
      issuedAt: new Date(NOW.getTime() - 40 * DAY),
      expiresAt: new Date(NOW.getTime() - DAY),
    });
    expect((await standingOf(await requestWith([{ format: 'jwt', data }]))).kind).toBe(
      'not-verified',
    );
    expect(await readRegistrationCertificate(data, { crypto, now: NOW })).toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });

  it('Given a certificate not yet valid (iat beyond the 60 s skew), then not verified; within the skew it counts', async () => {
    const later = await certificate({ issuedAt: new Date(NOW.getTime() + 5 * 60_000) });
    expect((await standingOf(await requestWith([{ format: 'jwt', data: later }]))).kind).toBe(
      'not-verified',
    );
    expect(await readRegistrationCertificate(later, { crypto, now: NOW })).toMatchObject({
      reason: 'not-yet-valid',
    });
    const skewed = await certificate({ issuedAt: new Date(NOW.getTime() + 30_000) });
    expect((await standingOf(await requestWith([{ format: 'jwt', data: skewed }]))).kind).toBe(
      'registered',
    );
  });

  it('Given a certificate by an authority the wallet does not trust, then not verified', async () => {
    const data = await certificate({ authority: otherAuthority });
    expect((await standingOf(await requestWith([{ format: 'jwt', data }]))).kind).toBe(
      'not-verified',
    );
    // The same certificate counts once the wallet trusts that authority.
    const request = await requestWith([{ format: 'jwt', data }]);
    const trusted = await verifierStanding(request, {
      authorities: [otherAuthority.did],
      crypto,
      now: NOW,
    });
    expect(trusted.kind).toBe('registered');
  });

  it('Given a certificate whose signature is not the authority’s, then not verified', async () => {
    const good = await certificate();
    const [header, payload] = good.split('.') as [string, string];
    const forged = `${header}.${payload}.${encodeBase64Url(await stranger.sign(utf8ToBytes(`${header}.${payload}`)))}`;
    expect((await standingOf(await requestWith([{ format: 'jwt', data: forged }]))).kind).toBe(
      'not-verified',
    );
    expect(await readRegistrationCertificate(forged, { crypto })).toMatchObject({
      reason: 'bad-signature',
    });
  });

  it('Given a tampered payload (another name), then not verified', async () => {
    const data = tamper(await certificate(), (payload) => {
      payload.name = 'Belastingdienst';
    });
    expect((await standingOf(await requestWith([{ format: 'jwt', data }]))).kind).toBe(
      'not-verified',
    );
    expect(await readRegistrationCertificate(data, { crypto })).toMatchObject({
      reason: 'bad-signature',
    });
  });

  it('Given a certificate with alg none, then it is refused before any key is looked up', async () => {
    const part = (value: unknown) => encodeBase64Url(utf8ToBytes(JSON.stringify(value)));
    const data = `${part({ alg: 'none', typ: 'rc-rp+jwt' })}.${part({
      iss: authority.did,
      sub: `decentralized_identifier:${verifier.did}`,
      name: 'Gemeente Utrecht',
      iat: NOW.getTime() / 1000 - 10,
      exp: NOW.getTime() / 1000 + 1000,
    })}.`;
    expect((await standingOf(await requestWith([{ format: 'jwt', data }]))).kind).toBe(
      'not-verified',
    );
    expect(await readRegistrationCertificate(data, { crypto })).toMatchObject({
      reason: 'unsupported-alg',
    });
  });

  it('Given an oversized certificate, then it is skipped unread', async () => {
    const big = await signCompactJws({
      header: { alg: 'ES256', typ: 'rc-rp+jwt', kid: `${authority.did}#${authority.did.slice(8)}` },
      payload: {
        iss: authority.did,
        sub: `decentralized_identifier:${verifier.did}`,
        name: 'Gemeente Utrecht',
        padding: 'x'.repeat(9000),
        iat: NOW.getTime() / 1000 - 10,
        exp: NOW.getTime() / 1000 + 1000,
      },
      sign: authority.sign,
    });
    expect(await readRegistrationCertificate(big, { crypto })).toMatchObject({
      reason: 'malformed',
    });
    // The request parser drops it already; handed over directly, the standing skips it too.
    const request = await requestWith([]);
    expect(
      (await standingOf({ ...request, verifierInfo: [{ format: 'jwt', data: big }] })).kind,
    ).toBe('not-verified');
  });

  it('Given 5 verifier_info entries with the valid certificate fifth, then only 4 are read: not verified', async () => {
    const good = await certificate();
    const junk = { format: 'jwt', data: 'not.a.jwt' };
    const fifth = await requestWith([junk, junk, junk, junk]);
    expect(fifth.verifierInfo).toHaveLength(4);
    const withFive = {
      ...fifth,
      verifierInfo: [junk, junk, junk, junk, { format: 'jwt', data: good }],
    };
    expect((await standingOf(withFive)).kind).toBe('not-verified');
    const fourth = { ...fifth, verifierInfo: [junk, junk, junk, { format: 'jwt', data: good }] };
    expect((await standingOf(fourth)).kind).toBe('registered');
  });

  it('Given a certificate under a format other than jwt, then it is ignored', async () => {
    const data = await certificate();
    expect((await standingOf(await requestWith([{ format: 'x509', data }]))).kind).toBe(
      'not-verified',
    );
  });

  it('Given a request whose own signature fails, then it is refused, and a request not verified never counts its certificate', async () => {
    const data = await certificate();
    const jws = await createPresentationRequest({
      verifier,
      dcql: dcqlForClaims({
        id: 'income',
        vct: 'urn:vouch:income-statement:1',
        required: ['period'],
        optional: [],
      }),
      responseMode: 'vouch_qr',
      nonce: 'q6vS3kQm9ZbX1c2d3e4f5g',
      now: NOW,
      verifierInfo: [{ format: 'jwt', data }],
    });
    const [header, payload] = jws.split('.') as [string, string];
    const badSignature = `${header}.${payload}.${encodeBase64Url(await stranger.sign(utf8ToBytes(`${header}.${payload}`)))}`;
    expect(await verifyPresentationRequest(badSignature, { crypto, now: NOW })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    const request = await requestWith([{ format: 'jwt', data }]);
    expect((await standingOf({ ...request, verified: false })).kind).toBe('not-verified');
    expect(
      (
        await standingOf({
          ...request,
          verifier: { kind: 'redirect_uri', uri: 'https://rp.example/cb' },
        })
      ).kind,
    ).toBe('not-verified');
  });

  it('Given a certificate signed by jose (a peer), when read, then it is registered', async () => {
    const peer = await crypto.generateKeyPair('ES256');
    const peerDid = didKeyFromJwk(peer.publicJwk);
    const key = await importJWK({ ...peer.privateJwk, alg: 'ES256' } as never, 'ES256');
    const iat = Math.floor(NOW.getTime() / 1000) - 60;
    const data = await new SignJWT({ name: 'Gemeente Utrecht' })
      .setProtectedHeader({ alg: 'ES256', typ: 'rc-rp+jwt', kid: `${peerDid}#${peerDid.slice(8)}` })
      .setIssuer(peerDid)
      .setSubject(`decentralized_identifier:${verifier.did}`)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 3600)
      .sign(key);
    const request = await requestWith([{ format: 'jwt', data }]);
    expect(
      await verifierStanding(request, { authorities: [peerDid], crypto, now: NOW }),
    ).toMatchObject({ kind: 'registered', name: 'Gemeente Utrecht', authority: peerDid });
  });
});

describe('verifierStanding from a verifier trust list', () => {
  const list = (
    by: typeof authority,
    entries = [{ did: verifier.did, name: 'SVB', vct: [VERIFIER_VCT] }],
    expiresAt?: Date,
  ) =>
    signTrustList({
      issuer: { did: by.did as Did, alg: by.alg, sign: by.sign },
      name: 'Register of verifiers',
      entries,
      issuedAt: new Date(NOW.getTime() - 2 * DAY),
      ...(expiresAt === undefined ? {} : { expiresAt }),
    });

  it('Given a list by a trusted authority naming the verifier, then listed under the list’s name for it', async () => {
    const request = await requestWith([]);
    expect(await standingOf(request, [await list(authority)])).toEqual({
      kind: 'listed',
      verifier: verifier.did,
      name: 'SVB',
      listName: 'Register of verifiers',
      authority: authority.did,
    });
  });

  it('Given a list by an untrusted signer, an expired list, or an entry for issuers only, then not verified', async () => {
    const request = await requestWith([]);
    expect((await standingOf(request, [await list(otherAuthority)])).kind).toBe('not-verified');
    expect(
      (await standingOf(request, [await list(authority, undefined, new Date(NOW.getTime() - DAY))]))
        .kind,
    ).toBe('not-verified');
    const issuerEntry = [{ did: verifier.did, name: 'SVB', vct: ['urn:vouch:diploma:1'] }];
    expect((await standingOf(request, [await list(authority, issuerEntry)])).kind).toBe(
      'not-verified',
    );
    expect((await standingOf(request, ['garbage'])).kind).toBe('not-verified');
  });
});

describe('signRegistrationCertificate', () => {
  it('Given a name per language without nl, or a verifier that is no DID, then it throws', async () => {
    await expect(certificate({ name: { en: 'X' } as never })).rejects.toThrow(/nl/);
    await expect(certificate({ verifier: 'https://x.example' })).rejects.toThrow(/DID/);
  });
});
