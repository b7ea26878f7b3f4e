import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { CHILD_VECTORS } from './child-key-vectors.ts';
import { childKeyDeriver, nobleTweakAdd } from './child-key.ts';
import type { TweakAddPort } from './child-key.ts';
import { deriveCredentialPublicKey, describeKey, relationshipPath } from './hd.ts';
import { publicKeyToJwk } from './jwk.ts';

const SEED = hexToBytes('000102030405060708090a0b0c0d0e0f');
const ORDER = secp256k1.Point.Fn.ORDER;
const scalarBytes = (n: bigint) => hexToBytes(n.toString(16).padStart(64, '0'));

describe('childKeyDeriver (noble port)', () => {
  it('has the non-hardened steps of the BIP32 vectors and the Vouch key tree to check', () => {
    expect(CHILD_VECTORS.map((v) => v.name)).toEqual([
      "Test vector 1 m/0'/1",
      "Test vector 1 m/0'/1/2'/2",
      "Test vector 1 m/0'/1/2'/2/1000000000",
      'Test vector 2 m/0',
      "Test vector 2 m/0/2147483647'/1",
      "Test vector 2 m/0/2147483647'/1/2147483646'/2",
      "Vouch key tree m/7467'/0'/0'/0",
      "Vouch key tree m/7467'/0'/0'/1",
    ]);
  });

  it.each(CHILD_VECTORS)(
    'Given $name, when derived from its parent xpub, then the public key matches',
    ({ parentXpub, index, publicKeyHex }) => {
      const child = childKeyDeriver(parentXpub)(index);
      expect(bytesToHex(child.publicKey)).toBe(publicKeyHex);
      expect(child.jwk).toEqual(publicKeyToJwk(hexToBytes(publicKeyHex)));
    },
  );

  it('Given a relationship xpub, when children are derived, then each equals deriveCredentialPublicKey', () => {
    const { xpub } = describeKey(SEED, relationshipPath(3));
    const derive = childKeyDeriver(xpub);
    for (const index of [0, 1, 2, 77, 65_535, 2 ** 31 - 1]) {
      expect(bytesToHex(derive(index).publicKey)).toBe(
        bytesToHex(deriveCredentialPublicKey(xpub, index)),
      );
    }
  });

  it('Given a hardened or malformed index, when derived, then it is refused', () => {
    const derive = childKeyDeriver(describeKey(SEED, relationshipPath(0)).xpub);
    expect(() => derive(2 ** 31)).toThrow('"index" expected an integer in range 0..2147483647');
    expect(() => derive(-1)).toThrow('"index"');
    expect(() => derive(1.5)).toThrow('"index"');
  });

  it('Given a port that calls child 9 invalid, when derived, then child 10 stands in, as in BIP32', () => {
    const { xpub } = describeKey(SEED, relationshipPath(1));
    const refusing9: TweakAddPort = {
      forPoint: (key) => {
        const add = nobleTweakAdd.forPoint(key);
        return (tweak) => (refused++ === 0 ? undefined : add(tweak));
      },
    };
    let refused = 0;
    expect(bytesToHex(childKeyDeriver(xpub, refusing9)(9).publicKey)).toBe(
      bytesToHex(deriveCredentialPublicKey(xpub, 10)),
    );
    expect(refused).toBe(2);
  });

  it('Given tweaks BIP32 calls invalid, when the noble port adds them, then it says undefined', () => {
    const k = 0x1234567890abcdefn;
    const add = nobleTweakAdd.forPoint(secp256k1.Point.BASE.multiply(k).toBytes(true));
    expect(add(scalarBytes(ORDER))).toBeUndefined(); // I_L ≥ n
    expect(add(scalarBytes(ORDER - k))).toBeUndefined(); // the point at infinity
    expect(add(scalarBytes(1n))).toEqual(secp256k1.Point.BASE.multiply(k + 1n).toBytes(false));
    expect(add(scalarBytes(0n))).toEqual(secp256k1.Point.BASE.multiply(k).toBytes(false));
  });
});
