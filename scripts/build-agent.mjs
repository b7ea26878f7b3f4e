#!/usr/bin/env node
// Builds `vouch/agent` (src/agent/index.ts) into dist-node/agent.js: one ESM file for Node ≥ 20,
// TypeScript and core bundled in, every npm dependency left external (Veramo, did-jwt-vc, noble…
// are the package's own dependencies). Not dist/: `vite build` empties that.
// Run by `npm run build:agent` and by `prepare`, so `npm install` / `npm ci` on a fresh clone builds
// it. It never fails an install: without esbuild (an install that omits devDependencies) it says so
// and exits 0; the export is then missing until `npm run build:agent`.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const strict = process.argv.includes('--strict');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn(
    'build-agent: esbuild is not installed; vouch/agent not built (npm run build:agent)',
  );
  process.exit(strict ? 1 : 0);
}

try {
  const started = Date.now();
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/agent/index.ts'],
    outfile: 'dist-node/agent.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  console.log(`build-agent: dist-node/agent.js (${Date.now() - started} ms)`);
} catch (error) {
  console.error(`build-agent: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  process.exit(strict ? 1 : 0);
}
