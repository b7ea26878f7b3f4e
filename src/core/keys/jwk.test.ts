import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url } from '../encoding/base64url.ts';
import vectors from './did-key-vectors.cases.json';
import thumbprints from './jwk-thumbprint.cases.json';
import { jwkThumbprint, jwkToPublicKey, privateKeyToJwk, publicKeyToJwk } from './jwk.ts';
import type { Secp256k1PublicJwk } from './jwk.ts';

const w3c = vectors.jwkCases[0]!;

describe('secp256k1 JWK', () => {
  it('Given the w3c-ccg private JWK, when its d is turned into JWKs, then they equal the vector', () => {
    const d = decodeBase64Url(w3c.privateKeyJwk.d);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(privateKeyToJwk(d.value)).toEqual(w3c.privateKeyJwk);
    expect(publicKeyToJwk(secp256k1.getPublicKey(d.value, true))).toEqual(w3c.publicKeyJwk);
  });

  it('Given random keys (both y parities), when converted to a JWK and back, then the compressed key round-trips', () => {
    const prefixes = new Set<number>();
    for (let i = 0; i < 16; i++) {
      const publicKey = secp256k1.getPublicKey(secp256k1.utils.randomSecretKey(), true);
      prefixes.add(publicKey[0]!);
      const back = jwkToPublicKey(publicKeyToJwk(publicKey));
      expect(back.ok && bytesToHex(back.value)).toBe(bytesToHex(publicKey));
    }
    expect(prefixes.size).toBe(2);
  });

  it('Given a JWK with extra members (kid, alg, d), when read, then they are ignored', () => {
    const result = jwkToPublicKey({ ...w3c.privateKeyJwk, kid: 'k1', alg: 'ES256K' });
    expect(result.ok).toBe(true);
  });

  const y = w3c.publicKeyJwk.y;
  it.each([
    ['null', null, 'expected a JWK object, got null'],
    ['an array', [], 'got an array'],
    ['an OKP key', { ...w3c.publicKeyJwk, kty: 'OKP' }, '"kty" expected "EC", got "OKP"'],
    [
      'a P-256 key',
      { ...w3c.publicKeyJwk, crv: 'P-256' },
      '"crv" expected "secp256k1", got "P-256"',
    ],
    [
      'a missing y',
      { kty: 'EC', crv: 'secp256k1', x: w3c.publicKeyJwk.x },
      '"y" expected a base64url string',
    ],
    ['padded base64', { ...w3c.publicKeyJwk, x: `${w3c.publicKeyJwk.x}=` }, '"x" is not base64url'],
    [
      'a short x',
      { ...w3c.publicKeyJwk, x: w3c.publicKeyJwk.x.slice(0, 40) },
      '"x" expected 32 bytes, got 30',
    ],
    [
      'a point off the curve',
      { ...w3c.publicKeyJwk, y: `${y.slice(0, -2)}${y.endsWith('AA') ? 'Ag' : 'AA'}` },
      'not a point on secp256k1',
    ],
  ])(
    'Given %s, when read as a JWK, then it is refused naming the problem',
    (_name, input, message) => {
      const result = jwkToPublicKey(input);
      expect(result).toMatchObject({ ok: false, reason: 'bad-jwk' });
      if (!result.ok) expect(result.detail.message).toContain(message);
    },
  );
});

describe('RFC 7638 thumbprint', () => {
  it.each(thumbprints.cases.map((c) => [c.name, c] as const))(
    'Given %s, when its thumbprint is computed, then it is the known value',
    (_name, c) => {
      expect(jwkThumbprint(c.jwk as Secp256k1PublicJwk)).toBe(c.thumbprint);
    },
  );

  it('Given a JWK with members in another order, when its thumbprint is computed, then it is unchanged', () => {
    const c = thumbprints.cases[0]!;
    const reordered = {
      y: c.jwk.y,
      x: c.jwk.x,
      kty: c.jwk.kty,
      crv: c.jwk.crv,
    } as Secp256k1PublicJwk;
    expect(jwkThumbprint(reordered)).toBe(c.thumbprint);
  });
});
