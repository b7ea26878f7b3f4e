/**
 * `npm run fuzz`: the seeded mutation fuzzer over every decoder of hostile input (issue 8 item 8,
 * docs/verification.md §Fuzzing). Runs each decoder in its own worker thread (two at a time by
 * default: the machine has two cores), with a watchdog that stops a worker stuck on one input.
 *
 *   npm run fuzz                                   100,000 inputs per decoder, seed "vouch-fuzz-1"
 *   npm run fuzz -- --count 2000 --only status-list,trust-list
 *   npm run fuzz -- --seed 7 --jobs 1
 *   npm run fuzz -- --only sd-jwt-parse --index 4711    make and run that one input, and show it
 *
 * Prints failures as they come, then one `<decoder>: N passed, M failed` line per decoder and a
 * final `N passed, M failed` line. Exit 1 on any failure (a throw that escapes, an input slower
 * than 1 s, a hang, a heap that keeps growing after GC), 2 on a usage error.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fuzzTarget, inputAt, summaryLine, totalLine } from '../src/cli/fuzz/fuzz-run.ts';
import type { FuzzReport } from '../src/cli/fuzz/fuzz-run.ts';
import { createFuzzTarget, DECODER_NAMES, isDecoderName } from '../src/cli/fuzz/fuzz-targets.ts';
import type { DecoderName } from '../src/cli/fuzz/fuzz-targets.ts';

interface Job {
  name: DecoderName;
  count: number;
  seed: string;
  /** [inputs started, index of the current input]: the watchdog reads it without messages. */
  progress: SharedArrayBuffer;
}

type WorkerMessage = { type: 'report'; report: FuzzReport } | { type: 'error'; message: string };

const gc = (globalThis as { gc?: () => void }).gc;
/** A worker whose current input has not finished after this long is stuck (far past 1 s). */
const WATCHDOG_MS = 30_000;

async function runJob(job: Job): Promise<FuzzReport> {
  const progress = new Int32Array(job.progress);
  const target = await createFuzzTarget(job.name);
  return fuzzTarget(target, {
    count: job.count,
    seed: job.seed,
    gc,
    onInput: (index) => {
      Atomics.store(progress, 0, index + 1);
      Atomics.store(progress, 1, index);
    },
  });
}

if (!isMainThread) {
  const job = workerData as Job;
  runJob(job).then(
    (report) => parentPort?.postMessage({ type: 'report', report } satisfies WorkerMessage),
    (error: unknown) =>
      parentPort?.postMessage({ type: 'error', message: String(error) } satisfies WorkerMessage),
  );
} else {
  await main();
}

function usage(message: string): never {
  console.error(`fuzz: ${message}`);
  console.error(
    'usage: npm run fuzz -- [--count N] [--seed S] [--only a,b] [--jobs N] [--index I]',
  );
  process.exit(2);
}

function parseArgs(argv: readonly string[]) {
  const opts = {
    count: 100_000,
    seed: 'vouch-fuzz-1',
    only: [...DECODER_NAMES] as DecoderName[],
    jobs: Math.min(2, availableParallelism()),
    index: undefined as number | undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) usage(`${flag} needs a value`);
    i++;
    if (flag === '--count' || flag === '--jobs' || flag === '--index') {
      if (!/^\d{1,9}$/.test(value)) usage(`${flag}: expected a whole number, got ${value}`);
      if (flag === '--count') opts.count = Number(value);
      else if (flag === '--jobs') opts.jobs = Math.max(1, Number(value));
      else opts.index = Number(value);
    } else if (flag === '--seed') {
      opts.seed = value;
    } else if (flag === '--only') {
      const names = value.split(',');
      const unknown = names.find((name) => !isDecoderName(name));
      if (unknown !== undefined) usage(`unknown decoder ${unknown} (${DECODER_NAMES.join(', ')})`);
      opts.only = names as DecoderName[];
    } else {
      usage(`unknown flag ${flag}`);
    }
  }
  return opts;
}

/**
 * A worker running this file. Under tsx (a .ts file) the worker registers tsx itself first:
 * loader hooks do not reach worker threads, and --expose-gc may not be passed to one (V8 flags are
 * process-wide, so `gc` is there anyway).
 */
function startWorker(job: Job): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: job });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(self)}); })`;
  return new Worker(boot, { eval: true, workerData: job, execArgv: [] });
}

/** Runs one job in a worker, with the watchdog; a stuck worker becomes a 'hang' failure. */
function inWorker(job: Job): Promise<FuzzReport> {
  return new Promise((resolve) => {
    const worker = startWorker(job);
    const progress = new Int32Array(job.progress);
    let last = -1;
    let since = Date.now();
    const finish = (report: FuzzReport) => {
      clearInterval(watchdog);
      resolve(report);
    };
    const failure = (kind: 'hang' | 'throw', message: string): FuzzReport => {
      const index = Atomics.load(progress, 1);
      return {
        name: job.name,
        passed: Math.max(0, Atomics.load(progress, 0) - 1),
        failed: 1,
        failures: [
          { index, kind, message, input: `reproduce: --only ${job.name} --index ${index}` },
        ],
        elapsedMs: 0,
        heapSamples: [],
        slowestMs: 0,
      };
    };
    const watchdog = setInterval(() => {
      const started = Atomics.load(progress, 0);
      if (started !== last) {
        last = started;
        since = Date.now();
      } else if (Date.now() - since > WATCHDOG_MS) {
        void worker.terminate();
        finish(
          failure('hang', `input stuck for more than ${WATCHDOG_MS / 1000} s; worker stopped`),
        );
      }
    }, 1000);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'report') finish(message.report);
      else finish(failure('throw', `the worker failed: ${message.message}`));
    });
    worker.on('error', (error) => finish(failure('throw', `the worker died: ${String(error)}`)));
  });
}

function printFailures(report: FuzzReport): void {
  for (const failure of report.failures) {
    console.log(
      `  FAIL ${report.name} #${failure.index} ${failure.kind}: ${failure.message}\n       input: ${failure.input}`,
    );
  }
  if (report.failed > report.failures.length) {
    console.log(
      `  … and ${report.failed - report.failures.length} more failures of ${report.name}`,
    );
  }
}

async function reproduce(name: DecoderName, seed: string, index: number): Promise<void> {
  const target = await createFuzzTarget(name);
  const { input, rng } = inputAt(target, seed, index);
  console.log(`${name} #${index}: ${target.describe(input)}`);
  if (typeof input === 'string' && input.length < 20_000) console.log(input);
  const started = performance.now();
  const problem = await target.run(input, rng);
  console.log(
    `answered in ${(performance.now() - started).toFixed(1)} ms: ${problem ?? 'no problem'}`,
  );
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.index !== undefined) {
    if (opts.only.length !== 1) usage('--index needs exactly one decoder in --only');
    await reproduce(opts.only[0] as DecoderName, opts.seed, opts.index);
    return;
  }
  if (!gc) console.log('(no --expose-gc: memory growth is not judged)');
  console.log(
    `fuzzing ${opts.only.length} decoders, ${opts.count} inputs each, seed ${JSON.stringify(opts.seed)}, ${opts.jobs} at a time`,
  );
  const started = Date.now();
  const queue = [...opts.only];
  const reports = new Map<DecoderName, FuzzReport>();
  const lane = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const report = await inWorker({
        name,
        count: opts.count,
        seed: opts.seed,
        progress: new SharedArrayBuffer(8),
      });
      reports.set(name, report);
      console.log(
        `${name}: done in ${(report.elapsedMs / 1000).toFixed(1)} s (slowest input ${report.slowestMs.toFixed(0)} ms)`,
      );
      printFailures(report);
    }
  };
  await Promise.all(Array.from({ length: opts.jobs }, lane));
  console.log(`all done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const ordered = opts.only.map((name) => reports.get(name) as FuzzReport);
  for (const report of ordered) console.log(summaryLine(report));
  console.log(totalLine(ordered));
  process.exitCode = ordered.some((report) => report.failed > 0) ? 1 : 0;
}
