#!/usr/bin/env node
// `npm test`: every check — lint, format, types, unit tests, the production build and the
// end-to-end tests in real Chromium. Every step runs even when an earlier one failed, so one run
// shows everything; the exit code is non-zero if any step failed. The summary
// (scripts/test-summary.mjs) names what failed and ends with the count of tests — tests, not
// describe blocks — "tests: N passed, N failed, N skipped".
//
// The order (issue 12, goal 6): the builds first (a few seconds), then two lanes side by side.
// The end-to-end tests are the longest step (7–9 minutes on 2 cores); between their bursts of
// browser work the cores have idle moments, and the unit tests and then the checks (six
// processes side by side) fill them, at a lower CPU priority so that the browsers keep theirs:
// nice 5 for the unit tests (within this run's share of a busy machine they still get about a
// third, well inside their budgets' margin), nice 10 for the checks (no time budgets). Run one
// after another the steps took 771 s of wall time on the quiet machine (2026-12-03's CI run);
// side by side they end when the CPU work does. The e2e output is shown live; the other steps'
// output is held and printed whole after it (a line says when each ended).
// `npm test -- check|unit|e2e` runs one kind alone, its output live.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import { findPostgresBin, startTestCluster } from './postgres-test-cluster.mjs';
import { fromPlaywright, fromVitest, summarise } from './test-summary.mjs';

/** Where scripts/vitest-count-reporter.mjs writes the unit tests' results (it reads the same). */
const VITEST_JSON = process.env.VOUCH_VITEST_RESULTS ?? '.vitest-results.json';
const E2E_JSON = '.e2e-results.json';
const only = process.argv[2]; // optional: "check", "unit" or "e2e"

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
  // dist-node/ (the CLI some e2e flows spawn, and the spawned-CLI unit tests): built here once,
  // before the lanes start, so the unit step's global setup need not rebuild it while an e2e test
  // runs it (VOUCH_NODE_BUILT below).
  { name: 'build node', ...bin('scripts/build-node.mjs', '--strict', '--quiet'), kind: 'build' },
  { name: 'e2e', ...bin('node_modules/@playwright/test/cli.js', 'test'), kind: 'e2e' },
].filter(
  (step) =>
    !only ||
    step.kind === only ||
    (step.kind === 'build' && (only === 'unit' || only === 'e2e')) ||
    (only === 'e2e' && step.name === 'build'),
);
/** Where each step sits in the list: the summary names the steps in this order. */
const order = new Map(steps.map((step, index) => [step.name, index]));

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

function record(step, ok, exit, started) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  outcomes.push({ name: step.name, ok, seconds, exit });
  return `=== ${step.name}: ${ok ? 'ok' : `FAILED (exit ${exit})`} in ${seconds} s`;
}

const heading = (step) => `\n=== ${step.name}: ${step.command} ${step.args.join(' ')}`;

/**
 * Run one step. `live`: its output goes straight to this terminal; otherwise it is held and
 * returned (with the heading), for the caller to print whole. `nice`: a lower CPU priority for
 * the step and every process it starts (0: the usual one).
 */
function runStep(step, { live = true, nice = 0 } = {}) {
  if (live) console.log(heading(step));
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { env, stdio: live ? 'inherit' : 'pipe' });
    if (nice > 0 && child.pid !== undefined) {
      try {
        setPriority(child.pid, nice);
      } catch {
        // Not allowed here: the step runs at the usual priority.
      }
    }
    const output = [Buffer.from(`${heading(step)}\n`)];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    let settled = false;
    const settle = (code, signal) => {
      if (settled) return;
      settled = true;
      if (step.name === 'unit') cluster?.stop();
      const line = record(step, code === 0, code ?? signal, started);
      if (live) console.log(line);
      // A live step has said everything already.
      resolve(live ? { line: undefined, output: [] } : { line, output });
    };
    child.on('close', settle);
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      settle(null, 'spawn-error');
    });
  });
}

/**
 * The checks (lint, format, and each type-check project) are single-threaded and independent:
 * they run side by side, so both cores stay busy until the last one ends. Each one's output is
 * held and returned whole.
 */
function runChecksTogether(checks, options) {
  return Promise.all(checks.map((step) => runStep(step, { ...options, live: false })));
}

const allStarted = Date.now();
const byKind = (...kinds) => steps.filter((step) => kinds.includes(step.kind));
for (const step of steps.filter((step) => step.name === 'build' || step.kind === 'build')) {
  await runStep(step);
}
// The unit step's global setup builds dist-node/ unless this says it is fresh.
if (steps.some((step) => step.name === 'build node')) env.VOUCH_NODE_BUILT = '1';

const front = byKind('e2e').filter((step) => step.name === 'e2e');
const beside = front.length > 0;
/** Output of the steps beside the e2e step, printed after it. */
const held = [];
const show = (done) => {
  for (const { line, output } of done) {
    if (line === undefined) continue;
    if (beside) {
      console.log(line);
      held.push(...output);
    } else {
      process.stdout.write(Buffer.concat(output));
      console.log(line);
    }
  }
};
const backLane = async () => {
  for (const step of byKind('unit'))
    show([await runStep(step, { live: !beside, nice: beside ? 5 : 0 })]);
  // Last: six processes side by side keep both cores busy to the end once the e2e step is done.
  show(await runChecksTogether(byKind('check'), { nice: beside ? 10 : 0 }));
};
await Promise.all([backLane(), ...front.map((step) => runStep(step))]);
if (held.length > 0) {
  console.log('\n=== the output of the steps that ran beside the e2e step');
  process.stdout.write(Buffer.concat(held));
}
outcomes.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
console.log(`\n=== all steps: ${((Date.now() - allStarted) / 1000).toFixed(1)} s`);

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
