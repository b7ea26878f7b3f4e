// Preloaded by `npm run bench -- payroll` into the `vouch` process it spawns (`node --import`):
// at exit, writes the process's CPU time (every thread, worker threads included) as JSON to the
// file named by VOUCH_BENCH_CPU_FILE. Not part of the CLI.
import { writeFileSync } from 'node:fs';

const file = process.env.VOUCH_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ userMs: user / 1000, systemMs: system / 1000 }));
  });
}
