import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Runs the real `vouch` CLI and returns its parsed stdout JSON. */
export function vouchJson(args: readonly string[]): Record<string, unknown> {
  const out = execFileSync(process.execPath, [path.join(root, 'bin', 'vouch.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, unknown>;
}
