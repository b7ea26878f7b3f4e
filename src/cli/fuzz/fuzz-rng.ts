/**
 * The fuzzer's seeded PRNG: xoshiro128** 1.0 (Blackman and Vigna) in 32-bit integer arithmetic,
 * seeded by splitmix32 from a 32-bit hash of a text. The transport's Xoshiro256 (BigInt, SHA-256
 * seeded, for BC-UR compatibility) is ~50× slower per draw; a fuzzer draws tens of millions.
 *
 * Every input is made by its own generator, seeded from (run seed, decoder, input number), so any
 * single failing input can be made again alone: `npm run fuzz -- --only <decoder> --index <n>`.
 */

/** FNV-1a over the UTF-16 code units of `text`: a 32-bit seed from a name. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class FuzzRng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    let state = typeof seed === 'string' ? hashText(seed) : seed >>> 0;
    const splitmix32 = () => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix32();
    this.b = splitmix32();
    this.c = splitmix32();
    this.d = splitmix32();
  }

  /** The next 32-bit output, unsigned. */
  next(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** An integer in [0, n) (n ≥ 1). */
  below(n: number): number {
    return Math.floor((this.next() / 0x1_0000_0000) * n);
  }

  /** An integer in [low, high]. */
  between(low: number, high: number): number {
    return low + this.below(high - low + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() / 0x1_0000_0000 < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick: no items');
    return items[this.below(items.length)] as T;
  }

  /** Small numbers far more often than large ones: 1, 2, 4 … up to `max`. */
  size(max: number): number {
    const bits = this.below(Math.max(1, Math.ceil(Math.log2(max + 1))));
    return Math.min(max, 1 + this.below(2 ** bits));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
