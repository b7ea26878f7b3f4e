/**
 * The wallet backup with the fake crypto (fast): everything round-trips into a fresh wallet of the
 * same words; an import into a wallet in use adds what is missing and overwrites nothing; a file
 * from other words, damaged, cut short, of another format or too large is refused with its own
 * reason and changes nothing; an import cut off halfway loses nothing and completes when repeated.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { listCredentialSummaries } from '../holder/credential-store-summary.ts';
import { listCredentials } from '../holder/credential-store.ts';
import { listHistory } from '../holder/history.ts';
import { createHolderWallet, type HolderWallet } from '../holder/holder-wallet.ts';
import { listRelationships } from '../holder/relationships.ts';
import { createMemoryVaultStorage, type VaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { deriveBackupKey } from './backup-key.ts';
import { openBackup, readBackupHeader, verifyBackup } from './backup-read.ts';
import { fillWallet } from './fill-wallet.test-support.ts';
import { inspectBackup } from './backup-inspect.ts';
import {
  BACKUP_STATE_ID,
  checkBackupWords,
  importWalletBackup,
  makeWalletBackup,
  readBackupState,
  recordBackupMade,
} from './wallet-backup.ts';
import { mnemonicToSeed } from '../keys/index.ts';

const WORDS = `${'abandon '.repeat(23)}art`;
const OTHER_WORDS = `${'zoo '.repeat(23)}vote`;
const NOW = new Date('2026-12-01T08:30:00.123Z');
const crypto = createFakeVaultCrypto();

async function wallet(
  words = WORDS,
  storage: VaultStorage = createMemoryVaultStorage(),
): Promise<HolderWallet> {
  const created = await createHolderWallet(
    { storage, crypto, now: () => NOW },
    { mnemonic: words, passcode: 'correct horse battery', origin: 'created' },
  );
  if (!created.ok) throw new Error(`expected a wallet, got ${created.reason}`);
  return created.value;
}

async function filled(credentials = 40, history = 5): Promise<HolderWallet> {
  const w = await wallet();
  await fillWallet(w, { credentials, history, randomBytes });
  return w;
}

/** Every record (id → JSON value) a wallet holds, but its own profile and backup note. */
async function contents(w: HolderWallet): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  for await (const batch of w.vault.readAllRecordBatches()) {
    for (const { id, read } of batch) {
      if (id === 'profile' || id === BACKUP_STATE_ID) continue;
      all.set(id, JSON.stringify(read.ok ? read.value : 'corrupt'));
    }
  }
  return all;
}

const fileOf = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

async function backupOf(w: HolderWallet, chunkBytes?: number) {
  const made = await makeWalletBackup(w, {
    crypto,
    now: NOW,
    ...(chunkBytes ? { chunkBytes } : {}),
  });
  return { ...made, file: fileOf(made.parts) };
}

describe('backup and restore of a wallet', () => {
  it('Given a wallet with credentials, history, relationships, answers and settings, when its backup is restored into a fresh wallet of the same words, then the new wallet holds every record', async () => {
    const first = await filled();
    const { file, records, createdAt } = await backupOf(first, 4096);
    expect(createdAt).toBe(NOW.toISOString());
    // 40 credentials, 5 history entries, 3 relationships, answers, settings and the profile.
    expect(records).toBe(40 + 5 + 3 + 2 + 1);

    const second = await wallet();
    const restored = await importWalletBackup(second, file, { crypto, prefer: 'backup' });
    expect(restored).toMatchObject({ ok: true, value: { added: 49, replaced: 1, kept: 0 } });
    expect(await contents(second)).toEqual(await contents(first));
    expect(await listCredentials(second)).toEqual(await listCredentials(first));
    expect(await listHistory(second)).toEqual(await listHistory(first));
    expect(await listRelationships(second)).toEqual(await listRelationships(first));
    // The credential index was written with the records: the list reads it without a rebuild.
    const summaries = await listCredentialSummaries(second);
    expect(summaries).toHaveLength(40);
    expect(await readBackupState(second)).toEqual({ lastBackupAt: NOW.toISOString() });
  });

  it('Given a backup, then it holds no secret, no index chunk and no note of the last backup, and nothing readable without the words', async () => {
    const first = await filled(5, 1);
    await recordBackupMade(first, '2026-11-01T00:00:00.000Z');
    const { file } = await backupOf(first);
    const seed = await mnemonicToSeed(WORDS);
    const opened = await openBackup({
      bytes: file,
      crypto,
      key: await deriveBackupKey(crypto, seed),
    });
    if (!opened.ok) throw new Error(opened.reason);
    const ids: string[] = [];
    for await (const chunk of opened.value.chunks())
      if (chunk.ok) ids.push(...chunk.value.map((r) => r.id));
    expect(ids).not.toContain('secret');
    expect(ids).not.toContain(BACKUP_STATE_ID);
    expect(ids.filter((id) => id.startsWith('index:'))).toEqual([]);
    expect(ids).toContain('profile');
    const clear = new TextDecoder('latin1').decode(file);
    for (const word of ['abandon', 'credential:', 'Issuer 0', 'Municipality']) {
      expect(clear).not.toContain(word);
    }
  });

  it('Given a wallet in use, when a backup of the same words is imported, then what was missing is added and nothing is overwritten or deleted', async () => {
    const first = await filled(10, 2);
    const { file } = await backupOf(first);
    const second = await wallet();
    await fillWallet(second, { credentials: 3, history: 0, randomBytes });
    // Relationship 0 exists in both, changed here: the wallet's own version must stay.
    const ownRelationship = (await listRelationships(second))[0];
    const before = await contents(second);

    const imported = await importWalletBackup(second, file, { crypto, prefer: 'wallet' });
    expect(imported).toMatchObject({ ok: true, value: { added: 12, replaced: 0, kept: 5 } });
    const after = await contents(second);
    for (const [id, value] of before) expect(after.get(id)).toBe(value);
    for (const id of (await contents(first)).keys()) expect(after.has(id)).toBe(true);
    expect((await listRelationships(second))[0]).toEqual(ownRelationship);
    expect(await listCredentials(second)).toHaveLength(13);
  });

  it('Given a backup made with other words, when it is imported, then it is refused as wrong-words and the wallet is unchanged', async () => {
    const other = await wallet(OTHER_WORDS);
    await fillWallet(other, { credentials: 2, history: 1, randomBytes });
    const { file } = await backupOf(other);
    const mine = await filled(3, 0);
    const before = await contents(mine);
    const result = await importWalletBackup(mine, file, { crypto, prefer: 'wallet' });
    expect(result).toMatchObject({ ok: false, reason: 'wrong-words' });
    expect(await contents(mine)).toEqual(before);
    expect(
      await checkBackupWords(file, { crypto, seed: await mnemonicToSeed(WORDS) }),
    ).toMatchObject({ ok: false, reason: 'wrong-words' });
    expect(
      await checkBackupWords(file, { crypto, seed: await mnemonicToSeed(OTHER_WORDS) }),
    ).toMatchObject({ ok: true, value: { createdAt: NOW.toISOString() } });
  });

  describe('a damaged file is refused with its own reason and changes nothing', () => {
    const cases: { name: string; damage: (file: Uint8Array) => Uint8Array; reason: string }[] = [
      {
        name: 'a flipped byte in the last chunk',
        damage: (f) => flip(f, f.length - 20),
        reason: 'tampered',
      },
      {
        name: 'a flipped byte in the created-at time',
        damage: (f) => flip(f, 30),
        reason: 'tampered',
      },
      {
        name: 'a flipped byte in the key check',
        damage: (f) => flip(f, 45),
        reason: 'wrong-words',
      },
      { name: 'cut inside the header', damage: (f) => f.slice(0, 20), reason: 'truncated' },
      { name: 'cut inside a chunk', damage: (f) => f.slice(0, f.length - 5), reason: 'truncated' },
      { name: 'another magic', damage: (f) => set(f, 0, 0x50), reason: 'not-a-backup' },
      { name: 'an empty file', damage: () => new Uint8Array(0), reason: 'not-a-backup' },
      { name: 'format version 2', damage: (f) => set(f, 8, 2), reason: 'unsupported-version' },
      { name: 'another KDF label', damage: (f) => set(f, 24, 0x32), reason: 'unsupported-version' },
      { name: 'bytes after the final chunk', damage: (f) => concat(f, [0]), reason: 'tampered' },
      { name: 'unknown chunk flags', damage: (f) => set(f, 61, 0x80), reason: 'tampered' },
    ];
    for (const { name, damage, reason } of cases) {
      it(`Given ${name}, then the import fails as ${reason}`, async () => {
        const { file } = await backupOf(await filled(20, 2), 2048);
        const mine = await wallet();
        const before = await contents(mine);
        const result = await importWalletBackup(mine, damage(file), { crypto, prefer: 'backup' });
        expect(result).toMatchObject({ ok: false, reason });
        expect(await contents(mine)).toEqual(before);
      });
    }

    it('Given a file of several chunks cut at a chunk boundary or with two chunks swapped, then it is truncated or tampered', async () => {
      const { parts } = await backupOf(await filled(30, 0), 2048);
      expect(parts.length).toBeGreaterThan(3);
      const mine = await wallet();
      const cut = fileOf(parts.slice(0, -1));
      expect(await importWalletBackup(mine, cut, { crypto, prefer: 'backup' })).toMatchObject({
        ok: false,
        reason: 'truncated',
      });
      const swapped = fileOf([parts[0]!, parts[2]!, parts[1]!, ...parts.slice(3)]);
      expect(await importWalletBackup(mine, swapped, { crypto, prefer: 'backup' })).toMatchObject({
        ok: false,
        reason: 'tampered',
      });
      expect(await listCredentials(mine)).toEqual([]);
    });

    it('Given a file larger than the limit, then it is oversized before anything is decrypted', async () => {
      const { file } = await backupOf(await filled(2, 0));
      expect(readBackupHeader(file, file.length - 1)).toMatchObject({
        ok: false,
        reason: 'oversized',
      });
      const before = crypto.calls.decrypt;
      const key = await deriveBackupKey(crypto, await mnemonicToSeed(WORDS));
      expect(await openBackup({ bytes: file, crypto, key, maxBytes: 100 })).toMatchObject({
        ok: false,
        reason: 'oversized',
      });
      expect(crypto.calls.decrypt).toBe(before);
    });
  });

  it('Given an import whose storage fails halfway, when it is imported again, then the wallet ends with every record and nothing was lost', async () => {
    const first = await filled(30, 3);
    const { file } = await backupOf(first, 2048);
    const memory = createMemoryVaultStorage();
    let commits = 0;
    let failAt = Infinity;
    const flaky: VaultStorage = {
      ...memory,
      async commit(writes, meta) {
        commits += 1;
        if (commits === failAt) throw new Error('the tab was closed');
        return memory.commit(writes, meta);
      },
    };
    const second = await wallet(WORDS, flaky);
    failAt = commits + 3;
    await expect(
      importWalletBackup(second, file, { crypto, prefer: 'backup', recordsPerTransaction: 5 }),
    ).rejects.toThrow('the tab was closed');
    const partial = await contents(second);
    expect(partial.size).toBeGreaterThan(1);
    expect(partial.size).toBeLessThan((await contents(first)).size);
    const again = await importWalletBackup(second, file, { crypto, prefer: 'backup' });
    expect(again.ok).toBe(true);
    expect(await contents(second)).toEqual(await contents(first));
  });

  it('Given a backup, when it is inspected, then it lists counts per kind, credentials by type and issuer and the newest history time, and claims only when asked', async () => {
    const { file } = await backupOf(await filled(8, 3));
    const key = await deriveBackupKey(crypto, await mnemonicToSeed(WORDS));
    const opened = await openBackup({ bytes: file, crypto, key });
    if (!opened.ok) throw new Error(opened.reason);
    expect((await verifyBackup(opened.value)).ok).toBe(true);
    const seen = await inspectBackup(opened.value);
    if (!seen.ok) throw new Error(seen.reason);
    expect(seen.value).toMatchObject({
      format: 'vouch-backup',
      version: 1,
      kdf: 'vouch/backup/v1',
      createdAt: NOW.toISOString(),
      records: 8 + 3 + 3 + 3,
      kinds: { credential: 8, history: 3, relationship: 3, profile: 1, settings: 1 },
      newestHistoryAt: '2026-01-03T12:00:00.000Z',
    });
    expect(seen.value.credentials.reduce((n, g) => n + g.count, 0)).toBe(8);
    expect(JSON.stringify(seen.value)).not.toContain('claims');
    const withClaims = await inspectBackup(opened.value, { claims: true });
    expect(withClaims.ok && withClaims.value.claims).toHaveLength(8);
  });
});

function flip(file: Uint8Array, at: number): Uint8Array {
  const out = file.slice();
  out[at] = (out[at] as number) ^ 0x01;
  return out;
}
function set(file: Uint8Array, at: number, value: number): Uint8Array {
  const out = file.slice();
  out[at] = value;
  return out;
}
function concat(file: Uint8Array, extra: number[]): Uint8Array {
  const out = new Uint8Array(file.length + extra.length);
  out.set(file);
  out.set(extra, file.length);
  return out;
}
