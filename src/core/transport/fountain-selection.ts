/**
 * Which fragments a fountain part mixes (BCR-2020-006): parts 1…seqLen are the plain fragments in
 * order; every later part XORs a random set whose size (the degree) is drawn with probability
 * ∝ 1/d (an ideal soliton-like distribution), seeded by the part's sequence number and the
 * message checksum, so a decoder repeats the encoder's choice from the part header alone.
 */
import { writeUint32BE } from './crc32.ts';
import { createRandomSampler } from './random-sampler.ts';
import type { RandomSampler } from './random-sampler.ts';
import { Xoshiro256 } from './xoshiro256.ts';

const degreeSamplers = new Map<number, RandomSampler>();

/** Degree of a mixed part: 1…seqLen, P(d) ∝ 1/d. */
export function chooseDegree(seqLen: number, rng: Xoshiro256): number {
  let sampler = degreeSamplers.get(seqLen);
  if (!sampler) {
    sampler = createRandomSampler(Array.from({ length: seqLen }, (_, i) => 1 / (i + 1)));
    if (degreeSamplers.size < 64) degreeSamplers.set(seqLen, sampler);
  }
  return sampler.next(() => rng.nextDouble()) + 1;
}

/** A shuffled copy: repeatedly removes the element at nextInt(0, remaining − 1). */
export function shuffled<T>(items: readonly T[], rng: Xoshiro256): T[] {
  const remaining = [...items];
  const result: T[] = [];
  while (remaining.length > 0) {
    const index = rng.nextInt(0, remaining.length - 1);
    result.push(remaining.splice(index, 1)[0] as T);
  }
  return result;
}

/** The 0-based fragment indexes part `seqNum` (1-based) mixes, in ascending order. */
export function chooseFragments(seqNum: number, seqLen: number, checksum: number): number[] {
  if (seqNum <= seqLen) return [seqNum - 1];
  const seed = new Uint8Array(8);
  writeUint32BE(seed, 0, seqNum);
  writeUint32BE(seed, 4, checksum);
  const rng = Xoshiro256.fromSeed(seed);
  const degree = chooseDegree(seqLen, rng);
  const order = shuffled(
    Array.from({ length: seqLen }, (_, i) => i),
    rng,
  );
  return order.slice(0, degree).sort((a, b) => a - b);
}
