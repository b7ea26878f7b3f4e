// Cross-checks src/core/keys (pure-JS noble) against Node's OpenSSL: an independent implementation
// of secp256k1 ECDSA and JWK export. Lives here because core tests may not import node:*.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../core/encoding/base64url.ts';
import {
  es256kSigner,
  es256kVerifier,
  jwkToPublicKey,
  privateKeyToJwk,
  publicKeyToJwk,
} from '../../core/keys/index.ts';

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const MESSAGE = Buffer.from('header.payload', 'ascii');

function opensslKeyPair() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const jwk = privateKey.export({ format: 'jwk' }) as JsonWebKey & { d: string };
  const d = decodeBase64Url(jwk.d);
  if (!d.ok) throw new Error('OpenSSL exported a bad d');
  return { privateKey, jwk, d: d.value };
}

describe('ES256K and JWK against OpenSSL', () => {
  it('Given an OpenSSL key pair, when our code builds the JWKs from d, then they equal OpenSSL’s export', () => {
    const { jwk, d } = opensslKeyPair();
    const ours = privateKeyToJwk(d);
    expect(ours).toEqual({ kty: 'EC', crv: 'secp256k1', x: jwk.x, y: jwk.y, d: jwk.d });
    const publicKey = jwkToPublicKey(jwk);
    expect(publicKey.ok && publicKeyToJwk(publicKey.value)).toEqual({
      kty: 'EC',
      crv: 'secp256k1',
      x: jwk.x,
      y: jwk.y,
    });
  });

  it('Given our ES256K signature, when OpenSSL verifies it as IEEE P1363 r||s over SHA-256, then it is valid', async () => {
    const { jwk, d } = opensslKeyPair();
    const signature = await es256kSigner(d)(MESSAGE);
    const key = createPublicKey({
      key: { kty: 'EC', crv: 'secp256k1', x: jwk.x, y: jwk.y },
      format: 'jwk',
    });
    expect(verify('sha256', MESSAGE, { key, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
  });

  it('Given OpenSSL signatures (randomised, either S), when our verifier checks them, then low-S passes and high-S is refused', async () => {
    const { privateKey, jwk } = opensslKeyPair();
    const publicKey = jwkToPublicKey(jwk);
    if (!publicKey.ok) throw new Error('bad jwk');
    const verifier = es256kVerifier(publicKey.value);
    for (let i = 0; i < 8; i++) {
      const signature = new Uint8Array(
        sign('sha256', MESSAGE, { key: privateKey, dsaEncoding: 'ieee-p1363' }),
      );
      const s = BigInt(`0x${Buffer.from(signature.subarray(32)).toString('hex')}`);
      const lowS = s <= N / 2n ? s : N - s;
      const highS = N - lowS;
      const withS = (value: bigint) =>
        Uint8Array.of(
          ...signature.subarray(0, 32),
          ...Buffer.from(value.toString(16).padStart(64, '0'), 'hex'),
        );
      expect(await verifier(MESSAGE, withS(lowS))).toBe(true);
      expect(await verifier(MESSAGE, withS(highS))).toBe(false);
    }
  });

  it('Given a private JWK of ours, when OpenSSL imports it, then it derives the same public key', () => {
    const { d } = opensslKeyPair();
    const ours = privateKeyToJwk(d);
    const imported = createPrivateKey({ key: { ...ours }, format: 'jwk' });
    const exported = createPublicKey(imported).export({ format: 'jwk' });
    expect(exported.x).toBe(ours.x);
    expect(exported.y).toBe(ours.y);
    expect(encodeBase64Url(d)).toBe(ours.d);
  });
});
