/** `vouch backup inspect`, in-process: what a backup holds, claims only on request, every refusal in one line. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWalletBackup } from '../../core/backup/index.ts';
import { fillWallet } from '../../core/backup/fill-wallet.test-support.ts';
import { createHolderWallet } from '../../core/holder/holder-wallet.ts';
import { createMemoryVaultStorage } from '../../core/vault/index.ts';
import { createFakeVaultCrypto } from '../../core/vault/vault-crypto.fake.ts';
import { webCryptoVaultCrypto } from '../../platform/crypto/index.ts';
import { expectOneLine, runCaptured } from '../cli-harness.fake.ts';

const WORDS = `${'abandon '.repeat(23)}art`;
const OTHER_WORDS = `${'zoo '.repeat(23)}vote`;
const NOW = new Date('2026-12-01T10:00:00.000Z');
let dir: string;
let backupPath: string;
let bytes: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vouch-backup-'));
  // Records in a vault with the fake crypto (fast); the backup itself with the real AES-GCM.
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), now: () => NOW },
    { mnemonic: WORDS, passcode: 'correct horse battery', origin: 'created' },
  );
  if (!created.ok) throw new Error(created.reason);
  const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
  await fillWallet(created.value, { credentials: 6, history: 2, randomBytes });
  const made = await makeWalletBackup(created.value, { crypto: webCryptoVaultCrypto(), now: NOW });
  bytes = Buffer.concat(made.parts);
  backupPath = join(dir, 'wallet.vouchbackup');
  await writeFile(backupPath, bytes);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vouch backup inspect', () => {
  it('Given a backup and its words, then it prints the version, time, counts per kind, credentials by type and issuer and the newest history time, without claims', async () => {
    const run = await runCaptured(['backup', 'inspect', '--mnemonic', WORDS, '--in', backupPath]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      format: 'vouch-backup',
      version: 1,
      kdf: 'vouch/backup/v1',
      createdAt: NOW.toISOString(),
      kinds: { credential: 6, history: 2, relationship: 3, profile: 1, settings: 1 },
      newestHistoryAt: '2026-01-02T12:00:00.000Z',
    });
    expect(json.credentials.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(6);
    expect(json.credentials[0]).toHaveProperty('issuerName');
    expect(json).not.toHaveProperty('claims');
    expect(run.stdout).not.toContain('MSc');
  });

  it('Given --claims, then every credential is listed with its claims', async () => {
    const run = await runCaptured([
      'backup',
      'inspect',
      '--mnemonic',
      WORDS,
      '--in',
      backupPath,
      '--claims',
    ]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.claims).toHaveLength(6);
    expect(Object.keys(json.claims[0].claims).length).toBeGreaterThan(0);
  });

  it.each([
    ['other words', async () => backupPath, OTHER_WORDS, /do not open this backup/],
    [
      'a changed byte',
      async () => {
        const changed = bytes.slice();
        changed[changed.length - 30] = (changed[changed.length - 30] as number) ^ 1;
        return writeCopy('changed.vouchbackup', changed);
      },
      WORDS,
      /damaged or was changed/,
    ],
    [
      'a cut file',
      async () => writeCopy('cut.vouchbackup', bytes.slice(0, bytes.length - 10)),
      WORDS,
      /incomplete/,
    ],
    [
      'another file',
      async () => writeCopy('other.txt', new TextEncoder().encode('hello')),
      WORDS,
      /not a Vouch backup/,
    ],
    ['a missing file', async () => join(dir, 'absent.vouchbackup'), WORDS, /does not exist/],
  ])('Given %s, then it fails with one line saying so', async (_name, file, words, message) => {
    const run = await runCaptured(['backup', 'inspect', '--mnemonic', words, '--in', await file()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expectOneLine(run.stderr);
    expect(run.stderr).toMatch(message);
  });
});

async function writeCopy(name: string, content: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}
