// jwt key proofs (OpenID4VCI 1.0 §8.2.1.1, Appendix F.1/F.4): made by the holder, checked by the
// issuer — and every forged, tampered or stale proof refused before or at the signature.
import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { didKeyFromJwk } from '../did/index.ts';
import { encodeBase64Url, utf8ToBytes } from '../encoding/index.ts';
import { decodeCompactJws, nobleJwsCrypto, publicJwkOf, signCompactJws } from '../jose/index.ts';
import type { JwsAlgorithm, PrivateJwk } from '../jose/index.ts';
import { createKeyProof, KEY_PROOF_TYP, MAX_PROOF_LENGTH, verifyKeyProof } from './proof.ts';
import type { ProofKey } from './proof.ts';

const crypto = nobleJwsCrypto({ randomBytes });
const ISSUER = 'https://issuer.example';
const NOW = new Date('2026-10-01T09:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const NONCE = 'wKI4LT17ac15ES9bw8ac4';

async function keyPair(alg: JwsAlgorithm = 'ES256K') {
  const { publicJwk, privateJwk } = await crypto.generateKeyPair(alg);
  const key: ProofKey = { publicJwk, alg, sign: (data) => crypto.sign(alg, privateJwk, data) };
  return { key, privateJwk };
}

/** A proof with any header and payload, signed by `privateJwk`. */
async function forge(
  privateJwk: PrivateJwk,
  alg: JwsAlgorithm,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
) {
  return signCompactJws({
    header: { alg, ...header },
    payload,
    sign: (data) => crypto.sign(alg, privateJwk, data),
  });
}

const verify = (jwt: unknown, expectedNonce: string | undefined = NONCE) =>
  verifyKeyProof(jwt, {
    crypto,
    credentialIssuer: ISSUER,
    ...(expectedNonce === undefined ? {} : { expectedNonce }),
    now: NOW,
  });

describe('Given a proof made by createKeyProof', () => {
  it.each(['ES256K', 'ES256', 'EdDSA'] as const)(
    'when the key is %s, then it verifies and names the key',
    async (alg) => {
      const { key } = await keyPair(alg);
      const jwt = await createKeyProof({ key, credentialIssuer: ISSUER, nonce: NONCE, now: NOW });
      const decoded = decodeCompactJws(jwt);
      if (!decoded.ok) throw new Error(decoded.detail.message);
      const { header, payload } = decoded.value;
      expect(header).toEqual({ alg, typ: KEY_PROOF_TYP, jwk: publicJwkOf(key.publicJwk) });
      expect(payload).toEqual({ aud: ISSUER, iat: NOW_SECONDS, nonce: NONCE });
      expect(await verify(jwt)).toEqual({ ok: true, value: { jwk: key.publicJwk, nonce: NONCE } });
    },
  );

  it('when the issuer expects another nonce, then invalid_nonce', async () => {
    const { key } = await keyPair();
    const jwt = await createKeyProof({ key, credentialIssuer: ISSUER, nonce: NONCE, now: NOW });
    const result = await verify(jwt, 'another');
    expect(result.ok ? 'ok' : result.reason).toBe('invalid_nonce');
  });

  it('when it has no nonce and the issuer expects one, then invalid_nonce; without expectation it verifies', async () => {
    const { key } = await keyPair();
    const jwt = await createKeyProof({ key, credentialIssuer: ISSUER, now: NOW });
    const expecting = await verify(jwt);
    expect(expecting.ok ? 'ok' : expecting.reason).toBe('invalid_nonce');
    expect((await verifyKeyProof(jwt, { crypto, credentialIssuer: ISSUER, now: NOW })).ok).toBe(
      true,
    );
  });
});

describe('Given a forged or tampered proof, then it is invalid_proof', () => {
  const good = { aud: ISSUER, iat: NOW_SECONDS, nonce: NONCE };

  it.each([
    ['typ missing', {}, good],
    ['typ of a key binding JWT', { typ: 'kb+jwt' }, good],
    ['typ of an SD-JWT VC', { typ: 'dc+sd-jwt' }, good],
    ['aud of another issuer', { typ: KEY_PROOF_TYP }, { ...good, aud: 'https://evil.example' }],
    ['aud missing', { typ: KEY_PROOF_TYP }, { iat: NOW_SECONDS, nonce: NONCE }],
    ['two audiences', { typ: KEY_PROOF_TYP }, { ...good, aud: [ISSUER, 'https://evil.example'] }],
    ['iat missing', { typ: KEY_PROOF_TYP }, { aud: ISSUER, nonce: NONCE }],
    ['iat as a string', { typ: KEY_PROOF_TYP }, { ...good, iat: String(NOW_SECONDS) }],
    ['iat in the future', { typ: KEY_PROOF_TYP }, { ...good, iat: NOW_SECONDS + 3600 }],
    ['iat ten minutes old', { typ: KEY_PROOF_TYP }, { ...good, iat: NOW_SECONDS - 600 }],
    ['iat of 1e300', { typ: KEY_PROOF_TYP }, { ...good, iat: 1e300 }],
    ['exp in the past', { typ: KEY_PROOF_TYP }, { ...good, exp: NOW_SECONDS - 3600 }],
    ['a nonce that is a number', { typ: KEY_PROOF_TYP }, { ...good, nonce: 7 }],
  ])('when it has %s', async (_name, header, payload) => {
    const { key, privateJwk } = await keyPair();
    const jwt = await forge(privateJwk, 'ES256K', { jwk: key.publicJwk, ...header }, payload);
    const result = await verify(jwt);
    expect(result.ok ? 'ok' : result.reason).toBe('invalid_proof');
  });

  it('when the typ has the application/ prefix (RFC 7515 §4.1.9), then it is accepted', async () => {
    const { key, privateJwk } = await keyPair();
    const jwt = await forge(
      privateJwk,
      'ES256K',
      { typ: `application/${KEY_PROOF_TYP}`, jwk: key.publicJwk },
      good,
    );
    expect((await verify(jwt)).ok).toBe(true);
  });

  it('when the jwk carries the private key, then it is refused and the key is not echoed', async () => {
    const { privateJwk } = await keyPair();
    const jwt = await forge(privateJwk, 'ES256K', { typ: KEY_PROOF_TYP, jwk: privateJwk }, good);
    const result = await verify(jwt);
    expect(result.ok ? 'ok' : result.detail.message).toMatch(/private key members \(d\)/);
    expect(JSON.stringify(result)).not.toContain(privateJwk.d);
  });

  it('when it names the key twice (jwk and kid), then it is refused', async () => {
    const { key, privateJwk } = await keyPair();
    const jwt = await forge(
      privateJwk,
      'ES256K',
      { typ: KEY_PROOF_TYP, jwk: key.publicJwk, kid: didKeyFromJwk(key.publicJwk) },
      good,
    );
    expect((await verify(jwt)).ok).toBe(false);
  });

  it('when it names no key, or only x5c, then it is refused', async () => {
    const { privateJwk } = await keyPair();
    expect((await verify(await forge(privateJwk, 'ES256K', { typ: KEY_PROOF_TYP }, good))).ok).toBe(
      false,
    );
    expect(
      (await verify(await forge(privateJwk, 'ES256K', { typ: KEY_PROOF_TYP, x5c: ['MIIB'] }, good)))
        .ok,
    ).toBe(false);
  });

  it('when the key is a did:key kid, then it verifies with that key', async () => {
    const { key, privateJwk } = await keyPair('ES256');
    const jwt = await forge(
      privateJwk,
      'ES256',
      { typ: KEY_PROOF_TYP, kid: didKeyFromJwk(key.publicJwk) },
      good,
    );
    expect(await verify(jwt)).toEqual({ ok: true, value: { jwk: key.publicJwk, nonce: NONCE } });
  });

  it('when it is signed by another key than the one it names, then the signature fails', async () => {
    const { key } = await keyPair();
    const { privateJwk: other } = await keyPair();
    const jwt = await forge(other, 'ES256K', { typ: KEY_PROOF_TYP, jwk: key.publicJwk }, good);
    expect((await verify(jwt)).ok).toBe(false);
  });

  it('when the payload is changed after signing, then the signature fails', async () => {
    const { key } = await keyPair();
    const jwt = await createKeyProof({ key, credentialIssuer: ISSUER, nonce: NONCE, now: NOW });
    const [header, , signature] = jwt.split('.');
    const payload = encodeBase64Url(
      utf8ToBytes(JSON.stringify({ aud: ISSUER, iat: NOW_SECONDS, nonce: 'stolen' })),
    );
    const result = await verifyKeyProof(`${header}.${payload}.${signature}`, {
      crypto,
      credentialIssuer: ISSUER,
      expectedNonce: 'stolen',
      now: NOW,
    });
    expect(result.ok ? 'ok' : result.reason).toBe('invalid_proof');
  });

  it('when alg is none or HS256, then it is refused before any key is used', async () => {
    const { key } = await keyPair();
    for (const alg of ['none', 'HS256', 'RS256']) {
      const header = encodeBase64Url(
        utf8ToBytes(JSON.stringify({ alg, typ: KEY_PROOF_TYP, jwk: key.publicJwk })),
      );
      const payload = encodeBase64Url(utf8ToBytes(JSON.stringify(good)));
      const result = await verify(`${header}.${payload}.`);
      expect(result.ok ? 'ok' : result.reason).toBe('invalid_proof');
    }
  });

  it('when the header alg does not fit the key, then it is refused', async () => {
    const { key, privateJwk } = await keyPair('ES256');
    // An ES256 key claimed as ES256K.
    const header = encodeBase64Url(
      utf8ToBytes(JSON.stringify({ alg: 'ES256K', typ: KEY_PROOF_TYP, jwk: key.publicJwk })),
    );
    const payload = encodeBase64Url(utf8ToBytes(JSON.stringify(good)));
    const signature = await crypto.sign('ES256', privateJwk, utf8ToBytes(`${header}.${payload}`));
    expect((await verify(`${header}.${payload}.${encodeBase64Url(signature)}`)).ok).toBe(false);
  });

  it.each([
    ['not a string', 42],
    ['empty', ''],
    ['two parts', 'a.b'],
    ['garbage', '!!!.???.***'],
    ['oversized', `${'a'.repeat(MAX_PROOF_LENGTH)}.b.c`],
  ])('when it is %s, then it is invalid_proof', async (_name, jwt) => {
    const result = await verify(jwt);
    expect(result.ok ? 'ok' : result.reason).toBe('invalid_proof');
  });
});
