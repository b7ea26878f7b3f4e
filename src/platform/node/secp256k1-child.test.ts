// The libsecp256k1 child-key port against the BIP32 vectors, Vouch's key tree and noble.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { createBase58check } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { CHILD_VECTORS } from '../../core/keys/child-key-vectors.ts';
import { childKeyDeriver, nobleTweakAdd } from '../../core/keys/child-key.ts';
import { describeKey, relationshipPath } from '../../core/keys/index.ts';
import { relationshipNode } from '../../core/issuer/relationship-node.ts';
import { relationshipFingerprint } from '../../core/protocol/relationship-fingerprint.ts';
import { nativeTweakAdd } from './secp256k1-child.ts';

const ORDER = secp256k1.Point.Fn.ORDER;
const base58check = createBase58check(sha256);
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

  it('Given relationship xpubs, when a node is read with the native port, then its fingerprint and children are the general ones', () => {
    for (const r of [0, 5, 9]) {
      const { xpub } = describeKey(hexToBytes('ab'.repeat(32)), relationshipPath(r));
      const node = relationshipNode(xpub, nativeTweakAdd);
      expect(node.fingerprint).toBe(relationshipFingerprint(xpub));
      expect(node.child(17)).toEqual(childKeyDeriver(xpub, nobleTweakAdd)(17));
    }
  });

  it('Given an xpub whose key is not on the curve, when read with the native port, then libsecp256k1 refuses it', () => {
    const { xpub } = describeKey(hexToBytes('ab'.repeat(32)), relationshipPath(0));
    const bytes = base58check.decode(xpub);
    bytes.set(hexToBytes('05'.padStart(64, '0')), 46); // x = 5: x³ + 7 = 132 is not a square mod p
    expect(() =>
      relationshipNode(base58check.encode(bytes) as typeof xpub, nativeTweakAdd),
    ).toThrow('"xpub" key is not a point on secp256k1');
  });
});
