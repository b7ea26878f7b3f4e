// Types of scripts/test-summary.mjs, for its test.
export interface TestEntry {
  file: string;
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  ms: number;
  budgetMs?: number | undefined;
}
export interface RunnerErrorEntry {
  where: string;
  message: string;
}
export interface Results {
  tests: TestEntry[];
  errors: RunnerErrorEntry[];
}
export interface StepOutcome {
  name: string;
  ok: boolean;
  seconds: string;
  exit?: number | string | null;
}
export const BUDGET_WARNING_SHARE: number;
export function fromVitest(report: Results, options?: { defaultBudgetMs?: number }): Results;
export function fromPlaywright(report: unknown): Results;
export function summarise(input: {
  outcomes: readonly StepOutcome[];
  results: Readonly<Record<string, Results | undefined>>;
}): { lines: string[]; counts: { passed: number; failed: number; skipped: number }; ok: boolean };
