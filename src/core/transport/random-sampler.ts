/**
 * Walker's alias method in Vose's formulation, as BC-UR uses it to draw a part's degree
 * (BCR-2020-006). Index lists are filled from the highest index down, as the reference does, so
 * that the same random draws give the same samples.
 */

export interface RandomSampler {
  /** Draws one index; `random` returns doubles in [0, 1) and is called exactly twice. */
  next(random: () => number): number;
}

export function createRandomSampler(weights: readonly number[]): RandomSampler {
  const n = weights.length;
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (n === 0 || !(sum > 0) || weights.some((weight) => !(weight >= 0))) {
    throw new RangeError('createRandomSampler: weights must be non-negative with a positive sum');
  }
  const scaled = weights.map((weight) => (weight * n) / sum);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = n - 1; i >= 0; i--) ((scaled[i] as number) < 1 ? small : large).push(i);
  const probabilities = new Array<number>(n).fill(0);
  const aliases = new Array<number>(n).fill(0);
  while (small.length > 0 && large.length > 0) {
    const less = small.pop() as number;
    const more = large.pop() as number;
    probabilities[less] = scaled[less] as number;
    aliases[less] = more;
    scaled[more] = (scaled[more] as number) + (scaled[less] as number) - 1;
    ((scaled[more] as number) < 1 ? small : large).push(more);
  }
  // Whatever is left has probability 1 (what remains in `small` only through rounding).
  for (const i of large) probabilities[i] = 1;
  for (const i of small) probabilities[i] = 1;
  return {
    next(random) {
      const r1 = random();
      const r2 = random();
      const i = Math.min(n - 1, Math.floor(n * r1));
      return r2 < (probabilities[i] as number) ? i : (aliases[i] as number);
    },
  };
}
