/**
 * Structured logs: one JSON object per line, `{"t","event",…fields}`. Callers pass only fields
 * that hold no personal data and no secrets (docs/server.md "Logs"): methods, route patterns,
 * statuses, durations, counts, error codes.
 */
import type { Log } from './context.ts';

export function createJsonLog(
  write: (line: string) => void,
  now: () => Date = () => new Date(),
): Log {
  return (event, fields = {}) => {
    write(`${JSON.stringify({ t: now().toISOString(), event, ...fields })}\n`);
  };
}

/** A log that keeps its lines, for tests. */
export function createMemoryLog(): { log: Log; lines: string[] } {
  const lines: string[] = [];
  return { log: createJsonLog((line) => lines.push(line)), lines };
}
