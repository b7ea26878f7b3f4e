/**
 * Progress on stderr for long jobs: a redrawn bar when stderr is a terminal, otherwise a plain
 * line every `everyMs` (logs and CI should not fill with carriage returns).
 */
export interface ProgressReporter {
  update(done: number): void;
  /** When the total becomes known only while the job runs (rows refused as they are checked). */
  setTotal(total: number): void;
  finish(): void;
}

export function createProgressReporter(opts: {
  total: number;
  label: string;
  stream: NodeJS.WriteStream;
  everyMs?: number;
  now?: () => number;
}): ProgressReporter {
  const { label, stream } = opts;
  let total = opts.total;
  const now = opts.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const everyMs = opts.everyMs ?? (tty ? 100 : 2000);
  const start = now();
  let last = -Infinity;
  let lastDone = 0;
  const draw = (done: number, final: boolean) => {
    const elapsed = (now() - start) / 1000;
    const rate = elapsed > 0 ? Math.round(done / elapsed) : 0;
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    if (tty) {
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      stream.write(
        `\r${label} [${bar}] ${done}/${total} ${percent}% ${rate}/s${final ? '\n' : ''}`,
      );
    } else {
      stream.write(`${label}: ${done}/${total} (${percent}%), ${rate} rows/s\n`);
    }
  };
  return {
    update(done) {
      lastDone = done;
      const t = now();
      if (t - last < everyMs) return;
      last = t;
      draw(done, false);
    },
    setTotal(value) {
      total = value;
    },
    finish() {
      draw(lastDone, true);
    },
  };
}
