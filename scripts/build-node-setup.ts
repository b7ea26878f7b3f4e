/**
 * Vitest global setup: build dist-node/ (scripts/build-node.mjs) before any test runs, so the tests
 * that spawn `bin/vouch.mjs` or import `vouch/agent` always run the code as it is now, never a
 * bundle left from an earlier build. About a second.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-node.mjs', '--strict', '--quiet'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
  });
}
