/**
 * The fuzzer's loop for one decoder: makes input number i from (seed, decoder, i) — the seeds
 * themselves first, then mutants — runs the decoder on it and records a failure when
 *
 *   - a throw escapes (the decoders answer bad input with a Result or a verdict; a throw is a bug),
 *   - the answer shows a bug another way (the target's own check),
 *   - one input takes more than `maxInputMs` (default 1 s), three times (timed twice more alone,
 *     so that a GC pause or a busy machine does not count as the input's own slowness),
 *   - the heap, sampled after a full GC, keeps growing: the lowest sample of the last third of the
 *     run is more than `heapGrowthLimitBytes` above the highest of the first third (warm-up left
 *     out). Needs `gc` (node --expose-gc); without it memory is not judged.
 *
 * Deterministic: the same seed gives the same inputs, and `inputAt` makes any one of them again.
 */
import { getHeapStatistics } from 'node:v8';
import { FuzzRng } from './fuzz-rng.ts';
import type { FuzzTarget } from './fuzz-targets.ts';

export interface FuzzOptions {
  count: number;
  seed: string;
  maxInputMs?: number;
  /** Give up on an input that has not answered after this long (an async hang). Default 10 s. */
  hangMs?: number;
  heapSamples?: number;
  heapGrowthLimitBytes?: number;
  gc?: (() => void) | undefined;
  /** Called before each input (the watchdog's view) and every 1,000 inputs. */
  onInput?: (index: number) => void;
  /** Keep at most this many failures in the report (all are counted). Default 20. */
  keepFailures?: number;
}

export type FailureKind = 'throw' | 'bad-answer' | 'slow' | 'hang' | 'memory';

export interface FuzzFailure {
  index: number;
  kind: FailureKind;
  message: string;
  input: string;
}

export interface FuzzReport {
  name: string;
  passed: number;
  failed: number;
  failures: FuzzFailure[];
  elapsedMs: number;
  /** Heap after GC (bytes) at evenly spaced points of the run; empty without gc. */
  heapSamples: number[];
  slowestMs: number;
}

export const DEFAULT_MAX_INPUT_MS = 1000;
export const DEFAULT_HEAP_GROWTH_LIMIT = 32 * 1024 * 1024;

/** Input number `index` of `target` under `seed`, and the generator that goes on to its run. */
export function inputAt<T>(target: FuzzTarget<T>, seed: string, index: number) {
  const rng = new FuzzRng(`${seed}/${target.name}/${index}`);
  const seeds = target.seeds;
  const input = index < seeds.length ? (seeds[index] as T) : target.mutate(rng, rng.pick(seeds));
  return { input, rng };
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const frame = error.stack?.split('\n').find((line) => line.includes('/src/')) ?? '';
    return `${error.name}: ${error.message}${frame ? ` (${frame.trim()})` : ''}`;
  }
  return `thrown non-Error: ${String(error)}`;
}

/**
 * A sustained upward trend: after warm-up (the first quarter of the samples), the lowest sample
 * of the last third exceeds the highest of the first third by more than `limit` bytes.
 */
export function heapKeepsGrowing(samples: readonly number[], limit: number): boolean {
  const settled = samples.slice(Math.floor(samples.length / 4));
  if (settled.length < 6) return false;
  const third = Math.floor(settled.length / 3);
  const early = Math.max(...settled.slice(0, third));
  const late = Math.min(...settled.slice(settled.length - third));
  return late - early > limit;
}

const HANG = Symbol('hang');

/**
 * A slow input is timed twice more, alone, and the fastest time counts: on a shared machine a GC
 * pause or other processes can stretch a run or two; an input that is slow by itself stays slow.
 */
async function timeAgain<T>(target: FuzzTarget<T>, seed: string, index: number): Promise<number> {
  let fastest = Infinity;
  for (let attempt = 0; attempt < 2; attempt++) {
    const again = inputAt(target, seed, index);
    const begin = performance.now();
    await target.run(again.input, again.rng);
    fastest = Math.min(fastest, performance.now() - begin);
  }
  return fastest;
}

export async function fuzzTarget<T>(target: FuzzTarget<T>, opts: FuzzOptions): Promise<FuzzReport> {
  const maxInputMs = opts.maxInputMs ?? DEFAULT_MAX_INPUT_MS;
  const hangMs = opts.hangMs ?? 10_000;
  const keep = opts.keepFailures ?? 20;
  const sampleEvery = Math.max(1, Math.floor(opts.count / (opts.heapSamples ?? 24)));
  const failures: FuzzFailure[] = [];
  const heapSamples: number[] = [];
  let failed = 0;
  let failedInputs = 0;
  let slowestMs = 0;
  const started = performance.now();

  const record = (failure: FuzzFailure) => {
    failed++;
    if (failure.kind !== 'memory') failedInputs++;
    if (failures.length < keep) failures.push(failure);
  };

  for (let index = 0; index < opts.count; index++) {
    opts.onInput?.(index);
    let input: T | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const made = inputAt(target, opts.seed, index);
      input = made.input;
      // Only the decoder is timed, not the making of its input.
      const begin = performance.now();
      const answer = target.run(made.input, made.rng);
      const problem =
        answer instanceof Promise
          ? await Promise.race([
              answer,
              new Promise<typeof HANG>((resolve) => {
                timer = setTimeout(() => resolve(HANG), hangMs);
              }),
            ])
          : answer;
      const ms = performance.now() - begin;
      slowestMs = Math.max(slowestMs, ms);
      if (problem === HANG) {
        record({
          index,
          kind: 'hang',
          message: `no answer after ${hangMs} ms`,
          input: target.describe(made.input),
        });
      } else if (problem !== undefined) {
        record({ index, kind: 'bad-answer', message: problem, input: target.describe(made.input) });
      } else if (ms > maxInputMs && (await timeAgain(target, opts.seed, index)) > maxInputMs) {
        record({
          index,
          kind: 'slow',
          message: `took ${Math.round(ms)} ms (limit ${maxInputMs} ms)`,
          input: target.describe(made.input),
        });
      }
    } catch (error) {
      record({
        index,
        kind: 'throw',
        message: messageOf(error),
        input: input === undefined ? '(the mutator threw)' : target.describe(input),
      });
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
    if (opts.gc && (index + 1) % sampleEvery === 0) {
      opts.gc();
      heapSamples.push(getHeapStatistics().used_heap_size);
    }
  }

  const limit = opts.heapGrowthLimitBytes ?? DEFAULT_HEAP_GROWTH_LIMIT;
  if (heapKeepsGrowing(heapSamples, limit)) {
    const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
    record({
      index: opts.count,
      kind: 'memory',
      message: `the heap after GC kept growing: ${heapSamples.map(mib).join(', ')}`,
      input: '(the whole run)',
    });
  }
  return {
    name: target.name,
    passed: opts.count - failedInputs,
    failed,
    failures,
    elapsedMs: performance.now() - started,
    heapSamples,
    slowestMs,
  };
}

/** `<decoder>: N passed, M failed` — the line `npm run fuzz` prints per decoder. */
export function summaryLine(report: Pick<FuzzReport, 'name' | 'passed' | 'failed'>): string {
  return `${report.name}: ${report.passed} passed, ${report.failed} failed`;
}

/** The final line: `N passed, M failed`, alone. */
export function totalLine(reports: readonly Pick<FuzzReport, 'passed' | 'failed'>[]): string {
  const passed = reports.reduce((sum, r) => sum + r.passed, 0);
  const failed = reports.reduce((sum, r) => sum + r.failed, 0);
  return `${passed} passed, ${failed} failed`;
}
