// `vouch serve` and `vouch status revoke --server`, in-process: the server listens on a free
// port in this process and the CLI talks to it over HTTP (the one spawned check is serve-bin.test.ts).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStatusListJwt } from '../core/status-list/index.ts';
import { expectOneLine, runCaptured } from './cli-harness.fake.ts';
import { runServe } from './commands/serve.ts';
import { jwsCrypto } from './shared/runtime.ts';

const TOKEN = 'serve-test-admin-token-0123456789';
let dir: string;
let url: string;
let ready: { url: string; issuer: string; verifier: string };
let stop: () => void;
let served: Promise<number>;
let stderr = '';

async function withToken<T>(token: string | undefined, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.VOUCH_ADMIN_TOKEN;
  if (token === undefined) delete process.env.VOUCH_ADMIN_TOKEN;
  else process.env.VOUCH_ADMIN_TOKEN = token;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.VOUCH_ADMIN_TOKEN;
    else process.env.VOUCH_ADMIN_TOKEN = saved;
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vouch-serve-'));
  let stdout = '';
  let readyLine: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => (readyLine = resolve));
  served = runServe(
    { port: 0, host: '127.0.0.1', dataDir: dir, envAdminToken: TOKEN },
    {
      stdout: (text) => {
        stdout += text;
        readyLine();
      },
      stderr: (text) => void (stderr += text),
    },
    new Promise<void>((resolve) => (stop = resolve)),
  );
  await Promise.race([isReady, served]);
  expect(stdout.endsWith('\n')).toBe(true);
  expect(stdout.trim().split('\n')).toHaveLength(1);
  ready = JSON.parse(stdout);
  url = ready.url;
});

afterAll(async () => {
  stop?.();
  expect(await served).toBe(0);
  await rm(dir, { recursive: true, force: true });
});

describe('vouch serve (in-process)', () => {
  it('Given a fresh data dir, when started, then the ready line names the URL and the DIDs of keys it made and kept', async () => {
    expect(Object.keys(ready).sort()).toEqual(['issuer', 'url', 'verifier']);
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(ready.issuer).toMatch(/^did:key:z/);
    expect(ready.verifier).toMatch(/^did:key:z/);
    expect(ready.issuer).not.toBe(ready.verifier);
    const issuerFile = JSON.parse(await readFile(join(dir, 'issuer.json'), 'utf8'));
    expect(issuerFile.did).toBe(ready.issuer);
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
  });

  it('Given VOUCH_ADMIN_TOKEN, when started, then the token is neither printed nor written', async () => {
    expect(stderr).not.toContain(TOKEN);
    await expect(readFile(join(dir, 'admin-token'))).rejects.toThrow();
  });

  it('Given the admin token, when `vouch status revoke --server` runs, then the hosted list shows the index revoked at once', async () => {
    const info = await (
      await fetch(`${url}/admin/info`, { headers: { Authorization: `Bearer ${TOKEN}` } })
    ).json();
    const run = await withToken(TOKEN, () =>
      runCaptured(['status', 'revoke', '--server', url, '--index', '4242']),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ revoked: 4242, list: info.statusList });

    const hosted = await fetch(info.statusList as string);
    expect(hosted.headers.get('content-type')).toBe('application/statuslist+jwt');
    const list = await verifyStatusListJwt(await hosted.text(), {
      crypto: jwsCrypto(),
      now: new Date(),
      expectedUri: info.statusList,
    });
    expect(list.ok && list.value.statusAt(4242)).toBe(1);
    expect(list.ok && list.value.statusAt(4243)).toBe(0);

    const again = await withToken(TOKEN, () =>
      runCaptured(['status', 'revoke', '--server', `${url}/`, '--index', '4242']),
    );
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/already revoked/);
  });

  it('Given a wrong token, when revoking at the server, then exit 1 with one line that does not hold the token', async () => {
    const run = await withToken('wrong-token-but-long-enough-000', () =>
      runCaptured(['status', 'revoke', '--server', url, '--index', '1']),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expectOneLine(run.stderr);
    expect(run.stderr).toMatch(/refused the admin token/);
    expect(run.stderr).not.toContain('wrong-token');
  });

  it('Given an index outside the list, when revoking at the server, then exit 1 with the server reason', async () => {
    const run = await withToken(TOKEN, () =>
      runCaptured(['status', 'revoke', '--server', url, '--index', '9999999999']),
    );
    expect(run.code).toBe(1);
    expectOneLine(run.stderr);
    expect(run.stderr).toMatch(/HTTP 400: "index" must be 0 to 99999/);
  });

  it.each([
    [['status', 'revoke', '--server', 'ftp://x', '--index', '1'], /--server/],
    [['status', 'revoke', '--server', 'not a url', '--index', '1'], /--server/],
    [['status', 'revoke', '--index', '1'], /--list/],
    [['status', 'revoke', '--server', 'http://127.0.0.1:9', '--index', 'x'], /--index/],
    [['serve', '--port', '70000'], /--port/],
    [['serve', '--port', 'abc'], /--port/],
    [['serve', '--database', 'mysql://root:hunter2@db/x'], /--database/],
    [['serve', '--public-url', 'https://x.example/?q=1'], /--public-url/],
    [['serve', '--admin-origin', 'https://desk.example/path'], /--admin-origin/],
    [['serve', '--copies', '0'], /--copies: expected 1–50/],
    [['serve', '--copies', '51'], /--copies: expected 1–50/],
    [['serve', '--copies', 'ten'], /--copies: expected 1–50/],
  ])('Given %j, when run, then exit 2 with one line', async (argv, message) => {
    const run = await withToken(TOKEN, () => runCaptured(argv));
    expect(run.code).toBe(2);
    expectOneLine(run.stderr);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('hunter2');
  });

  it('Given no VOUCH_ADMIN_TOKEN, when revoking at the server, then exit 2 saying so', async () => {
    const run = await withToken(undefined, () =>
      runCaptured(['status', 'revoke', '--server', url, '--index', '1']),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/VOUCH_ADMIN_TOKEN is not set/);
  });

  it('Given a server that does not answer, when revoking, then exit 1 with one line', async () => {
    const run = await withToken(TOKEN, () =>
      runCaptured(['status', 'revoke', '--server', 'http://127.0.0.1:9', '--index', '1']),
    );
    expect(run.code).toBe(1);
    expectOneLine(run.stderr);
    expect(run.stderr).toMatch(/cannot connect/);
  });

  it('Given the port is taken, when another server starts on it, then exit 1 saying so', async () => {
    const port = Number(new URL(url).port);
    const other = await mkdtemp(join(tmpdir(), 'vouch-serve-'));
    try {
      const run = await runCaptured([
        'serve',
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--data',
        other,
      ]);
      expect(run.code).toBe(1);
      expectOneLine(
        run.stderr
          .split('\n')
          .filter((line) => line.startsWith('vouch:'))
          .join('\n') + '\n',
      );
      expect(run.stderr).toMatch(new RegExp(`port ${port} is already in use`));
      expect(run.stdout).toBe('');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('Given a database that cannot be reached, when serving, then exit 1 with one line that does not hold the URL', async () => {
    const other = await mkdtemp(join(tmpdir(), 'vouch-serve-'));
    try {
      const run = await runCaptured([
        'serve',
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--data',
        other,
        '--database',
        'postgres://vouch:hunter2@127.0.0.1:9/vouch',
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /^vouch: cannot use the database given by --database \(ECONNREFUSED\)$/m,
      );
      expect(run.stderr).not.toContain('hunter2');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
