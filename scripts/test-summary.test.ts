import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromPlaywright, fromVitest, summarise, type Results } from './test-summary.mjs';
import VitestCountReporter from './vitest-count-reporter.mjs';

const ok = (name: string) => ({ name, ok: true, seconds: '1.0' });

// The shape of a Playwright JSON report (reporter "json"): files as suites, describe blocks as
// nested suites, one test per project; errors outside tests at the top.
const playwrightReport = {
  suites: [
    {
      title: 'wallet.spec.ts',
      file: 'wallet.spec.ts',
      specs: [
        {
          title: 'creates a wallet',
          file: 'wallet.spec.ts',
          tests: [{ timeout: 120_000, status: 'expected', results: [{ duration: 70_000 }] }],
        },
      ],
      suites: [
        {
          title: 'phone',
          file: 'wallet.spec.ts',
          specs: [
            {
              title: 'home at 360 px',
              file: 'wallet.spec.ts',
              tests: [
                {
                  timeout: 120_000,
                  status: 'unexpected',
                  results: [{ duration: 120_000, status: 'timedOut' }],
                },
              ],
            },
            {
              title: 'retried',
              file: 'wallet.spec.ts',
              tests: [
                {
                  timeout: 120_000,
                  status: 'flaky',
                  results: [{ duration: 5_000 }, { duration: 4_000 }],
                },
              ],
            },
            {
              title: 'skipped',
              file: 'wallet.spec.ts',
              tests: [{ timeout: 120_000, status: 'skipped', results: [] }],
            },
          ],
        },
      ],
    },
  ],
  errors: [
    {
      message: "Error: Cannot find module './gone.ts'\n    at …",
      location: { file: 'e2e/broken.spec.ts', line: 1, column: 1 },
    },
  ],
};

describe('the summary of npm test', () => {
  it('Given describe blocks around a failing test, when summarised, then the test counts once and is named, not its blocks', () => {
    const unit: Results = {
      tests: [
        { file: 'src/a.test.ts', name: 'outer > inner > fails', state: 'failed', ms: 9 },
        { file: 'src/a.test.ts', name: 'outer > inner > passes', state: 'passed', ms: 1 },
        { file: 'src/a.test.ts', name: 'skipped', state: 'skipped', ms: 0 },
      ],
      errors: [],
    };
    const {
      lines,
      counts,
      ok: allOk,
    } = summarise({
      outcomes: [{ name: 'unit', ok: false, seconds: '2.0', exit: 1 }],
      results: { unit },
    });
    expect(counts).toEqual({ passed: 1, failed: 1, skipped: 1 });
    expect(allOk).toBe(false);
    expect(lines).toContain('  unit: src/a.test.ts > outer > inner > fails');
    expect(lines.at(-1)).toBe('tests: 1 passed, 1 failed, 1 skipped');
  });

  it('Given a file that failed to load and a failing beforeAll, when summarised, then each is one failure, named with its message', () => {
    const unit: Results = {
      tests: [{ file: 'src/a.test.ts', name: 'hooked > never runs', state: 'skipped', ms: 0 }],
      errors: [
        { where: 'src/b.test.ts', message: "Cannot find module './missing.ts'" },
        { where: 'src/a.test.ts > hooked', message: 'hook broke' },
      ],
    };
    const { lines, counts } = summarise({
      outcomes: [{ name: 'unit', ok: false, seconds: '2.0', exit: 1 }],
      results: { unit },
    });
    expect(counts).toEqual({ passed: 0, failed: 2, skipped: 1 });
    expect(lines).toContain("  unit: src/b.test.ts: Cannot find module './missing.ts'");
    expect(lines).toContain('  unit: src/a.test.ts > hooked: hook broke');
  });

  it('Given a failed check step and a runner that failed without a failing test, when summarised, then each counts as one failure', () => {
    const { lines, counts } = summarise({
      outcomes: [
        { name: 'lint', ok: false, seconds: '3.0', exit: 1 },
        ok('types'),
        { name: 'unit', ok: false, seconds: '5.0', exit: 1 },
        { name: 'e2e', ok: false, seconds: '5.0', exit: 'SIGKILL' },
      ],
      results: {
        unit: {
          tests: [{ file: 'src/a.test.ts', name: 'fine', state: 'passed', ms: 1 }],
          errors: [],
        },
      },
    });
    expect(counts).toEqual({ passed: 1, failed: 3, skipped: 0 });
    expect(lines).toContain('  step lint failed (exit 1)');
    expect(lines).toContain('  unit: the runner failed without a failing test (exit 1)');
    expect(lines).toContain('  step e2e failed (exit SIGKILL)');
    expect(lines).not.toContain('  step types failed (exit ?)');
  });

  it('Given a Playwright report, when read, then it has one entry per test (a flaky one passed) and its load error', () => {
    const e2e = fromPlaywright(playwrightReport);
    expect(e2e.tests.map((test) => [test.name, test.state, test.ms])).toEqual([
      ['creates a wallet', 'passed', 70_000],
      ['phone > home at 360 px', 'failed', 120_000],
      ['phone > retried', 'passed', 4_000],
      ['phone > skipped', 'skipped', 0],
    ]);
    expect(e2e.errors).toEqual([
      { where: 'e2e/broken.spec.ts:1', message: "Error: Cannot find module './gone.ts'" },
    ]);
    const { lines, counts } = summarise({
      outcomes: [ok('build'), { name: 'e2e', ok: false, seconds: '9.0', exit: 1 }],
      results: { e2e },
    });
    expect(counts).toEqual({ passed: 2, failed: 2, skipped: 1 });
    expect(lines).toContain('e2e: 2 passed, 2 failed, 1 skipped');
    expect(lines).toContain('  e2e: wallet.spec.ts > phone > home at 360 px');
  });

  it('Given a passing test that used more than half its budget, when summarised, then it is listed as close to its budget but still passes', () => {
    const unit = fromVitest(
      {
        tests: [
          { file: 'src/slow.test.ts', name: 'slow', state: 'passed', ms: 20_000 },
          { file: 'src/quick.test.ts', name: 'quick', state: 'passed', ms: 14_000 },
        ],
        errors: [],
      },
      { defaultBudgetMs: 30_000 },
    );
    const { lines, ok: allOk } = summarise({ outcomes: [ok('unit')], results: { unit } });
    expect(allOk).toBe(true);
    expect(lines).toContain('  unit: src/slow.test.ts > slow (20.0 of 30.0 s)');
    expect(lines.join('\n')).not.toContain('quick (');
  });
});

describe('the Vitest reporter behind it', () => {
  it('Given modules with a load error, a failed hook, tests and an unhandled error, when the run ends, then it writes each test and each error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-count-reporter-'));
    try {
      const outputFile = join(dir, 'results.json');
      const test = (name: string, state: string, duration?: number) => ({
        fullName: name,
        options: { timeout: 30_000 },
        result: () => ({ state }),
        diagnostic: () => (duration === undefined ? undefined : { duration }),
      });
      const hooked = { fullName: 'hooked', errors: () => [{ message: 'hook broke\n  at x' }] };
      const modules = [
        {
          relativeModuleId: 'src/a.test.ts',
          errors: () => [],
          children: {
            allSuites: () => [{ fullName: 'outer', errors: () => [] }, hooked],
            allTests: () => [
              test('outer > fails', 'failed', 8.7),
              test('hooked > never runs', 'skipped'),
              test('passes', 'passed', 0.4),
            ],
          },
        },
        {
          relativeModuleId: 'src/b.test.ts',
          errors: () => [{ message: "Cannot find module './missing.ts'" }],
          children: { allSuites: () => [], allTests: () => [] },
        },
      ];
      new VitestCountReporter({ outputFile }).onTestRunEnd(
        modules,
        [{ message: 'late boom' }],
        'failed',
      );
      const written = JSON.parse(readFileSync(outputFile, 'utf8')) as Results;
      expect(written.tests).toEqual([
        { file: 'src/a.test.ts', name: 'outer > fails', state: 'failed', ms: 9, budgetMs: 30_000 },
        {
          file: 'src/a.test.ts',
          name: 'hooked > never runs',
          state: 'skipped',
          ms: 0,
          budgetMs: 30_000,
        },
        { file: 'src/a.test.ts', name: 'passes', state: 'passed', ms: 0, budgetMs: 30_000 },
      ]);
      expect(written.errors).toEqual([
        { where: 'src/a.test.ts > hooked', message: 'hook broke' },
        { where: 'src/b.test.ts', message: "Cannot find module './missing.ts'" },
        { where: 'unhandled error', message: 'late boom' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
