/**
 * The two facts codec 2's packer needs of an EC public key (pack-json.ts): whether (x, y) is a
 * point of P-256 or secp256k1, and the y that goes with x and a parity. Both curves are
 * y² = x³ + ax + b over a prime p ≡ 3 (mod 4), so a square root is one power, v^((p + 1) / 4).
 * Plain BigInt arithmetic on public keys (nothing here needs to be constant-time), so no curve
 * library is loaded where offers are packed (a payroll worker thread, issue 12); ec-point.test.ts
 * checks every answer against noble's.
 */

interface Curve {
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
}

/** SEC 2 v2 §2.4.1 (secp256k1) and §2.4.2 (secp256r1 = P-256, FIPS 186-5). */
const CURVES: Readonly<Record<string, Curve>> = {
  secp256k1: { p: 2n ** 256n - 2n ** 32n - 977n, a: 0n, b: 7n },
  'P-256': {
    p: 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n,
    a: 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 4n, // −3 mod p
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  },
};

/** Whether `crv` is one of the curves here. */
export function isEcCurve(crv: unknown): crv is 'P-256' | 'secp256k1' {
  return crv === 'P-256' || crv === 'secp256k1';
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function toBytes32(value: bigint): Uint8Array {
  const bytes = new Uint8Array(32);
  for (let i = 31; i >= 0; i--) {
    bytes[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return bytes;
}

/** base^exponent mod p, four bits of the exponent at a time (256 squarings, 64 products). */
function power(base: bigint, exponent: bigint, p: bigint): bigint {
  const table = [1n, base % p];
  for (let i = 2; i < 16; i++) table.push(((table[i - 1] as bigint) * (table[1] as bigint)) % p);
  let result = 1n;
  for (let shift = 252n; shift >= 0n; shift -= 4n) {
    for (let i = 0; i < 4; i++) result = (result * result) % p;
    const nibble = Number((exponent >> shift) & 0xfn);
    if (nibble !== 0) result = (result * (table[nibble] as bigint)) % p;
  }
  return result;
}

/** x³ + ax + b mod p. */
const rightSide = ({ p, a, b }: Curve, x: bigint) => (((x * x + a) % p) * x + b) % p;

/** Whether (x, y), 32 bytes each, big-endian, is a point of `crv`: both below p, on the curve. */
export function isEcPoint(crv: string, x: Uint8Array, y: Uint8Array): boolean {
  const curve = CURVES[crv];
  if (!curve || x.length !== 32 || y.length !== 32) return false;
  const xn = toBigInt(x);
  const yn = toBigInt(y);
  if (xn >= curve.p || yn >= curve.p) return false;
  return (yn * yn) % curve.p === rightSide(curve, xn);
}

/** The 32-byte y of the point of `crv` with this x and y's parity (0 even, 1 odd), if any. */
export function ecYOf(crv: string, x: Uint8Array, parity: number): Uint8Array | undefined {
  const curve = CURVES[crv];
  if (!curve || x.length !== 32) return undefined;
  const xn = toBigInt(x);
  if (xn >= curve.p) return undefined;
  const square = rightSide(curve, xn);
  let y = power(square, (curve.p + 1n) / 4n, curve.p);
  if ((y * y) % curve.p !== square) return undefined; // x³ + ax + b has no root: no such point
  if (Number(y & 1n) !== parity) y = (curve.p - y) % curve.p;
  return toBytes32(y);
}
