/**
 * The issuer's endpoints with malformed, tampered, oversized, expired and concurrent input,
 * in-process against the whole app (PGlite in memory). The happy paths with a peer wallet are in
 * src/server/peer-openid4vci.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleClaims } from '../../core/credentials/index.ts';
import {
  ADMIN_TOKEN,
  newPeerKey,
  PUBLIC_URL,
  signWithPeerKey,
  startPeerServer,
} from '../peer-harness.fake.ts';
import type { PeerKey, PeerServer } from '../peer-harness.fake.ts';

const GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const STATEMENT = exampleClaims('income-statement');

let server: PeerServer;
beforeAll(async () => {
  server = await startPeerServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const post = (path: string, body: string, headers: Record<string, string>) =>
  server.fetch(`${PUBLIC_URL}${path}`, { method: 'POST', body, headers });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function newOffer(extra: Record<string, unknown> = {}) {
  const { status, json } = await server.admin('POST', '/admin/offers', {
    type: 'income-statement',
    claims: STATEMENT,
    ...extra,
  });
  expect(status).toBe(201);
  const made = json as { id: string; txCode?: string };
  const offer = (await (await server.fetch(`${PUBLIC_URL}/offers/${made.id}`)).json()) as {
    grants: Record<string, { 'pre-authorized_code': string }>;
  };
  return { ...made, code: offer.grants[GRANT]?.['pre-authorized_code'] as string };
}

async function token(code: string, txCode?: string) {
  return post(
    '/token',
    form({
      grant_type: GRANT,
      'pre-authorized_code': code,
      ...(txCode ? { tx_code: txCode } : {}),
    }),
    FORM,
  );
}

async function accessToken(): Promise<string> {
  const { code } = await newOffer();
  return ((await (await token(code)).json()) as { access_token: string }).access_token;
}

async function cNonce(): Promise<string> {
  return ((await (await post('/nonce', '', {})).json()) as { c_nonce: string }).c_nonce;
}

async function proof(key: PeerKey, overrides: { aud?: string; nonce?: string; typ?: string } = {}) {
  return signWithPeerKey(
    key,
    { typ: overrides.typ ?? 'openid4vci-proof+jwt', jwk: key.publicJwk },
    {
      aud: overrides.aud ?? PUBLIC_URL,
      iat: Math.floor(Date.now() / 1000),
      nonce: overrides.nonce ?? (await cNonce()),
    },
  );
}

const credential = (access: string | undefined, body: unknown) =>
  post('/credential', typeof body === 'string' ? body : JSON.stringify(body), {
    'content-type': 'application/json',
    ...(access === undefined ? {} : { authorization: `Bearer ${access}` }),
  });

const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

describe('POST /token refuses what is not a good pre-authorized code request', () => {
  it.each([
    [
      'a JSON body',
      JSON.stringify({ grant_type: GRANT }),
      { 'content-type': 'application/json' },
      'invalid_request',
    ],
    ['a bad %-escape', 'grant_type=%zz', FORM, 'invalid_request'],
    [
      'a repeated parameter',
      `grant_type=${encodeURIComponent(GRANT)}&grant_type=x`,
      FORM,
      'invalid_request',
    ],
    ['no grant_type', 'pre-authorized_code=abc', FORM, 'invalid_request'],
    [
      'the authorization code grant',
      'grant_type=authorization_code&code=abc',
      FORM,
      'unsupported_grant_type',
    ],
    ['no code', form({ grant_type: GRANT }), FORM, 'invalid_request'],
    [
      'an unknown code',
      form({ grant_type: GRANT, 'pre-authorized_code': 'nope' }),
      FORM,
      'invalid_grant',
    ],
  ])('Given %s, when posted, then 400 %s and no-store', async (_what, body, headers, code) => {
    const response = await post('/token', body, headers);
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await errorOf(response)).toBe(code);
  });

  it('Given a body over the public cap, when posted, then 413 before anything is read', async () => {
    const response = await post('/token', `grant_type=${'a'.repeat(300 * 1024)}`, FORM);
    expect(response.status).toBe(413);
  });

  it('Given one code, when two token requests race, then exactly one gets an access token', async () => {
    const { code } = await newOffer();
    const answers = await Promise.all([token(code), token(code), token(code)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400]);
  });

  it('Given an offer past its expiry, when fetched or redeemed, then 404 and invalid_grant', async () => {
    const { id, code } = await newOffer();
    server.advance(25 * 3600);
    try {
      expect((await server.fetch(`${PUBLIC_URL}/offers/${id}`)).status).toBe(404);
      expect(await errorOf(await token(code))).toBe('invalid_grant');
    } finally {
      server.advance(-25 * 3600);
    }
  });

  it('Given five wrong transaction codes, when the right one comes after, then it is refused too (brute force stops)', async () => {
    const { code, txCode } = await newOffer({ txCode: true });
    const wrong = txCode === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect(await errorOf(await token(code, wrong))).toBe('invalid_grant');
    expect(await errorOf(await token(code, txCode))).toBe('invalid_grant');
  });

  it('Given fifteen wrong transaction codes at once, when the right one comes after, then only five were compared and it is refused', async () => {
    const { code, txCode } = await newOffer({ txCode: true });
    const guesses = Array.from({ length: 15 }, (_, i) => String(100000 + i)).filter(
      (guess) => guess !== txCode,
    );
    const answers = await Promise.all(
      guesses.map(async (guess) => (await token(code, guess)).json()),
    );
    const bodies = answers as { error: string; error_description: string }[];
    expect(bodies.map((body) => body.error)).toEqual(bodies.map(() => 'invalid_grant'));
    expect(
      bodies.filter((body) => body.error_description === 'the transaction code is wrong'),
    ).toHaveLength(5);
    expect(await errorOf(await token(code, txCode))).toBe('invalid_grant');
  });

  it('Given four wrong transaction codes at once, when the right one comes after, then it gets a token', async () => {
    const { code, txCode } = await newOffer({ txCode: true });
    const guesses = Array.from({ length: 4 }, (_, i) => String(100000 + i)).filter(
      (guess) => guess !== txCode,
    );
    await Promise.all(guesses.map((guess) => token(code, guess)));
    expect((await token(code, txCode)).status).toBe(200);
  });

  it('Given an offer with a transaction code, when the code is left out, then invalid_request', async () => {
    const { code } = await newOffer({ txCode: true });
    expect(await errorOf(await token(code))).toBe('invalid_request');
  });
});

describe('POST /credential refuses bad tokens, bodies and proofs', () => {
  it('Given no or an unknown bearer token, when posted, then 401 invalid_token with WWW-Authenticate', async () => {
    for (const access of [undefined, 'not-a-token']) {
      const response = await credential(access, {
        credential_configuration_id: 'income-statement',
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(await errorOf(response)).toBe('invalid_token');
    }
  });

  it.each([
    ['not JSON', '{"credential_configuration_id":', 'invalid_credential_request'],
    ['a JSON array', '[]', 'invalid_credential_request'],
    ['no proofs', { credential_configuration_id: 'income-statement' }, 'invalid_proof'],
    [
      'an empty proofs.jwt',
      { credential_configuration_id: 'income-statement', proofs: { jwt: [] } },
      'invalid_credential_request',
    ],
    [
      'a proof that is not a string',
      { credential_configuration_id: 'income-statement', proofs: { jwt: [42] } },
      'invalid_credential_request',
    ],
    [
      'a proof that is no JWT',
      { credential_configuration_id: 'income-statement', proofs: { jwt: ['a.b'] } },
      'invalid_proof',
    ],
    [
      'another configuration',
      { credential_configuration_id: 'diploma', proofs: { jwt: ['a.b.c'] } },
      'unknown_credential_configuration',
    ],
  ])(
    'Given %s, when posted with a good token, then 400 %s and the token still works',
    async (_what, body, code) => {
      const access = await accessToken();
      const refused = await credential(access, body);
      expect(refused.status).toBe(400);
      expect(await errorOf(refused)).toBe(code);
      const key = await newPeerKey();
      const good = await credential(access, {
        credential_configuration_id: 'income-statement',
        proofs: { jwt: [await proof(key)] },
      });
      expect(good.status).toBe(200);
    },
  );

  it.each([
    ['for another issuer', { aud: 'https://elsewhere.example' }, 'invalid_proof'],
    ['of another typ', { typ: 'JWT' }, 'invalid_proof'],
    ['with a nonce we never gave', { nonce: 'made-up-nonce-made-up-nonce' }, 'invalid_nonce'],
  ])('Given a key proof %s, when posted, then 400 %s', async (_what, overrides, code) => {
    const access = await accessToken();
    const key = await newPeerKey();
    const response = await credential(access, {
      credential_configuration_id: 'income-statement',
      proofs: { jwt: [await proof(key, overrides)] },
    });
    expect(await errorOf(response)).toBe(code);
  });

  it('Given a key proof whose header key was swapped for another (tampered), when posted, then invalid_proof', async () => {
    const access = await accessToken();
    const [signer, other] = [await newPeerKey(), await newPeerKey()];
    const [, payload, signature] = (await proof(signer)).split('.');
    const header = Buffer.from(
      JSON.stringify({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk: other.publicJwk }),
    ).toString('base64url');
    const response = await credential(access, {
      credential_configuration_id: 'income-statement',
      proofs: { jwt: [`${header}.${payload}.${signature}`] },
    });
    expect(await errorOf(response)).toBe('invalid_proof');
  });

  it('Given more proofs than batch_size, when posted, then refused and nothing issued', async () => {
    const access = await accessToken();
    const nonce = await cNonce();
    const proofs = [];
    for (let i = 0; i < 11; i++) proofs.push(await proof(await newPeerKey(), { nonce }));
    const response = await credential(access, {
      credential_configuration_id: 'income-statement',
      proofs: { jwt: proofs },
    });
    expect(response.status).toBe(400);
  });

  it('Given a used access token, when it asks again, then 401 invalid_token', async () => {
    const access = await accessToken();
    const body = async () => ({
      credential_configuration_id: 'income-statement',
      proofs: { jwt: [await proof(await newPeerKey())] },
    });
    expect((await credential(access, await body())).status).toBe(200);
    const again = await credential(access, await body());
    expect(again.status).toBe(401);
  });
});

describe('the admin and public documents', () => {
  it('Given no admin token, when offers are asked for, then 401 and no offer', async () => {
    const response = await post('/admin/offers', JSON.stringify({ type: 'diploma' }), {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(401);
  });

  it.each([
    [{ type: 'passport', claims: {} }],
    [{ type: 'income-statement', claims: STATEMENT, txCode: 'yes' }],
    [{ type: 'income-statement', claims: STATEMENT, expiresAt: 'tomorrow' }],
    [{ type: 'income-statement', claims: STATEMENT, expiresAt: '2000-01-01T00:00:00Z' }],
    [{ type: 'income-statement', claims: [] }],
  ])('Given %j, when posted to /admin/offers, then 400', async (body) => {
    const { status } = await server.admin('POST', '/admin/offers', body);
    expect(status).toBe(400);
  });

  it('Given the metadata, then it names this issuer, its endpoints and a dc+sd-jwt configuration per type, each with its type metadata URL that answers', async () => {
    const metadata = (await (
      await server.fetch(`${PUBLIC_URL}/.well-known/openid-credential-issuer`)
    ).json()) as {
      credential_issuer: string;
      credential_endpoint: string;
      nonce_endpoint: string;
      credential_configurations_supported: Record<
        string,
        { format: string; vct: string; vct_metadata_uri: string }
      >;
    };
    expect(metadata.credential_issuer).toBe(PUBLIC_URL);
    expect(metadata.credential_endpoint).toBe(`${PUBLIC_URL}/credential`);
    expect(metadata.nonce_endpoint).toBe(`${PUBLIC_URL}/nonce`);
    const income = metadata.credential_configurations_supported['income-statement'];
    expect(income?.format).toBe('dc+sd-jwt');
    const typeMetadata = (await (
      await server.fetch(income?.vct_metadata_uri as string)
    ).json()) as {
      vct: string;
    };
    expect(typeMetadata.vct).toBe(income?.vct);
    expect((await server.fetch(`${PUBLIC_URL}/vct/passport`)).status).toBe(404);
    const as = (await (
      await server.fetch(`${PUBLIC_URL}/.well-known/oauth-authorization-server`)
    ).json()) as { issuer: string; token_endpoint: string };
    expect(as).toMatchObject({ issuer: PUBLIC_URL, token_endpoint: `${PUBLIC_URL}/token` });
  });

  it('Given ids that are not offer ids, when fetched, then 404', async () => {
    for (const id of ['x', '../admin/info', 'A'.repeat(200)]) {
      expect((await server.fetch(`${PUBLIC_URL}/offers/${encodeURIComponent(id)}`)).status).toBe(
        404,
      );
    }
  });

  it('Given the log, then it never holds codes, tokens or claims', async () => {
    const { code } = await newOffer({ txCode: true });
    const text = server.logLines.join('');
    expect(text).not.toContain(code);
    expect(text).not.toContain(String(STATEMENT.employee_name));
    expect(text).not.toContain(ADMIN_TOKEN);
  });
});
