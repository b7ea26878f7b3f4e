// The issuer-side endpoint functions on their own (OpenID4VCI 1.0 §6 token, §7 nonce, §8
// credential), with a memory store: every OAuth error the spec names, single use of codes, tokens
// and nonces, and no secret in any answer.
import { randomBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { exampleClaims } from '../credentials/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../jose/index.ts';
import type { IssuerKeyFile } from '../jose/index.ts';
import { verifySdJwtVc } from '../sd-jwt/index.ts';
import { didKeyFromJwk } from '../did/index.ts';
import { getDidKeyResolver } from '@veramo/did-provider-key';
import { verifyCredential } from 'did-jwt-vc';
import { Resolver } from 'did-resolver';
import {
  handleCredentialRequest,
  handleNonceRequest,
  parseCredentialResponse,
} from './credential.ts';
import { digestSecret } from './endpoint.ts';
import type { EndpointResponse } from './endpoint.ts';
import { createMemoryIssuanceStore } from './fake-issuer.fake.ts';
import { formBody } from './http.ts';
import { PRE_AUTHORIZED_CODE_GRANT } from './offer.ts';
import { createKeyProof } from './proof.ts';
import type { ProofKey } from './proof.ts';
import { handleTokenRequest, MAX_TOKEN_REQUEST_LENGTH, MAX_TX_CODE_ATTEMPTS } from './token.ts';

const crypto = nobleJwsCrypto({ randomBytes });
const ISSUER = 'https://issuer.example';
const NOW = new Date('2026-10-01T09:00:00Z');
const CODE = 'pre-authorized-code-1';

let memory: ReturnType<typeof createMemoryIssuanceStore>;
let issuerKey: IssuerKeyFile;
let allocated: number;

function addOffer(
  options: {
    code?: string;
    txCode?: string;
    expiresAt?: Date;
    claims?: Record<string, unknown>;
  } = {},
) {
  memory.offers.set(options.code ?? CODE, {
    offer: { credential_issuer: ISSUER, credential_configuration_ids: ['income-statement'] },
    code: {
      offerId: 'offer-1',
      credentialConfigurationIds: ['income-statement'],
      ...(options.txCode === undefined ? {} : { txCodeDigest: digestSecret(options.txCode) }),
      expiresAt: options.expiresAt ?? new Date(NOW.getTime() + 600_000),
      wrongTxCodeAttempts: 0,
      redeemed: false,
    },
    issue: {
      type: 'income-statement',
      claims: options.claims ?? exampleClaims('income-statement'),
    },
  });
}

const token = (fields: Record<string, string | undefined>, now = NOW) =>
  handleTokenRequest(formBody(fields), { store: memory.store, now, randomBytes });
const preAuthorized = (extra: Record<string, string> = {}) =>
  token({ grant_type: PRE_AUTHORIZED_CODE_GRANT, 'pre-authorized_code': CODE, ...extra });

function expectError(answer: EndpointResponse, status: number, error: string) {
  expect({ status: answer.status, error: answer.body.error }).toEqual({ status, error });
  expect(answer.headers['Cache-Control']).toBe('no-store');
  expect(typeof answer.body.error_description).toBe('string');
}

beforeEach(async () => {
  memory = createMemoryIssuanceStore();
  issuerKey = await createIssuerKeyFile(crypto, 'ES256');
  allocated = 0;
});

describe('Token endpoint (§6)', () => {
  it('Given a fresh code, when it is redeemed, then a Bearer token answers, no-store, kept only as a digest', async () => {
    addOffer();
    const answer = await preAuthorized({ client_id: 'anything', resource: ISSUER, user_pin: 'x' });
    expect(answer.status).toBe(200);
    expect(answer.headers['Cache-Control']).toBe('no-store');
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    const accessToken = answer.body.access_token as string;
    expect(accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect([...memory.tokens.keys()]).toEqual([digestSecret(accessToken)]);
    // Single use.
    expectError(await preAuthorized(), 400, 'invalid_grant');
  });

  it.each([
    ['no grant_type', { 'pre-authorized_code': CODE }, 400, 'invalid_request'],
    [
      'the authorization code grant',
      { grant_type: 'authorization_code', code: 'x' },
      400,
      'unsupported_grant_type',
    ],
    ['client credentials', { grant_type: 'client_credentials' }, 400, 'unsupported_grant_type'],
    ['no code', { grant_type: PRE_AUTHORIZED_CODE_GRANT }, 400, 'invalid_request'],
    [
      'an unknown code',
      { grant_type: PRE_AUTHORIZED_CODE_GRANT, 'pre-authorized_code': 'guess' },
      400,
      'invalid_grant',
    ],
    [
      'a tx_code nobody asked for',
      { grant_type: PRE_AUTHORIZED_CODE_GRANT, 'pre-authorized_code': CODE, tx_code: '1234' },
      400,
      'invalid_request',
    ],
  ])('Given %s, then %s %s', async (_name, fields, status, error) => {
    addOffer();
    expectError(await token(fields), status, error);
  });

  it('Given an expired code, then invalid_grant', async () => {
    addOffer({ expiresAt: new Date(NOW.getTime() - 1) });
    expectError(await preAuthorized(), 400, 'invalid_grant');
  });

  it('Given a malformed, repeated or oversized body, then invalid_request', async () => {
    addOffer();
    const deps = { store: memory.store, now: NOW, randomBytes };
    expectError(await handleTokenRequest('grant_type=%ZZ', deps), 400, 'invalid_request');
    expectError(
      await handleTokenRequest(
        `${formBody({ grant_type: PRE_AUTHORIZED_CODE_GRANT, 'pre-authorized_code': CODE })}&pre-authorized_code=x`,
        deps,
      ),
      400,
      'invalid_request',
    );
    expectError(
      await handleTokenRequest(`grant_type=${'a'.repeat(MAX_TOKEN_REQUEST_LENGTH)}`, deps),
      400,
      'invalid_request',
    );
  });

  describe('Given an offer with a transaction code', () => {
    beforeEach(() => addOffer({ txCode: '493817' }));

    it('when none is sent, then invalid_request', async () => {
      expectError(await preAuthorized(), 400, 'invalid_request');
    });

    it('when a wrong one is sent, then invalid_grant, counted, and the code is still usable', async () => {
      expectError(await preAuthorized({ tx_code: '000000' }), 400, 'invalid_grant');
      expect(memory.offers.get(CODE)?.code.wrongTxCodeAttempts).toBe(1);
      expect((await preAuthorized({ tx_code: '493817' })).status).toBe(200);
    });

    it('when five wrong ones were sent, then even the right one is refused', async () => {
      for (let i = 0; i < 5; i++) await preAuthorized({ tx_code: `00000${i}` });
      const answer = await preAuthorized({ tx_code: '493817' });
      expectError(answer, 400, 'invalid_grant');
      expect(JSON.stringify(answer)).not.toContain('493817');
    });

    it('when four wrong ones were sent, then the right one still redeems', async () => {
      for (let i = 0; i < MAX_TX_CODE_ATTEMPTS - 1; i++) {
        await preAuthorized({ tx_code: `00000${i}` });
      }
      expect((await preAuthorized({ tx_code: '493817' })).status).toBe(200);
    });

    it('when three times the maximum of wrong ones race, then only the maximum is ever compared, and the right one after is refused', async () => {
      const answers = await Promise.all(
        Array.from({ length: 3 * MAX_TX_CODE_ATTEMPTS }, (_, i) =>
          preAuthorized({ tx_code: String(100000 + i) }),
        ),
      );
      for (const answer of answers) expectError(answer, 400, 'invalid_grant');
      const compared = answers.filter(
        (answer) => answer.body.error_description === 'the transaction code is wrong',
      );
      expect(compared).toHaveLength(MAX_TX_CODE_ATTEMPTS);
      expect(memory.offers.get(CODE)?.code.wrongTxCodeAttempts).toBe(MAX_TX_CODE_ATTEMPTS);
      expectError(await preAuthorized({ tx_code: '493817' }), 400, 'invalid_grant');
      expect(memory.offers.get(CODE)?.code.redeemed).toBe(false);
    });

    it('when one fewer wrong ones than the maximum race with three right ones, then exactly one token is handed out', async () => {
      const answers = await Promise.all([
        ...Array.from({ length: MAX_TX_CODE_ATTEMPTS - 1 }, (_, i) =>
          preAuthorized({ tx_code: String(100000 + i) }),
        ),
        ...Array.from({ length: 3 }, () => preAuthorized({ tx_code: '493817' })),
      ]);
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      expect(memory.tokens.size).toBe(1);
    });
  });
});

describe('Nonce endpoint (§7)', () => {
  it('then each call stores a fresh nonce that is consumed once', async () => {
    const first = await handleNonceRequest({ store: memory.store, now: NOW, randomBytes });
    const second = await handleNonceRequest({ store: memory.store, now: NOW, randomBytes });
    expect(first.headers['Cache-Control']).toBe('no-store');
    expect(first.body.c_nonce).not.toBe(second.body.c_nonce);
    expect(await memory.store.consumeNonce(first.body.c_nonce as string, NOW)).toBe(true);
    expect(await memory.store.consumeNonce(first.body.c_nonce as string, NOW)).toBe(false);
  });
});

describe('Credential endpoint (§8)', () => {
  let accessToken: string;

  async function holderKey(): Promise<ProofKey> {
    const { publicJwk, privateJwk } = await crypto.generateKeyPair('ES256K');
    return { publicJwk, alg: 'ES256K', sign: (data) => crypto.sign('ES256K', privateJwk, data) };
  }

  async function nonce(): Promise<string> {
    return (await handleNonceRequest({ store: memory.store, now: NOW, randomBytes })).body
      .c_nonce as string;
  }

  async function proofs(count: number, withNonce?: string) {
    const value = withNonce ?? (await nonce());
    const keys = await Promise.all(Array.from({ length: count }, holderKey));
    return Promise.all(
      keys.map((key) => createKeyProof({ key, credentialIssuer: ISSUER, nonce: value, now: NOW })),
    );
  }

  const credential = (body: unknown, authorization: string | null = `Bearer ${accessToken}`) =>
    handleCredentialRequest(
      {
        authorization: authorization ?? undefined,
        body: typeof body === 'string' ? body : JSON.stringify(body),
      },
      {
        store: memory.store,
        crypto,
        issuer: { did: issuerKey.did, alg: issuerKey.alg, sign: issuerSigner(crypto, issuerKey) },
        credentialIssuer: ISSUER,
        now: NOW,
        randomBytes,
        batchSize: 3,
        allocateStatus: async (count) =>
          Array.from({ length: count }, () => ({ uri: `${ISSUER}/status/1`, idx: allocated++ })),
      },
    );

  const request = async (count = 1) => ({
    credential_configuration_id: 'income-statement',
    proofs: { jwt: await proofs(count) },
  });

  beforeEach(async () => {
    addOffer();
    accessToken = (await preAuthorized()).body.access_token as string;
  });

  it('Given a batch of three proofs, then three credentials, each with its own status entry', async () => {
    const answer = await credential(await request(3));
    expect(answer.status).toBe(200);
    const credentials = parseCredentialResponse(JSON.stringify(answer.body));
    if (!credentials.ok) throw new Error(credentials.detail.message);
    expect(credentials.value).toHaveLength(3);
    const indices = [];
    for (const compact of credentials.value) {
      const verified = await verifySdJwtVc(compact, { crypto, now: NOW });
      if (!verified.ok) throw new Error(verified.detail.message);
      indices.push(verified.value.status?.idx);
    }
    expect(indices).toEqual([0, 1, 2]);
    // The token is spent.
    expectError(await credential(await request()), 401, 'invalid_token');
  });

  it.each([
    ['no Authorization header', null],
    ['a Basic header', 'Basic dXNlcjpwYXNz'],
    ['a DPoP header', 'DPoP abc'],
    ['an unknown token', 'Bearer not-a-token'],
  ])('Given %s, then 401 invalid_token with WWW-Authenticate', async (_name, authorization) => {
    const answer = await credential(await request(), authorization);
    expectError(answer, 401, 'invalid_token');
    expect(answer.headers['WWW-Authenticate']).toMatch(/^Bearer/);
  });

  it('Given an expired token, then 401 invalid_token', async () => {
    const answer = await handleCredentialRequest(
      { authorization: `Bearer ${accessToken}`, body: JSON.stringify(await request()) },
      {
        store: memory.store,
        crypto,
        issuer: { did: issuerKey.did, alg: issuerKey.alg, sign: issuerSigner(crypto, issuerKey) },
        credentialIssuer: ISSUER,
        now: new Date(NOW.getTime() + 3600_000),
        randomBytes,
        allocateStatus: async () => [],
      },
    );
    expectError(answer, 401, 'invalid_token');
  });

  it.each([
    ['not JSON', () => '{', 'invalid_credential_request'],
    ['a JSON array', () => '[]', 'invalid_credential_request'],
    [
      'credential_identifier',
      async () => ({ credential_identifier: 'x', proofs: { jwt: await proofs(1) } }),
      'invalid_credential_request',
    ],
    [
      'no configuration id',
      async () => ({ proofs: { jwt: await proofs(1) } }),
      'invalid_credential_request',
    ],
    [
      'a configuration not offered',
      async () => ({ credential_configuration_id: 'diploma', proofs: { jwt: await proofs(1) } }),
      'unknown_credential_configuration',
    ],
    [
      'the pre-1.0 "proof"',
      async () => ({
        credential_configuration_id: 'income-statement',
        proof: { proof_type: 'jwt', jwt: (await proofs(1))[0] },
      }),
      'invalid_credential_request',
    ],
    ['no proofs', () => ({ credential_configuration_id: 'income-statement' }), 'invalid_proof'],
    [
      'two proof types',
      async () => ({
        credential_configuration_id: 'income-statement',
        proofs: { jwt: await proofs(1), attestation: ['x'] },
      }),
      'invalid_credential_request',
    ],
    [
      'an unsupported proof type',
      () => ({ credential_configuration_id: 'income-statement', proofs: { ldp_vp: [{}] } }),
      'invalid_proof',
    ],
    [
      'an empty proof list',
      () => ({ credential_configuration_id: 'income-statement', proofs: { jwt: [] } }),
      'invalid_credential_request',
    ],
    [
      'a proof that is not a string',
      () => ({ credential_configuration_id: 'income-statement', proofs: { jwt: [{}] } }),
      'invalid_credential_request',
    ],
    [
      'more proofs than the batch size',
      async () => ({
        credential_configuration_id: 'income-statement',
        proofs: { jwt: await proofs(4) },
      }),
      'invalid_credential_request',
    ],
    [
      'response encryption',
      async () => ({
        ...(await request()),
        credential_response_encryption: { jwk: {}, alg: 'ECDH-ES', enc: 'A128GCM' },
      }),
      'invalid_encryption_parameters',
    ],
    [
      'a proof for another issuer',
      async () => {
        const key = await holderKey();
        return {
          credential_configuration_id: 'income-statement',
          proofs: {
            jwt: [
              await createKeyProof({
                key,
                credentialIssuer: 'https://evil.example',
                nonce: await nonce(),
                now: NOW,
              }),
            ],
          },
        };
      },
      'invalid_proof',
    ],
    [
      'a nonce the issuer never gave',
      async () => ({
        credential_configuration_id: 'income-statement',
        proofs: { jwt: await proofs(1, 'made-up') },
      }),
      'invalid_nonce',
    ],
    [
      'no nonce',
      async () => {
        const key = await holderKey();
        return {
          credential_configuration_id: 'income-statement',
          proofs: { jwt: [await createKeyProof({ key, credentialIssuer: ISSUER, now: NOW })] },
        };
      },
      'invalid_nonce',
    ],
    [
      'proofs with different nonces',
      async () => ({
        credential_configuration_id: 'income-statement',
        proofs: { jwt: [...(await proofs(1)), ...(await proofs(1))] },
      }),
      'invalid_proof',
    ],
    [
      'the same key twice',
      async () => {
        const key = await holderKey();
        const value = await nonce();
        const jwt = await createKeyProof({ key, credentialIssuer: ISSUER, nonce: value, now: NOW });
        return { credential_configuration_id: 'income-statement', proofs: { jwt: [jwt, jwt] } };
      },
      'invalid_proof',
    ],
  ])('Given %s, then 400 %s, and the token is still usable', async (_name, body, error) => {
    expectError(await credential(await body()), 400, error as string);
    expect((await credential(await request())).status).toBe(200);
  });

  it('Given a nonce already used, then invalid_nonce', async () => {
    const value = await nonce();
    expect(
      (
        await credential({
          credential_configuration_id: 'income-statement',
          proofs: { jwt: await proofs(1, value) },
        })
      ).status,
    ).toBe(200);
    addOffer({ code: 'second' });
    accessToken = (
      await token({ grant_type: PRE_AUTHORIZED_CODE_GRANT, 'pre-authorized_code': 'second' })
    ).body.access_token as string;
    expectError(
      await credential({
        credential_configuration_id: 'income-statement',
        proofs: { jwt: await proofs(1, value) },
      }),
      400,
      'invalid_nonce',
    );
  });

  it('Given claims that do not fit the type (a desk bug), then server_error naming no claim', async () => {
    addOffer({ code: 'bad-claims', claims: { period: '2025-13', secret_note: 'do not echo' } });
    accessToken = (
      await token({ grant_type: PRE_AUTHORIZED_CODE_GRANT, 'pre-authorized_code': 'bad-claims' })
    ).body.access_token as string;
    const answer = await credential(await request());
    expectError(answer, 500, 'server_error');
    expect(JSON.stringify(answer)).not.toContain('do not echo');
  });
});

describe('Credential endpoint (§8) for jwt_vc_json (Appendix A.1.1)', () => {
  const W3C_CODE = 'w3c-code';
  const issuer = () => ({
    did: issuerKey.did,
    alg: issuerKey.alg,
    sign: issuerSigner(crypto, issuerKey),
  });
  const credential = (body: unknown, accessToken: string) =>
    handleCredentialRequest(
      { authorization: `Bearer ${accessToken}`, body: JSON.stringify(body) },
      {
        store: memory.store,
        crypto,
        issuer: issuer(),
        credentialIssuer: ISSUER,
        now: NOW,
        randomBytes,
        batchSize: 3,
        allocateStatus: async (count) =>
          Array.from({ length: count }, () => ({ uri: `${ISSUER}/status/1`, idx: allocated++ })),
      },
    );

  async function w3cToken(): Promise<string> {
    memory.offers.set(W3C_CODE, {
      offer: { credential_issuer: ISSUER, credential_configuration_ids: ['diploma-w3c'] },
      code: {
        offerId: 'offer-w3c',
        credentialConfigurationIds: ['diploma-w3c'],
        expiresAt: new Date(NOW.getTime() + 600_000),
        wrongTxCodeAttempts: 0,
        redeemed: false,
      },
      issue: { type: 'diploma', claims: exampleClaims('diploma'), format: 'jwt_vc_json' },
    });
    return (await token({ grant_type: PRE_AUTHORIZED_CODE_GRANT, 'pre-authorized_code': W3C_CODE }))
      .body.access_token as string;
  }

  async function key(alg: 'ES256' | 'ES256K' | 'EdDSA'): Promise<ProofKey> {
    const { publicJwk, privateJwk } = await crypto.generateKeyPair(alg);
    return { publicJwk, alg, sign: (data) => crypto.sign(alg, privateJwk, data) };
  }

  it('Given proofs by a P-256, an Ed25519 and a secp256k1 key, then three VC-JWTs that did-jwt-vc verifies, sub the did:key of each', async () => {
    const accessToken = await w3cToken();
    const keys = [await key('ES256'), await key('EdDSA'), await key('ES256K')];
    const nonce = (await handleNonceRequest({ store: memory.store, now: NOW, randomBytes })).body
      .c_nonce as string;
    const jwts = await Promise.all(
      keys.map((proofKey) =>
        createKeyProof({ key: proofKey, credentialIssuer: ISSUER, nonce, now: NOW }),
      ),
    );
    const answer = await credential(
      { credential_configuration_id: 'diploma-w3c', proofs: { jwt: jwts } },
      accessToken,
    );
    expect(answer.status).toBe(200);
    const credentials = parseCredentialResponse(JSON.stringify(answer.body));
    if (!credentials.ok) throw new Error(credentials.detail.message);
    const resolver = new Resolver(getDidKeyResolver());
    const subjects: string[] = [];
    const indices: string[] = [];
    for (const jwt of credentials.value) {
      const verified = await verifyCredential(jwt, resolver, {
        policies: { now: Math.floor(NOW.getTime() / 1000) },
      });
      expect(verified.issuer).toBe(issuerKey.did);
      expect(verified.verifiableCredential.type).toEqual(['VerifiableCredential', 'VouchDiploma']);
      subjects.push(verified.payload.sub as string);
      const status = verified.verifiableCredential.credentialStatus as unknown as {
        statusListIndex: string;
      };
      indices.push(status.statusListIndex);
    }
    expect(subjects).toEqual(keys.map((proofKey) => didKeyFromJwk(proofKey.publicJwk)));
    expect(subjects.map((did) => did.slice(0, 11))).toEqual([
      'did:key:zDn',
      'did:key:z6M',
      'did:key:zQ3',
    ]);
    expect(indices).toEqual(['0', '1', '2']);
  });

  it('Given a W3C offer, when the SD-JWT configuration is asked for, then unknown_credential_configuration', async () => {
    const accessToken = await w3cToken();
    const nonce = (await handleNonceRequest({ store: memory.store, now: NOW, randomBytes })).body
      .c_nonce as string;
    const proof = await createKeyProof({
      key: await key('ES256K'),
      credentialIssuer: ISSUER,
      nonce,
      now: NOW,
    });
    expectError(
      await credential(
        { credential_configuration_id: 'diploma', proofs: { jwt: [proof] } },
        accessToken,
      ),
      400,
      'unknown_credential_configuration',
    );
  });
});

describe('Credential response (§8.3), holder side', () => {
  it.each([
    ['not JSON', 'nope'],
    ['no credentials', '{}'],
    ['an empty list', '{"credentials":[]}'],
    ['bare strings (pre-1.0)', '{"credentials":["a~"]}'],
    ['a non-string credential', '{"credentials":[{"credential":{"a":1}}]}'],
  ])('when it is %s, then bad-credential-response', (_name, text) => {
    const parsed = parseCredentialResponse(text);
    expect(parsed.ok ? 'ok' : parsed.reason).toBe('bad-credential-response');
  });

  it('when it is deferred, then it says so', () => {
    const parsed = parseCredentialResponse('{"transaction_id":"8xLOxBtZp8","interval":3600}');
    expect(parsed.ok ? 'ok' : parsed.reason).toBe('deferred');
  });
});
