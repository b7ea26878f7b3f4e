/**
 * Everything single-use in the issuer and the verifier, raced from two connection pools on one
 * database (two `vouch serve` processes behind a load balancer): on PGlite always, and on a real
 * PostgreSQL when VOUCH_TEST_DATABASE_URL is set (npm test starts one). Exactly one caller wins
 * each race, what has expired is never spent, and racing transaction codes never get more
 * comparisons than MAX_TX_CODE_ATTEMPTS.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleClaims } from '../core/credentials/index.ts';
import { PRE_AUTHORIZED_CODE_GRANT } from '../core/oid4vci/offer.ts';
import { handleTokenRequest, MAX_TX_CODE_ATTEMPTS } from '../core/oid4vci/token.ts';
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

  async function offer(opts: { expiresAt?: Date; txCode?: string } = {}) {
    const id = unique('o');
    const code = unique('code');
    await insertOffer(one, {
      id,
      type: 'income-statement',
      claims: exampleClaims('income-statement'),
      code,
      ...(opts.txCode === undefined ? {} : { txCode: opts.txCode }),
      createdAt: T0,
      expiresAt: opts.expiresAt ?? later(3600),
    });
    return { id, code };
  }

  /**
   * POST /token as core answers it, on the store of one pool or the other. With `barrier`, the
   * request waits after reading the code until every racer has read it: the worst interleaving
   * for a check that reads a count and writes it later, whatever the timing of the backend.
   */
  const token = (db: Db, code: string, txCode: string, barrier?: () => Promise<void>) => {
    const store = createIssuanceStore(db, () => T0);
    return handleTokenRequest(
      new URLSearchParams({
        grant_type: PRE_AUTHORIZED_CODE_GRANT,
        'pre-authorized_code': code,
        tx_code: txCode,
      }).toString(),
      {
        store: barrier
          ? {
              ...store,
              async findPreAuthorizedCode(c) {
                const record = await store.findPreAuthorizedCode(c);
                await barrier();
                return record;
              },
            }
          : store,
        now: T0,
        randomBytes,
      },
    );
  };
  function barrierOf(racers: number): () => Promise<void> {
    let arrived = 0;
    let release = () => {};
    const everyoneRead = new Promise<void>((resolve) => (release = resolve));
    return async () => {
      if (++arrived === racers) release();
      await everyoneRead;
    };
  }
  const failures = async (id: string) =>
    (
      await one.query<{ tx_code_failures: number }>(
        'SELECT tx_code_failures FROM vci_offers WHERE id = $1',
        [id],
      )
    ).rows[0]?.tx_code_failures;

  it('Given a transaction code, when three times the maximum of wrong ones race on two pools, then only the maximum is ever compared and the right one after is refused', async () => {
    const { id, code } = await offer({ txCode: '493817' });
    const racers = 3 * MAX_TX_CODE_ATTEMPTS;
    const barrier = barrierOf(racers);
    const answers = await Promise.all(
      Array.from({ length: racers }, (_, i) =>
        token(i % 2 === 0 ? one : two, code, String(100000 + i), barrier),
      ),
    );
    expect(answers.map((answer) => answer.body.error)).toEqual(answers.map(() => 'invalid_grant'));
    const compared = answers.filter(
      (answer) => answer.body.error_description === 'the transaction code is wrong',
    );
    expect(compared).toHaveLength(MAX_TX_CODE_ATTEMPTS);
    expect(await failures(id)).toBe(MAX_TX_CODE_ATTEMPTS);
    const right = await token(two, code, '493817');
    expect({ status: right.status, error: right.body.error }).toEqual({
      status: 400,
      error: 'invalid_grant',
    });
  });

  it('Given a transaction code, when one fewer wrong ones than the maximum race with six right ones on two pools, then exactly one token is handed out', async () => {
    const { id, code } = await offer({ txCode: '493817' });
    const barrier = barrierOf(MAX_TX_CODE_ATTEMPTS - 1 + RACERS);
    const answers = await Promise.all([
      ...Array.from({ length: MAX_TX_CODE_ATTEMPTS - 1 }, (_, i) =>
        token(i % 2 === 0 ? one : two, code, String(100000 + i), barrier),
      ),
      ...Array.from({ length: RACERS }, (_, i) =>
        token(i % 2 === 0 ? two : one, code, '493817', barrier),
      ),
    ]);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    const { rows } = await one.query<{ tokens: number }>(
      'SELECT count(*)::int AS tokens FROM vci_access_tokens WHERE offer_id = $1',
      [id],
    );
    expect(rows[0]?.tokens).toBe(1);
    expect(await failures(id)).toBeLessThanOrEqual(MAX_TX_CODE_ATTEMPTS);
  });

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
