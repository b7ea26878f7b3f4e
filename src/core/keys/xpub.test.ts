import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { createBase58check } from '@scure/base';
import { HDKey } from '@scure/bip32';
import { describe, expect, it } from 'vitest';
import { CHILD_VECTORS } from './child-key-vectors.ts';
import { nobleHmacSha512, nobleTweakAdd } from './child-key.ts';
import { deriveCredentialPublicKey, describeKey, relationshipPath } from './hd.ts';
import vectors from './bip32-vectors.cases.json';
import { readXpub, xpubChildDeriver } from './xpub.ts';
import type { TweakAddPort } from './xpub.ts';

const base58check = createBase58check(sha256);
const SEED = hexToBytes('000102030405060708090a0b0c0d0e0f');
const xpub = describeKey(SEED, relationshipPath(4)).xpub;

/** The xpub's 78 bytes with `edit` applied, base58check-encoded again. */
function edited(text: string, edit: (bytes: Uint8Array) => Uint8Array): string {
  return base58check.encode(edit(Uint8Array.from(base58check.decode(text))));
}
/** An x coordinate with no secp256k1 point: x³ + 7 is not a square mod p. */
function xOffTheCurve(): Uint8Array {
  for (let x = 1n; ; x++) {
    const bytes = hexToBytes(x.toString(16).padStart(64, '0'));
    try {
      secp256k1.Point.fromBytes(Uint8Array.of(0x02, ...bytes));
    } catch {
      return bytes;
    }
  }
}

/** @scure/bip32 refuses the text, or reads a private key from it. */
function notAPublicKey(text: string): boolean {
  try {
    return HDKey.fromExtendedKey(text).privateKey !== null;
  } catch {
    return true;
  }
}

describe('readXpub (an xpub read without @scure/bip32)', () => {
  const all = [
    ...vectors.vectors.flatMap((v) => v.chains.map((step) => step.xpub)),
    ...CHILD_VECTORS.map((v) => v.parentXpub),
    xpub,
  ];

  it.each(all)(
    'Given the valid xpub %s, when read, then its fields are HDKey.fromExtendedKey’s',
    (text) => {
      const ours = readXpub(text);
      const theirs = HDKey.fromExtendedKey(text);
      expect(ours.depth).toBe(theirs.depth);
      expect(ours.index).toBe(theirs.index);
      expect(ours.parentFingerprint).toBe(theirs.parentFingerprint);
      expect(bytesToHex(ours.chainCode)).toBe(bytesToHex(theirs.chainCode as Uint8Array));
      expect(bytesToHex(ours.publicKey)).toBe(bytesToHex(theirs.publicKey as Uint8Array));
    },
  );

  const xprv = vectors.vectors[0]?.chains[1]?.xprv as string;
  const malformed: [string, string, RegExp][] = [
    [
      'a wrong checksum',
      `${xpub.slice(0, -1)}${xpub.endsWith('1') ? '2' : '1'}`,
      /not base58check/,
    ],
    ['a character outside base58', `${xpub.slice(0, 10)}0${xpub.slice(11)}`, /not base58check/],
    ['77 bytes', edited(xpub, (b) => b.subarray(0, 77)), /expected 78 bytes, got 77/],
    ['79 bytes', edited(xpub, (b) => Uint8Array.of(...b, 0)), /expected 78 bytes, got 79/],
    [
      'a testnet version (tpub)',
      edited(xpub, (b) => (b.set([0x04, 0x35, 0x87, 0xcf]), b)),
      /version 0x043587cf, not an xpub's/,
    ],
    ['a private xprv', xprv, /PRIVATE extended key/],
    [
      'a private key behind an xpub version',
      edited(xprv, (b) => (b.set([0x04, 0x88, 0xb2, 0x1e]), b)),
      /PRIVATE extended key/,
    ],
    [
      'depth 0 with a child index',
      edited(vectors.vectors[0]?.chains[0]?.xpub as string, (b) => ((b[12] = 1), b)),
      /depth 0 but a parent fingerprint or child index/,
    ],
    [
      'an uncompressed key prefix',
      edited(xpub, (b) => ((b[45] = 0x04), b)),
      /key must start 0x02 or 0x03, got 0x4/,
    ],
  ];

  it.each(malformed)(
    'Given an xpub with %s, when read, then both refuse it and ours says why',
    (_, text, message) => {
      expect(notAPublicKey(text)).toBe(true);
      expect(() => readXpub(text)).toThrow(TypeError);
      expect(() => readXpub(text)).toThrow(message);
    },
  );

  it('Given an xpub whose key is not a point, when a deriver is made, then both refuse it', () => {
    const text = edited(xpub, (b) => (b.set(xOffTheCurve(), 46), b));
    expect(notAPublicKey(text)).toBe(true);
    expect(readXpub(text).publicKey[0]).toBe(0x02); // the layout is fine: the point is the port's
    expect(() => xpubChildDeriver(text, nobleTweakAdd, nobleHmacSha512)).toThrow(
      '"xpub" key is not a point on secp256k1',
    );
  });
});

describe('xpubChildDeriver', () => {
  it('Given a port without HMAC and no default, when made, then it says so', () => {
    expect(() => xpubChildDeriver(xpub, nobleTweakAdd)).toThrow('no HMAC-SHA512');
  });

  it('Given a port that calls child 9 invalid, when 9 is derived, then BIP32’s next index (10) answers, as @scure/bip32 retries', () => {
    const refusing9: TweakAddPort = {
      forPoint: (key) => {
        const add = nobleTweakAdd.forPoint(key);
        let calls = 0;
        return (tweak) => (calls++ === 0 ? undefined : add(tweak));
      },
    };
    const derive = xpubChildDeriver(xpub, refusing9, nobleHmacSha512);
    expect(bytesToHex(derive(9).publicKey)).toBe(bytesToHex(deriveCredentialPublicKey(xpub, 10)));
  });

  it('Given a port that calls every child invalid, when the last index is derived, then it throws', () => {
    const refusing: TweakAddPort = { forPoint: () => () => undefined };
    expect(() => xpubChildDeriver(xpub, refusing, nobleHmacSha512)(2 ** 31 - 1)).toThrow(
      'child 2147483647 of the xpub is invalid and has no next index',
    );
  });
});
