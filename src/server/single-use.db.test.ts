/**
 * Everything single-use in the issuer and the verifier, raced from two connection pools on one
 * database (two `vouch serve` processes behind a load balancer): on PGlite always, and on a real
 * PostgreSQL when VOUCH_TEST_DATABASE_URL is set (npm test starts one). Exactly one caller wins
 * each race, and what has expired is never spent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleClaims } from '../core/credentials/index.ts';
import type { Db } from './context.ts';
import { migrate } from './db/migrate.ts';
import { MIGRATIONS } from './db/migrations.ts';
import { testBackends } from './db/test-databases.fake.ts';
import type { TestDatabase } from './db/test-databases.fake.ts';
import { createIssuanceStore, insertOffer } from './openid4vci/store.ts';
import { claimAnswer, insertRequest, readOpenRequest } from './openid4vp/store.ts';

const RACERS = 6;
const T0 = new Date('2026-06-01T10:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
let counter = 0;
const unique = (prefix: string) =>
  `${prefix}${String(++counter).padStart(22 - prefix.length, '0')}`;

async function race<T>(one: Db, two: Db, attempt: (db: Db) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: RACERS }, (_, i) => attempt(i % 2 === 0 ? one : two)));
}

describe.each(testBackends())('single use on $name', (backend) => {
  let database: TestDatabase;
  let one: Db;
  let two: Db;
  beforeAll(async () => {
    database = await backend.open();
    await migrate(database.db, MIGRATIONS);
    one = database.db;
    two = await database.openAnother();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  async function offer(opts: { expiresAt?: Date } = {}) {
    const id = unique('o');
    const code = unique('code');
    await insertOffer(one, {
      id,
      type: 'income-statement',
      claims: exampleClaims('income-statement'),
      code,
      createdAt: T0,
      expiresAt: opts.expiresAt ?? later(3600),
    });
    return { id, code };
  }

  it('Given one pre-authorized code, when six redemptions race on two pools, then exactly one gets a token', async () => {
    const { code } = await offer();
    const results = await race(one, two, (db) =>
      createIssuanceStore(db, () => T0).redeemPreAuthorizedCode(code, {
        digest: unique('d'),
        expiresAt: later(300),
      }),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('Given an expired offer, when redeemed, then nothing is spent', async () => {
    const { code } = await offer({ expiresAt: later(10) });
    const store = createIssuanceStore(one, () => later(11));
    expect(
      await store.redeemPreAuthorizedCode(code, { digest: unique('d'), expiresAt: later(300) }),
    ).toBe(false);
  });

  it('Given one c_nonce, when six credential requests race to spend it, then exactly one does; an expired one is never spent', async () => {
    const nonce = unique('n');
    await createIssuanceStore(one, () => T0).saveNonce(nonce, later(300));
    const spent = await race(one, two, (db) =>
      createIssuanceStore(db, () => T0).consumeNonce(nonce, T0),
    );
    expect(spent.filter(Boolean)).toHaveLength(1);
    const old = unique('n');
    await createIssuanceStore(one, () => T0).saveNonce(old, later(300));
    expect(await createIssuanceStore(one, () => T0).consumeNonce(old, later(301))).toBe(false);
  });

  it('Given one access token, when six issuances race to claim it, then exactly one gets the offer', async () => {
    const { code } = await offer();
    const digest = unique('t');
    expect(
      await createIssuanceStore(one, () => T0).redeemPreAuthorizedCode(code, {
        digest,
        expiresAt: later(300),
      }),
    ).toBe(true);
    const claims = await race(one, two, (db) =>
      createIssuanceStore(db, () => T0).claimIssuance(digest),
    );
    const winners = claims.filter((claim) => claim !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({
      type: 'income-statement',
      claims: exampleClaims('income-statement'),
    });
    expect(await createIssuanceStore(one, () => T0).findAccessToken(digest)).toBeUndefined();
  });

  it('Given one presentation request, when six answers race, then exactly one spends its nonce, and the request is no longer open', async () => {
    const id = unique('r');
    await insertRequest(one, {
      id,
      type: 'income-statement',
      claims: ['period'],
      responseMode: 'direct_post',
      nonce: unique('nonce'),
      state: unique('state'),
      createdAt: T0,
      expiresAt: later(600),
    });
    const claimed = await race(one, two, (db) => claimAnswer(db, id, later(1)));
    expect(claimed.filter(Boolean)).toHaveLength(1);
    expect(await readOpenRequest(two, id, later(2))).toBeUndefined();
  });

  it('Given a request past its expiry, when an answer comes, then it cannot be claimed', async () => {
    const id = unique('r');
    await insertRequest(one, {
      id,
      type: 'diploma',
      claims: ['degree'],
      responseMode: 'direct_post',
      nonce: unique('nonce'),
      state: unique('state'),
      createdAt: T0,
      expiresAt: later(600),
    });
    expect(await claimAnswer(one, id, later(600))).toBe(false);
  });
});
