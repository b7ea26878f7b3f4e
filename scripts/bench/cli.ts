/**
 * `npm run bench -- cli` (issue 12 goal 5): how long `vouch --help` takes, as a ratio to `node -e 0`
 * measured in the same run. Both are spawned the same way, interleaved (so a busy moment hits
 * both), and the median of each is compared. Goal: at most 10×. The CLI runs as users run it,
 * `node bin/vouch.mjs` on the built bundle (dist-node), which loads no command's code for help.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { BenchSection, BenchSectionRunner } from './types.ts';

const RUNS = 15;
const GOAL = 10;

function spawnMs(args: readonly string[]): number {
  const start = performance.now();
  const done = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - start;
  if (done.status !== 0) {
    throw new Error(`bench cli: node ${args.join(' ')} exited ${done.status}: ${done.stderr}`);
  }
  return ms;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

export const run: BenchSectionRunner = async (): Promise<BenchSection> => {
  execFileSync(process.execPath, ['scripts/build-node.mjs', '--strict', '--quiet'], {
    stdio: 'inherit',
  });
  const cases = {
    node: ['-e', '0'],
    help: ['bin/vouch.mjs', '--help'],
    keysNew: ['bin/vouch.mjs', 'keys', 'new'],
  } as const;
  const times: Record<keyof typeof cases, number[]> = { node: [], help: [], keysNew: [] };
  for (const args of Object.values(cases)) spawnMs(args); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    for (const [name, args] of Object.entries(cases)) {
      times[name as keyof typeof cases].push(spawnMs(args));
    }
  }
  const node = median(times.node);
  const help = median(times.help);
  const keysNew = median(times.keysNew);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const ratio = (ms: number) => Math.round((ms / node) * 100) / 100;
  return {
    id: 'cli',
    title: 'The CLI: start-up of the built vouch',
    baseline: '`node -e 0`, spawned the same way, same run (median)',
    rows: [
      { name: 'node -e 0 (baseline)', value: round(node), unit: 'ms', ratio: 1 },
      {
        name: 'vouch --help',
        value: round(help),
        unit: 'ms',
        ratio: ratio(help),
        goal: `≤ ${GOAL}×`,
        pass: help / node <= GOAL,
      },
      {
        name: 'vouch keys new (loads one command)',
        value: round(keysNew),
        unit: 'ms',
        ratio: ratio(keysNew),
      },
    ],
    notes: [`Median of ${RUNS} spawns each, interleaved.`],
  };
};
