#!/usr/bin/env node
// Builds the Node side into dist-node/ (not dist/: `vite build` empties that), one ESM file per
// entry for Node ≥ 20, TypeScript and core bundled in, every npm dependency left external (they are
// the package's own dependencies):
//   - dist-node/cli/main.js: the `vouch` command (bin/vouch.mjs runs it: no TypeScript compiled at
//     run time, issue 12), split so that what a command imports lazily (the agent, Veramo,
//     did-jwt-vc, the server) stays in chunks loaded only by that command: `vouch --help` loads
//     none of them;
//   - dist-node/cli/payroll-worker.mjs: the payroll batch's worker thread (issue-batch.ts loads it
//     from beside its own chunk; from the sources it loads src/cli/batch/payroll-worker.mjs);
//   - dist-node/agent.js: `vouch/agent` (src/agent/index.ts).
// Run by `npm run build:node`, by `prepare` (so `npm install` / `npm ci` on a fresh clone builds
// it) and by the unit tests' global setup (so a test never runs a stale bundle). It never fails an
// install: without esbuild (an install that omits devDependencies) it says so and exits 0, and
// `vouch` then says that it is not built.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const strict = process.argv.includes('--strict');
const quiet = process.argv.includes('--quiet');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('build-node: esbuild is not installed; dist-node/ not built (npm run build:node)');
  process.exit(strict ? 1 : 0);
}

const COMMON = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};

const BUILDS = [
  {
    ...COMMON,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir: 'dist-node/cli',
    splitting: true,
    chunkNames: '[name]-[hash]',
    metafile: true,
  },
  {
    ...COMMON,
    entryPoints: ['src/cli/batch/payroll-worker-body.ts'],
    outfile: 'dist-node/cli/payroll-worker.mjs',
    // Its few pure-JS packages (@noble/hashes, @scure/base) bundled in: one file to load when
    // each worker thread starts (21.8 ms against 29.2 ms). What loads on first use stays outside:
    // secp256k1 (a native binding) and qrcode (PNGs only).
    packages: undefined,
    external: ['secp256k1', 'qrcode'],
  },
  { ...COMMON, entryPoints: ['src/agent/index.ts'], outfile: 'dist-node/agent.js' },
];

try {
  const started = Date.now();
  const results = await Promise.all(BUILDS.map((options) => esbuild.build(options)));
  // Chunks are named by their content's hash: remove those an earlier build left in dist-node/cli
  // that this build no longer writes (they would pile up, one set per change of the sources).
  const written = new Set(results.flatMap((result) => Object.keys(result.metafile?.outputs ?? {})));
  for (const build of BUILDS) if (build.outfile) written.add(build.outfile);
  for (const name of readdirSync(join(root, 'dist-node/cli'))) {
    const path = join('dist-node/cli', name);
    const file = name.endsWith('.map') ? path.slice(0, -'.map'.length) : path;
    if (!written.has(file)) rmSync(join(root, path), { force: true });
  }
  if (!quiet) {
    console.log(`build-node: dist-node/cli/, dist-node/agent.js (${Date.now() - started} ms)`);
  }
} catch (error) {
  console.error(`build-node: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  process.exit(strict ? 1 : 0);
}
