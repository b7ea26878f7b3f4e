import { p256 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { ecYOf, isEcCurve, isEcPoint } from './ec-point.ts';

const CURVES = [
  ['secp256k1', secp256k1],
  ['P-256', p256],
] as const;

/** 32 deterministic bytes, different for each label (no randomness in a test). */
const bytes32 = (label: string) => sha256(utf8ToBytes(label));

/** noble's answer: is (x, y) a point of the curve? */
function nobleIsPoint(curve: typeof p256, x: Uint8Array, y: Uint8Array): boolean {
  try {
    curve.Point.fromAffine({ x: bytesToNumberBE(x), y: bytesToNumberBE(y) }).assertValidity();
    return true;
  } catch {
    return false;
  }
}

/** noble's decompression of x with a parity, as the 32-byte y (undefined when there is none). */
function nobleY(curve: typeof p256, x: Uint8Array, parity: number): Uint8Array | undefined {
  try {
    return curve.Point.fromBytes(Uint8Array.of(0x02 + parity, ...x))
      .toBytes(false)
      .subarray(33);
  } catch {
    return undefined;
  }
}

describe('ec-point (the packer’s curve facts, without a curve library)', () => {
  it('knows P-256 and secp256k1 only', () => {
    expect([isEcCurve('P-256'), isEcCurve('secp256k1'), isEcCurve('P-384'), isEcCurve(7)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(isEcPoint('P-384', new Uint8Array(32), new Uint8Array(32))).toBe(false);
    expect(ecYOf('Ed25519', new Uint8Array(32), 0)).toBeUndefined();
  });

  it.each(CURVES)(
    'Given points of %s, when checked and decompressed, then the answers are noble’s',
    (crv, curve) => {
      for (let i = 0; i < 40; i++) {
        const point = curve.Point.BASE.multiply(
          bytesToNumberBE(bytes32(`${crv} ${i}`)) % curve.Point.Fn.ORDER,
        );
        const raw = point.toBytes(false);
        const x = raw.subarray(1, 33);
        const y = raw.subarray(33);
        expect(isEcPoint(crv, x, y)).toBe(true);
        expect(ecYOf(crv, x, (y[31] as number) & 1)).toEqual(y);
        expect(ecYOf(crv, x, 1 - ((y[31] as number) & 1))).toEqual(
          nobleY(curve, x, 1 - ((y[31] as number) & 1)),
        );
        // The same x with another y is off the curve (unless it is the other root: p − y).
        const other = numberToBytesBE((bytesToNumberBE(y) + 1n) % curve.Point.Fp.ORDER, 32);
        expect(isEcPoint(crv, x, other)).toBe(false);
      }
    },
  );

  it.each(CURVES)(
    'Given arbitrary x values on %s, when decompressed with either parity, then the answers are noble’s (about half have no point)',
    (crv, curve) => {
      let none = 0;
      for (let i = 0; i < 60; i++) {
        const x = bytes32(`${crv} x ${i}`);
        for (const parity of [0, 1]) {
          const ours = ecYOf(crv, x, parity);
          expect(ours).toEqual(nobleY(curve, x, parity));
          if (!ours) none++;
          expect(isEcPoint(crv, x, bytes32(`${crv} y ${i}`))).toBe(
            nobleIsPoint(curve, x, bytes32(`${crv} y ${i}`)),
          );
        }
      }
      expect(none).toBeGreaterThan(20);
      expect(none).toBeLessThan(100);
    },
  );

  it.each(CURVES)(
    'Given coordinates of %s at or above p, when checked, then they are refused as noble refuses them',
    (crv, curve) => {
      const p = curve.Point.Fp.ORDER;
      const point = curve.Point.BASE.multiply(3n).toBytes(false);
      const x = point.subarray(1, 33);
      const y = point.subarray(33);
      const xPlusP = bytesToNumberBE(x) + p;
      const yPlusP = bytesToNumberBE(y) + p;
      // Congruent to a point, but not its canonical spelling (only when the sum fits 32 bytes).
      if (xPlusP < 2n ** 256n) {
        expect(isEcPoint(crv, numberToBytesBE(xPlusP, 32), y)).toBe(false);
        expect(ecYOf(crv, numberToBytesBE(xPlusP, 32), 0)).toBeUndefined();
      }
      if (yPlusP < 2n ** 256n) expect(isEcPoint(crv, x, numberToBytesBE(yPlusP, 32))).toBe(false);
      const pBytes = numberToBytesBE(p, 32);
      expect(isEcPoint(crv, pBytes, y)).toBe(nobleIsPoint(curve, pBytes, y));
      expect(ecYOf(crv, pBytes, 0)).toEqual(nobleY(curve, pBytes, 0));
      expect(isEcPoint(crv, x.subarray(1), y)).toBe(false);
    },
  );
});
