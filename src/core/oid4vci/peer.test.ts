// Peer tests: the OpenID Foundation's @openid4vc/openid4vci (the library under Credo) on the other
// side of Vouch's OpenID4VCI, and @sd-jwt/sd-jwt-vc checking what Vouch issues. The peers sign and
// verify with @sd-jwt/crypto-nodejs (ES256) and noble's secp256k1 (ES256K) under JOSE code of
// this test's own, not with Vouch's JOSE modules.
//
// 1. A peer wallet (Openid4vciClient) resolves Vouch's offer and metadata and runs the
//    pre-authorized code flow (tx_code, nonce, jwt proofs, a batch) against Vouch's issuer-side
//    functions (served in memory by fake-issuer.fake.ts); @sd-jwt/sd-jwt-vc verifies every
//    credential, its status list entry and its type metadata.
// 2. Vouch's wallet client runs the same flow against a peer issuer (Openid4vciIssuer metadata,
//    offer, nonce and credential responses; Oauth2AuthorizationServer token endpoint).
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import {
  clientAuthenticationAnonymous,
  Oauth2AuthorizationServer,
  Oauth2ServerErrorResponseError,
  preAuthorizedCodeGrantIdentifier,
} from '@openid4vc/oauth2';
import type { CallbackContext, Jwk, JwtSigner } from '@openid4vc/oauth2';
import { Openid4vciClient, Openid4vciIssuer, Openid4vciVersion } from '@openid4vc/openid4vci';
import { digest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { beforeEach, describe, expect, it } from 'vitest';
import { CREDENTIAL_TYPE_IDS, exampleClaims } from '../credentials/index.ts';
import { didKeyFromJwk, didKeyVerificationMethod } from '../did/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../jose/index.ts';
import type { IssuerKeyFile, PublicJwk } from '../jose/index.ts';
import { es256kSigner, privateKeyToJwk } from '../keys/index.ts';
import { verifySdJwtVc } from '../sd-jwt/index.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/index.ts';
import { createStatusList, publishStatusListJwt, revokeStatusIndex } from '../status-list/index.ts';
import { requestCredentials, resolveCredentialOffer } from './client.ts';
import { createFakeIssuer } from './fake-issuer.fake.ts';
import type { FakeHttpAnswer, LoggedRequest } from './fake-issuer.fake.ts';
import type { HttpFetch } from './http.ts';
import { buildCredentialIssuerMetadata, typeMetadataUrl } from './metadata.ts';
import { parseCredentialOfferLink } from './offer.ts';
import type { ProofKey } from './proof.ts';

const crypto = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-10-01T09:00:00Z');
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
const PAYSLIP = exampleClaims('income-statement');
const STATUS_URI = 'https://issuer.example/status/1';

// ---- the peers' own JOSE (not Vouch's) -------------------------------------------------------

type PeerSigner = (data: string) => Promise<string>;
const text = new TextEncoder();
const b64u = (bytes: Uint8Array) => encodeBase64Url(bytes);
const fromB64u = (value: string) => {
  const decoded = decodeBase64Url(value);
  if (!decoded.ok) throw new Error('bad base64url');
  return decoded.value;
};

/** A P-256 key pair from @sd-jwt/crypto-nodejs (WebCrypto in Node). */
async function peerKeyPair() {
  const { publicKey, privateKey } = await ES256.generateKeyPair();
  const { kty, crv, x, y } = publicKey as Record<string, string>;
  return { publicJwk: { kty, crv, x, y } as Jwk, sign: await ES256.getSigner(privateKey) };
}

async function verifyWith(
  alg: string,
  jwk: Jwk,
  data: string,
  signature: string,
): Promise<boolean> {
  if (alg === 'ES256') return (await ES256.getVerifier(jwk))(data, signature);
  if (alg === 'ES256K' && jwk.crv === 'secp256k1') {
    const point = new Uint8Array([4, ...fromB64u(String(jwk.x)), ...fromB64u(String(jwk.y))]);
    return secp256k1.verify(fromB64u(signature), sha256(text.encode(data)), point, {
      prehash: false,
      lowS: false,
      format: 'compact',
    });
  }
  return false;
}

async function signCompact(header: object, payload: object, sign: PeerSigner): Promise<string> {
  const input = `${b64u(text.encode(JSON.stringify(header)))}.${b64u(text.encode(JSON.stringify(payload)))}`;
  return `${input}.${await sign(input)}`;
}

/** The peer keys' public JWKs, by the same ids as their signers. */
const publicJwks = new Map<string, Jwk>();

/** Peer callbacks; `keys` holds the peer's signers by their public JWK's x (or DID URL). */
function peerCallbacks(
  fetch: typeof globalThis.fetch,
  keys: Map<string, PeerSigner>,
): CallbackContext {
  return {
    fetch,
    hash: (data) => sha256(data),
    generateRandom: (length) => randomBytes(length),
    clientAuthentication: clientAuthenticationAnonymous(),
    signJwt: async (signer: JwtSigner, { header, payload }) => {
      // A jwk signer is found by its x, a did signer by its DID URL.
      const id =
        signer.method === 'jwk'
          ? String(signer.publicJwk.x)
          : signer.method === 'did'
            ? signer.didUrl
            : '';
      const sign = keys.get(id);
      const publicJwk = publicJwks.get(id);
      if (!sign || !publicJwk || signer.alg !== 'ES256') throw new Error('unknown peer key');
      return { jwt: await signCompact(header, payload, sign), signerJwk: publicJwk };
    },
    verifyJwt: async (signer: JwtSigner, { compact, header }) => {
      if (signer.method !== 'jwk') return { verified: false };
      const [h, p, s] = compact.split('.');
      const verified = await verifyWith(header.alg, signer.publicJwk, `${h}.${p}`, s ?? '');
      return verified ? { verified: true, signerJwk: signer.publicJwk } : { verified: false };
    },
    decryptJwe: async () => {
      throw new Error('no JWE in these tests');
    },
    encryptJwe: async () => {
      throw new Error('no JWE in these tests');
    },
  };
}

/** A global-fetch over an in-memory HTTP handler. */
function globalFetchOver(
  handle: (request: LoggedRequest) => Promise<FakeHttpAnswer>,
): typeof globalThis.fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = init?.body === undefined || init.body === null ? '' : String(init.body);
    const answer = await handle({ method: init?.method ?? 'GET', url, headers, body });
    return new Response(answer.status === 204 ? null : answer.body, {
      status: answer.status,
      headers: answer.headers,
    });
  };
}

/** core's HttpFetch over the same handler. */
function httpFetchOver(handle: (request: LoggedRequest) => Promise<FakeHttpAnswer>): HttpFetch {
  return async (url, init = {}) => {
    const answer = await handle({
      method: init.method ?? 'GET',
      url,
      headers: init.headers ?? {},
      body: init.body ?? '',
    });
    const headers = new Headers(answer.headers);
    return { status: answer.status, headers, text: async () => answer.body };
  };
}

// ---- 1. a peer wallet against Vouch's issuer -------------------------------------------------

describe("Given Vouch's issuer, when a peer wallet (@openid4vc/openid4vci) receives a credential", () => {
  let issuerKey: IssuerKeyFile;
  let vouch: ReturnType<typeof createFakeIssuer>;
  let peerKeys: Map<string, PeerSigner>;
  let client: Openid4vciClient;

  beforeEach(async () => {
    issuerKey = await createIssuerKeyFile(crypto, 'ES256');
    vouch = createFakeIssuer({
      issuer: { did: issuerKey.did, alg: issuerKey.alg, sign: issuerSigner(crypto, issuerKey) },
      crypto,
      now: () => NOW,
      randomBytes,
      batchSize: 3,
      statusListUri: STATUS_URI,
    });
    peerKeys = new Map();
    client = new Openid4vciClient({
      callbacks: peerCallbacks(globalFetchOver(vouch.handle), peerKeys),
    });
  });

  async function peerHolderKey() {
    const pair = await peerKeyPair();
    peerKeys.set(String(pair.publicJwk.x), pair.sign);
    publicJwks.set(String(pair.publicJwk.x), pair.publicJwk);
    return pair.publicJwk;
  }

  /** A peer key named by a did:key DID URL (`kid`) instead of an inline `jwk`. */
  async function peerDidKey() {
    const pair = await peerKeyPair();
    const didUrl = didKeyVerificationMethod(didKeyFromJwk(pair.publicJwk as PublicJwk));
    peerKeys.set(didUrl, pair.sign);
    publicJwks.set(didUrl, pair.publicJwk);
    return { didUrl, publicJwk: pair.publicJwk };
  }

  async function sdJwtVcVerifier(statusJwt?: string) {
    const statusList =
      statusJwt ??
      (await publishStatusListJwt({
        list: createStatusList({ uri: STATUS_URI }),
        issuer: { did: issuerKey.did, alg: issuerKey.alg, sign: issuerSigner(crypto, issuerKey) },
        issuedAt: NOW,
      }));
    const fetchedTypes: string[] = [];
    const verifier = new SDJwtVcInstance({
      hasher: digest,
      hashAlg: 'sha-256',
      verifier: (data, signature) =>
        verifyWith('ES256', issuerKey.publicJwk as Jwk, data, signature),
      statusListFetcher: async (uri) => {
        expect(uri).toBe(STATUS_URI);
        return statusList;
      },
      // The vct is a URN: resolve it to the type's URL at the issuer (docs/openid4vci.md).
      loadTypeMetadataFormat: true,
      vctFetcher: async (vct) => {
        const type = CREDENTIAL_TYPE_IDS.find((id) => vct === `urn:vouch:${id}:1`);
        if (!type) return undefined;
        fetchedTypes.push(type);
        const answer = await vouch.handle({
          method: 'GET',
          url: typeMetadataUrl(vouch.credentialIssuer, type),
          headers: {},
          body: '',
        });
        return JSON.parse(answer.body);
      },
    });
    return { verifier, fetchedTypes };
  }

  it('then the offer by reference and the metadata parse as OpenID4VCI 1.0 (V1)', async () => {
    const offer = vouch.createOffer({ type: 'income-statement', claims: PAYSLIP, txCode: '4711' });
    const credentialOffer = await client.resolveCredentialOffer(offer.byReference);
    expect(credentialOffer).toMatchObject({
      credential_issuer: 'https://issuer.example',
      credential_configuration_ids: ['income-statement'],
      grants: {
        [preAuthorizedCodeGrantIdentifier]: {
          'pre-authorized_code': offer.code,
          tx_code: { input_mode: 'numeric', length: 4 },
        },
      },
    });
    const metadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    expect(metadata.originalDraftVersion).toBe(Openid4vciVersion.V1);
    expect(Object.keys(metadata.knownCredentialConfigurations).sort()).toEqual(
      [...CREDENTIAL_TYPE_IDS, 'diploma-w3c'].sort(),
    );
    expect(metadata.authorizationServers[0]).toMatchObject({
      issuer: 'https://issuer.example',
      token_endpoint: 'https://issuer.example/token',
      'pre-authorized_grant_anonymous_access_supported': true,
    });
    // The peer's issuer-side validation accepts the metadata as it is.
    const peerIssuer = new Openid4vciIssuer({
      callbacks: peerCallbacks(globalFetchOver(vouch.handle), peerKeys),
    });
    expect(() => peerIssuer.createCredentialIssuerMetadata(vouch.metadata as never)).not.toThrow();
  });

  it('then it completes the pre-authorized flow with tx_code and a batch of two, and @sd-jwt/sd-jwt-vc verifies both', async () => {
    const offer = vouch.createOffer({ type: 'income-statement', claims: PAYSLIP, txCode: '4711' });
    const credentialOffer = await client.resolveCredentialOffer(offer.byReference);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer,
      issuerMetadata,
      txCode: '4711',
    });
    expect(accessTokenResponse.token_type).toBe('Bearer');
    const { c_nonce: nonce } = await client.requestNonce({ issuerMetadata });
    const holderJwks = [await peerHolderKey(), await peerHolderKey()];
    const proofs: string[] = [];
    for (const publicJwk of holderJwks) {
      const { jwt } = await client.createCredentialRequestJwtProof({
        issuerMetadata,
        credentialConfigurationId: 'income-statement',
        signer: { method: 'jwk', alg: 'ES256', publicJwk },
        nonce,
        issuedAt: NOW,
      });
      proofs.push(jwt);
    }
    const { credentialResponse } = await client.retrieveCredentials({
      issuerMetadata,
      accessToken: accessTokenResponse.access_token,
      credentialConfigurationId: 'income-statement',
      proofs: { jwt: proofs },
    });
    const credentials = (credentialResponse.credentials ?? []).map((entry) =>
      typeof entry === 'object' && 'credential' in entry ? entry.credential : entry,
    );
    expect(credentials).toHaveLength(2);

    const { verifier, fetchedTypes } = await sdJwtVcVerifier();
    for (const [index, credential] of credentials.entries()) {
      const result = await verifier.verify(credential as string, { currentDate: NOW_SECONDS });
      expect(result.header?.typ).toBe('dc+sd-jwt');
      expect(result.payload).toMatchObject({
        ...PAYSLIP,
        vct: 'urn:vouch:income-statement:1',
        iss: issuerKey.did,
      });
      expect((result.payload.cnf as { jwk: Jwk }).jwk).toEqual(holderJwks[index]);
      expect(result.payload.status?.status_list.uri).toBe(STATUS_URI);
      expect(result.typeMetadata?.mergedTypeMetadata.vct).toBe('urn:vouch:income-statement:1');
      // Every personal claim is selectively disclosable; the peer sees them as disclosures.
      const claims = await verifier.getClaims(credential as string);
      expect(claims).toMatchObject(PAYSLIP);
      const keys = await verifier.keys(credential as string);
      const decoded = await verifier.decode(credential as string);
      expect(decoded.disclosures?.map((disclosure) => disclosure.key).sort()).toEqual(
        Object.keys(PAYSLIP).sort(),
      );
      expect(keys).toEqual(expect.arrayContaining(Object.keys(PAYSLIP)));
    }
    expect(fetchedTypes).toEqual(['income-statement', 'income-statement']);
  });

  it('then a proof naming its key by a did:key kid is accepted, and the credential bound to that key', async () => {
    const offer = vouch.createOffer({
      type: 'medical-attestation',
      claims: exampleClaims('medical-attestation'),
    });
    const credentialOffer = await client.resolveCredentialOffer(offer.byValue);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer,
      issuerMetadata,
    });
    const { c_nonce: nonce } = await client.requestNonce({ issuerMetadata });
    const holder = await peerDidKey();
    const { jwt } = await client.createCredentialRequestJwtProof({
      issuerMetadata,
      credentialConfigurationId: 'medical-attestation',
      signer: { method: 'did', didUrl: holder.didUrl, alg: 'ES256' },
      nonce,
      issuedAt: NOW,
    });
    const header = JSON.parse(
      new TextDecoder().decode(fromB64u(jwt.split('.')[0] ?? '')),
    ) as Record<string, unknown>;
    expect(header).toMatchObject({ kid: holder.didUrl, typ: 'openid4vci-proof+jwt' });
    expect(header.jwk).toBeUndefined();
    const { credentialResponse } = await client.retrieveCredentials({
      issuerMetadata,
      accessToken: accessTokenResponse.access_token,
      credentialConfigurationId: 'medical-attestation',
      proofs: { jwt: [jwt] },
    });
    const entry = credentialResponse.credentials?.[0] as { credential: string };
    const { verifier } = await sdJwtVcVerifier();
    const result = await verifier.verify(entry.credential, { currentDate: NOW_SECONDS });
    expect((result.payload.cnf as { jwk: Jwk }).jwk).toEqual(holder.publicJwk);
    // Every copy's iat is the day it was issued (00:00 UTC), and exp follows from it.
    const day = Math.floor(NOW_SECONDS / 86_400) * 86_400;
    expect(result.payload.iat).toBe(day);
    expect(result.payload.exp).toBe(day + 365 * 86_400);
  });

  it('then a revoked status entry makes @sd-jwt/sd-jwt-vc refuse the credential', async () => {
    const offer = vouch.createOffer({ type: 'diploma', claims: exampleClaims('diploma') });
    const credentialOffer = await client.resolveCredentialOffer(offer.byValue);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer,
      issuerMetadata,
    });
    const { c_nonce: nonce } = await client.requestNonce({ issuerMetadata });
    const { jwt } = await client.createCredentialRequestJwtProof({
      issuerMetadata,
      credentialConfigurationId: 'diploma',
      signer: { method: 'jwk', alg: 'ES256', publicJwk: await peerHolderKey() },
      nonce,
      issuedAt: NOW,
    });
    const { credentialResponse } = await client.retrieveCredentials({
      issuerMetadata,
      accessToken: accessTokenResponse.access_token,
      credentialConfigurationId: 'diploma',
      proofs: { jwt: [jwt] },
    });
    const entry = credentialResponse.credentials?.[0] as { credential: string };
    const list = createStatusList({ uri: STATUS_URI });
    const revoked = revokeStatusIndex(list, 0, { evenIfNotIssued: true });
    if (!revoked.ok) throw new Error(revoked.reason);
    const statusJwt = await publishStatusListJwt({
      list: revoked.value,
      issuer: { did: issuerKey.did, alg: issuerKey.alg, sign: issuerSigner(crypto, issuerKey) },
      issuedAt: NOW,
    });
    const valid = await sdJwtVcVerifier();
    await expect(
      valid.verifier.verify(entry.credential, { currentDate: NOW_SECONDS }),
    ).resolves.toBeDefined();
    const { verifier } = await sdJwtVcVerifier(statusJwt);
    await expect(verifier.verify(entry.credential, { currentDate: NOW_SECONDS })).rejects.toThrow(
      /Status is not valid/,
    );
  });

  it('then a wrong tx_code is refused with invalid_grant, and a replayed nonce with invalid_nonce', async () => {
    const offer = vouch.createOffer({
      type: 'household',
      claims: exampleClaims('household'),
      txCode: '4711',
    });
    const credentialOffer = await client.resolveCredentialOffer(offer.byValue);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    await expect(
      client.retrievePreAuthorizedCodeAccessTokenFromOffer({
        credentialOffer,
        issuerMetadata,
        txCode: '0000',
      }),
    ).rejects.toMatchObject({ errorResponse: { error: 'invalid_grant' } });
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer,
      issuerMetadata,
      txCode: '4711',
    });
    const { c_nonce: nonce } = await client.requestNonce({ issuerMetadata });
    const proofFor = async () =>
      (
        await client.createCredentialRequestJwtProof({
          issuerMetadata,
          credentialConfigurationId: 'household',
          signer: { method: 'jwk', alg: 'ES256', publicJwk: await peerHolderKey() },
          nonce,
          issuedAt: NOW,
        })
      ).jwt;
    // A good request consumes the nonce…
    await client.retrieveCredentials({
      issuerMetadata,
      accessToken: accessTokenResponse.access_token,
      credentialConfigurationId: 'household',
      proofs: { jwt: [await proofFor()] },
    });
    // …so a second offer's request with the same nonce is refused.
    const second = vouch.createOffer({ type: 'household', claims: exampleClaims('household') });
    const secondOffer = await client.resolveCredentialOffer(second.byValue);
    const token = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer: secondOffer,
      issuerMetadata,
    });
    const error = await client
      .retrieveCredentials({
        issuerMetadata,
        accessToken: token.accessTokenResponse.access_token,
        credentialConfigurationId: 'household',
        proofs: { jwt: [await proofFor()] },
      })
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(error).toMatchObject({
      response: { credentialErrorResponseResult: { data: { error: 'invalid_nonce' } } },
    });
  });
});

// ---- 2. Vouch's wallet client against a peer issuer ------------------------------------------

const PEER_ISSUER = 'https://peer-issuer.example';

function holderKey(): ProofKey {
  const privateKey = randomBytes(32);
  privateKey[0] = 1;
  const { d: _d, ...publicJwk } = privateKeyToJwk(privateKey);
  return { publicJwk: publicJwk as PublicJwk, alg: 'ES256K', sign: es256kSigner(privateKey) };
}

async function createPeerIssuer() {
  const keys = new Map<string, PeerSigner>();
  const signing = await peerKeyPair();
  keys.set(String(signing.publicJwk.x), signing.sign);
  publicJwks.set(String(signing.publicJwk.x), signing.publicJwk);
  const did = didKeyFromJwk(signing.publicJwk as PublicJwk);
  const state: { nonce: string; accessToken: string; issued: number; offerObject?: unknown } = {
    nonce: '',
    accessToken: '',
    issued: 0,
  };
  const requests: LoggedRequest[] = [];
  let handle: (request: LoggedRequest) => Promise<FakeHttpAnswer> = async () => ({
    status: 500,
    headers: {},
    body: '',
  });
  const callbacks = peerCallbacks(
    globalFetchOver((request) => handle(request)),
    keys,
  );
  const issuer = new Openid4vciIssuer({ callbacks });
  const authorizationServer = new Oauth2AuthorizationServer({ callbacks });
  const credentialIssuer = issuer.createCredentialIssuerMetadata({
    credential_issuer: PEER_ISSUER,
    credential_endpoint: `${PEER_ISSUER}/credential`,
    nonce_endpoint: `${PEER_ISSUER}/nonce`,
    batch_credential_issuance: { batch_size: 2 },
    display: [{ name: 'Peer Payroll', locale: 'en' }],
    credential_configurations_supported: {
      PeerPayslip: {
        format: 'dc+sd-jwt',
        vct: 'urn:vouch:income-statement:1',
        cryptographic_binding_methods_supported: ['jwk'],
        credential_signing_alg_values_supported: ['ES256'],
        proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['ES256', 'ES256K'] } },
        credential_metadata: { display: [{ name: 'Payslip', locale: 'en' }] },
      },
      PeerMdoc: { format: 'mso_mdoc', doctype: 'org.iso.18013.5.1.mDL' },
    },
  } as never);
  const authorizationServerMetadata = {
    issuer: PEER_ISSUER,
    token_endpoint: `${PEER_ISSUER}/token`,
  };
  const issuerMetadata = {
    originalDraftVersion: Openid4vciVersion.V1,
    credentialIssuer,
    authorizationServers: [authorizationServerMetadata],
    knownCredentialConfigurations:
      issuer.getKnownCredentialConfigurationsSupported(credentialIssuer),
  };
  const sdJwtIssuer = new SDJwtVcInstance({
    hasher: digest,
    hashAlg: 'sha-256',
    saltGenerator: generateSalt,
    signAlg: 'ES256',
    signer: signing.sign,
  });
  const json = (body: unknown, status = 200): FakeHttpAnswer => ({
    status,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const oauthFailure = (error: unknown): FakeHttpAnswer => {
    if (error instanceof Oauth2ServerErrorResponseError) return json(error.errorResponse, 400);
    throw error;
  };

  handle = async (request) => {
    requests.push(request);
    const path = request.url.slice(PEER_ISSUER.length);
    if (request.method === 'GET' && path === '/.well-known/openid-credential-issuer')
      return json(credentialIssuer);
    if (request.method === 'GET' && path === '/.well-known/oauth-authorization-server')
      return json(authorizationServerMetadata);
    if (request.method === 'GET' && path === '/offers/1') return json(state.offerObject);
    if (request.method === 'POST' && path === '/token') {
      try {
        const form = Object.fromEntries(new URLSearchParams(request.body));
        const httpRequest = {
          method: 'POST' as const,
          url: request.url,
          headers: new Headers(request.headers),
        };
        const parsed = authorizationServer.parseAccessTokenRequest({
          request: httpRequest,
          accessTokenRequest: form,
        });
        if (parsed.grant.grantType !== preAuthorizedCodeGrantIdentifier)
          throw new Error('unexpected grant');
        await authorizationServer.verifyPreAuthorizedCodeAccessTokenRequest({
          grant: parsed.grant,
          accessTokenRequest: parsed.accessTokenRequest,
          request: httpRequest,
          expectedPreAuthorizedCode: 'peer-code-1',
          expectedTxCode: '8080',
          authorizationServerMetadata,
          now: NOW,
        });
        const response = await authorizationServer.createAccessTokenResponse({
          audience: PEER_ISSUER,
          authorizationServer: PEER_ISSUER,
          expiresInSeconds: 300,
          signer: { method: 'jwk', alg: 'ES256', publicJwk: signing.publicJwk },
          subject: 'holder',
          now: NOW,
        });
        state.accessToken = response.access_token;
        return json(response);
      } catch (error) {
        return oauthFailure(error);
      }
    }
    if (request.method === 'POST' && path === '/nonce') {
      state.nonce = `peer-nonce-${state.issued}`;
      return json(issuer.createNonceResponse({ cNonce: state.nonce }));
    }
    if (request.method === 'POST' && path === '/credential') {
      const authorization = Object.entries(request.headers).find(
        ([name]) => name.toLowerCase() === 'authorization',
      )?.[1];
      if (authorization !== `Bearer ${state.accessToken}`)
        return json({ error: 'invalid_token' }, 401);
      try {
        const parsed = issuer.parseCredentialRequest({
          issuerMetadata,
          credentialRequest: JSON.parse(request.body),
        });
        expect(parsed.credentialConfigurationId).toBe('PeerPayslip');
        const credentials: { credential: string }[] = [];
        for (const jwt of parsed.proofs?.jwt ?? []) {
          const proof = await issuer.verifyCredentialRequestJwtProof({
            issuerMetadata,
            jwt,
            expectedNonce: state.nonce,
            now: NOW,
          });
          const credential = await sdJwtIssuer.issue(
            {
              iss: did,
              iat: NOW_SECONDS,
              vct: 'urn:vouch:income-statement:1',
              cnf: { jwk: proof.signer.publicJwk },
              ...PAYSLIP,
            },
            { _sd: Object.keys(PAYSLIP) as never },
            { header: { kid: didKeyVerificationMethod(did) } },
          );
          credentials.push({ credential });
        }
        state.issued++;
        return json(
          issuer.createCredentialResponse({
            credentialRequest: parsed,
            credentials,
          }),
        );
      } catch (error) {
        return oauthFailure(error);
      }
    }
    return { status: 404, headers: {}, body: '' };
  };

  async function createOffer(byReference: boolean) {
    const made = await issuer.createCredentialOffer({
      credentialConfigurationIds: ['PeerPayslip'],
      grants: {
        [preAuthorizedCodeGrantIdentifier]: {
          'pre-authorized_code': 'peer-code-1',
          tx_code: { input_mode: 'numeric', length: 4, description: 'Sent by text message' },
        },
      },
      issuerMetadata: issuerMetadata as never,
      ...(byReference ? { credentialOfferUri: `${PEER_ISSUER}/offers/1` } : {}),
    });
    state.offerObject = made.credentialOfferObject;
    return made.credentialOffer;
  }
  return { did, createOffer, requests, fetch: httpFetchOver((request) => handle(request)) };
}

describe("Given a peer issuer (@openid4vc/openid4vci), when Vouch's wallet client receives from it", () => {
  it.each([
    ['by value', false],
    ['by reference', true],
  ])(
    "then it reads the peer's offer %s and metadata, and gets a batch of two credentials",
    async (_name, byReference) => {
      const peer = await createPeerIssuer();
      const link = await peer.createOffer(byReference);
      expect(link.startsWith('openid-credential-offer://?')).toBe(true);
      const parsedLink = parseCredentialOfferLink(link);
      expect(parsedLink.ok && parsedLink.value.kind).toBe(
        byReference ? 'by-reference' : 'by-value',
      );

      const resolved = await resolveCredentialOffer(link, { fetch: peer.fetch });
      if (!resolved.ok) throw new Error(resolved.detail.message);
      expect(resolved.value.txCode).toEqual({
        input_mode: 'numeric',
        length: 4,
        description: 'Sent by text message',
      });
      expect(resolved.value.maxCopies).toBe(2);
      expect(resolved.value.issuerMetadata.display).toEqual([
        { name: 'Peer Payroll', locale: 'en' },
      ]);
      expect(resolved.value.configurations.map((entry) => entry.id)).toEqual(['PeerPayslip']);

      const keys = [holderKey(), holderKey()];
      const received = await requestCredentials(resolved.value, {
        fetch: peer.fetch,
        txCode: '8080',
        proofKeys: keys,
        now: NOW,
      });
      if (!received.ok) throw new Error(`${received.reason}: ${received.detail.message}`);
      expect(received.value.credentials).toHaveLength(2);
      for (const [index, credential] of received.value.credentials.entries()) {
        const verified = await verifySdJwtVc(credential, { crypto, now: NOW });
        if (!verified.ok) throw new Error(verified.detail.message);
        expect(verified.value.issuer).toBe(peer.did);
        expect(verified.value.claims).toEqual(PAYSLIP);
        expect(verified.value.cnfJwk).toEqual(keys[index]?.publicJwk);
      }
    },
  );

  it('then a wrong tx_code from the citizen is tx-code-wrong at the peer too', async () => {
    const peer = await createPeerIssuer();
    const resolved = await resolveCredentialOffer(await peer.createOffer(false), {
      fetch: peer.fetch,
    });
    if (!resolved.ok) throw new Error(resolved.detail.message);
    const received = await requestCredentials(resolved.value, {
      fetch: peer.fetch,
      txCode: '1234',
      proofKeys: [holderKey()],
      now: NOW,
    });
    expect(received.ok ? 'ok' : received.reason).toBe('tx-code-wrong');
  });

  it("then Vouch's own metadata passes the peer issuer's validation for every type", () => {
    const peerIssuer = new Openid4vciIssuer({ callbacks: peerCallbacks(fetch, new Map()) });
    const metadata = buildCredentialIssuerMetadata({
      credentialIssuer: 'https://vouch.example/org',
      batchSize: 5,
    });
    const validated = peerIssuer.createCredentialIssuerMetadata(metadata as never);
    expect(
      Object.keys(peerIssuer.getKnownCredentialConfigurationsSupported(validated)).sort(),
    ).toEqual([...CREDENTIAL_TYPE_IDS, 'diploma-w3c'].sort());
  });
});
