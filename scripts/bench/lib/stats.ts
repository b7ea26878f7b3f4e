/** Small statistics for the bench sections (scripts/bench/lib is not a section: bench.ts reads only scripts/bench/*.ts). */

/** The q-quantile (0 ≤ q ≤ 1) of `values`, interpolated between the two nearest ranks. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (
    (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (at - low)
  );
}
