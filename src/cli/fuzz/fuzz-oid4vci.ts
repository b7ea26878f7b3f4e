/**
 * Fuzz targets for the OpenID4VCI 1.0 decoders (src/core/oid4vci): what a wallet reads from a
 * link or an issuer (offer links, the offer by reference, issuer and authorization server
 * metadata, token and credential responses, OAuth error bodies) and what `vouch serve` reads
 * from a wallet (token request forms, credential requests, key proofs). Seeds are made by the
 * module's own builders; the mutators know the layers (a link's query, a form's fields, the JSON
 * inside a form value, a JWS's header and payload), so a change reaches past the URL encoding
 * and the base64url. Every decoder must answer with a Result; the runs also check what an `ok`
 * answer promises (the expected issuer, a Bearer token, a batch within its size, and a key proof
 * that verifies with real signatures only when its signed bytes and signature are a seed's).
 */
import { didKeyFromJwk, didKeyVerificationMethod } from '../../core/did/did-key.ts';
import { decodeBase64Url, encodeBase64Url } from '../../core/encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../../core/encoding/utf8.ts';
import { decodeCompactJwsBytes, signCompactJws } from '../../core/jose/compact-jws.ts';
import type { JwsAlgorithm } from '../../core/jose/jws-algorithm.ts';
import { publicJwkOf } from '../../core/jose/jwk.ts';
import { CREDENTIAL_TYPE_IDS, exampleClaims } from '../../core/credentials/index.ts';
import { issuerSigner } from '../../core/jose/issuer-key-file.ts';
import { issueVouchW3cCredential } from '../../core/oid4vci/issue.ts';
import { fetchCredentialOffer } from '../../core/oid4vci/client.ts';
import {
  buildCredentialRequest,
  parseCredentialRequest,
  parseCredentialResponse,
} from '../../core/oid4vci/credential.ts';
import { formBody } from '../../core/oid4vci/http.ts';
import type { HttpFetch } from '../../core/oid4vci/http.ts';
import {
  buildAuthorizationServerMetadata,
  buildCredentialIssuerMetadata,
  parseAuthorizationServerMetadata,
  parseCredentialIssuerMetadata,
} from '../../core/oid4vci/metadata.ts';
import {
  buildCredentialOffer,
  buildCredentialOfferLink,
  parseCredentialOfferLink,
  PRE_AUTHORIZED_CODE_GRANT,
} from '../../core/oid4vci/offer.ts';
import { createKeyProof, KEY_PROOF_TYP, verifyKeyProof } from '../../core/oid4vci/proof.ts';
import {
  parseOAuthErrorBody,
  parseTokenRequest,
  parseTokenResponse,
} from '../../core/oid4vci/token.ts';
import { samplePresentation } from '../../core/transport/sample-payloads.fake.ts';
import { makeWorld } from '../../core/verification/presentation-world.fake.ts';
import { resultProblem, sharedCrypto, textTarget } from './fuzz-kit.ts';
import type { FuzzTarget } from './fuzz-kit.ts';
import { mutateJsonText, mutateText } from './fuzz-mutate.ts';
import type { FuzzRng } from './fuzz-rng.ts';

const ISSUER = 'https://issuer.example';
const TENANT_ISSUER = 'https://issuer.example/tenant/7';
const LOCAL_ISSUER = 'http://localhost:8080';
const ISSUERS = [ISSUER, TENANT_ISSUER, LOCAL_ISSUER];
/** The time key proofs are made and checked at. */
const NOW = new Date('2026-10-01T09:00:00Z');
const C_NONCE = 'wKI4LT17ac15ES9bw8ac4';

/** Members the OpenID4VCI decoders read (the shared mutator knows the SD-JWT and DCQL ones). */
const OID4VCI_NAMES: readonly string[] = [
  'credential_issuer',
  'credential_configuration_ids',
  'grants',
  PRE_AUTHORIZED_CODE_GRANT,
  'pre-authorized_code',
  'tx_code',
  'input_mode',
  'length',
  'description',
  'authorization_code',
  'issuer_state',
  'authorization_server',
  'authorization_servers',
  'credential_endpoint',
  'nonce_endpoint',
  'token_endpoint',
  'batch_credential_issuance',
  'batch_size',
  'display',
  'locale',
  'credential_configurations_supported',
  'format',
  'vct',
  'scope',
  'cryptographic_binding_methods_supported',
  'credential_signing_alg_values_supported',
  'proof_types_supported',
  'proof_signing_alg_values_supported',
  'credential_metadata',
  'claims',
  'path',
  'mandatory',
  'vct_metadata_uri',
  'issuer',
  'grant_types_supported',
  'pre-authorized_grant_anonymous_access_supported',
  'credential_configuration_id',
  'credential_identifier',
  'credential_response_encryption',
  'proof',
  'proofs',
  'jwt',
  'credentials',
  'credential',
  'transaction_id',
  'notification_id',
  'access_token',
  'token_type',
  'expires_in',
  'c_nonce',
  'error',
  'error_description',
  'typ',
  'alg',
  'jwk',
  'kid',
  'x5c',
  'trust_chain',
  'crit',
  'aud',
  'iat',
  'exp',
  'nonce',
  'd',
  '__proto__',
];

/** Values that fit some OpenID4VCI member and break another. */
const OID4VCI_VALUES: readonly unknown[] = [
  ISSUER,
  `${ISSUER}/`,
  `${ISSUER}?x=1`,
  `${ISSUER}#f`,
  'https://user@issuer.example',
  'https://issuer.example:99999',
  'http://issuer.example',
  'http://[::1]:8080/x',
  'https://[::1',
  'openid-credential-offer://',
  PRE_AUTHORIZED_CODE_GRANT,
  'authorization_code',
  'dc+sd-jwt',
  'jwt_vc_json',
  'jwt',
  'Bearer',
  'bearer',
  'DPoP',
  KEY_PROOF_TYP,
  `application/${KEY_PROOF_TYP}`,
  'numeric',
  'text',
  'income-statement',
  'x'.repeat(301),
  'x'.repeat(1025),
  'x'.repeat(4097),
  [],
  [''],
  ['income-statement', 'income-statement'],
  Array.from({ length: 33 }, (_, i) => `id-${i}`),
  {},
  { jwt: [] },
  { jwt: ['a.b.c'] },
  { jwt: Array.from({ length: 11 }, () => 'a.b.c') },
  { ldp_vp: ['x'] },
  [{ credential: '' }],
  [{ credential: 1 }],
  { batch_size: 0 },
  0,
  -1,
  1.5,
  65,
  2 ** 53,
  1e308,
  true,
  null,
  '',
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an OpenID4VCI member somewhere in the JSON (objects only), or undefined when it can't. */
function withOid4vciMember(rng: FuzzRng, text: string): string | undefined {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(root)) return undefined;
  let node: Record<string, unknown> = root;
  for (let depth = 0; depth < 6 && rng.chance(0.6); depth++) {
    const children = Object.values(node).filter(isObject);
    if (children.length === 0) break;
    node = rng.pick(children);
  }
  const name = rng.pick(OID4VCI_NAMES);
  const value = rng.chance(0.2) ? undefined : structuredClone(rng.pick(OID4VCI_VALUES));
  // defineProperty, so that "__proto__" becomes an own member as JSON.parse would make it.
  if (value === undefined) delete node[name];
  else Object.defineProperty(node, name, { value, enumerable: true, writable: true });
  return JSON.stringify(root);
}

/** A JSON document mutated: as JSON (the shared mutator or an OpenID4VCI member), or as text. */
function mutateOid4vciJson(rng: FuzzRng, text: string, seeds: readonly string[]): string {
  const layer = rng.below(10);
  if (layer < 3) return withOid4vciMember(rng, text) ?? mutateText(rng, text, seeds);
  if (layer < 7) return mutateJsonText(rng, text, seeds);
  return mutateText(rng, text, seeds);
}

const FORM_NAMES: readonly string[] = [
  'grant_type',
  'pre-authorized_code',
  'tx_code',
  'user_pin',
  'client_id',
  'resource',
  'code',
  'redirect_uri',
  'credential_offer',
  'credential_offer_uri',
  '',
  '__proto__',
];

const FORM_VALUES: readonly string[] = [
  '',
  PRE_AUTHORIZED_CODE_GRANT,
  'authorization_code',
  'urn:ietf:params:oauth:grant-type:pre-authorized_code ',
  '123456',
  'x'.repeat(9000),
  `${ISSUER}/offers/1`,
  'http://evil.example/offer',
  '{"credential_issuer":"https://issuer.example","credential_configuration_ids":["diploma"]}',
  '{}',
  '\u0000',
  '\ud800',
];

function decodeFormPart(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Lone surrogates become U+FFFD: encodeURIComponent throws on them (the mutator must not). */
function wellFormed(text: string): string {
  return text.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}

/** Encodes one form part: mostly as a browser would, sometimes with "+", raw or half-encoded. */
function encodeFormPart(rng: FuzzRng, text: string): string {
  switch (rng.below(10)) {
    case 0:
      return encodeURIComponent(wellFormed(text)).replace(/%20/g, '+');
    case 1:
      return text;
    case 2:
      return encodeURI(wellFormed(text));
    default:
      return encodeURIComponent(wellFormed(text));
  }
}

/**
 * Mutates an application/x-www-form-urlencoded text by its fields: a value mutated (as JSON when
 * it is JSON, so an offer inside a link changes past the %-encoding), a field dropped, repeated,
 * added, renamed, or the fields reordered; else as text.
 */
function mutateForm(rng: FuzzRng, form: string, seeds: readonly string[]): string {
  const raw = form.split('&');
  const fields = raw.map((pair) => {
    const at = pair.indexOf('=');
    return [
      decodeFormPart(at < 0 ? pair : pair.slice(0, at)),
      decodeFormPart(at < 0 ? '' : pair.slice(at + 1)),
    ] as const;
  });
  if (rng.chance(0.15) || fields.some(([n, v]) => n === undefined || v === undefined)) {
    return mutateText(rng, form, seeds);
  }
  const pairs = fields as (readonly [string, string])[];
  const at = rng.below(Math.max(1, pairs.length));
  switch (rng.below(8)) {
    case 0:
    case 1:
    case 2: {
      const [name, value] = pairs[at] ?? ['', ''];
      const changed = /^\s*[[{]/.test(value)
        ? mutateOid4vciJson(rng, value, [])
        : rng.chance(0.3)
          ? rng.pick(FORM_VALUES)
          : mutateText(rng, value, FORM_VALUES);
      pairs[at] = [name, changed];
      break;
    }
    case 3:
      pairs.splice(at, 1);
      break;
    case 4:
      if (pairs[at]) pairs.splice(rng.below(pairs.length + 1), 0, pairs[at]);
      break;
    case 5:
      pairs.splice(rng.below(pairs.length + 1), 0, [rng.pick(FORM_NAMES), rng.pick(FORM_VALUES)]);
      break;
    case 6:
      if (pairs[at]) pairs[at] = [rng.pick(FORM_NAMES), pairs[at][1]];
      break;
    default:
      pairs.reverse();
  }
  return pairs
    .map(([name, value]) => `${encodeFormPart(rng, name)}=${encodeFormPart(rng, value)}`)
    .join(rng.chance(0.05) ? '&&' : '&');
}

function credentialIssuerOf(input: string, member: string): string | undefined {
  const match = new RegExp(`"${member}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*")`).exec(input);
  if (!match) return undefined;
  try {
    const value: unknown = JSON.parse(match[1] as string);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The issuer a wallet would expect for this document: the one it names (so that mutants reach
 * past the identity check), now and then another one (so that the check itself is fuzzed).
 */
function expectedIssuer(rng: FuzzRng, input: string, member: string): string {
  const named = credentialIssuerOf(input, member);
  return named !== undefined && rng.chance(0.9) ? named : rng.pick(ISSUERS);
}

/** Nothing was added to Object.prototype (a "__proto__" member must stay an own member). */
function prototypeProblem(): string | undefined {
  const probe = {} as Record<string, unknown>;
  for (const name of ['format', 'vct', 'credential_endpoint', 'jwt', 'batch_size']) {
    if (probe[name] !== undefined) return `Object.prototype polluted with "${name}"`;
  }
  return undefined;
}

const SCHEMES: readonly string[] = [
  'openid-credential-offer://',
  'openid-credential-offer:',
  'OPENID-CREDENTIAL-OFFER://',
  'https://wallet.example/offer',
  'http://localhost:5173/',
  'haip://',
  'openid4vp://',
  '',
];

/** Offer links by value and by reference (parseCredentialOfferLink), then the offer fetched. */
async function offerLink(): Promise<FuzzTarget> {
  const offers = [
    buildCredentialOffer({
      credentialIssuer: ISSUER,
      credentialConfigurationIds: ['income-statement', 'diploma'],
      preAuthorizedCode: 'SplxlOBeZQQYbYS6WxSbIA',
      txCode: { input_mode: 'numeric', length: 6, description: 'De code uit uw brief' },
    }),
    buildCredentialOffer({
      credentialIssuer: TENANT_ISSUER,
      credentialConfigurationIds: ['medical-attestation'],
      preAuthorizedCode: 'adhjhdjajkdkhjhdj',
    }),
  ];
  const offerJson = [
    ...offers.map((offer) => JSON.stringify(offer)),
    JSON.stringify({
      ...offers[1],
      grants: {
        ...offers[1]?.grants,
        authorization_code: { issuer_state: 'eyJhbGciOiJSU0Et...FYUaBy' },
      },
    }),
  ];
  const seeds = [
    buildCredentialOfferLink({ offer: offers[0] as (typeof offers)[0] }),
    buildCredentialOfferLink({ offer: offers[1] as (typeof offers)[0] }),
    buildCredentialOfferLink({ offerUri: `${ISSUER}/offers/5f3c` }),
    buildCredentialOfferLink({ offerUri: `${LOCAL_ISSUER}/offers/1?x=y` }),
    buildCredentialOfferLink(
      { offer: offers[0] as (typeof offers)[0] },
      'https://wallet.example/offer',
    ),
  ];
  const mutate = (rng: FuzzRng, seed: string) => {
    if (rng.chance(0.3)) return mutateText(rng, seed, seeds);
    const queryAt = seed.indexOf('?');
    const prefix = rng.chance(0.15) ? `${rng.pick(SCHEMES)}?` : seed.slice(0, queryAt + 1);
    return `${prefix}${mutateForm(rng, seed.slice(queryAt + 1), seeds)}`;
  };
  return textTarget(
    'oid4vci-offer-link',
    seeds,
    async (input, rng) => {
      const parsed = parseCredentialOfferLink(input);
      const problem = resultProblem(parsed);
      if (problem || !parsed.ok) return problem;
      if (parsed.value.kind === 'by-value') {
        const { offer } = parsed.value;
        if (offer.credential_configuration_ids.length === 0) return 'an offer without ids';
        return undefined;
      }
      // By reference: the offer address answers a mutated offer, an error, or nothing.
      const fetch: HttpFetch = async () => {
        if (rng.chance(0.1)) throw new TypeError('Failed to fetch');
        const text = mutateOid4vciJson(rng, rng.pick(offerJson), offerJson);
        return {
          status: rng.chance(0.85) ? 200 : rng.pick([404, 500, 302]),
          headers: {
            get: (name: string) =>
              name.toLowerCase() === 'content-length' && rng.chance(0.1)
                ? rng.pick(['99999999', '-1', 'x', '1e9'])
                : null,
          },
          text: async () => text,
        };
      };
      return resultProblem(await fetchCredentialOffer(input, { fetch }));
    },
    mutate,
  ) as FuzzTarget;
}

/** Credential Issuer Metadata (§12.2.4) as the wallet reads it. */
async function issuerMetadata(): Promise<FuzzTarget> {
  const seeds = [
    JSON.stringify(
      buildCredentialIssuerMetadata({
        credentialIssuer: ISSUER,
        name: { nl: 'Gemeente Utrecht', fr: 'Ville d’Utrecht', en: 'City of Utrecht' },
      }),
    ),
    JSON.stringify(
      buildCredentialIssuerMetadata({
        credentialIssuer: TENANT_ISSUER,
        batchSize: 1,
        types: CREDENTIAL_TYPE_IDS.slice(0, 1),
        credentialSigningAlgs: ['EdDSA'],
      }),
    ),
    JSON.stringify(
      buildCredentialIssuerMetadata({ credentialIssuer: LOCAL_ISSUER, batchSize: 100 }),
    ),
    // A peer of an earlier draft: token_endpoint in the issuer metadata, another format beside.
    JSON.stringify({
      credential_issuer: ISSUER,
      credential_endpoint: `${ISSUER}/credential`,
      token_endpoint: `${ISSUER}/token`,
      display: [{ name: 'Peer issuer', locale: 'en-GB', logo: { uri: `${ISSUER}/logo.png` } }],
      credential_configurations_supported: {
        'pid-sd-jwt': {
          format: 'dc+sd-jwt',
          vct: 'urn:eudi:pid:1',
          scope: 'pid',
          cryptographic_binding_methods_supported: ['jwk', 'did:key'],
          proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['ES256'] } },
          credential_metadata: { claims: [{ path: ['address', null, 0], mandatory: false }] },
        },
        'pid-jwt-vc': { format: 'jwt_vc_json', credential_definition: { type: ['x'] } },
      },
    }),
  ];
  return textTarget(
    'oid4vci-issuer-metadata',
    seeds,
    (input, rng) => {
      const expected = expectedIssuer(rng, input, 'credential_issuer');
      const parsed = parseCredentialIssuerMetadata(input, expected);
      const problem = resultProblem(parsed) ?? prototypeProblem();
      if (problem || !parsed.ok) return problem;
      if (parsed.value.credential_issuer !== expected) {
        return `accepted metadata of ${parsed.value.credential_issuer} for ${expected}`;
      }
      if (
        Object.getPrototypeOf(parsed.value.credential_configurations_supported) !== Object.prototype
      ) {
        return 'credential_configurations_supported lost its prototype';
      }
      return undefined;
    },
    (rng, seed) => mutateOid4vciJson(rng, seed, seeds),
  ) as FuzzTarget;
}

/** RFC 8414 Authorization Server Metadata as the wallet reads it. */
async function authorizationServerMetadata(): Promise<FuzzTarget> {
  const seeds = [
    JSON.stringify(buildAuthorizationServerMetadata({ issuer: ISSUER })),
    JSON.stringify(buildAuthorizationServerMetadata({ issuer: TENANT_ISSUER })),
    JSON.stringify({ issuer: LOCAL_ISSUER, token_endpoint: `${LOCAL_ISSUER}/token` }),
    // OpenID Connect Discovery, as some peers publish it.
    JSON.stringify({
      issuer: ISSUER,
      authorization_endpoint: `${ISSUER}/authorize`,
      token_endpoint: `${ISSUER}/oauth/token`,
      jwks_uri: `${ISSUER}/jwks`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', PRE_AUTHORIZED_CODE_GRANT],
      'pre-authorized_grant_anonymous_access_supported': false,
      dpop_signing_alg_values_supported: ['ES256'],
    }),
  ];
  return textTarget(
    'oid4vci-as-metadata',
    seeds,
    (input, rng) => {
      const expected = expectedIssuer(rng, input, 'issuer');
      const parsed = parseAuthorizationServerMetadata(input, expected);
      const problem = resultProblem(parsed) ?? prototypeProblem();
      if (problem || !parsed.ok) return problem;
      if (parsed.value.issuer !== expected) {
        return `accepted metadata of ${parsed.value.issuer} for ${expected}`;
      }
      return undefined;
    },
    (rng, seed) => mutateOid4vciJson(rng, seed, seeds),
  ) as FuzzTarget;
}

/** The token request form (`vouch serve` POST /token). */
async function tokenRequest(): Promise<FuzzTarget> {
  const seeds = [
    formBody({
      grant_type: PRE_AUTHORIZED_CODE_GRANT,
      'pre-authorized_code': 'SplxlOBeZQQYbYS6WxSbIA',
      tx_code: '493536',
    }),
    formBody({ grant_type: PRE_AUTHORIZED_CODE_GRANT, 'pre-authorized_code': 'adhjhdjajkdkhjhdj' }),
    // A peer wallet: client_id, the legacy user_pin, a resource, "+" for spaces.
    `grant_type=${encodeURIComponent(PRE_AUTHORIZED_CODE_GRANT)}&pre-authorized_code=a+b%2Fc&client_id=wallet-1&user_pin=1234&resource=${encodeURIComponent(ISSUER)}`,
    formBody({
      grant_type: 'authorization_code',
      code: 'SplxlOBeZQQYbYS6WxSbIA',
      redirect_uri: 'https://wallet.example/cb',
    }),
  ];
  return textTarget(
    'oid4vci-token-request',
    seeds,
    (input) => {
      const parsed = parseTokenRequest(input);
      const problem = resultProblem(parsed);
      if (problem || !parsed.ok) return problem;
      if (parsed.value.grantType !== PRE_AUTHORIZED_CODE_GRANT) return 'another grant accepted';
      if (parsed.value.preAuthorizedCode === '') return 'an empty pre-authorized code accepted';
      return undefined;
    },
    (rng, seed) => mutateForm(rng, seed, seeds),
  ) as FuzzTarget;
}

/** The token endpoint's answer as the wallet reads it: a token, or an OAuth error body. */
async function tokenResponse(): Promise<FuzzTarget> {
  const seeds = [
    JSON.stringify({
      access_token: 'eyJhbGciOiJSUzI1NiIsInR5cCI6Ikp',
      token_type: 'Bearer',
      expires_in: 300,
    }),
    JSON.stringify({
      access_token: 'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
      token_type: 'bearer',
      c_nonce: 'tZignsnFbp',
      c_nonce_expires_in: 86400,
      authorization_details: [{ type: 'openid_credential', credential_configuration_id: 'x' }],
    }),
    JSON.stringify({ error: 'invalid_grant', error_description: 'the transaction code is wrong' }),
    JSON.stringify({ error: 'invalid_request' }),
  ];
  return textTarget(
    'oid4vci-token-response',
    seeds,
    (input) => {
      const parsed = parseTokenResponse(input);
      const problem = resultProblem(parsed);
      if (problem) return problem;
      if (parsed.ok && (parsed.value.tokenType !== 'Bearer' || parsed.value.accessToken === '')) {
        return `a token response read as ${JSON.stringify(parsed.value).slice(0, 80)}`;
      }
      const error = parseOAuthErrorBody(input);
      if (error !== undefined && (typeof error.error !== 'string' || error.error.length > 100)) {
        return 'an OAuth error without a short error code';
      }
      return undefined;
    },
    (rng, seed) => mutateOid4vciJson(rng, seed, seeds),
  ) as FuzzTarget;
}

async function proofKeys() {
  const { fast } = sharedCrypto();
  const keys = [];
  for (const alg of ['ES256K', 'ES256', 'EdDSA'] as const) {
    const { publicJwk, privateJwk } = await fast.generateKeyPair(alg);
    keys.push({
      alg,
      publicJwk,
      privateJwk,
      sign: (data: Uint8Array) => fast.sign(alg, privateJwk, data),
    });
  }
  return keys;
}

/** Key proofs made by createKeyProof (and one naming its key by a did:key kid). */
async function keyProofSeeds(): Promise<string[]> {
  const keys = await proofKeys();
  const seeds: string[] = [];
  for (const [i, key] of keys.entries()) {
    seeds.push(
      await createKeyProof({
        key,
        credentialIssuer: ISSUER,
        ...(i < 2 ? { nonce: C_NONCE } : {}),
        now: NOW,
      }),
    );
  }
  const [first] = keys;
  if (first) {
    const did = didKeyFromJwk(publicJwkOf(first.publicJwk));
    seeds.push(
      await signCompactJws({
        header: {
          alg: first.alg as JwsAlgorithm,
          typ: KEY_PROOF_TYP,
          kid: didKeyVerificationMethod(did),
        },
        payload: { aud: ISSUER, iat: Math.floor(NOW.getTime() / 1000) - 30, nonce: C_NONCE },
        sign: first.sign,
      }),
    );
  }
  return seeds;
}

/** The credential request body (`vouch serve` POST /credential). */
async function credentialRequest(): Promise<FuzzTarget> {
  const proofs = await keyProofSeeds();
  const seeds = [
    JSON.stringify(
      buildCredentialRequest({
        credentialConfigurationId: 'income-statement',
        proofs: proofs.slice(0, 1),
      }),
    ),
    JSON.stringify(buildCredentialRequest({ credentialConfigurationId: 'diploma', proofs })),
    // Earlier drafts and other flows, refused with their own errors.
    JSON.stringify({
      credential_configuration_id: 'diploma',
      proof: { proof_type: 'jwt', jwt: proofs[0] },
    }),
    JSON.stringify({ credential_identifier: 'diploma-1', proofs: { jwt: proofs.slice(0, 1) } }),
  ];
  return textTarget(
    'oid4vci-credential-request',
    seeds,
    (input, rng) => {
      const batchSize = rng.chance(0.8) ? 10 : rng.pick([1, 2, 100]);
      const parsed = parseCredentialRequest(input, { batchSize });
      const problem = resultProblem(parsed);
      if (problem || !parsed.ok) return problem;
      const n = parsed.value.proofs.length;
      if (n < 1 || n > batchSize) return `${n} proofs accepted with a batch size of ${batchSize}`;
      if (!parsed.value.proofs.every((p) => typeof p === 'string')) return 'a proof not a string';
      return undefined;
    },
    (rng, seed) => mutateOid4vciJson(rng, seed, seeds),
  ) as FuzzTarget;
}

/** The credential endpoint's answer as the wallet reads it. */
async function credentialResponse(): Promise<FuzzTarget> {
  const world = await makeWorld('ES256', 'fuzz oid4vci');
  const other = await samplePresentation({ issuerAlg: 'EdDSA', seed: 'fuzz oid4vci' });
  // A jwt_vc_json answer (issue 10): the W3C VC-JWT `vouch serve` issues for diploma-w3c.
  const vcJwt = await issueVouchW3cCredential({
    issuer: {
      did: world.issuer.did,
      alg: world.issuer.alg,
      sign: issuerSigner(world.crypto, world.issuer),
    },
    type: 'diploma',
    claims: exampleClaims('diploma'),
    holderJwk: world.holder.publicJwk,
    status: { uri: `${ISSUER}/status/1`, idx: world.statusIndex },
    now: new Date('2026-10-01T09:00:00Z'),
    randomBytes: world.randomBytes,
  });
  if (!vcJwt.ok) throw new Error('fuzz seed: the diploma claims do not fit');
  const seeds = [
    JSON.stringify({ credentials: [{ credential: world.credential }] }),
    JSON.stringify({
      credentials: [{ credential: world.credential }, { credential: other }],
      notification_id: '3fwe98js',
    }),
    JSON.stringify({ credentials: [{ credential: vcJwt.value }, { credential: vcJwt.value }] }),
    JSON.stringify({ transaction_id: '8xLOxBtZp8', interval: 3600 }),
    JSON.stringify({ error: 'invalid_nonce', error_description: 'the c_nonce is used' }),
  ];
  return textTarget(
    'oid4vci-credential-response',
    seeds,
    (input) => {
      const parsed = parseCredentialResponse(input);
      const problem = resultProblem(parsed);
      if (problem || !parsed.ok) return problem;
      const n = parsed.value.length;
      if (n < 1 || n > 100) return `${n} credentials accepted`;
      if (!parsed.value.every((c) => typeof c === 'string' && c !== ''))
        return 'an empty credential';
      return undefined;
    },
    (rng, seed) => mutateOid4vciJson(rng, seed, seeds),
  ) as FuzzTarget;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * Mutates a key proof at one of its layers: its header or payload decoded, mutated as JSON and
 * encoded again (the signature left as it was); a part swapped with another proof's (a key and
 * a signature that do not belong together); or the text.
 */
function mutateProof(rng: FuzzRng, seed: string, seeds: readonly string[]): string {
  const parts = seed.split('.');
  const layer = rng.below(10);
  if (layer < 6 && parts.length === 3) {
    const at = rng.below(2);
    const bytes = decodeBase64Url(parts[at] as string);
    const text = bytes.ok ? bytesToUtf8(bytes.value) : undefined;
    if (text?.ok) {
      parts[at] = encodeBase64Url(utf8ToBytes(mutateOid4vciJson(rng, text.value, [])));
      return parts.join('.');
    }
  }
  if (layer < 7 && parts.length === 3) {
    const donor = rng.pick(seeds).split('.');
    const at = rng.below(3);
    parts[at] = donor[at] ?? '';
    return parts.join('.');
  }
  return mutateText(rng, seed, seeds);
}

/**
 * verifyKeyProof, as `vouch serve` calls it for each proof of a credential request. Half the
 * inputs are checked with a crypto that accepts every signature, so mutated headers and payloads
 * reach aud, iat, exp and the nonce; with real signatures, a proof that verifies must have a
 * seed's signed bytes and signature (base64url is canonical: the same text).
 */
async function keyProof(): Promise<FuzzTarget> {
  const shared = sharedCrypto();
  const seeds = await keyProofSeeds();
  const signed = seeds.map((seed) => {
    const decoded = decodeCompactJwsBytes(seed);
    if (!decoded.ok) throw new Error(`a key proof seed does not decode: ${decoded.detail.message}`);
    return decoded.value;
  });
  return textTarget(
    'oid4vci-key-proof',
    seeds,
    async (input, rng) => {
      const crypto = shared.crypto(rng);
      const expectedNonce = rng.chance(0.8) ? C_NONCE : undefined;
      const verified = await verifyKeyProof(input, {
        crypto,
        credentialIssuer: ISSUER,
        ...(expectedNonce === undefined ? {} : { expectedNonce }),
        now: rng.chance(0.9) ? NOW : new Date(NOW.getTime() + rng.pick([-600, 400, 1e12]) * 1000),
      });
      const problem = resultProblem(verified);
      if (problem || !verified.ok) return problem;
      if (expectedNonce !== undefined && verified.value.nonce !== expectedNonce) {
        return `a proof with the nonce ${JSON.stringify(verified.value.nonce)} was accepted`;
      }
      if (crypto === shared.fast) {
        const decoded = decodeCompactJwsBytes(input);
        const same =
          decoded.ok &&
          signed.some(
            (seed) =>
              sameBytes(seed.signingInput, decoded.value.signingInput) &&
              sameBytes(seed.signature, decoded.value.signature),
          );
        if (!same) return 'a mutated key proof verified with real signatures';
      }
      return undefined;
    },
    (rng, seed) => mutateProof(rng, seed, seeds),
  ) as FuzzTarget;
}

export const OID4VCI_BUILDERS = {
  'oid4vci-offer-link': offerLink,
  'oid4vci-issuer-metadata': issuerMetadata,
  'oid4vci-as-metadata': authorizationServerMetadata,
  'oid4vci-token-request': tokenRequest,
  'oid4vci-token-response': tokenResponse,
  'oid4vci-credential-request': credentialRequest,
  'oid4vci-credential-response': credentialResponse,
  'oid4vci-key-proof': keyProof,
} as const;
