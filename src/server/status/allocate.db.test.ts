import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssuerKeyFile } from '../../core/jose/index.ts';
import { webJwsCrypto } from '../../platform/crypto/jws-crypto.ts';
import type { Db } from '../context.ts';
import { signingKeyOf } from '../data-dir.ts';
import { migrate } from '../db/migrate.ts';
import { MIGRATIONS } from '../db/migrations.ts';
import { testBackends } from '../db/test-databases.fake.ts';
import type { TestDatabase } from '../db/test-databases.fake.ts';
import { allocateStatusIndex, revokeStatusIndex } from './store.ts';
import type { StatusContext } from './store.ts';

/**
 * The same "random" sequence for every caller: both processes draw the same indices, so every
 * index is contested (so contested that a list may count as full and roll over).
 */
function sameDraws(): (length: number) => Uint8Array {
  let counter = 0;
  return (length) => {
    const bytes = new Uint8Array(length);
    const value = (counter++ * 2_654_435_761) >>> 0; // spread over 32 bits
    for (let i = 0; i < length; i++) bytes[i] = (value >>> (8 * (3 - (i % 4)))) & 0xff;
    return bytes;
  };
}

describe.each(testBackends())('status indices on $name', (backend) => {
  it('Given two processes with real randomness, when they allocate at once, then they share one list and never an index', async () => {
    const own = await backend.open();
    try {
      await migrate(own.db, MIGRATIONS);
      const other = await own.openAnother();
      const crypto = webJwsCrypto();
      const issuer = signingKeyOf(await createIssuerKeyFile(crypto, 'ES256'), crypto);
      const ctx: StatusContext = {
        publicUrl: 'https://vouch.test',
        issuer,
        now: () => new Date(),
        randomBytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
      };
      const runs = await Promise.all(
        [own.db, other].map((db) =>
          Promise.all(Array.from({ length: 30 }, () => allocateStatusIndex(db, ctx))),
        ),
      );
      const all = runs.flat();
      expect(new Set(all.map((a) => a.uri)).size).toBe(1);
      expect(new Set(all.map((a) => a.idx)).size).toBe(60);
    } finally {
      await own.close();
    }
  });

  let database: TestDatabase;
  let second: Db;
  let ctxA: StatusContext;
  let ctxB: StatusContext;
  beforeAll(async () => {
    database = await backend.open();
    await migrate(database.db, MIGRATIONS);
    second = await database.openAnother();
    const crypto = webJwsCrypto();
    const issuer = signingKeyOf(await createIssuerKeyFile(crypto, 'ES256'), crypto);
    const base = {
      publicUrl: 'https://vouch.test',
      issuer,
      now: () => new Date('2026-01-01T00:00:00Z'),
      statusLists: { size: 100_000 },
    };
    ctxA = { ...base, randomBytes: sameDraws() };
    ctxB = { ...base, randomBytes: sameDraws() };
  });
  afterAll(() => database?.close());

  it('Given two processes drawing the same random indices, when they allocate at once, then no index is handed out twice', async () => {
    const runs = await Promise.all([
      Promise.all(Array.from({ length: 40 }, () => allocateStatusIndex(database.db, ctxA))),
      Promise.all(Array.from({ length: 40 }, () => allocateStatusIndex(second, ctxB))),
    ]);
    const all = runs.flat().map((a) => `${a.uri}#${a.idx}`);
    expect(new Set(all).size).toBe(80);
  });

  it('Given an allocation inside a transaction that rolls back, when done, then the index is free again', async () => {
    let uri = '';
    let idx = -1;
    await expect(
      database.db.transaction(async (tx) => {
        ({ uri, idx } = await allocateStatusIndex(tx, ctxA));
        throw new Error('issuance failed');
      }),
    ).rejects.toThrow('issuance failed');
    const { rows } = await database.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM status_allocations WHERE list_id = $1 AND idx = $2',
      [uri.split('/').at(-1), idx],
    );
    expect(idx).toBeGreaterThanOrEqual(0);
    expect(rows[0]?.n).toBe(0);
  });

  it('Given two processes revoking different indices at once, when both finish, then the list holds both', async () => {
    const { uri } = await allocateStatusIndex(database.db, ctxA);
    const id = uri.split('/').at(-1) as string;
    const [a, b] = await Promise.all([
      revokeStatusIndex(database.db, ctxA, id, 11),
      revokeStatusIndex(second, ctxB, id, 12),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const { rows } = await database.db.query<{ bits: Uint8Array }>(
      'SELECT bits FROM status_lists WHERE id = $1',
      [id],
    );
    expect(rows[0]?.bits[1]).toBe(0b0001_1000); // indices 11 and 12: byte 1, bits 3 and 4
  });
});
