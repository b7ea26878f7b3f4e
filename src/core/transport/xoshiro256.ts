/**
 * xoshiro256** 1.0 (Blackman and Vigna), seeded the way BC-UR seeds it (BCR-2020-006 §"The
 * Fountain Encoder"): the 32-byte SHA-256 digest of a seed is read as four big-endian 64-bit
 * words s[0..3]. Derived draws follow the reference implementation exactly, because encoder and
 * decoder must choose the same fragments:
 *
 *   nextDouble()        = next() / 2^64          (next() rounded to a double first)
 *   nextInt(low, high)  = floor(nextDouble() × (high − low + 1)) + low
 *   nextByte()          = nextInt(0, 255)
 *
 * 64-bit arithmetic uses BigInt masked to 64 bits; the generator runs a few hundred times per
 * part, so speed is not a concern here.
 */
import { sha256 } from '@noble/hashes/sha2.js';

const MASK64 = (1n << 64n) - 1n;
const TWO_POW_64 = 2 ** 64;

const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (64n - k))) & MASK64;

export class Xoshiro256 {
  private readonly s: [bigint, bigint, bigint, bigint];

  private constructor(state: [bigint, bigint, bigint, bigint]) {
    this.s = state;
  }

  /** Seeds from SHA-256(seed). */
  static fromSeed(seed: Uint8Array): Xoshiro256 {
    const digest = sha256(seed);
    const words: bigint[] = [];
    for (let i = 0; i < 4; i++) {
      let word = 0n;
      for (let n = 0; n < 8; n++) word = (word << 8n) | BigInt(digest[i * 8 + n] as number);
      words.push(word);
    }
    return new Xoshiro256(words as [bigint, bigint, bigint, bigint]);
  }

  /** The next 64-bit output. */
  next(): bigint {
    const s = this.s;
    const result = (rotl((s[1] * 5n) & MASK64, 7n) * 9n) & MASK64;
    const t = (s[1] << 17n) & MASK64;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45n);
    return result;
  }

  nextDouble(): number {
    return Number(this.next()) / TWO_POW_64;
  }

  nextInt(low: number, high: number): number {
    return Math.floor(this.nextDouble() * (high - low + 1)) + low;
  }

  nextByte(): number {
    return this.nextInt(0, 255);
  }

  nextData(count: number): Uint8Array {
    const data = new Uint8Array(count);
    for (let i = 0; i < count; i++) data[i] = this.nextByte();
    return data;
  }
}
