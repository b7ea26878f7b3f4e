/**
 * The verifier's endpoints with malformed, tampered, oversized, expired and concurrent input,
 * in-process against the whole app. The happy paths with a peer wallet are in
 * src/server/peer-openid4vp.test.ts.
 */
import { CompactEncrypt, decodeJwt, decodeProtectedHeader, importJWK } from 'jose';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAsPeer, peerCredential, presentAsPeer, resolveAsPeer } from '../peer-answer.fake.ts';
import { newPeerKey, PUBLIC_URL, startPeerServer } from '../peer-harness.fake.ts';
import type { PeerServer } from '../peer-harness.fake.ts';

let server: PeerServer;
beforeAll(async () => {
  server = await startPeerServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function newRequest(body: Record<string, unknown> = {}) {
  const { status, json } = await server.admin('POST', '/admin/requests', {
    type: 'income-statement',
    claims: ['period'],
    ...body,
  });
  expect(status).toBe(201);
  return json as { id: string; uri: string };
}

async function requestObject(id: string, init?: RequestInit) {
  const response = await server.fetch(`${PUBLIC_URL}/requests/${id}`, init);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/oauth-authz-req+jwt');
  const jwt = await response.text();
  return { jwt, header: decodeProtectedHeader(jwt), payload: decodeJwt(jwt) };
}

const respond = (id: string, body: string, headers: Record<string, string> = FORM) =>
  server.fetch(`${PUBLIC_URL}/responses/${id}`, { method: 'POST', body, headers });

const resultOf = async (id: string) =>
  (await server.admin('GET', `/admin/results/${id}`)).json as Record<string, unknown>;

describe('the request object', () => {
  it('Given a request, then its object is signed by the verifier DID, typ oauth-authz-req+jwt, with the DCQL query, response_uri, nonce and state', async () => {
    const { id } = await newRequest({ claims: ['period', 'gross_wage_cents'], purpose: 'Why' });
    const { header, payload } = await requestObject(id);
    expect(header).toMatchObject({ typ: 'oauth-authz-req+jwt', alg: 'ES256' });
    expect(String(header.kid).startsWith(`${server.verifierKey.did}#`)).toBe(true);
    expect(payload).toMatchObject({
      client_id: `decentralized_identifier:${server.verifierKey.did}`,
      response_type: 'vp_token',
      response_mode: 'direct_post',
      response_uri: `${PUBLIC_URL}/responses/${id}`,
      dcql_query: {
        credentials: [
          {
            id: 'income-statement',
            format: 'dc+sd-jwt',
            meta: { vct_values: ['urn:vouch:income-statement:1'] },
            claims: [{ path: ['period'] }, { path: ['gross_wage_cents'] }],
          },
        ],
      },
    });
    expect(typeof payload.nonce).toBe('string');
    expect(typeof payload.state).toBe('string');
  });

  it('Given request_uri_method post with a wallet_nonce, when the wallet POSTs, then the object echoes it', async () => {
    const { id } = await newRequest();
    const { payload } = await requestObject(id, {
      method: 'POST',
      headers: FORM,
      body: 'wallet_nonce=wn-123456&wallet_metadata=%7B%7D',
    });
    expect(payload.wallet_nonce).toBe('wn-123456');
  });

  it('Given a request past its 10 minutes, when fetched or answered, then 404', async () => {
    const { id } = await newRequest();
    server.advance(601);
    try {
      expect((await server.fetch(`${PUBLIC_URL}/requests/${id}`)).status).toBe(404);
      expect((await respond(id, 'vp_token=%7B%7D&state=x')).status).toBe(404);
    } finally {
      server.advance(-601);
    }
  });
});

describe('POST /responses/:id refuses what is not an answer, and the request stays open', () => {
  it.each([
    ['JSON instead of a form', '{"vp_token":{}}', { 'content-type': 'application/json' }],
    ['a bad %-escape', 'vp_token=%zz&state=x', FORM],
    ['a repeated parameter', 'vp_token=a&vp_token=b&state=x', FORM],
    ['neither vp_token, response nor error', 'state=x', FORM],
    ['a vp_token that is no JSON', 'vp_token=%7Bnot&state=x', FORM],
    ['a "response" that is no JWE', 'response=abc.def', FORM],
  ])('Given %s, then 400 and still pending', async (_what, body, headers) => {
    const { id } = await newRequest();
    const response = await respond(id, body, headers);
    expect(response.status).toBe(400);
    expect(await resultOf(id)).toEqual({ pending: true });
  });

  it('Given a body over the public cap, then 413', async () => {
    const { id } = await newRequest();
    expect((await respond(id, `vp_token=${'a'.repeat(300 * 1024)}`)).status).toBe(413);
  });

  it('Given a direct_post.jwt request, when a plain direct_post answer comes, then 400 and still pending', async () => {
    const { id } = await newRequest({ responseMode: 'direct_post.jwt' });
    const { payload } = await requestObject(id);
    const body = new URLSearchParams({
      vp_token: JSON.stringify({ 'income-statement': ['a~b~'] }),
      state: String(payload.state),
    }).toString();
    expect((await respond(id, body)).status).toBe(400);
    expect(await resultOf(id)).toEqual({ pending: true });
  });

  it('Given a direct_post.jwt request, when the JWE is for another key or tampered, then 400 and still pending', async () => {
    const { id } = await newRequest({ responseMode: 'direct_post.jwt' });
    const { payload } = await requestObject(id);
    const plaintext = new TextEncoder().encode(
      JSON.stringify({ vp_token: { 'income-statement': ['a~b~'] }, state: payload.state }),
    );
    const stranger = (await newPeerKey()).publicJwk;
    const toStranger = await new CompactEncrypt(plaintext)
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A128GCM' })
      .encrypt(await importJWK(stranger, 'ECDH-ES'));
    expect((await respond(id, `response=${toStranger}`)).status).toBe(400);
    const ours = (payload.client_metadata as { jwks: { keys: JWK[] } }).jwks.keys[0] as JWK;
    const good = await new CompactEncrypt(plaintext)
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A128GCM', kid: ours.kid as string })
      .encrypt(await importJWK(ours, 'ECDH-ES'));
    const parts = good.split('.');
    const cipher = parts[3] as string;
    parts[3] = `${cipher.slice(0, -2)}${cipher.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await respond(id, `response=${parts.join('.')}`)).status).toBe(400);
    expect(await resultOf(id)).toEqual({ pending: true });
  });

  it('Given the wallet declines with an error response and the right state, then the verdict is invalid and says so', async () => {
    const { id } = await newRequest();
    const { payload } = await requestObject(id);
    const response = await respond(
      id,
      new URLSearchParams({ error: 'access_denied', state: String(payload.state) }).toString(),
    );
    expect(response.status).toBe(200);
    const verdict = await resultOf(id);
    expect(verdict.valid).toBe(false);
    expect(JSON.stringify(verdict.checks)).toContain('access_denied');
  });

  it('Given one valid answer sent three times at once, then exactly one is taken and the verdict is valid', async () => {
    const key = await newPeerKey();
    const credential = await peerCredential(server, key);
    const { id, uri } = await newRequest();
    const resolved = await resolveAsPeer(server, uri);
    const presentation = await presentAsPeer(credential, key, {
      claims: ['period'],
      aud: resolved.client.effective,
      nonce: resolved.authorizationRequestPayload.nonce,
    });
    const answers = await Promise.all(
      [1, 2, 3].map(() => answerAsPeer(server, resolved, { 'income-statement': [presentation] })),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect((await resultOf(id)).valid).toBe(true);
  });

  it('Given a vp_token with an extra or a missing query id, then the verdict is invalid (not an answer)', async () => {
    const { id } = await newRequest();
    const { payload } = await requestObject(id);
    await respond(
      id,
      new URLSearchParams({
        vp_token: JSON.stringify({ other: ['a~b~'] }),
        state: String(payload.state),
      }).toString(),
    );
    const verdict = await resultOf(id);
    expect(verdict.valid).toBe(false);
    expect(verdict.checks).toEqual([
      expect.objectContaining({ name: 'encoding', code: 'bad-encoding' }),
    ]);
  });
});

describe('POST /admin/requests and the results', () => {
  it.each([
    [{ type: 'passport', claims: ['x'] }],
    [{ type: 'income-statement', claims: [] }],
    [{ type: 'income-statement', claims: ['salary'] }],
    [{ type: 'income-statement', claims: ['period', 'period'] }],
    [{ type: 'income-statement', claims: 'period' }],
    [{ type: 'income-statement', claims: ['period'], responseMode: 'fragment' }],
    [{ type: 'income-statement', claims: ['period'], purpose: 'x'.repeat(501) }],
    [{ type: 'income-statement', claims: ['period'], redirect: 'http://desk.example/done' }],
    [{ type: 'income-statement', claims: ['period'], redirect: 'https://desk.example/done#x' }],
  ])('Given %j, then 400', async (body) => {
    expect((await server.admin('POST', '/admin/requests', body)).status).toBe(400);
  });

  it('Given ids that are not ours, then /admin/results and /results answer 404', async () => {
    expect((await server.admin('GET', '/admin/results/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await server.admin('GET', '/admin/results/x')).status).toBe(404);
    const { id } = await newRequest({ redirect: true });
    expect((await server.fetch(`${PUBLIC_URL}/results/${id}?response_code=guess`)).status).toBe(
      404,
    );
  });

  it('Given a redirect to the desk page, when answered, then the redirect_uri is that page with the response_code added', async () => {
    const key = await newPeerKey();
    const credential = await peerCredential(server, key);
    const { uri } = await newRequest({ redirect: 'https://desk.example/done?lang=nl' });
    const resolved = await resolveAsPeer(server, uri);
    const presentation = await presentAsPeer(credential, key, {
      claims: ['period'],
      aud: resolved.client.effective,
      nonce: resolved.authorizationRequestPayload.nonce,
    });
    const answer = await answerAsPeer(server, resolved, { 'income-statement': [presentation] });
    const { redirect_uri: redirect } = (await answer.json()) as { redirect_uri: string };
    expect(redirect).toMatch(
      /^https:\/\/desk\.example\/done\?lang=nl&response_code=[A-Za-z0-9_-]{43}$/,
    );
  });
});
