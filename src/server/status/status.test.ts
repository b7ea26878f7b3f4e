import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssuerKeyFile, issuerSigner } from '../../core/jose/index.ts';
import {
  allocateStatusIndices,
  createStatusList,
  publishStatusListJwt,
  revokeStatusIndex as revokeInFile,
  verifyStatusListJwt,
} from '../../core/status-list/index.ts';
import type { StatusListFile } from '../../core/status-list/index.ts';
import { createTestServer, TEST_PUBLIC_URL } from '../test-server.fake.ts';
import type { TestServer } from '../test-server.fake.ts';
import { allocateStatusIndex, MAX_DRAWS, openStatusLists, uniformBelow } from './store.ts';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

const revoke = (body: unknown) =>
  server.admin('/admin/status/revoke', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

async function hostedList(uri: string) {
  const response = await server.app.request(new URL(uri).pathname);
  expect(response.status).toBe(200);
  const jwt = await response.text();
  const verified = await verifyStatusListJwt(jwt, {
    crypto: server.ctx.crypto,
    now: server.ctx.now(),
    expectedUri: uri,
  });
  if (!verified.ok) throw new Error(verified.detail.message);
  return { response, list: verified.value };
}

describe('managed status lists', () => {
  it('Given a hosted list older than half its ttl, when it is fetched, then it is signed again with the same entries, so a verifier that honours ttl never reads it as stale', async () => {
    const { uri, idx } = await allocateStatusIndex(server.db, server.ctx);
    expect((await revoke({ index: idx, list: uri })).status).toBe(200);
    const before = await hostedList(uri);
    server.advance(100_000); // 100 s: younger than ttl/2, served as it is
    const same = await hostedList(uri);
    expect(same.list.iat).toBe(before.list.iat);
    server.advance(60_000); // 160 s since signing: older than ttl/2 (150 s)
    const after = await hostedList(uri);
    expect(after.list.iat).toBe(before.list.iat + 160);
    expect(after.list.statusAt(idx)).toBe(1);
    expect(after.response.headers.get('etag')).not.toBe(before.response.headers.get('etag'));
    // Fetched again at once: the new signature is kept, not made anew on every read.
    expect((await hostedList(uri)).list.iat).toBe(after.list.iat);
  });

  it('Given a server, when indices are allocated, then they are distinct, in range and on a list hosted under the public URL', async () => {
    const allocated = [];
    for (let i = 0; i < 50; i++) allocated.push(await allocateStatusIndex(server.db, server.ctx));
    const uri = allocated[0]?.uri as string;
    expect(uri).toMatch(new RegExp(`^${TEST_PUBLIC_URL}/status/[A-Za-z0-9_-]{12}$`));
    expect(new Set(allocated.map((a) => a.uri))).toEqual(new Set([uri]));
    const indices = allocated.map((a) => a.idx);
    expect(new Set(indices).size).toBe(50);
    for (const idx of indices) expect(idx >= 0 && idx < 100_000).toBe(true);
    // Random, not sequential: 50 sorted draws from 100,000 are not 50 neighbours.
    expect(Math.max(...indices) - Math.min(...indices)).toBeGreaterThan(1000);

    const { response, list } = await hostedList(uri);
    expect(response.headers.get('content-type')).toBe('application/statuslist+jwt');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(list.issuer).toBe(server.issuerKey.did);
    expect(list.size).toBe(100_000);
    expect(list.ttl).toBe(300);
    for (const idx of indices) expect(list.statusAt(idx)).toBe(0);
  });

  it('Given an issued index, when revoked through the admin API, then the hosted list shows it at once with a new ETag', async () => {
    const { uri, idx } = await allocateStatusIndex(server.db, server.ctx);
    const before = await hostedList(uri);
    const etag = before.response.headers.get('etag') as string;
    const notModified = await server.app.request(new URL(uri).pathname, {
      headers: { 'If-None-Match': etag },
    });
    expect(notModified.status).toBe(304);

    server.advance(1000);
    const answer = await revoke({ index: idx });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      list: uri,
      index: idx,
      status: 1,
      changed: true,
      copies: 1,
    });

    const after = await hostedList(uri);
    expect(after.list.statusAt(idx)).toBe(1);
    expect(after.response.headers.get('etag')).not.toBe(etag);
    expect(after.list.iat).toBeGreaterThan(before.list.iat);
    const stale = await server.app.request(new URL(uri).pathname, {
      headers: { 'If-None-Match': etag },
    });
    expect(stale.status).toBe(200);

    const again = await revoke({ index: idx, list: uri });
    expect(await again.json()).toEqual({
      list: uri,
      index: idx,
      status: 1,
      changed: false,
      copies: 1,
    });
  });

  it('Given an index never handed out, when revoked, then it is never allocated afterwards', async () => {
    const small = await createTestServer({ db: server.db });
    const { uri } = await allocateStatusIndex(small.db, small.ctx);
    const id = new URL(uri).pathname.split('/').at(-1) as string;
    const response = await small.admin('/admin/status/revoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ index: 77, list: id }),
    });
    expect(response.status).toBe(200);
    const { rows } = await small.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM status_allocations WHERE list_id = $1 AND idx = 77',
      [id],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it.each([
    [{ index: -1 }, 400],
    [{ index: 1.5 }, 400],
    [{ index: '3' }, 400],
    [{}, 400],
    [{ index: 100_000 }, 400],
    [{ index: 1, list: 'no-such-list' }, 404],
    [{ index: 1, list: 'https://elsewhere.example/status/abc' }, 400],
    [{ index: 1, list: '../../etc' }, 400],
    [{ index: 1, list: 5 }, 400],
  ])('Given revoke body %j, when posted, then %i', async (body, status) => {
    const response = await revoke(body);
    expect(response.status).toBe(status);
    expect(await response.json()).toHaveProperty('error');
  });

  it('Given a body that is not JSON, when posted to revoke, then 400 invalid_request', async () => {
    const notJson = await server.admin('/admin/status/revoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"index":',
    });
    expect(notJson.status).toBe(400);
    const wrongType = await server.admin('/admin/status/revoke', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"index":1}',
    });
    expect(wrongType.status).toBe(400);
  });

  it('Given a nearly full list, when allocating, then it is marked full and a new list opens', async () => {
    const filling = await createTestServer({ db: server.db });
    const first = await allocateStatusIndex(filling.db, filling.ctx);
    const id = new URL(first.uri).pathname.split('/').at(-1) as string;
    await filling.db.query(
      `INSERT INTO status_allocations (list_id, idx)
       SELECT $1, g FROM generate_series(0, 99999) AS g ON CONFLICT DO NOTHING`,
      [id],
    );
    const next = await allocateStatusIndex(filling.db, filling.ctx);
    expect(next.uri).not.toBe(first.uri);
    const open = await openStatusLists(filling.db, filling.issuerKey.did);
    expect(open.map((list) => list.id)).not.toContain(id);
    // The full list stays hosted and revocable; with two lists, revoke must name one.
    expect((await filling.app.request(new URL(first.uri).pathname)).status).toBe(200);
    const ambiguous = await filling.admin('/admin/status/revoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ index: first.idx }),
    });
    expect(ambiguous.status).toBe(400);
    expect(MAX_DRAWS).toBeGreaterThanOrEqual(16);
  });

  it('Given an unknown or malformed list id, when fetched, then 404 JSON', async () => {
    expect((await server.app.request('/status/nope')).status).toBe(404);
    expect((await server.app.request(`/status/${'a'.repeat(65)}`)).status).toBe(404);
  });
});

describe('uniformBelow', () => {
  it('Given random bytes, when drawing below a bound, then rejection keeps draws in range', () => {
    const bytes = [
      [0xff, 0xff, 0xff, 0xff], // ≥ limit for bound 3: rejected
      [0, 0, 0, 5],
    ];
    let call = 0;
    const draw = uniformBelow(3, () => new Uint8Array(bytes[call++] as number[]));
    expect(draw).toBe(2);
    expect(call).toBe(2);
    expect(() => uniformBelow(0, () => new Uint8Array(4))).toThrow(RangeError);
  });
});

describe('published lists (PUT /admin/status/:list)', () => {
  const listId = 'desk-list-1';
  const uri = `${TEST_PUBLIC_URL}/status/${listId}`;
  const put = (jwt: string, id = listId) =>
    server.admin(`/admin/status/${id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/statuslist+jwt' },
      body: jwt,
    });
  const sign = async (list: StatusListFile, issuedAt: Date, key = server.issuerKey) =>
    publishStatusListJwt({
      list,
      issuer: { did: key.did, alg: key.alg, sign: issuerSigner(server.ctx.crypto, key) },
      issuedAt,
    });
  let deskList: StatusListFile;

  it('Given a list the desk signed with the server issuer key, when put, then it is hosted as sent', async () => {
    const allocated = allocateStatusIndices(createStatusList({ uri }), 3, (n) =>
      globalThis.crypto.getRandomValues(new Uint8Array(n)),
    );
    if (!allocated.ok) throw new Error('allocation');
    const revoked = revokeInFile(allocated.value.list, allocated.value.indices[0] as number);
    if (!revoked.ok) throw new Error('revoke');
    deskList = revoked.value;
    const jwt = await sign(deskList, server.ctx.now());
    const response = await put(jwt);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ list: uri });
    const hosted = await server.app.request(`/status/${listId}`);
    expect(await hosted.text()).toBe(jwt);
    expect((await put(jwt)).status).toBe(200); // the same list again: idempotent
  });

  it('Given a tampered list, when put, then 400 and the hosted list is unchanged', async () => {
    const before = await (await server.app.request(`/status/${listId}`)).text();
    server.advance(1000);
    const jwt = await sign(deskList, server.ctx.now());
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.status_list.lst = createStatusList({ uri }).lst; // un-revoke everything
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const response = await put(forged);
    expect(response.status).toBe(400);
    const flipped = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`;
    expect((await put(flipped)).status).toBe(400);
    expect(await (await server.app.request(`/status/${listId}`)).text()).toBe(before);
  });

  it('Given a list signed by another key, for another URI or as garbage, when put, then 400', async () => {
    const stranger = await createIssuerKeyFile(server.ctx.crypto, 'ES256');
    server.advance(1000);
    expect((await put(await sign(deskList, server.ctx.now(), stranger))).status).toBe(400);
    const elsewhere = await sign(
      { ...deskList, uri: 'https://elsewhere.example/status/1' },
      server.ctx.now(),
    );
    expect((await put(elsewhere)).status).toBe(400);
    expect((await put('not a jwt')).status).toBe(400);
    expect((await put('')).status).toBe(400);
    expect((await put('a.b.c', '..')).status).toBe(404);
  });

  it('Given the hosted list, when an older one or one that un-revokes is put, then 409', async () => {
    const older = await sign(deskList, new Date(server.ctx.now().getTime() - 3_600_000));
    expect((await put(older)).status).toBe(409);
    server.advance(1000);
    const unrevoking = await sign(createStatusList({ uri }), server.ctx.now());
    const response = await put(unrevoking);
    expect(response.status).toBe(409);
    expect((await response.json()).error_description).toMatch(/un-revoke/);
    server.advance(1000);
    const newer = revokeInFile(deskList, 5, { evenIfNotIssued: true });
    if (!newer.ok) throw new Error('revoke');
    expect((await put(await sign(newer.value, server.ctx.now()))).status).toBe(200);
  });

  it('Given a list the server keeps itself, when a desk list is put over it, then 409', async () => {
    const { uri: managed } = await allocateStatusIndex(server.db, server.ctx);
    const id = new URL(managed).pathname.split('/').at(-1) as string;
    const jwt = await sign(createStatusList({ uri: managed }), server.ctx.now());
    expect((await put(jwt, id)).status).toBe(409);
  });

  it('Given a published list, when revoke is asked on it, then 409: the desk revokes there', async () => {
    const response = await revoke({ index: 1, list: listId });
    expect(response.status).toBe(409);
  });
});
