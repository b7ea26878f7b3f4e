/**
 * Vitest global setup: build dist-node/ (scripts/build-node.mjs) before any test runs, so the tests
 * that spawn `bin/vouch.mjs` or import `vouch/agent` always run the code as it is now, never a
 * bundle left from an earlier build. About a second. `npm test` (scripts/test-all.mjs) builds it
 * itself just before and says so with VOUCH_NODE_BUILT=1: the e2e tests, running beside the unit
 * tests, spawn that CLI too, and must not see it rewritten under them.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  if (process.env.VOUCH_NODE_BUILT === '1') return;
  execFileSync(process.execPath, ['scripts/build-node.mjs', '--strict', '--quiet'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
  });
}
