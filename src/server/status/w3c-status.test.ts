// The W3C twin of each hosted status list (GET /status/:list.w3c, PUT /admin/status/:list.w3c):
// the same bits as the IETF list, signed by the same issuer, read back with did-jwt-vc and a peer
// did:key resolver (Veramo's), not only with our own reader.
import { getDidKeyResolver } from '@veramo/did-provider-key';
import { verifyCredential } from 'did-jwt-vc';
import { Resolver } from 'did-resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssuerKeyFile, issuerSigner } from '../../core/jose/index.ts';
import type { IssuerKeyFile } from '../../core/jose/index.ts';
import { verifyStatusListJwt } from '../../core/status-list/index.ts';
import {
  createDidResolver,
  MIN_BITSTRING_LENGTH,
  signBitstringStatusListCredential,
  verifyBitstringStatusListCredential,
} from '../../core/w3c/index.ts';
import { createTestServer, TEST_PUBLIC_URL } from '../test-server.fake.ts';
import type { TestServer } from '../test-server.fake.ts';
import { allocateStatusIndex } from './store.ts';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

const peerResolver = new Resolver(getDidKeyResolver());

const revoke = (body: unknown) =>
  server.admin('/admin/status/revoke', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

async function w3cList(url: string, at = server) {
  const response = await at.app.request(new URL(url).pathname);
  expect(response.status).toBe(200);
  const jwt = await response.text();
  const verified = await verifyBitstringStatusListCredential(jwt, {
    now: at.ctx.now(),
    resolver: createDidResolver(),
    expectedUrl: url,
  });
  if (!verified.ok) throw new Error(verified.detail.message);
  return { response, jwt, list: verified.value };
}

async function ietfList(uri: string) {
  const jwt = await (await server.app.request(new URL(uri).pathname)).text();
  const verified = await verifyStatusListJwt(jwt, {
    crypto: server.ctx.crypto,
    now: server.ctx.now(),
    expectedUri: uri,
  });
  if (!verified.ok) throw new Error(verified.detail.message);
  return verified.value;
}

describe('managed lists: GET /status/:list.w3c', () => {
  it('Given a managed list, when its .w3c twin is fetched, then it is a BitstringStatusListCredential of the server issuer that did-jwt-vc verifies, with the same headers as the IETF list', async () => {
    const { uri, idx } = await allocateStatusIndex(server.db, server.ctx);
    const { response, jwt, list } = await w3cList(`${uri}.w3c`);
    expect(response.headers.get('content-type')).toBe('application/jwt');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(list.issuer).toBe(server.issuerKey.did);
    expect(list.purpose).toBe('revocation');
    expect(list.ttl).toBe(300);
    expect(list.statusAt(idx)).toBe(0);
    expect(list.statusAt(MIN_BITSTRING_LENGTH - 1)).toBe(0); // padded to 131,072 bits

    const peer = await verifyCredential(jwt, peerResolver, {
      policies: { now: Math.floor(server.ctx.now().getTime() / 1000) },
    });
    expect(peer.issuer).toBe(server.issuerKey.did);
    expect(peer.verifiableCredential.type).toEqual([
      'VerifiableCredential',
      'BitstringStatusListCredential',
    ]);
    expect(peer.verifiableCredential.credentialSubject).toMatchObject({
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
    });

    const notModified = await server.app.request(new URL(`${uri}.w3c`).pathname, {
      headers: { 'If-None-Match': response.headers.get('etag') as string },
    });
    expect(notModified.status).toBe(304);
  });

  it('Given an issued index, when it is revoked, then both encodings show it at once, and no other bit moved', async () => {
    const first = await allocateStatusIndex(server.db, server.ctx);
    const second = await allocateStatusIndex(server.db, server.ctx);
    const before = await w3cList(`${first.uri}.w3c`);
    server.advance(1000);
    expect((await revoke({ index: first.idx, list: first.uri })).status).toBe(200);

    const ietf = await ietfList(first.uri);
    const w3c = await w3cList(`${first.uri}.w3c`);
    expect(ietf.statusAt(first.idx)).toBe(1);
    expect(w3c.list.statusAt(first.idx)).toBe(1);
    expect(w3c.list.statusAt(second.idx)).toBe(0);
    expect(w3c.list.iat).toBeGreaterThan(before.list.iat);
    expect(w3c.response.headers.get('etag')).not.toBe(before.response.headers.get('etag'));
    // The same bit, whichever encoding: every index of the IETF list reads the same in both.
    for (let i = 0; i < 100_000; i += 997) {
      expect(w3c.list.statusAt(i)).toBe(ietf.statusAt(i));
    }
  });

  it('Given a twin older than half its ttl, when fetched, then it is signed again with the same bits, once', async () => {
    const { uri, idx } = await allocateStatusIndex(server.db, server.ctx);
    expect((await revoke({ index: idx, list: uri })).status).toBe(200);
    const before = await w3cList(`${uri}.w3c`);
    server.advance(100_000);
    expect((await w3cList(`${uri}.w3c`)).list.iat).toBe(before.list.iat);
    server.advance(60_000);
    const after = await w3cList(`${uri}.w3c`);
    expect(after.list.iat).toBe(before.list.iat + 160);
    expect(after.list.statusAt(idx)).toBe(1);
    expect((await w3cList(`${uri}.w3c`)).list.iat).toBe(after.list.iat);
  });

  it('Given an unknown list, or a malformed id, when its twin is fetched, then 404', async () => {
    expect((await server.app.request('/status/nope.w3c')).status).toBe(404);
    expect((await server.app.request('/status/.w3c')).status).toBe(404);
    expect((await server.app.request('/status/a.w3c.w3c')).status).toBe(404);
  });
});

describe('published lists: PUT /admin/status/:list.w3c', () => {
  const listId = 'desk-w3c-1';
  const url = `${TEST_PUBLIC_URL}/status/${listId}.w3c`;
  const put = (jwt: string, id = `${listId}.w3c`) =>
    server.admin(`/admin/status/${id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/jwt' },
      body: jwt,
    });
  const bitstring = (...set: number[]) => {
    const bits = new Uint8Array(MIN_BITSTRING_LENGTH / 8);
    for (const index of set) bits[index >> 3] = (bits[index >> 3] ?? 0) | (0x80 >> (index & 7));
    return bits;
  };
  const sign = (
    bits: Uint8Array,
    issuedAt: Date,
    options: { key?: IssuerKeyFile; at?: string } = {},
  ) => {
    const key = options.key ?? server.issuerKey;
    return signBitstringStatusListCredential({
      issuer: { did: key.did, alg: key.alg, sign: issuerSigner(server.ctx.crypto, key) },
      url: options.at ?? url,
      list: { bitstring: bits },
      issuedAt,
    });
  };

  it('Given a list the desk signed with the server issuer key, when put, then it is hosted as sent', async () => {
    const jwt = await sign(bitstring(3, 40_000), server.ctx.now());
    const response = await put(jwt);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ list: url });
    const hosted = await w3cList(url);
    expect(hosted.jwt).toBe(jwt);
    expect(hosted.list.statusAt(3)).toBe(1);
    expect(hosted.list.statusAt(40_000)).toBe(1);
    expect((await put(jwt)).status).toBe(200);
  });

  it('Given a list by another key, for another URL, tampered with or garbage, when put, then 400 and the hosted one stays', async () => {
    const before = await w3cList(url);
    server.advance(1000);
    const stranger = await createIssuerKeyFile(server.ctx.crypto, 'ES256');
    expect(
      (await put(await sign(bitstring(3, 40_000), server.ctx.now(), { key: stranger }))).status,
    ).toBe(400);
    const elsewhere = await sign(bitstring(3, 40_000), server.ctx.now(), {
      at: `${TEST_PUBLIC_URL}/status/other.w3c`,
    });
    expect((await put(elsewhere)).status).toBe(400);
    const genuine = await sign(bitstring(3, 40_000, 7), server.ctx.now());
    const [header, payload, signature] = genuine.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.vc.credentialSubject.encodedList = JSON.parse(
      Buffer.from(before.jwt.split('.')[1] as string, 'base64url').toString(),
    ).vc.credentialSubject.encodedList;
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect((await put(forged)).status).toBe(400);
    expect((await put('not a jwt')).status).toBe(400);
    expect((await w3cList(url)).jwt).toBe(before.jwt);
  });

  it('Given the hosted list, when an older one or one that un-revokes is put, then 409; a newer superset is taken', async () => {
    const older = await sign(
      bitstring(3, 40_000, 9),
      new Date(server.ctx.now().getTime() - 3_600_000),
    );
    expect((await put(older)).status).toBe(409);
    server.advance(1000);
    const unrevoking = await put(await sign(bitstring(3), server.ctx.now()));
    expect(unrevoking.status).toBe(409);
    expect((await unrevoking.json()).error_description).toMatch(/un-revoke/);
    server.advance(1000);
    expect((await put(await sign(bitstring(3, 9, 40_000), server.ctx.now()))).status).toBe(200);
    expect((await w3cList(url)).list.statusAt(9)).toBe(1);
  });

  it('Given a list the server keeps itself, when a desk twin is put over it, then 409', async () => {
    const { uri } = await allocateStatusIndex(server.db, server.ctx);
    const id = new URL(uri).pathname.split('/').at(-1) as string;
    const jwt = await sign(bitstring(), server.ctx.now(), { at: `${uri}.w3c` });
    expect((await put(jwt, `${id}.w3c`)).status).toBe(409);
  });
});
