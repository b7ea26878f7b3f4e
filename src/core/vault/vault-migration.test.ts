/**
 * Format 1 (PBKDF2) → format 2 (Argon2id) at the next successful unlock. Fake crypto: the logic is
 * what is tested here; src/platform/idb/vault.idb.test.ts runs the same on the real KDFs.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ARGON2ID_DEFAULTS } from './kdf-policy.ts';
import type { VaultMeta } from './ports.ts';
import { createFakeVaultCrypto } from './vault-crypto.fake.ts';
import { createMemoryVaultStorage, type MemoryVaultStorage } from './vault-storage.memory.ts';
import { createVault, unlockVault } from './vault.ts';

const PASSCODE = '482916';
const SECRET = Uint8Array.from({ length: 64 }, (_, i) => (i * 29 + 3) & 0xff);
const schema = z.object({ n: z.number() });

/** Given a format-1 vault (as released before Argon2id) with one record. */
async function legacyVault() {
  const storage = createMemoryVaultStorage();
  const crypto = createFakeVaultCrypto();
  const deps = { storage, crypto };
  const created = await createVault(deps, {
    passcode: PASSCODE,
    secret: SECRET,
    kdf: { name: 'PBKDF2', iterations: 600_000 },
  });
  if (!created.ok) throw new Error(created.reason);
  await created.value.writeRecords([{ id: 'credential:a', value: { n: 7 } }]);
  created.value.lock();
  return { storage, crypto, deps };
}

const metaOf = (storage: MemoryVaultStorage) => storage.snapshot().meta as VaultMeta;

describe('migration of a PBKDF2 vault to Argon2id', () => {
  it('Given a format-1 vault, when unlocked with the right passcode, then the header alone is rewritten as format 2 under Argon2id and the same data opens', async () => {
    const { storage, crypto, deps } = await legacyVault();
    const before = storage.snapshot();
    expect(metaOf(storage)).toMatchObject({ format: 1, kdf: { name: 'PBKDF2' } });
    const commit = storage.commit.bind(storage);
    const commits: Array<{ writes: number; meta: boolean }> = [];
    storage.commit = (writes, meta) => (
      commits.push({ writes: writes.length, meta: meta !== undefined }),
      commit(writes, meta)
    );
    const encrypts = crypto.calls.encrypt;

    const unlocked = await unlockVault(deps, PASSCODE);

    expect(unlocked.ok).toBe(true);
    expect(commits).toEqual([{ writes: 0, meta: true }]);
    expect(crypto.calls.encrypt).toBe(encrypts); // nothing re-encrypted
    const after = storage.snapshot();
    expect(after.records).toEqual(before.records); // byte for byte
    const meta = metaOf(storage);
    expect(meta).toMatchObject({
      format: 2,
      createdAt: (before.meta as VaultMeta).createdAt,
      kdf: { name: 'Argon2id', version: 19, ...ARGON2ID_DEFAULTS },
    });
    expect(meta.kdf.salt).not.toEqual((before.meta as VaultMeta).kdf.salt);
    if (!unlocked.ok) return;
    expect(await unlocked.value.withSecret((s) => s.slice())).toEqual(SECRET);
    // The passcode opens the migrated header, and a second unlock does not migrate again.
    const again = await unlockVault(deps, PASSCODE);
    expect(again.ok).toBe(true);
    if (again.ok) {
      expect(await again.value.readRecord('credential:a', schema)).toEqual({
        ok: true,
        value: { n: 7 },
      });
    }
    expect(commits).toHaveLength(1);
  });

  it('Given a format-1 vault, when unlocked with a wrong passcode, then it is wrong-passcode and nothing is written or derived under Argon2id', async () => {
    const { storage, crypto, deps } = await legacyVault();
    const before = storage.snapshot();
    const derives = crypto.calls.derive;
    expect(await unlockVault(deps, '000000')).toEqual({ ok: false, reason: 'wrong-passcode' });
    expect(crypto.calls.derive).toBe(derives + 1);
    expect(storage.snapshot()).toEqual(before);
  });

  it('Given the migration commit fails (a crash, a full disk), when unlocking, then the session opens, the PBKDF2 header is intact and the next unlock migrates', async () => {
    const { storage, deps } = await legacyVault();
    const before = storage.snapshot();
    const commit = storage.commit.bind(storage);
    storage.commit = async () => {
      throw new Error('disk full');
    };
    const unlocked = await unlockVault(deps, PASSCODE);
    expect(unlocked.ok).toBe(true);
    if (unlocked.ok) expect(await unlocked.value.withSecret((s) => s.slice())).toEqual(SECRET);
    expect(storage.snapshot()).toEqual(before);

    storage.commit = commit;
    expect((await unlockVault(deps, PASSCODE)).ok).toBe(true);
    expect(metaOf(storage).format).toBe(2);
  });

  it('Given a format-1 session whose migration was not written, when the passcode is changed, then the new header is Argon2id', async () => {
    const { storage, deps } = await legacyVault();
    const commit = storage.commit.bind(storage);
    storage.commit = async () => {
      throw new Error('disk full');
    };
    const unlocked = await unlockVault(deps, PASSCODE);
    storage.commit = commit;
    if (!unlocked.ok) throw new Error(unlocked.reason);
    expect((await unlocked.value.changePasscode(PASSCODE, 'a new passphrase')).ok).toBe(true);
    expect(metaOf(storage)).toMatchObject({ format: 2, kdf: { name: 'Argon2id' } });
    expect((await unlockVault(deps, 'a new passphrase')).ok).toBe(true);
  });
});
