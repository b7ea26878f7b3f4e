// The libsecp256k1 child-key port against the BIP32 vectors, Vouch's key tree and noble.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { CHILD_VECTORS } from '../../core/keys/child-key-vectors.ts';
import { childKeyDeriver, nobleTweakAdd } from '../../core/keys/child-key.ts';
import { describeKey, relationshipPath } from '../../core/keys/index.ts';
import { nativeTweakAdd } from './secp256k1-child.ts';

const ORDER = secp256k1.Point.Fn.ORDER;
const scalarBytes = (n: bigint) => hexToBytes(n.toString(16).padStart(64, '0'));

describe('nativeTweakAdd (libsecp256k1)', () => {
  it.each(CHILD_VECTORS)(
    'Given $name, when derived from its parent xpub, then the public key matches',
    ({ parentXpub, index, publicKeyHex }) => {
      expect(bytesToHex(childKeyDeriver(parentXpub, nativeTweakAdd)(index).publicKey)).toBe(
        publicKeyHex,
      );
    },
  );

  it('Given a relationship xpub, when 200 children are derived natively and with noble, then keys and JWKs agree', () => {
    const { xpub } = describeKey(hexToBytes('ff'.repeat(32)), relationshipPath(2));
    const native = childKeyDeriver(xpub, nativeTweakAdd);
    const noble = childKeyDeriver(xpub, nobleTweakAdd);
    for (let index = 0; index < 200; index++) {
      const stride = index * 10_737_419; // spread over 0 … 2^31 − 1
      expect(native(stride)).toEqual(noble(stride));
    }
  });

  it('Given tweaks BIP32 calls invalid, when added, then it says undefined like noble', () => {
    const k = 0xfedcba9876543210n;
    const point = secp256k1.Point.BASE.multiply(k).toBytes(true);
    const add = nativeTweakAdd.forPoint(point);
    expect(add(scalarBytes(ORDER))).toBeUndefined();
    expect(add(scalarBytes(ORDER - k))).toBeUndefined();
    expect(add(scalarBytes(5n))).toEqual(nobleTweakAdd.forPoint(point)(scalarBytes(5n)));
  });
});
