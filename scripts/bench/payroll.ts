/**
 * `npm run bench -- payroll` (issue 12 goal 3): `vouch issue --batch` over 10,000 payroll rows, in
 * rows/s, against bare ES256 signing measured in the same run (Node's crypto.sign on one thread,
 * the fastest way this machine makes an ES256 signature): offers only into one offers.csv
 * (`--offers csv`, the goal's row), offers only as 10,000 .vouch files (the default layout), and
 * offers with QR PNGs. Goal: at least 0.1× bare signing for offers only. The batch runs from the
 * built CLI's modules (dist-node, as `vouch` runs), so its worker threads are the bundled ones.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { payrollCsv } from '../../src/cli/batch/payroll-fixture.ts';
import type { BenchSection, BenchSectionRunner } from './types.ts';

const ROWS = 10_000;
const GOAL = 0.1;

/** CPU time of this process (every thread) in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** System CPU time of this process in milliseconds (mostly creating and writing the files). */
function systemMs(): number {
  return process.cpuUsage().system / 1000;
}

/** CPU milliseconds a bare signature cost in the last bareSigningPerSecond run. */
let bareCpuMs = 0;

/** Bare ES256 signatures per second over a JWS-sized input, for `ms` milliseconds. */
function bareSigningPerSecond(ms: number): number {
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
  bareCpuMs = (cpuMs() - cpuStart) / count;
  return count / ((performance.now() - start) / 1000);
}

export const run: BenchSectionRunner = async (): Promise<BenchSection> => {
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, ['scripts/build-node.mjs', '--strict', '--quiet'], {
    stdio: 'inherit',
  });
  // The built CLI, as `vouch` runs it (its worker threads are the bundled ones).
  const { main } = (await import(join(process.cwd(), 'dist-node/cli/main.js'))) as {
    main: (argv: readonly string[]) => Promise<number>;
  };
  const dir = await mkdtemp(join(tmpdir(), 'vouch-bench-payroll-'));
  const csv = join(dir, 'payroll.csv');
  await writeFile(csv, payrollCsv(ROWS));
  const issuer = join(dir, 'issuer.json');
  const quiet = { stdout: process.stdout.write, stderr: process.stderr.write };
  // The CLI writes its JSON line and progress to the real streams: silence them while it runs.
  const silenced = async (argv: string[]): Promise<number> => {
    process.stdout.write = (() => true) as typeof process.stdout.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      return await main(argv);
    } finally {
      process.stdout.write = quiet.stdout;
      process.stderr.write = quiet.stderr;
    }
  };
  if ((await silenced(['issuer', 'new', '--name', 'Bench B.V.', '--out', issuer])) !== 0) {
    throw new Error('bench payroll: vouch issuer new failed');
  }
  type Output = 'csv' | 'files' | 'pngs';
  /** CPU milliseconds per row of each batch, every thread of this process counted. */
  const rowCpuMs: Record<Output, number> = { csv: 0, files: 0, pngs: 0 };
  /** Of which system time (the kernel creating and writing files, mostly). */
  const rowSystemMs: Record<Output, number> = { csv: 0, files: 0, pngs: 0 };
  const batch = async (output: Output): Promise<number> => {
    const out = join(dir, output);
    const start = performance.now();
    const cpuStart = cpuMs();
    const systemStart = systemMs();
    const code = await silenced([
      'issue',
      '--batch',
      csv,
      '--issuer',
      issuer,
      '--type',
      'income-statement',
      '--out',
      out,
      '--employer-name',
      'Bakkerij de Vries B.V.',
      '--employer-id',
      '12345678',
      ...(output === 'pngs' ? [] : ['--no-png']),
      ...(output === 'csv' ? ['--offers', 'csv'] : []),
    ]);
    const seconds = (performance.now() - start) / 1000;
    rowCpuMs[output] = (cpuMs() - cpuStart) / ROWS;
    rowSystemMs[output] = (systemMs() - systemStart) / ROWS;
    if (code !== 0) throw new Error(`bench payroll: the batch exited ${code}`);
    return ROWS / seconds;
  };
  try {
    const before = bareSigningPerSecond(2000);
    const bareCpuBefore = bareCpuMs;
    const csvOffers = await batch('csv');
    const files = await batch('files');
    const pngs = await batch('pngs');
    const after = bareSigningPerSecond(2000);
    const bareCpu = (bareCpuBefore + bareCpuMs) / 2;
    const cores = availableParallelism();
    const bare = (before + after) / 2;
    const ratio = (value: number) => Math.round((value / bare) * 1000) / 1000;
    const cpuText = (output: Output) =>
      `${rowCpuMs[output].toFixed(3)} ms (${rowSystemMs[output].toFixed(3)} ms system)`;
    return {
      id: 'payroll',
      title: 'Payroll: vouch issue --batch, 10,000 rows',
      baseline: 'bare ES256 signing (node:crypto sign, one thread), same run',
      rows: [
        {
          name: 'bare ES256 signing (baseline, mean of before and after)',
          value: Math.round(bare),
          unit: 'signatures/s',
          ratio: 1,
        },
        {
          name: `offers only (${ROWS} rows, one offers.csv: --offers csv)`,
          value: Math.round(csvOffers),
          unit: 'rows/s',
          ratio: ratio(csvOffers),
          goal: `≥ ${GOAL}×`,
          pass: csvOffers / bare >= GOAL,
        },
        {
          name: `offers only (${ROWS} rows, ${ROWS} .vouch files)`,
          value: Math.round(files),
          unit: 'rows/s',
          ratio: ratio(files),
        },
        {
          name: `offers and QR PNGs (${ROWS} rows)`,
          value: Math.round(pngs),
          unit: 'rows/s',
          ratio: ratio(pngs),
        },
      ],
      notes: [
        `${cores} cores; the batch issues on one worker thread per core, the baseline signs on one thread.`,
        `Baseline before the batches ${Math.round(before)}/s, after ${Math.round(after)}/s.`,
        // Wall-clock ratios move with whatever else the machine runs; CPU time much less.
        `CPU time (every thread): ${(bareCpu * 1000).toFixed(1)} µs a bare signature; a row ${cpuText('csv')} into offers.csv, ${cpuText('files')} as .vouch files, ${cpuText('pngs')} with PNGs.`,
        `On ${cores} otherwise idle cores, by CPU time: offers into offers.csv about ${((bareCpu / rowCpuMs.csv) * cores).toFixed(3)}× bare signing, as .vouch files ${((bareCpu / rowCpuMs.files) * cores).toFixed(3)}× (${((bareCpu / (rowCpuMs.files - rowSystemMs.files)) * cores).toFixed(3)}× without the system time).`,
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
