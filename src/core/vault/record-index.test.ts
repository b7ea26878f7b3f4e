/**
 * The summary index (record-index.ts): kept in step with the records in the same commit, read as
 * a few chunks, rebuilt when it disagrees with the records (a vault from before the index, a
 * record written without it, another summary version). Fake crypto, memory storage.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RecordIndexSpec } from './record-index.ts';
import { INDEX_BUCKETS, indexBucketOf, indexChunkId, RECORD_BATCH_SIZE } from './record-index.ts';
import type { VaultStorage } from './ports.ts';
import { createFakeVaultCrypto } from './vault-crypto.fake.ts';
import { createMemoryVaultStorage } from './vault-storage.memory.ts';
import { createVault, unlockVault } from './vault.ts';

const PASSCODE = '482916';

const recordSchema = z.object({ name: z.string(), detail: z.string() });
type Item = z.infer<typeof recordSchema>;
const spec: RecordIndexSpec<Item, { name: string }> = {
  prefix: 'item:',
  version: 1,
  recordSchema,
  isSummary: (value): value is { name: string } =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string',
  summarise: (record) => ({ name: record.name }),
};

async function givenVault(storage: VaultStorage = createMemoryVaultStorage()) {
  const crypto = createFakeVaultCrypto();
  const created = await createVault(
    { storage, crypto },
    { passcode: PASSCODE, secret: new Uint8Array(32).fill(7) },
  );
  if (!created.ok) throw new Error(created.reason);
  return { vault: created.value, crypto, storage };
}

const item = (n: number) => ({
  id: `item:${n.toString(16).padStart(8, '0')}`,
  value: { name: `n${n}`, detail: 'x'.repeat(100) },
});
const names = (read: { entries: { summary: { name: string } }[] }) =>
  read.entries.map((e) => e.summary.name).sort();

describe('the summary index', () => {
  it('Given records written with the index on, when it is read, then every summary comes back from the chunks alone, without a rebuild', async () => {
    const { vault, crypto } = await givenVault();
    vault.addIndex(spec);
    await vault.writeRecords(Array.from({ length: 500 }, (_, i) => item(i)));
    const decrypts = crypto.calls.decrypt;

    const read = await vault.readIndex(spec);

    expect(read.rebuilt).toBe(false);
    expect(read.entries).toHaveLength(500);
    expect(read.entries[0]).toEqual({ id: 'item:00000000', summary: { name: 'n0' } });
    // One decryption per chunk (at most INDEX_BUCKETS), not one per record.
    expect(crypto.calls.decrypt - decrypts).toBeLessThanOrEqual(INDEX_BUCKETS);
  });

  it('Given a vault written before the index existed (migration), when the index is first read, then it is built from the records in one commit, and the next read uses it', async () => {
    const { vault, storage } = await givenVault();
    await vault.writeRecords(Array.from({ length: 300 }, (_, i) => item(i)));
    const commit = storage.commit.bind(storage);
    const commits: number[] = [];
    storage.commit = (writes, meta) => (commits.push(writes.length), commit(writes, meta));

    const first = await vault.readIndex(spec);
    const second = await vault.readIndex(spec);

    expect(first.rebuilt).toBe(true);
    expect(commits).toHaveLength(1);
    expect(names(first)).toEqual(names(second));
    expect(first.entries).toHaveLength(300);
    expect(second.rebuilt).toBe(false);
  });

  it('Given a record that reached storage without its summary (a crash of a non-atomic writer, an older release), when the index is read, then it disagrees and is rebuilt with that record', async () => {
    const { vault, storage, crypto } = await givenVault();
    await vault.readIndex(spec);
    await vault.writeRecords([item(1), item(2)]);
    // A second session that knows no index (as an older release would) writes a record.
    const other = await unlockVault({ storage, crypto }, PASSCODE);
    if (!other.ok) throw new Error(other.reason);
    await other.value.writeRecords([item(3)]);

    const read = await vault.readIndex(spec);

    expect(read.rebuilt).toBe(true);
    expect(names(read)).toEqual(['n1', 'n2', 'n3']);
  });

  it('Given a record deleted behind the index, when it is read, then it is rebuilt without it', async () => {
    const { vault, storage } = await givenVault();
    await vault.readIndex(spec);
    await vault.writeRecords([item(1), item(2)]);
    await storage.commit([{ delete: item(2).id }]);

    const read = await vault.readIndex(spec);

    expect(read.rebuilt).toBe(true);
    expect(names(read)).toEqual(['n1']);
  });

  it('Given an update and a delete, when written, then the index follows in the same commit, and a bucket left empty loses its chunk', async () => {
    const { vault, storage } = await givenVault();
    await vault.readIndex(spec);
    await vault.writeRecords([item(1), item(2)]);
    const commit = storage.commit.bind(storage);
    const commits: string[][] = [];
    storage.commit = (writes, meta) => (
      commits.push(writes.map((w) => ('put' in w ? `put ${w.put.id}` : `delete ${w.delete}`))),
      commit(writes, meta)
    );

    await vault.writeRecords([
      { id: item(1).id, value: { name: 'renamed', detail: '' } },
      { delete: item(2).id },
    ]);

    const chunk1 = indexChunkId('item:', indexBucketOf(item(1).id));
    const chunk2 = indexChunkId('item:', indexBucketOf(item(2).id));
    expect(commits).toHaveLength(1);
    expect(commits[0]).toEqual(
      expect.arrayContaining([`put ${item(1).id}`, `delete ${item(2).id}`, `put ${chunk1}`]),
    );
    if (chunk1 !== chunk2) expect(commits[0]).toContain(`delete ${chunk2}`);
    const read = await vault.readIndex(spec);
    expect(read.rebuilt).toBe(false);
    expect(names(read)).toEqual(['renamed']);
  });

  it('Given a commit that fails, when writing, then neither the record nor its summary lands and the index still agrees', async () => {
    const { vault, storage } = await givenVault();
    await vault.readIndex(spec);
    await vault.writeRecords([item(1)]);
    const commit = storage.commit.bind(storage);
    storage.commit = () => Promise.reject(new Error('disk full'));

    await expect(vault.writeRecords([item(2)])).rejects.toThrow('disk full');
    storage.commit = commit;

    const read = await vault.readIndex(spec);
    expect(read.rebuilt).toBe(false);
    expect(names(read)).toEqual(['n1']);
  });

  it('Given two writes to one bucket started together, when both finish, then the chunk holds both (writes are serialised)', async () => {
    const { vault } = await givenVault();
    await vault.readIndex(spec);
    const sameBucket = Array.from({ length: 400 }, (_, i) => item(i)).filter(
      (w) => indexBucketOf(w.id) === indexBucketOf(item(0).id),
    );
    expect(sameBucket.length).toBeGreaterThan(1);

    await Promise.all(sameBucket.map((write) => vault.writeRecords([write])));

    const read = await vault.readIndex(spec);
    expect(read.rebuilt).toBe(false);
    expect(read.entries).toHaveLength(sameBucket.length);
  });

  it('Given a summary version raised, when read, then the index is rebuilt with the new summaries', async () => {
    const { vault } = await givenVault();
    await vault.readIndex(spec);
    await vault.writeRecords([item(1)]);
    const v2 = { ...spec, version: 2, summarise: (r: Item) => ({ name: r.name.toUpperCase() }) };

    const read = await vault.readIndex(v2);

    expect(read.rebuilt).toBe(true);
    expect(names(read)).toEqual(['N1']);
    expect((await vault.readIndex(v2)).rebuilt).toBe(false);
  });

  it("Given a stored summary that fails the spec's check (a reader expecting another shape), when read, then the index is rebuilt", async () => {
    const { vault } = await givenVault();
    await vault.readIndex(spec);
    await vault.writeRecords([item(1)]);
    const stricter = {
      ...spec,
      isSummary: (value: unknown): value is { name: string } =>
        spec.isSummary(value) && value.name.startsWith('checked-'),
      summarise: (record: Item) => ({ name: `checked-${record.name}` }),
    };

    const read = await vault.readIndex(stricter);

    expect(read.rebuilt).toBe(true);
    expect(names(read)).toEqual(['checked-n1']);
  });

  it('Given a record that does not match its schema, when indexed, then it is not listed and does not make every read rebuild', async () => {
    const { vault } = await givenVault();
    await vault.readIndex(spec);
    await vault.writeRecords([item(1), { id: 'item:bad', value: { unexpected: true } }]);

    const read = await vault.readIndex(spec);

    expect(read.rebuilt).toBe(false);
    expect(names(read)).toEqual(['n1']);
    expect(await vault.listRecordIds('item:')).toEqual([item(1).id, 'item:bad']);
  });

  it('Given index chunks, when ids are listed, then chunks are never among them and their ids cannot be written', async () => {
    const { vault } = await givenVault();
    await vault.readIndex(spec);
    await vault.writeRecords([item(1)]);

    expect(await vault.listRecordIds('')).toEqual([item(1).id]);
    await expect(vault.writeRecords([{ id: 'index:item:00', value: {} }])).rejects.toThrow(
      /reserved/,
    );
  });
});

describe('reading records in batches', () => {
  it.each([
    ['storage with getAll batches', true],
    ['storage that reads one record at a time', false],
  ])(
    'Given %s, when 450 records are read, then they come in id order, in batches of RECORD_BATCH_SIZE',
    async (_name, batched) => {
      const memory = createMemoryVaultStorage();
      const storage: VaultStorage = batched
        ? memory
        : {
            readMeta: () => memory.readMeta(),
            readRecord: (id) => memory.readRecord(id),
            listRecordIds: (prefix) => memory.listRecordIds(prefix),
            commit: (writes, meta) => memory.commit(writes, meta),
            erase: () => memory.erase(),
          };
      const { vault } = await givenVault(storage);
      await vault.writeRecords(Array.from({ length: 450 }, (_, i) => item(i)));
      await vault.writeRecords([{ id: 'other:1', value: { name: 'o', detail: '' } }]);

      const sizes: number[] = [];
      const ids: string[] = [];
      for await (const batch of vault.readRecordBatches('item:', recordSchema)) {
        sizes.push(batch.length);
        for (const { id, read } of batch) {
          expect(read.ok).toBe(true);
          ids.push(id);
        }
      }

      expect(sizes).toEqual([RECORD_BATCH_SIZE, RECORD_BATCH_SIZE, 450 - 2 * RECORD_BATCH_SIZE]);
      expect(ids).toEqual(Array.from({ length: 450 }, (_, i) => item(i).id));
    },
  );
});
