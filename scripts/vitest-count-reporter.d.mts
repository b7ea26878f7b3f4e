// Types of scripts/vitest-count-reporter.mjs, for its test (Vitest loads the reporter itself).
export default class VitestCountReporter {
  constructor(options?: { outputFile?: string });
  onTestRunEnd(
    testModules: readonly unknown[],
    unhandledErrors: readonly unknown[],
    reason: string,
  ): void;
}
