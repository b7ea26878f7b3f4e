// The summary at the end of `npm test` (scripts/test-all.mjs): it counts tests — never describe
// blocks or files — and names what failed. An error outside any test (a file that failed to load,
// a failing hook, an unhandled error) counts as one failure, and so does a step that failed
// without a failing test (lint, format, types, the build, or a runner that died).

/** Tests that used more than this share of their time budget are listed as close to it. */
export const BUDGET_WARNING_SHARE = 0.5;

/**
 * Vitest's results as scripts/vitest-count-reporter.mjs writes them, already in this module's
 * shape: { tests: [{ file, name, state, ms, budgetMs }], errors: [{ where, message }] }.
 */
export function fromVitest(report, { defaultBudgetMs } = {}) {
  return {
    tests: report.tests.map((test) => ({
      ...test,
      budgetMs: test.budgetMs ?? defaultBudgetMs,
    })),
    errors: report.errors,
  };
}

/**
 * Playwright's JSON report (reporter "json") in the same shape: one entry per test and project;
 * a flaky test (failed, then passed on a retry) counts as passed; errors outside tests (a spec
 * that failed to load, a global setup) are kept.
 */
export function fromPlaywright(report) {
  const tests = [];
  const walk = (suite, titles) => {
    const here = suite.title && !suite.title.endsWith('.ts') ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const results = test.results ?? [];
        const last = results.at(-1);
        const state =
          test.status === 'expected' || test.status === 'flaky'
            ? 'passed'
            : test.status === 'unexpected'
              ? 'failed'
              : 'skipped';
        tests.push({
          file: spec.file,
          name: [...here, spec.title].join(' > '),
          state,
          ms: last?.duration ?? 0,
          budgetMs: test.timeout,
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  const errors = (report.errors ?? []).map((error) => ({
    where: error.location ? `${error.location.file}:${error.location.line}` : 'playwright',
    message: String(error.message ?? '')
      .split('\n')[0]
      .trim(),
  }));
  return { tests, errors };
}

const seconds = (ms) => (ms / 1000).toFixed(1);

/**
 * The summary's lines and counts. `outcomes` are the steps run, in order ({ name, ok, seconds,
 * exit }); `results` maps a step name ('unit', 'e2e') to its results in this module's shape, or
 * undefined when the runner left no report.
 */
export function summarise({ outcomes, results }) {
  const lines = [];
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const failures = [];
  const nearBudget = [];
  for (const outcome of outcomes)
    lines.push(`${outcome.ok ? 'ok    ' : 'FAILED'} ${outcome.name} (${outcome.seconds} s)`);
  for (const outcome of outcomes) {
    const result = results[outcome.name];
    if (result === undefined) {
      if (!outcome.ok) {
        counts.failed += 1;
        failures.push(`step ${outcome.name} failed (exit ${outcome.exit ?? '?'})`);
      }
      continue;
    }
    const here = { passed: 0, failed: 0, skipped: 0 };
    for (const test of result.tests) {
      here[test.state] += 1;
      if (test.state === 'failed') failures.push(`${outcome.name}: ${test.file} > ${test.name}`);
      else if (
        test.state === 'passed' &&
        test.budgetMs > 0 &&
        test.ms > test.budgetMs * BUDGET_WARNING_SHARE
      )
        nearBudget.push(
          `${outcome.name}: ${test.file} > ${test.name} (${seconds(test.ms)} of ${seconds(test.budgetMs)} s)`,
        );
    }
    for (const error of result.errors) {
      here.failed += 1;
      failures.push(`${outcome.name}: ${error.where}: ${error.message}`);
    }
    if (!outcome.ok && here.failed === 0) {
      here.failed += 1;
      failures.push(
        `${outcome.name}: the runner failed without a failing test (exit ${outcome.exit ?? '?'})`,
      );
    }
    lines.push(
      `${outcome.name}: ${here.passed} passed, ${here.failed} failed, ${here.skipped} skipped`,
    );
    counts.passed += here.passed;
    counts.failed += here.failed;
    counts.skipped += here.skipped;
  }
  if (nearBudget.length > 0) {
    lines.push(`close to their time budget (over ${BUDGET_WARNING_SHARE * 100}%):`);
    for (const line of nearBudget) lines.push(`  ${line}`);
  }
  if (failures.length > 0) {
    lines.push('failed:');
    for (const line of failures) lines.push(`  ${line}`);
  }
  lines.push(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  return { lines, counts, ok: counts.failed === 0 && outcomes.every((outcome) => outcome.ok) };
}
