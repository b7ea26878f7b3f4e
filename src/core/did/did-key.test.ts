import { base58 } from '@scure/base';
import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { encodeBase64Url } from '../encoding/base64url.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import { didJwkFromJwk } from './did-jwk.ts';
import { didKeyFromJwk, didKeyVerificationMethod, resolveDidKey } from './did-key.ts';
import vectors from './did-key-vectors.cases.json' with { type: 'json' };

describe('did:key for P-256 (W3C did-method-key test vectors, nist-curves.json)', () => {
  it.each(vectors.p256)(
    'Given $did, when resolved and re-encoded, then the JWK and the DID match the vector',
    ({ did, publicJwk }) => {
      expect(did.startsWith('did:key:zDn')).toBe(true);
      expect(resolveDidKey(did)).toEqual({ ok: true, value: publicJwk });
      expect(didKeyFromJwk(publicJwk as PublicJwk)).toBe(did);
    },
  );
});

describe('did:key for Ed25519 (W3C did-method-key test vectors, ed25519-x25519.json)', () => {
  it.each(vectors.ed25519)(
    'Given $did, when derived from the seed and resolved, then both match',
    (vector) => {
      const publicKey = ed25519.getPublicKey(hexToBytes(vector.seedHex));
      if (vector.publicKeyBase58 !== undefined)
        expect(base58.encode(publicKey)).toBe(vector.publicKeyBase58);
      const jwk: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: encodeBase64Url(publicKey) };
      expect(didKeyFromJwk(jwk)).toBe(vector.did);
      expect(vector.did.startsWith('did:key:z6Mk')).toBe(true);
      expect(resolveDidKey(vector.did)).toEqual({ ok: true, value: jwk });
    },
  );
});

describe('did:key verification method and did:jwk', () => {
  const did = vectors.p256[0]!.did as Did;
  const jwk = vectors.p256[0]!.publicJwk as PublicJwk;

  it('Given a did:key, then its kid is did#multibase and resolves to the same key', () => {
    const kid = didKeyVerificationMethod(did);
    expect(kid).toBe(`${did}#${did.slice('did:key:'.length)}`);
    expect(resolveDidKey(kid)).toEqual({ ok: true, value: jwk });
  });

  it('Given a JWK, when made into a did:jwk and resolved (also as did#0), then the JWK comes back', () => {
    const didJwk = didJwkFromJwk(jwk);
    expect(didJwk.startsWith('did:jwk:eyJ')).toBe(true);
    expect(resolveDidKey(didJwk)).toEqual({ ok: true, value: jwk });
    expect(resolveDidKey(`${didJwk}#0`)).toEqual({ ok: true, value: jwk });
  });

  it.each([
    ['not a DID', 'https://issuer.example', 'not-did'],
    ['did:web', 'did:web:issuer.example', 'unsupported-did-method'],
    ['a wrong did:key fragment', `${did}#key-1`, 'bad-encoding'],
    ['a did:jwk fragment other than #0', `${didJwkFromJwk(jwk)}#1`, 'bad-encoding'],
    ['base64 multibase', `did:key:m${did.slice(9)}`, 'bad-encoding'],
    [
      'an X25519 did:key (key agreement, not signing)',
      'did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW',
      'unsupported-key-type',
    ],
    [
      'a did:jwk with a private key',
      didJwkFromJwk({
        ...jwk,
        d: 'gPh-VvVS8MbvKQ9LSVVmfnxnKjHn4Tqj0bmbpehRlpc',
      } as unknown as PublicJwk),
      'unsupported-key-type',
    ],
    ['a did:jwk of garbage', 'did:jwk:bm90IGpzb24', 'bad-encoding'],
    ['a huge did:key', `did:key:z${'1'.repeat(10_000)}`, 'bad-encoding'],
    ['a number', 42, 'not-did'],
  ])('Given %s, when resolved, then it fails', (_name, input, reason) => {
    expect(resolveDidKey(input as string)).toMatchObject({ ok: false, reason });
  });
});
