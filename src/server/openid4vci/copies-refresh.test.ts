/**
 * Issue 13 online: copies (batch_size from the server's policy, `vouch serve --copies`), each with
 * its own key, salts and random status index and the day as `iat`; the refresh_token grant
 * (RFC 6749 §6) that renews a credential with fresh key proofs; revoking one copy revokes every
 * copy, refreshed ones too, and a revoked credential is not refreshed. In-process against the
 * whole app (PGlite in memory).
 */
import { clientAuthenticationAnonymous, Oauth2Client } from '@openid4vc/oauth2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleClaims } from '../../core/credentials/index.ts';
import { digestSecret } from '../../core/oid4vci/endpoint.ts';
import { verifyStatusListJwt } from '../../core/status-list/index.ts';
import { createServerApp } from '../app.ts';
import {
  ADMIN_TOKEN,
  newPeerKey,
  peerHash,
  peerRandom,
  peerSignJwt,
  PUBLIC_URL,
  signWithPeerKey,
  startPeerServer,
} from '../peer-harness.fake.ts';
import type { PeerServer } from '../peer-harness.fake.ts';
import { peerSdJwtVerifier, peerWallet } from '../peer-wallet.fake.ts';

const GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const STATEMENT = exampleClaims('income-statement');
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let server: PeerServer;
/** The same server (same database and keys) with the policy `--copies 3`. */
let threeCopies: typeof globalThis.fetch;
beforeAll(async () => {
  server = await startPeerServer();
  const app = createServerApp(
    { ...server.ctx, copies: 3 },
    {
      adminToken: ADMIN_TOKEN,
      rateLimit: false,
    },
  );
  threeCopies = (async (input: RequestInfo | URL, init?: RequestInit) =>
    app.fetch(new Request(input, init))) as typeof globalThis.fetch;
}, 120_000);
afterAll(async () => {
  await server?.close();
});

type Fetch = typeof globalThis.fetch;
const json = async <T>(response: Response) => (await response.json()) as T;
const post = (fetch: Fetch, path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${PUBLIC_URL}${path}`, { method: 'POST', body, headers });

interface Tokens {
  access_token: string;
  refresh_token?: string;
}

async function offerCode(): Promise<string> {
  const { status, json: made } = await server.admin('POST', '/admin/offers', {
    type: 'income-statement',
    claims: STATEMENT,
  });
  expect(status).toBe(201);
  const offer = await json<{ grants: Record<string, { 'pre-authorized_code': string }> }>(
    await server.fetch(`${PUBLIC_URL}/offers/${(made as { id: string }).id}`),
  );
  return offer.grants[GRANT]?.['pre-authorized_code'] as string;
}

async function redeem(fetch: Fetch = server.fetch): Promise<Tokens> {
  const response = await post(
    fetch,
    '/token',
    new URLSearchParams({ grant_type: GRANT, 'pre-authorized_code': await offerCode() }).toString(),
    FORM,
  );
  expect(response.status).toBe(200);
  return json<Tokens>(response);
}

const refresh = (token: string, fetch: Fetch = server.fetch) =>
  post(
    fetch,
    '/token',
    new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token }).toString(),
    FORM,
  );

/** A credential request with `count` fresh keys, all proofs on one fresh c_nonce. */
async function credentials(access: string, count: number, fetch: Fetch = server.fetch) {
  const { c_nonce: nonce } = await json<{ c_nonce: string }>(await post(fetch, '/nonce', ''));
  const proofs = [];
  for (let i = 0; i < count; i++) {
    const key = await newPeerKey();
    proofs.push(
      await signWithPeerKey(
        key,
        { typ: 'openid4vci-proof+jwt', jwk: key.publicJwk },
        { aud: PUBLIC_URL, iat: Math.floor(server.ctx.now().getTime() / 1000), nonce },
      ),
    );
  }
  return post(
    fetch,
    '/credential',
    JSON.stringify({ credential_configuration_id: 'income-statement', proofs: { jwt: proofs } }),
    { 'content-type': 'application/json', authorization: `Bearer ${access}` },
  );
}

const payloadOf = (credential: string) =>
  JSON.parse(
    Buffer.from(credential.split('~')[0]?.split('.')[1] ?? '', 'base64url').toString(),
  ) as {
    iat: number;
    exp?: number;
    cnf: { jwk: { x: string } };
    status: { status_list: { idx: number; uri: string } };
  };
const disclosuresOf = (credential: string) => credential.split('~').slice(1, -1);

async function issued(access: string, count: number, fetch: Fetch = server.fetch) {
  const response = await credentials(access, count, fetch);
  expect(response.status).toBe(200);
  const body = await json<{ credentials: { credential: string }[] }>(response);
  return body.credentials.map((entry) => entry.credential);
}

async function statusOf(uri: string, idx: number): Promise<number> {
  const jwt = await (await server.fetch(uri)).text();
  const list = await verifyStatusListJwt(jwt, {
    crypto: server.ctx.crypto,
    now: server.ctx.now(),
    expectedUri: uri,
  });
  if (!list.ok) throw new Error(list.detail.message);
  return list.value.statusAt(idx);
}

describe('copies: the batch size is the server policy', () => {
  it('Given the default policy, when the metadata is read, then batch_size is 10 and the token endpoint names the refresh_token grant', async () => {
    const metadata = await json<{ batch_credential_issuance: { batch_size: number } }>(
      await server.fetch(`${PUBLIC_URL}/.well-known/openid-credential-issuer`),
    );
    expect(metadata.batch_credential_issuance.batch_size).toBe(10);
    const as = await json<{ grant_types_supported: string[] }>(
      await server.fetch(`${PUBLIC_URL}/.well-known/oauth-authorization-server`),
    );
    expect(as.grant_types_supported).toEqual([GRANT, 'refresh_token']);
  });

  it('Given --copies 3, when a wallet asks for 4 copies, then it is refused, and 3 come with their own key, salts and random status index and one iat: the day', async () => {
    const metadata = await json<{ batch_credential_issuance: { batch_size: number } }>(
      await threeCopies(`${PUBLIC_URL}/.well-known/openid-credential-issuer`),
    );
    expect(metadata.batch_credential_issuance.batch_size).toBe(3);
    const tooMany = await credentials((await redeem(threeCopies)).access_token, 4, threeCopies);
    expect(tooMany.status).toBe(400);
    expect((await json<{ error: string }>(tooMany)).error).toBe('invalid_credential_request');

    const copies = await issued((await redeem(threeCopies)).access_token, 3, threeCopies);
    expect(copies).toHaveLength(3);
    const payloads = copies.map(payloadOf);
    expect(new Set(payloads.map((p) => p.cnf.jwk.x)).size).toBe(3);
    const indices = payloads.map((p) => p.status.status_list.idx);
    expect(new Set(indices).size).toBe(3);
    // One list for the whole issuer (herd privacy): the URI is the same, the index is not.
    expect(new Set(payloads.map((p) => p.status.status_list.uri)).size).toBe(1);
    const day = Math.floor(server.ctx.now().getTime() / 86_400_000) * 86_400;
    for (const payload of payloads) expect(payload.iat).toBe(day);
    // Fresh salts: no disclosure (salt, name, value) appears in two copies.
    const all = copies.flatMap(disclosuresOf);
    expect(all.length).toBe(3 * disclosuresOf(copies[0] as string).length);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('refresh: the refresh_token grant renews a credential with fresh keys', () => {
  it('Given a redeemed offer, when its refresh token is used, then a new access token gives the same claims to new keys, and the new refresh token replaces the old', async () => {
    const first = await redeem();
    expect(first.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [original] = await issued(first.access_token, 1);
    const answer = await refresh(first.refresh_token as string);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const renewed = await json<Tokens & { token_type: string }>(answer);
    expect(renewed.token_type).toBe('Bearer');
    expect(renewed.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(renewed.refresh_token).not.toBe(first.refresh_token);
    const fresh = await issued(renewed.access_token, 2);
    expect(fresh).toHaveLength(2);
    const values = (credential: string) =>
      disclosuresOf(credential)
        .map((d) => JSON.stringify(JSON.parse(Buffer.from(d, 'base64url').toString()).slice(1)))
        .sort();
    for (const copy of fresh) expect(values(copy)).toEqual(values(original as string));
    // The access token of a refresh is good for one credential request, like the first.
    expect((await credentials(renewed.access_token, 1)).status).toBe(401);
    // Stored as digests only.
    const { rows } = await server.db.query<{ token_digest: string }>(
      'SELECT token_digest FROM vci_refresh_tokens',
    );
    const stored = rows.map((row) => row.token_digest);
    expect(stored).toContain(digestSecret(renewed.refresh_token as string));
    expect(stored).not.toContain(renewed.refresh_token);
  });

  it('Given a refresh token, when it is used twice, then the second is invalid_grant and ends the token that replaced it (reuse detection)', async () => {
    const first = await redeem();
    const renewed = await json<Tokens>(await refresh(first.refresh_token as string));
    const again = await refresh(first.refresh_token as string);
    expect(again.status).toBe(400);
    expect((await json<{ error: string }>(again)).error).toBe('invalid_grant');
    expect((await refresh(renewed.refresh_token as string)).status).toBe(400);
  });

  it('Given one refresh token, when three refreshes race, then exactly one gets tokens', async () => {
    const first = await redeem();
    const answers = await Promise.all([1, 2, 3].map(() => refresh(first.refresh_token as string)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400]);
  });

  it('Given a refresh token older than 400 days, when used, then invalid_grant', async () => {
    const first = await redeem();
    server.advance(401 * 86_400);
    try {
      const answer = await refresh(first.refresh_token as string);
      expect(answer.status).toBe(400);
      expect((await json<{ error: string }>(answer)).error).toBe('invalid_grant');
    } finally {
      server.advance(-401 * 86_400);
    }
  });

  it.each([
    ['no refresh_token', new URLSearchParams({ grant_type: 'refresh_token' }), 'invalid_request'],
    [
      'an unknown one',
      new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x'.repeat(43) }),
      'invalid_grant',
    ],
  ])('Given %s, when posted, then %s', async (_what, body, code) => {
    const answer = await post(server.fetch, '/token', body.toString(), FORM);
    expect(answer.status).toBe(400);
    expect((await json<{ error: string }>(answer)).error).toBe(code);
  });
});

describe('the peer (@openid4vc/oauth2 and openid4vci) with refresh tokens', () => {
  it('Given the peer wallet, when it redeems an offer, then it gets a refresh token it may ignore, and its own refresh_token grant gives a new access token that gets fresh copies', async () => {
    const { json: made } = await server.admin('POST', '/admin/offers', {
      type: 'income-statement',
      claims: STATEMENT,
    });
    const keys = [await newPeerKey(), await newPeerKey()];
    const client = peerWallet(server.fetch, keys);
    const offer = await client.resolveCredentialOffer((made as { uri: string }).uri);
    const issuerMetadata = await client.resolveIssuerMetadata(offer.credential_issuer);
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer: offer,
      issuerMetadata,
    });
    expect(accessTokenResponse.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const oauth = new Oauth2Client({
      callbacks: {
        fetch: server.fetch,
        hash: peerHash,
        generateRandom: peerRandom,
        signJwt: peerSignJwt(keys) as never,
        clientAuthentication: clientAuthenticationAnonymous(),
      },
    });
    const authorizationServerMetadata = issuerMetadata.authorizationServers[0];
    if (authorizationServerMetadata === undefined) throw new Error('no authorization server');
    const renewed = await oauth.retrieveRefreshTokenAccessToken({
      authorizationServerMetadata,
      refreshToken: accessTokenResponse.refresh_token as string,
    });
    expect(renewed.accessTokenResponse.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(renewed.accessTokenResponse.refresh_token).not.toBe(accessTokenResponse.refresh_token);

    const { c_nonce: nonce } = await client.requestNonce({ issuerMetadata });
    const proofs = [];
    for (const key of keys) {
      const { jwt } = await client.createCredentialRequestJwtProof({
        issuerMetadata,
        credentialConfigurationId: 'income-statement',
        nonce,
        signer: { method: 'jwk', alg: key.alg, publicJwk: key.publicJwk as never },
      });
      proofs.push(jwt);
    }
    const { credentialResponse } = await client.retrieveCredentials({
      issuerMetadata,
      accessToken: renewed.accessTokenResponse.access_token,
      credentialConfigurationId: 'income-statement',
      proofs: { jwt: proofs },
    });
    const credentials = (credentialResponse.credentials ?? []).map(
      (entry) => (entry as { credential: string }).credential,
    );
    expect(credentials).toHaveLength(2);
    for (const credential of credentials) {
      const verified = await peerSdJwtVerifier(server).verify(credential);
      expect(verified.payload).toMatchObject({ iss: server.issuerKey.did, ...STATEMENT });
    }
  });
});

describe('revocation: the credential, every copy of it', () => {
  it('Given two copies and two refreshed ones, when one copy is revoked, then all four are revoked on the hosted list and the credential is not refreshed again', async () => {
    const first = await redeem();
    const batch = await issued(first.access_token, 2);
    const renewed = await json<Tokens>(await refresh(first.refresh_token as string));
    const refreshed = await issued(renewed.access_token, 2);
    const entries = [...batch, ...refreshed].map((c) => payloadOf(c).status.status_list);
    for (const entry of entries) expect(await statusOf(entry.uri, entry.idx)).toBe(0);

    const target = entries[1] as { uri: string; idx: number };
    const { status, json: answer } = await server.admin('POST', '/admin/status/revoke', {
      index: target.idx,
      list: target.uri,
    });
    expect(status).toBe(200);
    expect(answer).toMatchObject({ index: target.idx, changed: true, copies: 4 });
    for (const entry of entries) expect(await statusOf(entry.uri, entry.idx)).toBe(1);

    const refused = await refresh(renewed.refresh_token as string);
    expect(refused.status).toBe(400);
    expect(await json<{ error: string; error_description: string }>(refused)).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining('revoked'),
    });
  });

  it('Given another credential of the same issuer, when one credential is revoked, then its copies stay valid', async () => {
    const mine = await issued((await redeem()).access_token, 2);
    const other = await issued((await redeem()).access_token, 2);
    const target = payloadOf(mine[0] as string).status.status_list;
    await server.admin('POST', '/admin/status/revoke', { index: target.idx, list: target.uri });
    for (const copy of other) {
      const entry = payloadOf(copy).status.status_list;
      expect(await statusOf(entry.uri, entry.idx)).toBe(0);
    }
  });
});
