// A Vitest reporter for `npm test`'s summary (scripts/test-summary.mjs): it writes every test with
// its state and duration, and every error outside a test — a file that failed to load, a failing
// beforeAll/afterAll hook, an unhandled error — as one line of JSON to VOUCH_VITEST_RESULTS
// (default .vitest-results.json). Vitest's own JSON report counts describe blocks as suites and
// shows the tests behind a failed hook as merely skipped; this one names what failed.
import { writeFileSync } from 'node:fs';

const firstLine = (text) =>
  String(text ?? '')
    .split('\n')[0]
    .trim();

export default class VitestCountReporter {
  constructor(options = {}) {
    this.outputFile =
      options.outputFile ?? process.env.VOUCH_VITEST_RESULTS ?? '.vitest-results.json';
  }

  onTestRunEnd(testModules, unhandledErrors, reason) {
    const tests = [];
    const errors = [];
    for (const module of testModules) {
      const file = module.relativeModuleId;
      for (const error of module.errors())
        errors.push({ where: file, message: firstLine(error.message) });
      for (const suite of module.children.allSuites()) {
        for (const error of suite.errors())
          errors.push({ where: `${file} > ${suite.fullName}`, message: firstLine(error.message) });
      }
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        tests.push({
          file,
          name: test.fullName,
          state: state === 'passed' || state === 'failed' ? state : 'skipped',
          ms: Math.round(test.diagnostic()?.duration ?? 0),
          budgetMs: test.options.timeout,
        });
      }
    }
    for (const error of unhandledErrors)
      errors.push({ where: 'unhandled error', message: firstLine(error.message) });
    writeFileSync(this.outputFile, JSON.stringify({ runner: 'vitest', reason, tests, errors }));
  }
}
