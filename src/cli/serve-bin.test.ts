// The one spawned check of `vouch serve` (node bin/vouch.mjs, as operators run it): the ready line
// on stdout, /healthz, the admin token printed once on stderr and kept 0600, a clean stop on
// SIGTERM. The detailed cases are in serve.test.ts (in-process).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/vouch.mjs', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

describe('vouch serve (spawned)', { timeout: 120_000 }, () => {
  it('Given a fresh data dir, when `vouch serve` starts, then it prints one ready line, answers /healthz and stops cleanly on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vouch-serve-bin-'));
    const env = { ...process.env };
    delete env.VOUCH_ADMIN_TOKEN;
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dir],
      { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
        });
        void exited.then((code) => reject(new Error(`vouch serve exited ${code}: ${stderr}`)));
      });
      const ready = JSON.parse(line) as { url: string; issuer: string; verifier: string };
      expect(ready.url).toMatch(/^http:\/\/localhost:\d+$/);
      expect(ready.issuer).toMatch(/^did:key:z/);
      expect(ready.verifier).toMatch(/^did:key:z/);

      const health = await fetch(`${ready.url.replace('localhost', '127.0.0.1')}/healthz`);
      expect(await health.json()).toEqual({ ok: true });

      const token = (await readFile(join(dir, 'admin-token'), 'utf8')).trim();
      expect((await stat(join(dir, 'admin-token'))).mode & 0o777).toBe(0o600);
      expect(stderr.split(token)).toHaveLength(2); // printed exactly once
      const info = await fetch(`${ready.url.replace('localhost', '127.0.0.1')}/admin/info`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect((await info.json()).issuer).toBe(ready.issuer);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout.trim().split('\n')).toHaveLength(1);
      const logs = stderr
        .split('\n')
        .filter((text) => text.startsWith('{'))
        .map((text) => JSON.parse(text) as Record<string, unknown>);
      expect(logs.filter((entry) => entry.event === 'request')).toHaveLength(2);
      expect(logs.map((entry) => JSON.stringify(entry)).join('')).not.toContain(token);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
