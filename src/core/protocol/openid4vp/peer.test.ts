/**
 * Vouch's OpenID4VP 1.0 against independent implementations:
 * - `@openid4vc/openid4vp` (the OpenWallet Foundation library under Credo) as verifier: its signed
 *   `decentralized_identifier:` requests (by reference and by value) and its unsigned
 *   `redirect_uri:` requests are resolved and answered by our holder functions, and its verifier
 *   parses and validates our direct_post and direct_post.jwt answers;
 * - the same library as wallet: it resolves our request objects and its answers reach our
 *   Response URI reader and decryption;
 * - `dcql` parses and validates every DCQL query we create;
 * - `@sd-jwt/sd-jwt-vc` verifies the presentations we send, key binding included.
 * The peers' crypto callbacks use `jose` and `@noble/curves`, never our JWS code.
 */
import type {
  CallbackContext,
  JwtSigner,
  Jwk,
  JweEncryptor,
  DecryptJweCallbackOptions,
} from '@openid4vc/oauth2';
import {
  createOpenid4vpAuthorizationRequest,
  createOpenid4vpAuthorizationResponse,
  parseOpenid4vpAuthorizationRequest,
  parseOpenid4vpAuthorizationResponse,
  resolveOpenid4vpAuthorizationRequest,
  submitOpenid4vpAuthorizationResponse,
} from '@openid4vc/openid4vp';
import { p256 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { digest } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { DcqlQuery } from 'dcql';
import {
  base64url,
  CompactEncrypt,
  compactDecrypt,
  compactVerify,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
} from 'jose';
import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { didKeyFromJwk, resolveDidKey } from '../../did/did-key.ts';
import { encodeBase64Url } from '../../encoding/base64url.ts';
import { nobleJwsCrypto } from '../../jose/noble-jws-crypto.ts';
import { createPresentation } from '../../presentation/index.ts';
import { sampleCredential } from '../../transport/sample-payloads.fake.ts';
import { needsFromTemplate, TEMPLATE_IDS } from '../../verifier/templates.ts';
import { dcqlForClaims, readDcqlNeeds } from '../dcql.ts';
import type { DcqlQuery as VouchDcqlQuery } from '../dcql.ts';
import { createPresentationRequest } from '../request.ts';
import type { PresentationRequest } from '../request.ts';
import type { PresentationResponse } from '../response.ts';
import { resolvePresentationRequest } from './authorization-request.ts';
import {
  decryptPresentationResponse,
  generateResponseEncryptionKey,
  readDirectPostBody,
  submitPresentationResponse,
} from './direct-post.ts';
import type { FetchLike } from './http.ts';

const NOW = new Date();
const crypto = nobleJwsCrypto({
  randomBytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
});
const VCT = 'urn:vouch:income-statement:1';
const PEER = 'https://peer-verifier.example';

// The peer verifier's signing key: P-256, a did:key, signing through jose.
const peerSigning = await generateKeyPair('ES256', { extractable: true });
const peerPublicJwk = await exportJWK(peerSigning.publicKey);
const peerDid = didKeyFromJwk({
  kty: 'EC',
  crv: 'P-256',
  x: peerPublicJwk.x as string,
  y: peerPublicJwk.y as string,
});
const peerKid = `${peerDid}#${peerDid.slice('did:key:'.length)}`;
// The peer verifier's response encryption key (direct_post.jwt).
const peerEnc = await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
const peerEncJwk = {
  ...(await exportJWK(peerEnc.publicKey)),
  kid: 'peer-enc-1',
  use: 'enc',
  alg: 'ECDH-ES',
};

/** Callbacks for the peer library, built on jose only. */
function peerCallbacks(fetch?: FetchLike, decryptionKey?: CryptoKey): CallbackContext {
  return {
    ...(fetch ? { fetch: fetch as unknown as CallbackContext['fetch'] } : {}),
    hash: (data) => sha256(data),
    generateRandom: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
    clientAuthentication: () => undefined,
    signJwt: async (signer: JwtSigner, { header, payload }) => {
      if (signer.method !== 'did')
        throw new Error(`peer signs with its DID only, not ${signer.method}`);
      const jwt = await new SignJWT(payload as Record<string, unknown>)
        .setProtectedHeader({ ...header, alg: 'ES256' })
        .sign(peerSigning.privateKey);
      return { jwt, signerJwk: peerPublicJwk as Jwk };
    },
    verifyJwt: async (signer: JwtSigner, { compact }) => {
      if (signer.method !== 'did') return { verified: false };
      const resolved = resolveDidKey(signer.didUrl);
      if (!resolved.ok || resolved.value.kty !== 'EC' || resolved.value.crv !== 'P-256') {
        return { verified: false };
      }
      try {
        await compactVerify(compact, await importJWK(resolved.value, 'ES256'));
        return { verified: true, signerJwk: resolved.value as Jwk };
      } catch {
        return { verified: false };
      }
    },
    encryptJwe: async (encryptor: JweEncryptor, data: string) => {
      const jwe = new CompactEncrypt(new TextEncoder().encode(data)).setProtectedHeader({
        alg: encryptor.alg,
        enc: encryptor.enc,
        ...(encryptor.publicJwk.kid ? { kid: encryptor.publicJwk.kid } : {}),
      });
      if (encryptor.apu || encryptor.apv) {
        jwe.setKeyManagementParameters({
          ...(encryptor.apu ? { apu: base64url.decode(encryptor.apu) } : {}),
          ...(encryptor.apv ? { apv: base64url.decode(encryptor.apv) } : {}),
        });
      }
      const key = await importJWK(encryptor.publicJwk as JWK, encryptor.alg);
      return { jwe: await jwe.encrypt(key), encryptionJwk: encryptor.publicJwk };
    },
    decryptJwe: async (jwe: string, _options?: DecryptJweCallbackOptions) => {
      if (!decryptionKey) return { decrypted: false };
      try {
        const { plaintext } = await compactDecrypt(jwe, decryptionKey);
        return {
          decrypted: true,
          decryptionJwk: peerEncJwk as Jwk,
          payload: new TextDecoder().decode(plaintext),
        };
      } catch {
        return { decrypted: false };
      }
    },
  };
}

const PEER_DCQL = {
  credentials: [
    {
      id: 'income',
      format: 'dc+sd-jwt',
      meta: { vct_values: [VCT] },
      claims: [{ path: ['period'] }, { path: ['net_wage_cents'] }],
    },
  ],
};
type PeerClientMetadata = NonNullable<
  Parameters<
    typeof createOpenid4vpAuthorizationRequest
  >[0]['authorizationRequestPayload']['client_metadata']
>;
type PeerDcqlInput = Parameters<typeof DcqlQuery.parse>[0];
const CLIENT_METADATA = {
  vp_formats_supported: {
    'dc+sd-jwt': { 'sd-jwt_alg_values': ['ES256'], 'kb-jwt_alg_values': ['ES256K'] },
  },
} as PeerClientMetadata;

/** A credential held by "the wallet", and our holder's presentation of it for a request. */
const held = await sampleCredential({ seed: 'peer tests', status: undefined, expires: false });
async function presentFor(request: PresentationRequest): Promise<PresentationResponse> {
  const needs = readDcqlNeeds(request.dcql);
  if (!needs.ok) throw new Error(needs.detail.message);
  const vpToken: Record<string, string[]> = {};
  for (const need of needs.value) {
    const made = await createPresentation({
      credential: held.credential,
      disclose: need.required,
      audience: request.clientId,
      nonce: request.nonce,
      issuedAt: NOW,
      holder: {
        alg: 'ES256K',
        sign: (data) => held.crypto.sign('ES256K', held.holderKeys.privateJwk, data),
      },
    });
    if (!made.ok) throw new Error(made.detail.message);
    vpToken[need.queryId] = [made.value];
  }
  return { vpToken, ...(request.state === undefined ? {} : { state: request.state }) };
}

const coordinate = (b64: string) =>
  BigInt(`0x${[...base64url.decode(b64)].map((b) => b.toString(16).padStart(2, '0')).join('')}`);

/** @sd-jwt/sd-jwt-vc verifies a presentation: issuer signature, disclosures, key binding. */
async function sdJwtVcVerifies(presentation: string, nonce: string) {
  const issuerJwk = resolveDidKey(
    JSON.parse(new TextDecoder().decode(base64url.decode(presentation.split('.')[1] ?? ''))).iss,
  );
  if (!issuerJwk.ok || issuerJwk.value.kty !== 'EC') throw new Error('issuer key');
  const issuerPublic = p256.Point.fromAffine({
    x: coordinate(issuerJwk.value.x),
    y: coordinate(issuerJwk.value.y),
  }).toBytes(false);
  const verifier = new SDJwtVcInstance({
    hasher: digest,
    verifier: (data: string, signature: string) =>
      p256.verify(base64url.decode(signature), new TextEncoder().encode(data), issuerPublic, {
        lowS: false,
      }),
    kbVerifier: (data: string, signature: string, payload) => {
      const jwk = (payload.cnf as { jwk: { x: string; y: string } }).jwk;
      const point = secp256k1.Point.fromAffine({
        x: coordinate(jwk.x),
        y: coordinate(jwk.y),
      }).toBytes(false);
      return secp256k1.verify(base64url.decode(signature), new TextEncoder().encode(data), point, {
        lowS: false,
      });
    },
  });
  return verifier.verify(presentation, {
    keyBindingNonce: nonce,
    requiredClaimKeys: ['period', 'net_wage_cents'],
    currentDate: Math.floor(NOW.getTime() / 1000),
  });
}

/** A Response URI stub: keeps the bodies POSTed to it and answers like a verifier. */
function responseEndpoint(answer: Record<string, unknown> = {}) {
  const bodies: string[] = [];
  const fetch: FetchLike = async (_url, init) => {
    bodies.push(init.body ?? '');
    return Response.json(answer);
  };
  return { fetch, bodies };
}

describe('a peer verifier (@openid4vc/openid4vp) asks, the Vouch holder answers', () => {
  it.each(['direct_post', 'direct_post.jwt'] as const)(
    'Given a signed decentralized_identifier: request by reference with %s, when resolved and answered, then the peer verifier accepts our response and @sd-jwt/sd-jwt-vc verifies the presentation',
    async (responseMode) => {
      const nonce = encodeBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
      const created = await createOpenid4vpAuthorizationRequest({
        authorizationRequestPayload: {
          response_type: 'vp_token',
          client_id: `decentralized_identifier:${peerDid}`,
          response_mode: responseMode,
          response_uri: `${PEER}/responses/1`,
          nonce,
          state: 'peer-state-1',
          dcql_query: PEER_DCQL,
          client_metadata:
            responseMode === 'direct_post'
              ? CLIENT_METADATA
              : ({
                  ...CLIENT_METADATA,
                  jwks: { keys: [peerEncJwk as Jwk] },
                  encrypted_response_enc_values_supported: ['A256GCM', 'A128GCM'],
                } as PeerClientMetadata),
        },
        jar: {
          requestUri: `${PEER}/requests/1`,
          jwtSigner: { method: 'did', didUrl: peerKid, alg: 'ES256' },
          expiresInSeconds: 300,
        },
        callbacks: peerCallbacks(),
      });
      const requestObject = created.jar?.authorizationRequestJwt ?? '';
      const requestUriFetch: FetchLike = async (url, init) => {
        expect([url, init.method, init.headers.accept]).toEqual([
          `${PEER}/requests/1`,
          'GET',
          'application/oauth-authz-req+jwt',
        ]);
        return new Response(requestObject, {
          headers: { 'content-type': 'application/oauth-authz-req+jwt' },
        });
      };

      const resolved = await resolvePresentationRequest(created.authorizationRequest, {
        fetch: requestUriFetch,
        crypto,
        now: NOW,
      });
      if (!resolved.ok) throw new Error(`${resolved.reason}: ${resolved.detail.message}`);
      expect(resolved.value).toMatchObject({
        clientId: `decentralized_identifier:${peerDid}`,
        verifier: { kind: 'did', did: peerDid },
        verified: true,
        responseMode,
        responseUri: `${PEER}/responses/1`,
        nonce,
        state: 'peer-state-1',
      });
      expect(resolved.value.verifierName).toBeUndefined();
      if (responseMode === 'direct_post.jwt') {
        expect(resolved.value.encryption).toMatchObject({
          enc: 'A256GCM',
          jwk: { kid: 'peer-enc-1' },
        });
      }

      const response = await presentFor(resolved.value);
      const endpoint = responseEndpoint({ redirect_uri: `${PEER}/done#response_code=rc1` });
      const sent = await submitPresentationResponse(resolved.value, response, {
        fetch: endpoint.fetch,
      });
      expect(sent).toEqual({ ok: true, value: { redirectUri: `${PEER}/done#response_code=rc1` } });

      const parsed = await parseOpenid4vpAuthorizationResponse({
        authorizationResponse: Object.fromEntries(new URLSearchParams(endpoint.bodies[0])),
        authorizationRequestPayload: created.authorizationRequestPayload,
        callbacks: peerCallbacks(undefined, peerEnc.privateKey),
      });
      expect(parsed.type).toBe('dcql');
      expect(parsed.expectedNonce).toBe(nonce);
      expect(parsed.authorizationResponsePayload.state).toBe('peer-state-1');
      if (responseMode === 'direct_post.jwt') expect(parsed.jarm?.type).toBe('Encrypted');
      const presentations = parsed.type === 'dcql' ? parsed.dcql.presentations : {};
      expect(Object.keys(presentations)).toEqual(['income']);
      const presentation = presentations.income?.[0] as string;

      const verified = await sdJwtVcVerifies(presentation, nonce);
      expect(verified.kb?.payload).toMatchObject({
        aud: `decentralized_identifier:${peerDid}`,
        nonce,
      });
      expect(verified.payload).toMatchObject({ vct: VCT, period: expect.any(String) });

      // dcql's own matcher agrees that the presentation answers the query.
      const query = DcqlQuery.parse(PEER_DCQL as PeerDcqlInput);
      DcqlQuery.validate(query);
      const result = DcqlQuery.query(query, [
        {
          credential_format: 'dc+sd-jwt',
          vct: VCT,
          claims: verified.payload as unknown as Record<string, never>,
          cryptographic_holder_binding: true,
        },
      ]);
      expect(result.can_be_satisfied).toBe(true);
    },
  );

  it('Given a signed request object by value (request=), when resolved, then it is verified with no fetch', async () => {
    const created = await createOpenid4vpAuthorizationRequest({
      authorizationRequestPayload: {
        response_type: 'vp_token',
        client_id: `decentralized_identifier:${peerDid}`,
        response_mode: 'direct_post',
        response_uri: `${PEER}/responses/2`,
        nonce: 'n-0S6_WzA2Mj',
        dcql_query: PEER_DCQL,
        client_metadata: CLIENT_METADATA,
      },
      jar: { jwtSigner: { method: 'did', didUrl: peerKid, alg: 'ES256' }, expiresInSeconds: 300 },
      callbacks: peerCallbacks(),
    });
    expect(created.authorizationRequest).toContain('request=');
    const fetch: FetchLike = () => Promise.reject(new Error('no fetch expected'));
    const resolved = await resolvePresentationRequest(created.authorizationRequest, {
      fetch,
      crypto,
      now: NOW,
    });
    expect(resolved.ok && resolved.value).toMatchObject({ verified: true, nonce: 'n-0S6_WzA2Mj' });
  });

  it('Given an unsigned redirect_uri: request by value, when resolved and answered, then it is shown as not verified and the peer accepts the answer', async () => {
    const clientId = `redirect_uri:${PEER}/cb`;
    const created = await createOpenid4vpAuthorizationRequest({
      authorizationRequestPayload: {
        response_type: 'vp_token',
        client_id: clientId,
        response_mode: 'direct_post',
        response_uri: `${PEER}/cb`,
        nonce: 'unsigned-nonce-0123456789',
        state: 'st-9',
        dcql_query: PEER_DCQL,
        client_metadata: CLIENT_METADATA,
      },
      callbacks: peerCallbacks(),
    });
    const fetch: FetchLike = () => Promise.reject(new Error('no fetch expected'));
    const resolved = await resolvePresentationRequest(created.authorizationRequest, {
      fetch,
      crypto,
      now: NOW,
    });
    if (!resolved.ok) throw new Error(`${resolved.reason}: ${resolved.detail.message}`);
    expect(resolved.value).toMatchObject({
      clientId,
      verified: false,
      verifier: { kind: 'redirect_uri', uri: `${PEER}/cb` },
      responseUri: `${PEER}/cb`,
    });

    const endpoint = responseEndpoint();
    await submitPresentationResponse(resolved.value, await presentFor(resolved.value), {
      fetch: endpoint.fetch,
    });
    const parsed = await parseOpenid4vpAuthorizationResponse({
      authorizationResponse: Object.fromEntries(new URLSearchParams(endpoint.bodies[0])),
      authorizationRequestPayload: created.authorizationRequestPayload,
      callbacks: peerCallbacks(),
    });
    const presentation = (
      parsed.type === 'dcql' ? parsed.dcql.presentations.income?.[0] : ''
    ) as string;
    const verified = await sdJwtVcVerifies(presentation, 'unsigned-nonce-0123456789');
    expect(verified.kb?.payload.aud).toBe(clientId);
  });

  it('Given a peer request whose request object has another client_id than the link, when resolved, then refused', async () => {
    const created = await createOpenid4vpAuthorizationRequest({
      authorizationRequestPayload: {
        response_type: 'vp_token',
        client_id: `decentralized_identifier:${peerDid}`,
        response_mode: 'direct_post',
        response_uri: `${PEER}/responses/3`,
        nonce: 'n-0S6_WzA2Mj',
        dcql_query: PEER_DCQL,
      },
      jar: {
        requestUri: `${PEER}/requests/3`,
        jwtSigner: { method: 'did', didUrl: peerKid, alg: 'ES256' },
        expiresInSeconds: 300,
      },
      callbacks: peerCallbacks(),
    });
    const link = created.authorizationRequest.replace(
      encodeURIComponent(peerDid),
      encodeURIComponent(held.verifierDid),
    );
    const object = created.jar?.authorizationRequestJwt ?? '';
    const resolved = await resolvePresentationRequest(link, {
      fetch: async () => new Response(object),
      crypto,
      now: NOW,
    });
    expect(resolved.ok ? 'ok' : resolved.reason).toBe('client-id-mismatch');
  });
});

// The Vouch verifier's signing key.
const vouchKeys = await crypto.generateKeyPair('ES256');
const vouch = {
  did: didKeyFromJwk(vouchKeys.publicJwk),
  alg: 'ES256' as const,
  sign: (data: Uint8Array) => crypto.sign('ES256', vouchKeys.privateJwk, data),
};
describe('the Vouch verifier asks, a peer wallet (@openid4vc/openid4vp) resolves and answers', () => {
  const DCQL = dcqlForClaims({ id: 'income', vct: VCT, required: ['period'], optional: ['hours'] });

  it.each(['direct_post', 'direct_post.jwt'] as const)(
    'Given our %s request object by reference, when the peer wallet resolves it and answers, then our Response URI reads the answer',
    async (responseMode) => {
      const encryption = await generateResponseEncryptionKey('vouch-enc-1');
      const object = await createPresentationRequest({
        verifier: vouch,
        verifierName: 'Gemeente Utrecht',
        purpose: 'Income supplement',
        dcql: DCQL,
        responseMode,
        responseUri: 'https://vouch.example/responses/1',
        ...(responseMode === 'direct_post.jwt'
          ? { encryptionKey: encryption.publicJwk, encValues: ['A128GCM', 'A256GCM'] as const }
          : {}),
        nonce: encodeBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16))),
        state: 'vouch-state-1',
        // The month asked about (vouch.period): a peer wallet ignores it as an unknown parameter.
        period: '2025-09',
        now: NOW,
      });
      const clientId = `decentralized_identifier:${vouch.did}`;
      const link = `openid4vp://?client_id=${encodeURIComponent(clientId)}&request_uri=${encodeURIComponent('https://vouch.example/requests/1')}`;
      const served: FetchLike = async () =>
        new Response(object, { headers: { 'content-type': 'application/oauth-authz-req+jwt' } });

      const parsedLink = parseOpenid4vpAuthorizationRequest({ authorizationRequest: link });
      const resolved = await resolveOpenid4vpAuthorizationRequest({
        authorizationRequestPayload: parsedLink.params,
        callbacks: peerCallbacks(served),
      });
      expect(resolved.client.prefix).toBe('decentralized_identifier');
      expect(resolved.client.identifier).toBe(vouch.did);
      expect(resolved.dcql?.query).toEqual(DCQL);
      expect(resolved.authorizationRequestPayload.response_mode).toBe(responseMode);

      const ours = await resolvePresentationRequest(link, { fetch: served, crypto, now: NOW });
      if (!ours.ok) throw new Error(ours.detail.message);
      expect(ours.value.period).toBe('2025-09');
      const presentation = (await presentFor(ours.value)).vpToken.income?.[0] as string;
      const answer = await createOpenid4vpAuthorizationResponse({
        authorizationRequestPayload: resolved.authorizationRequestPayload,
        authorizationResponsePayload: { vp_token: { income: [presentation] } },
        ...(responseMode === 'direct_post.jwt'
          ? {
              jarm: {
                encryption: { nonce: 'peer-apu' },
                serverMetadata: {
                  authorization_encryption_alg_values_supported: ['ECDH-ES'],
                  authorization_encryption_enc_values_supported: ['A128GCM', 'A256GCM'],
                },
              },
            }
          : {}),
        callbacks: peerCallbacks(),
      } as Parameters<typeof createOpenid4vpAuthorizationResponse>[0]);
      const endpoint = responseEndpoint({});
      await submitOpenid4vpAuthorizationResponse({
        authorizationRequestPayload: resolved.authorizationRequestPayload as never,
        authorizationResponsePayload: answer.authorizationResponsePayload,
        ...(answer.jarm ? { jarm: answer.jarm } : {}),
        callbacks: peerCallbacks(endpoint.fetch),
      });

      const body = readDirectPostBody(endpoint.bodies[0] ?? '');
      if (!body.ok) throw new Error(body.detail.message);
      expect(body.value.kind).toBe(responseMode === 'direct_post' ? 'response' : 'encrypted');
      const received =
        body.value.kind === 'encrypted'
          ? await decryptPresentationResponse(body.value.jwe, encryption.privateJwk)
          : body.value.kind === 'response'
            ? ({ ok: true, value: body.value.response } as const)
            : undefined;
      expect(received).toEqual({
        ok: true,
        value: { vpToken: { income: [presentation] }, state: 'vouch-state-1' },
      });
    },
  );
});

describe('dcql validates every DCQL query Vouch creates', () => {
  const queries: [string, VouchDcqlQuery][] = [
    [
      'required claims only',
      dcqlForClaims({ id: 'income', vct: VCT, required: ['period'], optional: [] }),
    ],
    [
      'optional claims (claim_sets)',
      dcqlForClaims({
        id: 'income',
        vct: VCT,
        required: ['period'],
        optional: ['hours', 'employee_name'],
      }),
    ],
    [
      'a value filter',
      dcqlForClaims({
        id: 'income',
        vct: VCT,
        required: ['period'],
        optional: [],
        values: { period: ['2025-07'] },
      }),
    ],
    [
      'claim names that are no DCQL ids',
      dcqlForClaims({ id: 'x', vct: VCT, required: ['given name', 'c1'], optional: ['dob:year'] }),
    ],
    ...TEMPLATE_IDS.map((id): [string, VouchDcqlQuery] => {
      const needs = needsFromTemplate(id);
      return [
        `the desk template ${id}`,
        dcqlForClaims({
          id: needs.typeId,
          vct: needs.vct,
          required: needs.required,
          optional: needs.optional,
        }),
      ];
    }),
  ];

  it.each(queries)(
    'Given %s, when dcql parses and validates it, then it is a valid DCQL query',
    (_, query) => {
      const parsed = DcqlQuery.parse(query as PeerDcqlInput);
      expect(() => DcqlQuery.validate(parsed)).not.toThrow();
      expect(readDcqlNeeds(query).ok).toBe(true);
    },
  );
});
