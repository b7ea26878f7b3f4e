import { describe, expect, it } from 'vitest';
import type { EncryptedRecord, VaultMeta } from './ports.ts';
import { createMemoryVaultStorage } from './vault-storage.memory.ts';

const record = (id: string, byte = 1): EncryptedRecord => ({
  id,
  sealed: { iv: new Uint8Array(12).fill(byte), ciphertext: new Uint8Array(20).fill(byte) },
});
const META: VaultMeta = {
  format: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: new Uint8Array(16) },
  wrappedDataKey: { iv: new Uint8Array(12), ciphertext: new Uint8Array(48) },
};

describe('createMemoryVaultStorage', () => {
  it('Given a committed record, when the caller mutates its arrays, then stored state does not change', async () => {
    const storage = createMemoryVaultStorage();
    const put = record('a:1');
    await storage.commit([{ put }], META);
    put.sealed.ciphertext.fill(9);
    const read = (await storage.readRecord('a:1')) as EncryptedRecord;
    expect(read.sealed.ciphertext[0]).toBe(1);
    read.sealed.ciphertext.fill(7);
    expect(((await storage.readRecord('a:1')) as EncryptedRecord).sealed.ciphertext[0]).toBe(1);
  });

  it('Given a commit with a value that cannot be stored, when committed, then nothing of it lands', async () => {
    const storage = createMemoryVaultStorage();
    await storage.commit([{ put: record('a:1') }], META);
    const before = storage.snapshot();
    const bad = { id: 'a:3', sealed: { iv: new Uint8Array(12), ciphertext: () => 0 } } as never;
    await expect(
      storage.commit([{ delete: 'a:1' }, { put: record('a:2') }, { put: bad }], {
        ...META,
        createdAt: 'x',
      }),
    ).rejects.toThrow(TypeError);
    expect(storage.snapshot()).toEqual(before);
  });

  it('Given ids under several prefixes, when listed by prefix, then only matches come back in key order', async () => {
    const storage = createMemoryVaultStorage();
    await storage.commit([
      { put: record('b:2') },
      { put: record('a:1') },
      { put: record('b:1') },
      { put: record('bb') },
    ]);
    expect(await storage.listRecordIds('b:')).toEqual(['b:1', 'b:2']);
    expect(await storage.listRecordIds('')).toEqual(['a:1', 'b:1', 'b:2', 'bb']);
  });

  it('Given stored data, when erased, then meta and records are gone', async () => {
    const storage = createMemoryVaultStorage();
    await storage.commit([{ put: record('a:1') }], META);
    await storage.erase();
    expect(await storage.readMeta()).toBeUndefined();
    expect(await storage.listRecordIds('')).toEqual([]);
  });
});
