import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { didKeyFromJwk } from '../../did/did-key.ts';
import { decodeBase64Url, encodeBase64Url } from '../../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../../encoding/utf8.ts';
import { nobleJwsCrypto } from '../../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../../jose/random-bytes.fake.ts';
import { dcqlForClaims } from '../dcql.ts';
import { createPresentationRequest } from '../request.ts';
import {
  MAX_AUTHORIZATION_REQUEST_URI_LENGTH,
  parseAuthorizationRequestUri,
  resolvePresentationRequest,
  VOUCH_WALLET_METADATA,
} from './authorization-request.ts';
import type { FetchLike, HttpRequestInit } from './http.ts';

const crypto = nobleJwsCrypto({ randomBytes: seededRandomBytes('authorization request uri') });
const NOW = new Date('2026-03-01T10:00:00Z');
const NONCE = 'q6vS3kQm9ZbX1c2d3e4f5g';
const DCQL = dcqlForClaims({
  id: 'income',
  vct: 'urn:vouch:income-statement:1',
  required: ['period', 'net_wage_cents'],
  optional: [],
});
const keys = await crypto.generateKeyPair('ES256');
const verifier = {
  did: didKeyFromJwk(keys.publicJwk),
  alg: 'ES256' as const,
  sign: (data: Uint8Array) => crypto.sign('ES256', keys.privateJwk, data),
};
const CLIENT_ID = `decentralized_identifier:${verifier.did}`;
const BASE = 'https://verifier.example';

const requestObject = (extra: Record<string, unknown> = {}) =>
  createPresentationRequest({
    verifier,
    verifierName: 'Gemeente Utrecht',
    purpose: 'Income supplement',
    dcql: DCQL,
    responseMode: 'direct_post',
    responseUri: `${BASE}/responses/r1`,
    nonce: NONCE,
    state: 's1',
    now: NOW,
    ...extra,
  });

/** A verifier's request_uri endpoint as a Hono app; records what the wallet sent. */
function verifierApp(answer: (body: Record<string, string>) => Promise<string>) {
  const seen: {
    method: string;
    accept: string | null;
    type: string | null;
    body: Record<string, string>;
  }[] = [];
  const app = new Hono();
  app.on(['GET', 'POST'], '/requests/:id', async (c) => {
    const body =
      c.req.method === 'POST' ? ((await c.req.parseBody()) as Record<string, string>) : {};
    seen.push({
      method: c.req.method,
      accept: c.req.header('accept') ?? null,
      type: c.req.header('content-type') ?? null,
      body,
    });
    return c.body(await answer(body), 200, { 'content-type': 'application/oauth-authz-req+jwt' });
  });
  const fetch: FetchLike = async (url: string, init: HttpRequestInit) =>
    app.fetch(
      new Request(url, {
        method: init.method,
        headers: init.headers,
        ...(init.body === undefined ? {} : { body: init.body }),
      }),
    );
  return { fetch, seen };
}

const link = (params: Record<string, string>, scheme = 'openid4vp://') =>
  `${scheme}?${new URLSearchParams(params).toString()}`;

describe('authorization request URI', () => {
  it.each([
    ['openid4vp://', 'openid4vp://'],
    ['haip-vp://', 'haip-vp://'],
    ['an https wallet link', 'https://wallet.example/present'],
  ])(
    'Given a %s link by reference, when parsed, then client_id and request_uri come back',
    (_, scheme) => {
      const parsed = parseAuthorizationRequestUri(
        link({ client_id: CLIENT_ID, request_uri: `${BASE}/requests/1`, future: 'x' }, scheme),
      );
      expect(parsed).toEqual({
        ok: true,
        value: {
          kind: 'by-reference',
          clientId: CLIENT_ID,
          requestUri: `${BASE}/requests/1`,
          method: 'get',
        },
      });
    },
  );

  it.each([
    ['no query', 'openid4vp://', 'query'],
    ['no client_id', link({ request_uri: `${BASE}/r` }), '"client_id"'],
    [
      'request and request_uri',
      link({ client_id: 'c', request: 'a.b.c', request_uri: `${BASE}/r` }),
      'both',
    ],
    [
      'a plain-http request_uri',
      link({ client_id: 'c', request_uri: 'http://verifier.example/r' }),
      '"request_uri"',
    ],
    [
      'a javascript: request_uri',
      link({ client_id: 'c', request_uri: 'javascript:alert(1)' }),
      '"request_uri"',
    ],
    [
      'request_uri_method PUT',
      link({ client_id: 'c', request_uri: `${BASE}/r`, request_uri_method: 'PUT' }),
      'get or post',
    ],
    [
      'request_uri_method alone',
      link({ client_id: 'c', request_uri_method: 'post' }),
      'request_uri_method',
    ],
    [
      'a parameter twice',
      'openid4vp://?client_id=a&client_id=b&request_uri=https%3A%2F%2Fv.example%2Fr',
      'twice',
    ],
    ['broken percent-encoding', 'openid4vp://?client_id=%E0%A4%A&request_uri=x', 'percent'],
    [
      'too long',
      `openid4vp://?client_id=c&x=${'a'.repeat(MAX_AUTHORIZATION_REQUEST_URI_LENGTH)}`,
      'at most',
    ],
    ['not text', 42, 'expected text'],
  ])('Given %s, when parsed, then malformed naming it', (_, uri, text) => {
    const parsed = parseAuthorizationRequestUri(uri as string);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.detail.message).toContain(text);
  });

  it('Given a request_uri served by the verifier, when resolved, then it is fetched with GET and the JAR media type and verified', async () => {
    const object = await requestObject();
    const { fetch, seen } = verifierApp(async () => object);
    const resolved = await resolvePresentationRequest(
      link({ client_id: CLIENT_ID, request_uri: `${BASE}/requests/1` }),
      { fetch, crypto, now: NOW },
    );
    expect(resolved.ok && resolved.value).toMatchObject({
      clientId: CLIENT_ID,
      verified: true,
      responseMode: 'direct_post',
      responseUri: `${BASE}/responses/r1`,
      state: 's1',
      raw: object,
    });
    expect(seen).toEqual([
      { method: 'GET', accept: 'application/oauth-authz-req+jwt', type: null, body: {} },
    ]);
  });

  it('Given request_uri_method=post, when resolved, then wallet_metadata and wallet_nonce are POSTed and the nonce must come back', async () => {
    const { fetch, seen } = verifierApp(async (body) =>
      requestObject({ walletNonce: body.wallet_nonce }),
    );
    const uri = link({
      client_id: CLIENT_ID,
      request_uri: `${BASE}/requests/1`,
      request_uri_method: 'post',
    });
    const resolved = await resolvePresentationRequest(uri, {
      fetch,
      crypto,
      now: NOW,
      walletNonce: 'wn-123',
    });
    expect(resolved.ok && resolved.value.walletNonce).toBe('wn-123');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.type).toBe('application/x-www-form-urlencoded');
    expect(JSON.parse(seen[0]?.body.wallet_metadata ?? '')).toEqual(VOUCH_WALLET_METADATA);
    expect(seen[0]?.body.wallet_nonce).toBe('wn-123');

    const replay = verifierApp(async () => requestObject({ walletNonce: 'wn-old' }));
    const refused = await resolvePresentationRequest(uri, {
      fetch: replay.fetch,
      crypto,
      now: NOW,
      walletNonce: 'wn-123',
    });
    expect(!refused.ok && refused.detail.message).toContain('wallet_nonce');
  });

  it("Given a link whose client_id is not the request object's, when resolved, then client-id-mismatch", async () => {
    const object = await requestObject();
    const { fetch } = verifierApp(async () => object);
    const resolved = await resolvePresentationRequest(
      link({
        client_id: 'decentralized_identifier:did:key:zDnaeOther',
        request_uri: `${BASE}/requests/1`,
      }),
      { fetch, crypto, now: NOW },
    );
    expect(resolved.ok ? 'ok' : resolved.reason).toBe('client-id-mismatch');
  });

  it('Given a request object by value in the link, when resolved, then it is verified without a fetch', async () => {
    const object = await requestObject();
    const fetch: FetchLike = () => Promise.reject(new Error('no network'));
    const resolved = await resolvePresentationRequest(
      link({ client_id: CLIENT_ID, request: object }),
      {
        fetch,
        crypto,
        now: NOW,
      },
    );
    expect(resolved.ok && resolved.value.clientId).toBe(CLIENT_ID);
  });

  it('Given redirect_uri: parameters by value, when resolved, then the request is read unsigned, not verified', async () => {
    const uri = link({
      client_id: 'redirect_uri:https://peer.example/cb',
      response_type: 'vp_token',
      response_mode: 'direct_post',
      response_uri: 'https://peer.example/cb',
      nonce: 'n-0S6_WzA2Mj',
      dcql_query: JSON.stringify(DCQL),
      client_metadata: JSON.stringify({ vp_formats_supported: { 'dc+sd-jwt': {} } }),
    });
    const fetch: FetchLike = () => Promise.reject(new Error('no network'));
    const resolved = await resolvePresentationRequest(uri, { fetch, crypto, now: NOW });
    expect(resolved.ok && resolved.value).toMatchObject({
      verified: false,
      verifier: { kind: 'redirect_uri', uri: 'https://peer.example/cb' },
      raw: uri,
    });
  });

  it.each([
    [
      'the network fails',
      () => Promise.reject(new Error('offline https://verifier.example/requests/secret')),
    ],
    ['HTTP 404', async () => new Response('gone', { status: 404 })],
    ['an answer over 16 KiB', async () => new Response('a'.repeat(17 * 1024))],
    [
      'a Content-Length over 16 KiB',
      async () => new Response('x', { headers: { 'content-length': '999999' } }),
    ],
  ])(
    'Given %s, when resolved, then fetch-failed without the URI in the message',
    async (_, answer) => {
      const resolved = await resolvePresentationRequest(
        link({ client_id: CLIENT_ID, request_uri: `${BASE}/requests/secret` }),
        { fetch: answer as unknown as FetchLike, crypto, now: NOW },
      );
      expect(resolved.ok ? 'ok' : resolved.reason).toBe('fetch-failed');
      expect(!resolved.ok && resolved.detail.message).not.toContain('secret');
    },
  );

  it('Given a request object whose payload was changed, when resolved, then bad-signature', async () => {
    const [h, p, s] = (await requestObject()).split('.');
    const bytes = decodeBase64Url(p ?? '');
    const text = bytes.ok ? bytesToUtf8(bytes.value) : undefined;
    const payload = JSON.parse(text?.ok ? text.value : '{}');
    const changed = encodeBase64Url(
      utf8ToBytes(JSON.stringify({ ...payload, response_uri: 'https://evil.example/r' })),
    );
    const { fetch } = verifierApp(async () => `${h}.${changed}.${s}`);
    const resolved = await resolvePresentationRequest(
      link({ client_id: CLIENT_ID, request_uri: `${BASE}/requests/1` }),
      { fetch, crypto, now: NOW },
    );
    expect(resolved.ok ? 'ok' : resolved.reason).toBe('bad-signature');
  });
});
