/**
 * The shape every section of `npm run bench` returns (scripts/bench.ts runs them and prints the
 * tables; BENCHMARKS.md records the figures). A section measures its own baseline in the same run
 * and states each figure as a ratio to it, because these machines are shared and noisy.
 */
export interface BenchRow {
  /** What was measured, e.g. "unlock → list of 10,000 credentials (Chromium)". */
  name: string;
  /** The measured figure, in `unit`. */
  value: number;
  /** "ms", "KB gzip", "rows/s", "score", "bytes", … */
  unit: string;
  /** `value` divided by the section's baseline measured in the same run, where one applies. */
  ratio?: number;
  /** The goal for this row, as text, e.g. "≤ 1,000 ms" or "≥ 0.1×". */
  goal?: string;
  /** Whether the row meets its goal; absent when the row has none. */
  pass?: boolean;
}

export interface BenchSection {
  /** Short id used on the command line: `npm run bench -- <id>`. */
  id: string;
  title: string;
  /** What the ratios are relative to, e.g. "bare ES256 signing, same run". */
  baseline?: string;
  rows: BenchRow[];
  notes?: string[];
}

export type BenchSectionRunner = () => Promise<BenchSection>;
