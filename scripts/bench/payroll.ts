/**
 * `npm run bench -- payroll` (issue 12 goal 3): `vouch issue --batch` over 10,000 payroll rows, in
 * rows/s, against bare ES256 signing measured in the same run (Node's crypto.sign on one thread,
 * the fastest way this machine makes an ES256 signature): offers only into one offers.csv
 * (`--offers csv`, the goal's row), offers only as 10,000 .vouch files (the default layout), and
 * offers with QR PNGs. Goal: at least 0.1× bare signing for offers only.
 *
 * The batch runs as users run it: `node bin/vouch.mjs issue --batch …` on the built CLI (dist-node),
 * a process of its own, timed from spawn to exit (Node's start and the CLI's loading included).
 * The goal's row runs three times, each between two baseline measurements (the machine's speed
 * drifts by a third within a minute here): each run's ratio is to the mean of the two around it,
 * and the median run counts.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { payrollCsv } from '../../src/cli/batch/payroll-fixture.ts';
import { quantile } from './lib/stats.ts';
import type { BenchSection, BenchSectionRunner } from './types.ts';

const ROWS = 10_000;
const GOAL = 0.1;
/** Runs of the goal's row (offers into offers.csv); the median counts. */
const CSV_RUNS = 3;

/** CPU time of this process (every thread) in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

interface Signing {
  perSecond: number;
  /** CPU milliseconds a signature cost. */
  cpuMs: number;
}

/** Bare ES256 signatures per second over a JWS-sized input, for `ms` milliseconds. */
function bareSigning(ms: number): Signing {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const input = Buffer.from(`${'eyJhbGciOiJFUzI1NiJ9'}.${'e'.repeat(600)}`);
  const once = () => sign('sha256', input, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  for (let i = 0; i < 200; i++) once();
  let count = 0;
  const start = performance.now();
  const cpuStart = cpuMs();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 100; i++) once();
    count += 100;
  }
  return {
    perSecond: count / ((performance.now() - start) / 1000),
    cpuMs: (cpuMs() - cpuStart) / count,
  };
}

interface Run {
  rowsPerSecond: number;
  /** CPU milliseconds a row (every thread of the vouch process), and of that system time. */
  cpuMs: number;
  systemMs: number;
}

/** `node bin/vouch.mjs …` as a child process: wall time from spawn to exit, and its CPU time. */
async function vouch(args: readonly string[], cpuFile: string): Promise<{ ms: number; cpu: Cpu }> {
  const start = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', './scripts/bench/lib/exit-cpu.mjs', 'bin/vouch.mjs', ...args],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, VOUCH_BENCH_CPU_FILE: cpuFile } },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-2000);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`bench payroll: vouch ${args[0]} exited ${code}: ${stderr}`);
  return { ms, cpu: JSON.parse(await readFile(cpuFile, 'utf8')) as Cpu };
}

interface Cpu {
  userMs: number;
  systemMs: number;
}

export const run: BenchSectionRunner = async (): Promise<BenchSection> => {
  execFileSync(process.execPath, ['scripts/build-node.mjs', '--strict', '--quiet'], {
    stdio: 'inherit',
  });
  const dir = await mkdtemp(join(tmpdir(), 'vouch-bench-payroll-'));
  const csv = join(dir, 'payroll.csv');
  await writeFile(csv, payrollCsv(ROWS));
  const issuer = join(dir, 'issuer.json');
  const cpuFile = join(dir, 'cpu.json');
  await vouch(['issuer', 'new', '--name', 'Bench B.V.', '--out', issuer], cpuFile);
  type Output = 'csv' | 'files' | 'pngs';
  let batches = 0;
  const batch = async (output: Output): Promise<Run> => {
    const { ms, cpu } = await vouch(
      [
        'issue',
        '--batch',
        csv,
        '--issuer',
        issuer,
        '--type',
        'income-statement',
        '--out',
        join(dir, `${output}-${batches++}`),
        '--employer-name',
        'Bakkerij de Vries B.V.',
        '--employer-id',
        '12345678',
        ...(output === 'pngs' ? [] : ['--no-png']),
        ...(output === 'csv' ? ['--offers', 'csv'] : []),
      ],
      cpuFile,
    );
    return {
      rowsPerSecond: ROWS / (ms / 1000),
      cpuMs: (cpu.userMs + cpu.systemMs) / ROWS,
      systemMs: cpu.systemMs / ROWS,
    };
  };
  try {
    // The baseline before, between and after the goal's runs: a busy moment hits both.
    const signing = [bareSigning(2000)];
    const csvRuns: Run[] = [];
    for (let i = 0; i < CSV_RUNS; i++) {
      csvRuns.push(await batch('csv'));
      signing.push(bareSigning(1000));
    }
    const files = await batch('files');
    const pngs = await batch('pngs');
    const bare = signing.reduce((sum, s) => sum + s.perSecond, 0) / signing.length;
    const bareCpu = signing.reduce((sum, s) => sum + s.cpuMs, 0) / signing.length;
    // Run i lies between baseline measurements i and i + 1.
    const csvRatios = csvRuns.map(
      (r, i) =>
        r.rowsPerSecond /
        (((signing[i] as Signing).perSecond + (signing[i + 1] as Signing).perSecond) / 2),
    );
    const csvRatio = quantile(csvRatios, 0.5);
    const csvRun = csvRuns[csvRatios.indexOf(csvRatio)] ?? (csvRuns[0] as Run);
    const cores = availableParallelism();
    const round3 = (value: number) => Math.round(value * 1000) / 1000;
    const ratio = (value: number) => round3(value / bare);
    const cpuText = (r: Run) => `${r.cpuMs.toFixed(3)} ms (${r.systemMs.toFixed(3)} ms system)`;
    const round = (n: number) => Math.round(n).toLocaleString('en');
    return {
      id: 'payroll',
      title: 'Payroll: vouch issue --batch, 10,000 rows',
      baseline: 'bare ES256 signing (node:crypto sign, one thread), same run',
      rows: [
        {
          name: `bare ES256 signing (baseline, mean of ${signing.length} around the batches)`,
          value: Math.round(bare),
          unit: 'signatures/s',
          ratio: 1,
        },
        {
          name: `offers only (${ROWS} rows, one offers.csv: --offers csv; median of ${CSV_RUNS})`,
          value: Math.round(csvRun.rowsPerSecond),
          unit: 'rows/s',
          ratio: round3(csvRatio),
          goal: `≥ ${GOAL}×`,
          pass: csvRatio >= GOAL,
        },
        {
          name: `offers only (${ROWS} rows, ${ROWS} .vouch files)`,
          value: Math.round(files.rowsPerSecond),
          unit: 'rows/s',
          ratio: ratio(files.rowsPerSecond),
        },
        {
          name: `offers and QR PNGs (${ROWS} rows)`,
          value: Math.round(pngs.rowsPerSecond),
          unit: 'rows/s',
          ratio: ratio(pngs.rowsPerSecond),
        },
      ],
      notes: [
        `${cores} cores; the batch issues on one worker thread per core, the baseline signs on one thread.`,
        'Each batch is `node bin/vouch.mjs issue --batch …` (dist-node), timed from spawn to exit.',
        `offers.csv runs: ${csvRuns.map((r, i) => `${round(r.rowsPerSecond)} rows/s (${round3(csvRatios[i] as number)}×)`).join(', ')}; baseline measurements in order: ${signing.map((s) => `${round(s.perSecond)}/s`).join(', ')}.`,
        // Wall-clock ratios move with whatever else the machine runs; CPU time much less.
        `CPU time (every thread): ${(bareCpu * 1000).toFixed(1)} µs a bare signature; a row ${cpuText(csvRun)} into offers.csv (the median run), ${cpuText(files)} as .vouch files, ${cpuText(pngs)} with PNGs.`,
        `On ${cores} otherwise idle cores, by CPU time: offers into offers.csv about ${((bareCpu / csvRun.cpuMs) * cores).toFixed(3)}× bare signing, as .vouch files ${((bareCpu / files.cpuMs) * cores).toFixed(3)}× (${((bareCpu / (files.cpuMs - files.systemMs)) * cores).toFixed(3)}× without the system time).`,
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
