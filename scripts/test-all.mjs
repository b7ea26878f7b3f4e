#!/usr/bin/env node
// `npm test`: every check, in order — lint, format, types, unit tests, then the production build
// and the end-to-end tests in real Chromium. Every step runs even when an earlier one failed, so
// one run shows everything; the exit code is non-zero if any step failed. The summary
// (scripts/test-summary.mjs) names what failed and ends with the count of tests — tests, not
// describe blocks — "tests: N passed, N failed, N skipped".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { findPostgresBin, startTestCluster } from './postgres-test-cluster.mjs';
import { fromPlaywright, fromVitest, summarise } from './test-summary.mjs';

/** Where scripts/vitest-count-reporter.mjs writes the unit tests' results (it reads the same). */
const VITEST_JSON = process.env.VOUCH_VITEST_RESULTS ?? '.vitest-results.json';
const E2E_JSON = '.e2e-results.json';
const only = process.argv[2]; // optional: "unit" or "e2e"

/** A package's own script, run by this node: no npx resolving it first. */
const bin = (script, ...args) => ({ command: process.execPath, args: [script, ...args] });
/** Caches for the checks (git-ignored with node_modules): a run after a small change is quick. */
const CACHE = 'node_modules/.cache';
/** The type-check projects of `npm run typecheck`, each its own process. */
const TYPE_PROJECTS = [
  'tsconfig.core.json',
  'tsconfig.json',
  'tsconfig.node.json',
  'tsconfig.sw.json',
];

const steps = [
  {
    name: 'lint',
    ...bin(
      'node_modules/eslint/bin/eslint.js',
      '--max-warnings',
      '0',
      '--cache',
      '--cache-strategy',
      'content',
      '--cache-location',
      `${CACHE}/eslint/`,
      '.',
    ),
    kind: 'check',
  },
  {
    name: 'format',
    ...bin(
      'node_modules/prettier/bin/prettier.cjs',
      '--check',
      '--log-level',
      'warn',
      '--cache',
      '--cache-strategy',
      'content',
      '--cache-location',
      `${CACHE}/prettier/.prettier-cache`,
      '.',
    ),
    kind: 'check',
  },
  ...TYPE_PROJECTS.map((project) => ({
    name: `types ${project}`,
    ...bin(
      'node_modules/typescript/bin/tsc',
      '-p',
      project,
      '--noEmit',
      '--incremental',
      '--tsBuildInfoFile',
      `${CACHE}/tsc/${project.replace(/\.json$/, '')}.tsbuildinfo`,
    ),
    kind: 'check',
  })),
  {
    name: 'unit',
    ...bin(
      'node_modules/vitest/vitest.mjs',
      'run',
      '--reporter=default',
      '--reporter=./scripts/vitest-count-reporter.mjs',
    ),
    kind: 'unit',
  },
  {
    name: 'build',
    ...bin('node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'),
    kind: 'e2e',
  },
  { name: 'e2e', ...bin('node_modules/@playwright/test/cli.js', 'test'), kind: 'e2e' },
].filter((step) => !only || step.kind === only || (only === 'e2e' && step.name === 'build'));

rmSync(VITEST_JSON, { force: true });
rmSync(E2E_JSON, { force: true });

const outcomes = [];

// The database tests also run on a real PostgreSQL (docs/server.md "Testing on PostgreSQL"):
// a throwaway cluster from Debian's binaries for the unit step, unless VOUCH_TEST_DATABASE_URL
// already names one. Without binaries they run on PGlite only — unless VOUCH_REQUIRE_POSTGRES=1
// (.ci/run), which makes that a failure.
const env = { ...process.env, VOUCH_VITEST_RESULTS: VITEST_JSON };
let cluster;
if (steps.some((step) => step.name === 'unit') && !env.VOUCH_TEST_DATABASE_URL) {
  const started = Date.now();
  let problem;
  if (findPostgresBin() === undefined) {
    problem = 'no PostgreSQL binaries (/usr/lib/postgresql/*/bin; apt-get install postgresql)';
  } else {
    try {
      cluster = await startTestCluster();
      env.VOUCH_TEST_DATABASE_URL = cluster.url;
    } catch (error) {
      problem = error.message;
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (problem === undefined) {
    console.log(`=== postgres: throwaway cluster at ${cluster.url}`);
  } else if (env.VOUCH_REQUIRE_POSTGRES === '1') {
    console.log(`=== postgres: FAILED: ${problem} (VOUCH_REQUIRE_POSTGRES=1)`);
    outcomes.push({ name: 'postgres', ok: false, seconds, exit: 'no cluster' });
  } else {
    console.log(`=== postgres: WARNING: ${problem}; the database tests run on PGlite only`);
  }
}
process.on('exit', () => cluster?.stop());

/** Run one step with its output shown live; its outcome is recorded. */
function runStep(step) {
  console.log(`\n=== ${step.name}: ${step.command} ${step.args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(step.command, step.args, { stdio: 'inherit', env });
  if (step.name === 'unit') cluster?.stop();
  record(step, run.status === 0, run.status ?? run.signal, started);
}

function record(step, ok, exit, started, ended = Date.now()) {
  const seconds = ((ended - started) / 1000).toFixed(1);
  outcomes.push({ name: step.name, ok, seconds, exit });
  console.log(`=== ${step.name}: ${ok ? 'ok' : `FAILED (exit ${exit})`} in ${seconds} s`);
}

/**
 * The checks (lint, format, and each type-check project) are single-threaded and independent:
 * they run side by side, so both cores stay busy until the last one ends (the four tsc projects
 * one after another kept one core busy for a minute while the other sat idle). Each one's output
 * is held and printed whole when it ends, so the log stays readable.
 */
async function runChecksTogether(checks) {
  const started = Date.now();
  const finished = await Promise.all(
    checks.map(
      (step) =>
        new Promise((resolve) => {
          const child = spawn(step.command, step.args, { env });
          const output = [];
          child.stdout.on('data', (chunk) => output.push(chunk));
          child.stderr.on('data', (chunk) => output.push(chunk));
          child.on('close', (code, signal) =>
            resolve({ step, code, signal, output, ended: Date.now() }),
          );
          child.on('error', (error) => {
            output.push(Buffer.from(`${error.message}\n`));
            resolve({ step, code: null, signal: 'spawn-error', output, ended: Date.now() });
          });
        }),
    ),
  );
  for (const { step, code, signal, output, ended } of finished) {
    console.log(`\n=== ${step.name}: ${step.command} ${step.args.join(' ')}`);
    process.stdout.write(Buffer.concat(output));
    record(step, code === 0, code ?? signal, started, ended);
  }
}

await runChecksTogether(steps.filter((step) => step.kind === 'check'));
for (const step of steps.filter((step) => step.kind !== 'check')) runStep(step);

function readJson(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const unit = readJson(VITEST_JSON);
const e2e = readJson(E2E_JSON);
const { lines, ok } = summarise({
  outcomes,
  results: {
    unit: unit && fromVitest(unit),
    e2e: e2e && fromPlaywright(e2e),
  },
});
console.log('\n=== summary');
for (const line of lines) console.log(line);
process.exit(ok ? 0 : 1);
