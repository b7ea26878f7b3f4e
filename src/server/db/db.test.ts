import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from './db.ts';
import { testBackends } from './test-databases.fake.ts';
import type { TestDatabase } from './test-databases.fake.ts';

describe.each(testBackends())('the query layer on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await backend.open();
    await database.db.exec(`
      CREATE TABLE things (id integer PRIMARY KEY, label text, data bytea, at timestamptz);
      CREATE TABLE nonces (nonce text PRIMARY KEY, used_at timestamptz);
    `);
  });
  afterAll(() => database?.close());

  it('Given parameters $1…, when rows are written and read, then types come back as JS values', async () => {
    const { db } = database;
    const at = new Date('2026-03-04T05:06:07.000Z');
    const written = await db.query('INSERT INTO things VALUES ($1, $2, $3, $4)', [
      1,
      "it's; DROP TABLE things; --",
      new Uint8Array([0, 255, 7]),
      at.toISOString(),
    ]);
    expect(written.affectedRows).toBe(1);
    const { rows } = await db.query<{ label: string; data: Uint8Array; at: Date; n: number }>(
      'SELECT label, data, at, (SELECT count(*) FROM things) AS n FROM things WHERE id = $1',
      [1],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.label).toBe("it's; DROP TABLE things; --");
    expect(rows[0]?.data).toBeInstanceOf(Uint8Array);
    expect([...(rows[0]?.data ?? [])]).toEqual([0, 255, 7]);
    expect(rows[0]?.at.getTime()).toBe(at.getTime());
    expect(rows[0]?.n).toBe(1);
  });

  it('Given a transaction that throws, when it ends, then none of its writes landed', async () => {
    const { db } = database;
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO things (id) VALUES (2)');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await db.query('SELECT id FROM things WHERE id = 2')).rows).toEqual([]);
  });

  it('Given a nested transaction that throws, when the outer one commits, then only the inner writes are undone', async () => {
    const { db } = database;
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO things (id) VALUES (3)');
      await tx
        .transaction(async (inner) => {
          await inner.query('INSERT INTO things (id) VALUES (4)');
          throw new Error('inner');
        })
        .catch(() => undefined);
    });
    const { rows } = await db.query<{ id: number }>('SELECT id FROM things WHERE id IN (3, 4)');
    expect(rows.map((row) => row.id)).toEqual([3]);
  });

  it('Given a duplicate key, when it is inserted, then isUniqueViolation recognises the error', async () => {
    const { db } = database;
    const error = await db
      .query('INSERT INTO things (id) VALUES (1)')
      .catch((caught: unknown) => caught);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('Given one nonce and two pools, when 20 requests spend it at once, then exactly one succeeds', async () => {
    const { db } = database;
    const other = await database.openAnother();
    await db.query('INSERT INTO nonces (nonce) VALUES ($1)', ['n-1']);
    const spend = (pool: typeof db) =>
      pool.query(
        'UPDATE nonces SET used_at = now() WHERE nonce = $1 AND used_at IS NULL RETURNING nonce',
        ['n-1'],
      );
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => spend(i % 2 === 0 ? db : other)),
    );
    expect(results.filter((result) => result.rows.length === 1)).toHaveLength(1);
  });
});
