import { secp256k1 } from '@noble/curves/secp256k1.js';
import { base58 } from '@scure/base';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { didKeyFromPublicKey, publicKeyFromDidKey } from './did-key.ts';
import vectors from './did-key-vectors.cases.json';
import { jwkToPublicKey } from './jwk.ts';

describe('did:key secp256k1 vectors (w3c-ccg/did-method-key test-vectors/secp256k1.json)', () => {
  it.each(vectors.base58Cases.map((c) => [c.did, c] as const))(
    'Given the private key of %s, when its public key becomes a did:key, then it is that DID and reads back',
    (did, c) => {
      const publicKey = secp256k1.getPublicKey(hexToBytes(c.privateKeyHex), true);
      expect(bytesToHex(publicKey)).toBe(bytesToHex(base58.decode(c.publicKeyBase58)));
      expect(didKeyFromPublicKey(publicKey)).toBe(did);
      const back = publicKeyFromDidKey(did);
      expect(back.ok && bytesToHex(back.value)).toBe(bytesToHex(publicKey));
    },
  );

  it.each(vectors.jwkCases.map((c) => [c.did, c] as const))(
    'Given the JWK of %s, when converted to a did:key, then it is that DID',
    (did, c) => {
      const key = jwkToPublicKey(c.publicKeyJwk);
      expect(key.ok).toBe(true);
      if (key.ok) expect(didKeyFromPublicKey(key.value)).toBe(did);
    },
  );
});

describe('publicKeyFromDidKey refusals', () => {
  const did = vectors.base58Cases[0]!.did;
  it.each([
    ['did:web:example.com', 'not-did-key', 'starting "did:key:"'],
    ['', 'not-did-key', 'starting "did:key:"'],
    [`did:key:m${did.slice(9)}`, 'bad-encoding', 'multibase prefix "z"'],
    [`${did}#${did.slice(8)}`, 'bad-encoding', 'not base58btc'],
    [`${did.slice(0, -1)}0`, 'bad-encoding', 'not base58btc'],
    [
      'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      'unsupported-key-type',
      'secp256k1-pub',
    ],
    [
      `did:key:z${base58.encode(Uint8Array.of(0xe7, 0x01, 0x02, 1, 2, 3))}`,
      'bad-encoding',
      'expected 33 bytes',
    ],
    [
      `did:key:z${base58.encode(Uint8Array.of(0xe7, 0x01, 0x05, ...new Uint8Array(32)))}`,
      'bad-encoding',
      'first byte 0x02 or 0x03',
    ],
  ])('Given %j, when read, then it fails with %s', (input, reason, message) => {
    const result = publicKeyFromDidKey(input);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.detail.message).toContain(message);
  });

  it('Given a 33-byte value whose x is not on the curve, when made into a did:key, then it throws naming the field', () => {
    const notOnCurve = Uint8Array.of(0x02, ...new Uint8Array(31), 0x05);
    expect(() => didKeyFromPublicKey(notOnCurve)).toThrow(
      '"compressed33" x is not the coordinate of a point',
    );
    expect(() => didKeyFromPublicKey(new Uint8Array(65))).toThrow(
      '"compressed33" expected 33 bytes',
    );
  });
});
