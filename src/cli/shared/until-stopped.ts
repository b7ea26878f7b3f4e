import { once } from 'node:events';

/**
 * Runs a long-lived command (`vouch serve`, `vouch ledger serve`) with a promise that settles at
 * the first SIGINT or SIGTERM; the signal listeners are removed when the run ends, whatever way.
 */
export async function runUntilStopped<T>(
  run: (stopped: Promise<unknown>) => Promise<T>,
): Promise<T> {
  const stop = new AbortController();
  const stopped = Promise.race([
    once(process, 'SIGINT', { signal: stop.signal }),
    once(process, 'SIGTERM', { signal: stop.signal }),
  ]).catch(() => undefined);
  try {
    return await run(stopped);
  } finally {
    stop.abort();
  }
}
