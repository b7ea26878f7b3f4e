import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { EncryptedRecord, VaultMeta } from '../../core/vault/index.ts';
import { openIdbVaultStorage } from './vault-storage.idb.ts';
import { DB_VERSION } from './vouch-db-schema.ts';

let counter = 0;
const uniqueName = () => `vouch-test-storage-${++counter}`;

const record = (id: string, byte = 1): EncryptedRecord => ({
  id,
  sealed: { iv: new Uint8Array(12).fill(byte), ciphertext: new Uint8Array(20).fill(byte) },
});
const META: VaultMeta = {
  format: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: new Uint8Array(16).fill(3) },
  wrappedDataKey: { iv: new Uint8Array(12), ciphertext: new Uint8Array(48).fill(4) },
};

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((db) => db.name ?? '');
}

describe('openIdbVaultStorage', () => {
  it('Given no database, when the storage is first used, then version 2 is created with the meta and records stores', async () => {
    const name = uniqueName();
    const storage = openIdbVaultStorage({ name });
    expect(await databaseNames()).not.toContain(name);
    expect(await storage.readMeta()).toBeUndefined();
    expect(DB_VERSION).toBe(2);
    const db = await openDB(name);
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['meta', 'records']);
    expect(db.transaction('records').store.keyPath).toBe('id');
    db.close();
    await storage.erase();
  });

  it('Given a version-1 database with records, open in a tab of the older release, when this release opens it, then it upgrades to version 2 with every record intact and the old tab is closed', async () => {
    const name = uniqueName();
    const old = await openDB(name, 1, {
      upgrade: (db) => {
        db.createObjectStore('meta');
        db.createObjectStore('records', { keyPath: 'id' });
      },
    });
    await old.put('records', record('credential:1'));
    await old.put('meta', META, 'vault');
    let oldClosed = false;
    old.addEventListener('versionchange', () => {
      oldClosed = true;
      old.close();
    });
    const storage = openIdbVaultStorage({ name });

    expect(await storage.readMeta()).toEqual(META);
    expect(await storage.readRecord('credential:1')).toEqual(record('credential:1'));
    expect(oldClosed).toBe(true);
    // The older release asks for version 1 again: refused, so it cannot write behind the index.
    await expect(openDB(name, 1)).rejects.toMatchObject({ name: 'VersionError' });
    await storage.erase();
  });

  it('Given records under several prefixes, when read in batches, then each batch is one key range in id order, starting after the last id', async () => {
    const storage = openIdbVaultStorage({ name: uniqueName() });
    const ids = ['a:1', 'b:1', 'b:2', 'b:3', 'b:4', 'b:5', 'bb', 'c:1'];
    await storage.commit(ids.map((id) => ({ put: record(id) })));
    const idsOf = (rows: unknown[]) => rows.map((row) => (row as EncryptedRecord).id);
    const readRecordBatch = storage.readRecordBatch?.bind(storage);
    if (!readRecordBatch) throw new Error('the IndexedDB storage reads batches');

    expect(idsOf(await readRecordBatch('b:', { limit: 2 }))).toEqual(['b:1', 'b:2']);
    expect(idsOf(await readRecordBatch('b:', { limit: 2, after: 'b:2' }))).toEqual(['b:3', 'b:4']);
    expect(idsOf(await readRecordBatch('b:', { limit: 2, after: 'b:4' }))).toEqual(['b:5']);
    expect(idsOf(await readRecordBatch('', { limit: 100 }))).toEqual(ids);
    expect(await storage.listRecordIds('b')).toEqual(['b:1', 'b:2', 'b:3', 'b:4', 'b:5', 'bb']);
    await storage.erase();
  });

  it('Given a database from a newer version of the app, when used, then it rejects instead of guessing', async () => {
    const name = uniqueName();
    (await openDB(name, DB_VERSION + 1)).close();
    const storage = openIdbVaultStorage({ name });
    await expect(storage.readMeta()).rejects.toMatchObject({ name: 'VersionError' });
    await storage.erase();
  });

  it('Given a commit, when read back, then meta and records are returned raw and ids list by prefix in key order', async () => {
    const storage = openIdbVaultStorage({ name: uniqueName() });
    await storage.commit(
      [
        { put: record('b:2') },
        { put: record('a:1') },
        { put: record('b:1') },
        { put: record('bb') },
      ],
      META,
    );
    expect(await storage.readMeta()).toEqual(META);
    expect(await storage.readRecord('a:1')).toEqual(record('a:1'));
    expect(await storage.readRecord('zz')).toBeUndefined();
    expect(await storage.listRecordIds('b:')).toEqual(['b:1', 'b:2']);
    expect(await storage.listRecordIds('')).toEqual(['a:1', 'b:1', 'b:2', 'bb']);
    expect(await storage.listRecordIds('c')).toEqual([]);
    await storage.commit([{ delete: 'b:1' }]);
    expect(await storage.listRecordIds('b')).toEqual(['b:2', 'bb']);
    expect(await storage.readMeta()).toEqual(META);
    await storage.erase();
  });

  it('Given a commit with a record that cannot be cloned, when committed, then the transaction aborts and nothing of it lands', async () => {
    const storage = openIdbVaultStorage({ name: uniqueName() });
    await storage.commit([{ put: record('a:1') }], META);
    const bad = { id: 'a:3', sealed: { iv: new Uint8Array(12), ciphertext: () => 0 } } as never;
    await expect(
      storage.commit([{ delete: 'a:1' }, { put: record('a:2') }, { put: bad }], {
        ...META,
        createdAt: '2030-01-01T00:00:00.000Z',
      }),
    ).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(await storage.listRecordIds('')).toEqual(['a:1']);
    expect(await storage.readMeta()).toEqual(META);
    // The connection is still usable afterwards.
    await storage.commit([{ put: record('a:4') }]);
    expect(await storage.listRecordIds('')).toEqual(['a:1', 'a:4']);
    await storage.erase();
  });

  it('Given a commit whose meta cannot be cloned, when committed, then the records queued before it are rolled back too', async () => {
    const storage = openIdbVaultStorage({ name: uniqueName() });
    await expect(
      storage.commit([{ put: record('a:1') }], { ...META, createdAt: Symbol('x') } as never),
    ).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(await storage.listRecordIds('')).toEqual([]);
    expect(await storage.readMeta()).toBeUndefined();
    await storage.erase();
  });

  it('Given stored data, when erased, then the database is deleted and the storage starts empty on next use', async () => {
    const name = uniqueName();
    const storage = openIdbVaultStorage({ name });
    await storage.commit([{ put: record('a:1') }], META);
    await storage.erase();
    expect(await databaseNames()).not.toContain(name);
    expect(await storage.readMeta()).toBeUndefined();
    expect(await storage.listRecordIds('')).toEqual([]);
    await storage.erase();
  });

  it('Given two tabs on one database, when one erases, then the other closes on versionchange and reopens empty', async () => {
    const name = uniqueName();
    const tabA = openIdbVaultStorage({ name });
    const tabB = openIdbVaultStorage({ name });
    await tabA.commit([{ put: record('a:1') }], META);
    expect(await tabB.readRecord('a:1')).toEqual(record('a:1'));
    let blocked = 0;
    await openIdbVaultStorage({ name, onBlocked: () => blocked++ }).erase();
    expect(blocked).toBe(0);
    expect(await tabA.readMeta()).toBeUndefined();
    expect(await tabB.listRecordIds('')).toEqual([]);
    await tabA.erase();
  });

  it('Given a connection that ignores versionchange, when erasing, then onBlocked is called and erase completes once it closes', async () => {
    const name = uniqueName();
    const storage = openIdbVaultStorage({ name, onBlocked: () => stubborn.close() });
    await storage.commit([{ put: record('a:1') }], META);
    const stubborn = await openDB(name);
    await storage.erase();
    expect(await databaseNames()).not.toContain(name);
  });
});
