#!/usr/bin/env node
// A throwaway PostgreSQL cluster for the database tests (docs/server.md "Testing on PostgreSQL"):
// Debian's binaries (/usr/lib/postgresql/<version>/bin), a fresh data directory in the temp dir,
// trust authentication on 127.0.0.1 only, a free port, fsync off. initdb refuses to run as root,
// so as root the cluster runs as the `postgres` system user (runuser), otherwise as the caller.
//
//   node scripts/postgres-test-cluster.mjs -- npx vitest run src/server
//
// runs the command with VOUCH_TEST_DATABASE_URL set and removes the cluster afterwards.
// scripts/test-all.mjs imports startTestCluster() for `npm test`.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest Debian PostgreSQL bin directory, or undefined. */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function systemUser(name) {
  const run = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  if (run.status !== 0) return undefined;
  const uid = Number(run.stdout.trim());
  const gid = Number(spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout.trim());
  return { uid, gid };
}

/**
 * Starts a cluster; returns { url, stop() }. Throws with a one-line reason when it cannot.
 * `bin` defaults to findPostgresBin().
 */
export async function startTestCluster({ bin = findPostgresBin() } = {}) {
  if (bin === undefined) throw new Error('no PostgreSQL binaries in /usr/lib/postgresql/*/bin');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? systemUser('postgres') : undefined;
  if (asRoot && owner === undefined)
    throw new Error('running as root and there is no "postgres" user');
  const dir = mkdtempSync(join(tmpdir(), 'vouch-pg-'));
  if (owner !== undefined) chownSync(dir, owner.uid, owner.gid);
  const as = (command, args) =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const run = (command, args) => {
    const [cmd, argv] = as(join(bin, command), args);
    const result = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (result.status !== 0) {
      const why = `${result.stderr ?? ''}${result.stdout ?? ''}`
        .trim()
        .split('\n')
        .slice(-3)
        .join(' ');
      throw new Error(`${command} failed (exit ${result.status ?? result.signal}): ${why}`);
    }
  };
  const data = join(dir, 'data');
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=100`;
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-o',
      options,
      '-w',
      '-t',
      '60',
      'start',
    ]);
    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop() {
        if (stopped) return;
        stopped = true;
        try {
          run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dash = process.argv.indexOf('--');
  const command = dash === -1 ? [] : process.argv.slice(dash + 1);
  if (command.length === 0) {
    console.error('usage: node scripts/postgres-test-cluster.mjs -- <command> [args…]');
    process.exit(2);
  }
  const cluster = await startTestCluster();
  console.error(`postgres test cluster: ${cluster.url}`);
  let status;
  try {
    const run = spawnSync(command[0], command.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, VOUCH_TEST_DATABASE_URL: cluster.url },
    });
    status = run.status ?? 1;
  } finally {
    cluster.stop();
  }
  process.exit(status);
}
