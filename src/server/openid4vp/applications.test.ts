/**
 * Application links over HTTP, in-process against the whole app (src/server/test-server.fake.ts):
 * publishing, minting a fresh request on every fetch of the request_uri, the cap on unanswered
 * requests, withdrawing, the answers, and malformed, tampered and oversized input. A peer wallet
 * resolving a link is in applications.peer.test.ts.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, TEST_PUBLIC_URL } from '../test-server.fake.ts';
import type { TestServer } from '../test-server.fake.ts';
import { pruneUnanswered } from './application-store.ts';
import { applicationRoutes, MAX_UNANSWERED_PER_APPLICATION } from './applications.ts';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ rateLimit: false });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const JSON_TYPE = { 'content-type': 'application/json' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const BODY = {
  name: 'Income supplement',
  type: 'income-statement',
  claims: ['period', 'net_wage_cents'],
  purpose: { en: 'Apply for the income supplement', nl: 'Vraag de aanvulling aan' },
  verifierName: 'Gemeente Testdorp',
  rule: 'nl.participatiewet.aanvulling',
  declare: ['household', 'ageBand'],
};

async function publish(body: Record<string, unknown> = BODY) {
  const response = await server.admin('/admin/applications', {
    method: 'POST',
    headers: JSON_TYPE,
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; link: string };
}

async function fetchRequest(id: string, init?: RequestInit) {
  const response = await server.app.request(`/applications/${id}/request`, init);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/oauth-authz-req+jwt');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const jwt = await response.text();
  return { header: decodeProtectedHeader(jwt), payload: decodeJwt(jwt) };
}

const respond = (responseUri: string, body: string) =>
  server.app.request(new URL(responseUri).pathname, { method: 'POST', headers: FORM, body });

async function answersOf(id: string) {
  const response = await server.admin(`/admin/applications/${id}/results`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { answers: Record<string, unknown>[] }).answers;
}

async function countRows(sql: string, params: unknown[]) {
  const { rows } = await server.db.query<{ n: unknown }>(sql, params);
  return Number(rows[0]?.n);
}

describe('publishing an application link', () => {
  it('Given a name and a request body, then 201 with an openid4vp link by reference with request_uri_method=post', async () => {
    const { id, link } = await publish();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(link).toBe(
      `openid4vp://?client_id=${encodeURIComponent(`decentralized_identifier:${server.verifierKey.did}`)}` +
        `&request_uri=${encodeURIComponent(`${TEST_PUBLIC_URL}/applications/${id}/request`)}` +
        '&request_uri_method=post',
    );
    const listed = (await (await server.admin('/admin/applications')).json()) as {
      applications: Record<string, unknown>[];
    };
    expect(listed.applications.find((a) => a.id === id)).toMatchObject({
      name: 'Income supplement',
      link,
      type: 'income-statement',
      claims: ['period', 'net_wage_cents'],
      purpose: BODY.purpose,
      rule: BODY.rule,
      declare: BODY.declare,
      answers: 0,
    });
  });

  it.each([
    ['no name', { ...BODY, name: undefined }],
    ['an empty name', { ...BODY, name: '  ' }],
    ['a name of 101 characters', { ...BODY, name: 'x'.repeat(101) }],
    ['an unknown type', { ...BODY, type: 'passport' }],
    ['a claim of another type', { ...BODY, claims: ['degree'] }],
    ['a purpose in an unknown language', { ...BODY, purpose: { de: 'Antrag' } }],
    ['a purpose of 501 characters', { ...BODY, purpose: 'x'.repeat(501) }],
    ['an unknown rule', { ...BODY, rule: 'nl.made-up' }],
    ['a declared fact named twice', { ...BODY, declare: ['household', 'household'] }],
    ['a declared fact that is no name', { ...BODY, declare: ['house hold'] }],
    ['a redirect with a fragment', { ...BODY, redirect: 'https://desk.example/#x' }],
  ])('Given %s, then 400 naming the member', async (_what, body) => {
    const response = await server.admin('/admin/applications', {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('Given no admin token, JSON that is not an object, or a body over the admin cap, then 401, 400, 413', async () => {
    const anonymous = await server.app.request('/admin/applications', {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify(BODY),
    });
    expect(anonymous.status).toBe(401);
    expect((await server.app.request('/admin/applications')).status).toBe(401);
    const notObject = await server.admin('/admin/applications', {
      method: 'POST',
      headers: JSON_TYPE,
      body: '["name"]',
    });
    expect(notObject.status).toBe(400);
    const huge = await server.admin('/admin/applications', {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ ...BODY, padding: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
  });
});

describe('fetching the link’s request_uri', () => {
  it('Given two fetches, then two signed request objects with their own nonce, state and response_uri, carrying the purpose, rule and declared facts', async () => {
    const { id } = await publish();
    const first = await fetchRequest(id);
    const second = await fetchRequest(id, { method: 'POST' });
    expect(first.header).toMatchObject({ typ: 'oauth-authz-req+jwt', alg: 'ES256' });
    expect(String(first.header.kid).startsWith(`${server.verifierKey.did}#`)).toBe(true);
    expect(first.payload).toMatchObject({
      client_id: `decentralized_identifier:${server.verifierKey.did}`,
      response_mode: 'direct_post',
      vouch: { verifier_name: 'Gemeente Testdorp', rule: BODY.rule, declare: BODY.declare },
    });
    expect(JSON.stringify(first.payload)).toContain('Apply for the income supplement');
    expect(first.payload.nonce).not.toBe(second.payload.nonce);
    expect(first.payload.state).not.toBe(second.payload.state);
    expect(first.payload.response_uri).not.toBe(second.payload.response_uri);
    expect(String(first.payload.response_uri)).toMatch(
      new RegExp(`^${TEST_PUBLIC_URL}/responses/[A-Za-z0-9_-]{22}$`),
    );
  });

  it('Given a POST with a wallet_nonce, then the object echoes it; a repeated or oversized wallet_nonce is 400', async () => {
    const { id } = await publish();
    const { payload } = await fetchRequest(id, {
      method: 'POST',
      headers: FORM,
      body: 'wallet_nonce=wn-42&wallet_metadata=%7B%7D',
    });
    expect(payload.wallet_nonce).toBe('wn-42');
    for (const body of ['wallet_nonce=a&wallet_nonce=b', `wallet_nonce=${'n'.repeat(257)}`]) {
      const response = await server.app.request(`/applications/${id}/request`, {
        method: 'POST',
        headers: FORM,
        body,
      });
      expect(response.status).toBe(400);
    }
    const oversized = await server.app.request(`/applications/${id}/request`, {
      method: 'POST',
      headers: FORM,
      body: `wallet_metadata=${'x'.repeat(300 * 1024)}`,
    });
    expect(oversized.status).toBe(413);
  });

  it.each([
    ['an unknown id', 'AAAAAAAAAAAAAAAAAAAAAA'],
    ['an id that is not one', 'x'],
    ['an id with a quote', "AAAAAAAAAAAAAAAAAAAAA'"],
    ['an id of 200 characters', 'A'.repeat(200)],
  ])('Given %s, then 404 and nothing is minted', async (_what, id) => {
    const before = await countRows('SELECT count(*) AS n FROM vp_requests', []);
    const response = await server.app.request(`/applications/${encodeURIComponent(id)}/request`);
    expect(response.status).toBe(404);
    expect(await countRows('SELECT count(*) AS n FROM vp_requests', [])).toBe(before);
  });

  it('Given an answer carrying another fetch’s state, then 400 and both stay unanswered', async () => {
    const { id } = await publish();
    const one = await fetchRequest(id);
    const two = await fetchRequest(id);
    const tampered = new URLSearchParams({
      error: 'access_denied',
      state: String(two.payload.state),
    }).toString();
    expect((await respond(String(one.payload.response_uri), tampered)).status).toBe(400);
    expect(await answersOf(id)).toEqual([]);
  });

  it('Given an answer to one fetch, then the link’s results list it with its verdict and declared facts; its nonce is spent', async () => {
    const { id } = await publish();
    const { payload } = await fetchRequest(id);
    const declined = new URLSearchParams({
      error: 'access_denied',
      state: String(payload.state),
    }).toString();
    expect((await respond(String(payload.response_uri), declined)).status).toBe(200);
    expect((await respond(String(payload.response_uri), declined)).status).toBe(404);
    const answers = await answersOf(id);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      id: String(payload.response_uri).split('/').pop(),
      answeredAt: '2026-01-01T00:00:00.000Z',
      result: { valid: false },
    });
    expect(JSON.stringify(answers[0])).toContain('access_denied');
    const listed = (await (await server.admin('/admin/applications')).json()) as {
      applications: { id: string; answers: number }[];
    };
    expect(listed.applications.find((a) => a.id === id)?.answers).toBe(1);
  });
});

describe('the cap on unanswered requests', () => {
  it('Given a cap of 5 and 8 fetches, then at most 5 wait, and the oldest can no longer be answered (the server’s cap is 1,000)', async () => {
    expect(MAX_UNANSWERED_PER_APPLICATION).toBe(1000);
    // The link's public route with a lower cap, on the same database and keys as the server.
    const capped = applicationRoutes(server.ctx, { maxUnanswered: 5 });
    const { id } = await publish({ ...BODY, rule: undefined, declare: undefined });
    const fetchCapped = async () => {
      const response = await capped.request(`/applications/${id}/request`, { method: 'POST' });
      expect(response.status).toBe(200);
      return decodeJwt(await response.text());
    };
    const fetched = [];
    for (let i = 0; i < 8; i += 1) {
      fetched.push(await fetchCapped());
      server.advance(1);
    }
    const waiting = await countRows(
      'SELECT count(*) AS n FROM vp_requests WHERE application_id = $1 AND answered_at IS NULL',
      [id],
    );
    expect(waiting).toBe(5);
    const decline = (state: unknown) =>
      new URLSearchParams({ error: 'access_denied', state: String(state) }).toString();
    // Fetches 1-3 were pruned; 4-8 still wait.
    for (const [index, status] of [
      [0, 404],
      [2, 404],
      [3, 200],
      [7, 200],
    ] as const) {
      const answer = fetched[index];
      expect((await respond(String(answer?.response_uri), decline(answer?.state))).status).toBe(
        status,
      );
    }
    server.advance(-8);
  });

  it('Given answered requests, then pruning keeps them: only unanswered ones are counted and deleted', async () => {
    const { id } = await publish({ ...BODY, rule: undefined, declare: undefined });
    const answered = await fetchRequest(id);
    await respond(
      String(answered.payload.response_uri),
      new URLSearchParams({
        error: 'access_denied',
        state: String(answered.payload.state),
      }).toString(),
    );
    for (let i = 0; i < 3; i += 1) {
      server.advance(1);
      await fetchRequest(id);
    }
    expect(await pruneUnanswered(server.db, id, 1)).toBe(2);
    expect(await answersOf(id)).toHaveLength(1);
    server.advance(-3);
  });
});

describe('withdrawing a link', () => {
  it('Given a withdrawn link, then its request_uri and its open requests answer 404, it is no longer listed, and a second withdrawal is 404', async () => {
    const { id } = await publish();
    const { payload } = await fetchRequest(id);
    const withdrawn = await server.admin(`/admin/applications/${id}`, { method: 'DELETE' });
    expect(withdrawn.status).toBe(204);
    expect((await server.app.request(`/applications/${id}/request`)).status).toBe(404);
    expect(
      (await server.app.request(`/applications/${id}/request`, { method: 'POST' })).status,
    ).toBe(404);
    const late = new URLSearchParams({ error: 'access_denied', state: String(payload.state) });
    expect((await respond(String(payload.response_uri), late.toString())).status).toBe(404);
    const listed = (await (await server.admin('/admin/applications')).json()) as {
      applications: { id: string }[];
    };
    expect(listed.applications.map((a) => a.id)).not.toContain(id);
    expect((await server.admin(`/admin/applications/${id}`, { method: 'DELETE' })).status).toBe(
      404,
    );
    expect((await server.admin(`/admin/applications/${id}/results`)).status).toBe(404);
  });

  it('Given no admin token, then DELETE is 401 and the link still works', async () => {
    const { id } = await publish();
    expect(
      (await server.app.request(`/admin/applications/${id}`, { method: 'DELETE' })).status,
    ).toBe(401);
    await fetchRequest(id);
  });
});
