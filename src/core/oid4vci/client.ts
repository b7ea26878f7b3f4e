/**
 * The wallet's OpenID4VCI 1.0 client, pre-authorized code flow:
 *
 *   resolveCredentialOffer(link)   the offer (by value, or GET credential_offer_uri), the Credential
 *                                  Issuer Metadata (§12.2.2) and the authorization server's
 *                                  metadata (RFC 8414) — what the UI shows before asking anything
 *   requestCredentials(resolved)   POST /token (form, with the tx_code the citizen typed),
 *                                  POST nonce_endpoint, one key proof per key, POST /credential
 *                                  with the Bearer token → the credentials, with their format:
 *                                  compact SD-JWT VCs (`dc+sd-jwt`) or VC-JWTs (`jwt_vc_json`)
 *
 * Every request goes through the injected fetch; every answer is read with a size cap and
 * parsed totally. Failures are Results with codes the UI translates:
 *
 *   offline           the request did not get an answer (network, DNS, CORS)
 *   bad-offer         the link or the offer object is not a valid Credential Offer
 *   bad-metadata      the issuer's or authorization server's metadata is missing or invalid
 *   unsupported       nothing Vouch can receive: no pre-authorized code, no dc+sd-jwt or
 *                     jwt_vc_json configuration, no
 *                     jwt proof with our keys' algorithm, a batch larger than the issuer allows
 *   tx-code-required  the offer asks for a transaction code and none was given
 *   tx-code-wrong     the issuer refused the transaction code (invalid_grant with a tx_code)
 *   offer-expired     the pre-authorized code is unknown, used or expired (invalid_grant)
 *   issuer-error      any other error answer from the issuer, or an answer we cannot read
 *   bad-credential    the credential response holds no credentials we can read, or another
 *                     number of them than keys were proved
 *   refresh-refused   the issuer refused the refresh token (used, expired, or the credential
 *                     was revoked): it renews this credential no more (refresh.ts)
 */
import { parseJsonObject, shortValue } from '../jose/compact-jws.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
  buildCredentialRequest,
  MAX_CREDENTIAL_RESPONSE_LENGTH,
  parseCredentialResponse,
} from './credential.ts';
import { formBody, parseHttpUrl, readCapped } from './http.ts';
import type { HttpFetch, HttpRequestInit, HttpResponse } from './http.ts';
import {
  authorizationServerMetadataUrl,
  credentialIssuerMetadataUrl,
  JWT_PROOF_TYPE,
  JWT_VC_JSON_FORMAT,
  MAX_METADATA_LENGTH,
  OPENID_CONFIGURATION_WELL_KNOWN,
  parseAuthorizationServerMetadata,
  parseCredentialIssuerMetadata,
  SD_JWT_VC_FORMAT,
} from './metadata.ts';
import type {
  AuthorizationServerMetadata,
  CredentialConfiguration,
  CredentialFormat,
  CredentialIssuerMetadata,
} from './metadata.ts';
import {
  MAX_OFFER_JSON_LENGTH,
  parseCredentialOfferJson,
  parseCredentialOfferLink,
  PRE_AUTHORIZED_CODE_GRANT,
} from './offer.ts';
import type { CredentialOfferObject, TxCodeDescription } from './offer.ts';
import { createKeyProof } from './proof.ts';
import type { ProofKey } from './proof.ts';
import { MAX_TOKEN_RESPONSE_LENGTH, parseOAuthErrorBody, parseTokenResponse } from './token.ts';
import type { TokenResponse } from './token.ts';

export type ClientProblem =
  | 'offline'
  | 'bad-offer'
  | 'bad-metadata'
  | 'unsupported'
  | 'tx-code-required'
  | 'tx-code-wrong'
  | 'offer-expired'
  | 'issuer-error'
  | 'bad-credential'
  | 'refresh-refused';

export type ClientResult<T> = Result<T, ClientProblem, { message: string }>;

const fail = (reason: ClientProblem, message: string) => failedWith(reason, { message });

export interface OfferedConfiguration {
  readonly id: string;
  /** What the credentials of this configuration are: SD-JWT VCs or W3C VC-JWTs. */
  readonly format: CredentialFormat;
  readonly configuration: CredentialConfiguration;
}

/** The format of a configuration Vouch can receive, or undefined. */
function receivableFormat(configuration: CredentialConfiguration): CredentialFormat | undefined {
  if (configuration.format === SD_JWT_VC_FORMAT) return SD_JWT_VC_FORMAT;
  if (configuration.format === JWT_VC_JSON_FORMAT && configuration.credential_definition) {
    return JWT_VC_JSON_FORMAT;
  }
  return undefined;
}

export interface ResolvedCredentialOffer {
  readonly offer: CredentialOfferObject;
  readonly issuerMetadata: CredentialIssuerMetadata;
  readonly authorizationServer: AuthorizationServerMetadata;
  /** The offered configurations Vouch can receive (dc+sd-jwt, jwt_vc_json), in the offer's order. */
  readonly configurations: readonly OfferedConfiguration[];
  /** Present when the citizen must type a transaction code (show its description). */
  readonly txCode?: TxCodeDescription;
  /** How many copies (keys) one request may ask for: batch_size, or 1. */
  readonly maxCopies: number;
}

const MAX_ERROR_BODY = 16 * 1024;

async function send(
  fetch: HttpFetch,
  url: string,
  init: HttpRequestInit,
): Promise<ClientResult<HttpResponse>> {
  try {
    return ok(await fetch(url, init));
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 120) : 'network error';
    return fail('offline', `no answer from ${url.slice(0, 200)}: ${reason}`);
  }
}

async function bodyOf(
  response: HttpResponse,
  maxLength: number,
  problem: ClientProblem,
): Promise<ClientResult<string>> {
  try {
    const text = await readCapped(response, maxLength);
    return text.ok ? text : fail(problem, text.detail.message);
  } catch {
    return fail('offline', 'the answer broke off');
  }
}

async function getJson(
  fetch: HttpFetch,
  url: string,
  maxLength: number,
  problem: ClientProblem,
): Promise<ClientResult<{ status: number; text: string }>> {
  const response = await send(fetch, url, {
    method: 'GET',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) return response;
  const text = await bodyOf(response.value, maxLength, problem);
  return text.ok ? ok({ status: response.value.status, text: text.value }) : text;
}

async function issuerErrorOf(
  response: HttpResponse,
  what: string,
): Promise<{ error?: string; message: string }> {
  const text = await bodyOf(response, MAX_ERROR_BODY, 'issuer-error');
  const error = text.ok ? parseOAuthErrorBody(text.value) : undefined;
  return {
    ...(error ? { error: error.error } : {}),
    message: `${what} answered ${response.status}${error ? ` ${error.error}${error.description ? `: ${error.description}` : ''}` : ''}`,
  };
}

/** The offer object a link carries, fetching it when it is by reference (§4.1.3). */
export async function fetchCredentialOffer(
  link: string,
  deps: { fetch: HttpFetch },
): Promise<ClientResult<CredentialOfferObject>> {
  const parsed = parseCredentialOfferLink(link);
  if (!parsed.ok) return fail('bad-offer', parsed.detail.message);
  if (parsed.value.kind === 'by-value') return ok(parsed.value.offer);
  const answer = await getJson(deps.fetch, parsed.value.uri, MAX_OFFER_JSON_LENGTH, 'bad-offer');
  if (!answer.ok) return answer;
  if (answer.value.status === 404)
    return fail('offer-expired', 'the offer is no longer there (404)');
  if (answer.value.status !== 200)
    return fail('issuer-error', `the offer address answered ${answer.value.status}`);
  const offer = parseCredentialOfferJson(answer.value.text);
  return offer.ok ? offer : fail('bad-offer', offer.detail.message);
}

async function fetchAuthorizationServer(
  fetch: HttpFetch,
  issuer: string,
  issuerMetadata: CredentialIssuerMetadata,
): Promise<ClientResult<AuthorizationServerMetadata>> {
  // RFC 8414 §3.1 first; OpenID Connect Discovery's location as a fallback (as peers do).
  const candidates = [
    authorizationServerMetadataUrl(issuer),
    `${issuer.replace(/\/$/, '')}${OPENID_CONFIGURATION_WELL_KNOWN}`,
  ];
  for (const url of candidates) {
    const answer = await getJson(fetch, url, MAX_METADATA_LENGTH, 'bad-metadata');
    if (!answer.ok) return answer;
    if (answer.value.status === 404) continue;
    if (answer.value.status !== 200)
      return fail('bad-metadata', `${url} answered ${answer.value.status}`);
    const metadata = parseAuthorizationServerMetadata(answer.value.text, issuer);
    return metadata.ok ? metadata : fail('bad-metadata', metadata.detail.message);
  }
  // Issuers of earlier drafts name their token endpoint in their own metadata; peers accept that
  // when the credential issuer is its own authorization server, and so do we.
  if (issuer === issuerMetadata.credential_issuer && issuerMetadata.token_endpoint !== undefined) {
    return ok({ issuer, token_endpoint: issuerMetadata.token_endpoint });
  }
  return fail('bad-metadata', `the authorization server ${issuer} publishes no metadata`);
}

/**
 * The Credential Issuer Metadata (§12.2.2) of `issuer` and its authorization server's (RFC 8414):
 * the offer's `authorization_server` when it names one of the issuer's, else the single entry of
 * `authorization_servers`, else the issuer itself.
 */
export async function resolveIssuer(
  fetch: HttpFetch,
  issuer: string,
  authorizationServerHint?: string,
): Promise<
  ClientResult<{
    issuerMetadata: CredentialIssuerMetadata;
    authorizationServer: AuthorizationServerMetadata;
  }>
> {
  const answer = await getJson(
    fetch,
    credentialIssuerMetadataUrl(issuer),
    MAX_METADATA_LENGTH,
    'bad-metadata',
  );
  if (!answer.ok) return answer;
  if (answer.value.status !== 200) {
    return fail('bad-metadata', `the issuer's metadata answered ${answer.value.status}`);
  }
  const metadata = parseCredentialIssuerMetadata(answer.value.text, issuer);
  if (!metadata.ok) return fail('bad-metadata', metadata.detail.message);

  // §4.1.1 authorization_server / §12.2.4 authorization_servers: which one issues the token.
  const servers = metadata.value.authorization_servers;
  let server: string;
  if (authorizationServerHint !== undefined) {
    if (!servers?.includes(authorizationServerHint)) {
      return fail(
        'bad-metadata',
        `the offer's authorization server ${authorizationServerHint} is not one of the issuer's`,
      );
    }
    server = authorizationServerHint;
  } else if (servers === undefined) {
    server = issuer;
  } else if (servers.length === 1) {
    server = servers[0] as string;
  } else {
    return fail(
      'bad-metadata',
      'the issuer names several authorization servers and the offer does not say which',
    );
  }
  const authorizationServer = await fetchAuthorizationServer(fetch, server, metadata.value);
  if (!authorizationServer.ok) return authorizationServer;
  return ok({ issuerMetadata: metadata.value, authorizationServer: authorizationServer.value });
}

/**
 * Resolves an offer link: the offer, the issuer's metadata and its authorization server's. Makes
 * no request that changes anything at the issuer.
 */
export async function resolveCredentialOffer(
  link: string,
  deps: { fetch: HttpFetch },
): Promise<ClientResult<ResolvedCredentialOffer>> {
  const offer = await fetchCredentialOffer(link, deps);
  if (!offer.ok) return offer;
  const grant = offer.value.grants?.[PRE_AUTHORIZED_CODE_GRANT];
  if (!grant) {
    return fail(
      'unsupported',
      'the offer has no pre-authorized code; Vouch supports only that grant',
    );
  }
  const resolvedIssuer = await resolveIssuer(
    deps.fetch,
    offer.value.credential_issuer,
    grant.authorization_server,
  );
  if (!resolvedIssuer.ok) return resolvedIssuer;
  const { issuerMetadata, authorizationServer } = resolvedIssuer.value;

  const configurations: OfferedConfiguration[] = [];
  for (const id of offer.value.credential_configuration_ids) {
    const configuration = issuerMetadata.credential_configurations_supported[id];
    if (
      configuration === undefined ||
      !Object.hasOwn(issuerMetadata.credential_configurations_supported, id)
    ) {
      return fail(
        'bad-metadata',
        `the offer names ${shortValue(id)}, which the issuer's metadata does not describe`,
      );
    }
    const format = receivableFormat(configuration);
    if (format !== undefined) configurations.push({ id, format, configuration });
  }
  if (configurations.length === 0) {
    return fail(
      'unsupported',
      `none of the offered credentials is ${SD_JWT_VC_FORMAT} or ${JWT_VC_JSON_FORMAT}`,
    );
  }
  return ok({
    offer: offer.value,
    issuerMetadata,
    authorizationServer,
    configurations,
    ...(grant.tx_code === undefined ? {} : { txCode: grant.tx_code }),
    maxCopies: issuerMetadata.batch_credential_issuance?.batch_size ?? 1,
  });
}

/** A fresh c_nonce from the nonce endpoint (§7); undefined when the issuer has none. */
async function fetchNonce(
  fetch: HttpFetch,
  nonceEndpoint: string | undefined,
): Promise<ClientResult<string | undefined>> {
  if (nonceEndpoint === undefined) return ok(undefined);
  const response = await send(fetch, nonceEndpoint, {
    method: 'POST',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) return response;
  if (response.value.status !== 200) {
    return fail(
      'issuer-error',
      (await issuerErrorOf(response.value, 'the nonce endpoint')).message,
    );
  }
  const text = await bodyOf(response.value, MAX_TOKEN_RESPONSE_LENGTH, 'issuer-error');
  if (!text.ok) return text;
  const json = parseJsonObject(text.value, 'the nonce response');
  const nonce = json.ok ? json.value.c_nonce : undefined;
  if (typeof nonce !== 'string' || nonce === '' || nonce.length > 1024) {
    return fail('issuer-error', 'the nonce endpoint answered no "c_nonce"');
  }
  return ok(nonce);
}

export interface RequestCredentialsOptions {
  fetch: HttpFetch;
  /** The transaction code the citizen typed, when `resolved.txCode` asks for one. */
  txCode?: string;
  /** Which offered configuration (default: the first Vouch can receive). */
  configurationId?: string;
  /** One key per copy; each credential is bound to one of them (1 ≤ count ≤ maxCopies). */
  proofKeys: readonly ProofKey[];
  now: Date;
}

export interface ReceivedCredentials {
  readonly configurationId: string;
  readonly configuration: CredentialConfiguration;
  /**
   * The format of every credential of this response (one request is for one configuration):
   * `dc+sd-jwt` (compact SD-JWT VCs) or `jwt_vc_json` (compact VC-JWTs).
   */
  readonly format: CredentialFormat;
  /**
   * The credentials as the issuer sent them; match each to its key (order is not promised): by
   * `cnf.jwk` for `dc+sd-jwt`, by `sub` (the did:key of the proved key) for `jwt_vc_json`.
   */
  readonly credentials: readonly string[];
  /**
   * The refresh token of the token response, when the issuer renews (RFC 6749 §6): keep it secret
   * (the vault), it gets fresh copies later (refresh.ts).
   */
  readonly refreshToken?: string;
}

/**
 * A token request (§6; RFC 6749 §4.1.3, §6) and its answer: `invalidGrant` is the problem an
 * `invalid_grant` error means for this grant (a wrong tx_code, a spent code, a refused refresh).
 */
export async function requestToken(
  fetch: HttpFetch,
  tokenEndpoint: string,
  fields: Record<string, string | undefined>,
  invalidGrant: ClientProblem,
): Promise<ClientResult<TokenResponse>> {
  const response = await send(fetch, tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: formBody(fields),
  });
  if (!response.ok) return response;
  if (response.value.status !== 200) {
    const error = await issuerErrorOf(response.value, 'the token endpoint');
    return fail(error.error === 'invalid_grant' ? invalidGrant : 'issuer-error', error.message);
  }
  const text = await bodyOf(response.value, MAX_TOKEN_RESPONSE_LENGTH, 'issuer-error');
  if (!text.ok) return text;
  const token = parseTokenResponse(text.value);
  return token.ok ? token : fail('issuer-error', token.detail.message);
}

/** The configuration takes `jwt` key proofs signed with each key's algorithm. */
export function checkProofKeys(
  configuration: CredentialConfiguration,
  proofKeys: readonly ProofKey[],
): ClientResult<true> {
  const proofAlgs =
    configuration.proof_types_supported?.[JWT_PROOF_TYPE]?.proof_signing_alg_values_supported;
  if (configuration.proof_types_supported !== undefined && proofAlgs === undefined) {
    return fail('unsupported', 'the issuer takes no jwt key proofs for this credential');
  }
  for (const key of proofKeys) {
    if (proofAlgs !== undefined && !proofAlgs.includes(key.alg)) {
      return fail(
        'unsupported',
        `the issuer does not take ${key.alg} key proofs (it takes ${proofAlgs.join(', ').slice(0, 80)})`,
      );
    }
  }
  return ok(true);
}

/**
 * §7, §8.2: a fresh c_nonce, one proof per key, the credential request with the access token, and
 * the credentials of the answer (exactly one per key). An `invalid_nonce` answer (the nonce expired
 * on the way) is retried once with a fresh nonce (§8.3.1.2).
 */
export async function retrieveCredentials(options: {
  fetch: HttpFetch;
  issuerMetadata: CredentialIssuerMetadata;
  configurationId: string;
  accessToken: string;
  proofKeys: readonly ProofKey[];
  now: Date;
}): Promise<ClientResult<string[]>> {
  const { fetch, issuerMetadata, configurationId, accessToken, proofKeys, now } = options;
  const credentialEndpoint = parseHttpUrl(
    issuerMetadata.credential_endpoint,
    'credential_endpoint',
  );
  if (!credentialEndpoint.ok) return fail('bad-metadata', credentialEndpoint.detail.message);

  let credentialResponse: ClientResult<HttpResponse> | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const nonce = await fetchNonce(fetch, issuerMetadata.nonce_endpoint);
    if (!nonce.ok) return nonce;
    const proofs: string[] = [];
    for (const key of proofKeys) {
      proofs.push(
        await createKeyProof({
          key,
          credentialIssuer: issuerMetadata.credential_issuer,
          ...(nonce.value === undefined ? {} : { nonce: nonce.value }),
          now,
        }),
      );
    }
    credentialResponse = await send(fetch, credentialEndpoint.value.href, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: `Bearer ${accessToken}`,
      },
      body: JSON.stringify(
        buildCredentialRequest({ credentialConfigurationId: configurationId, proofs }),
      ),
    });
    if (!credentialResponse.ok) return credentialResponse;
    if (credentialResponse.value.status === 200) break;
    const error = await issuerErrorOf(credentialResponse.value, 'the credential endpoint');
    if (error.error !== 'invalid_nonce' || attempt === 1)
      return fail('issuer-error', error.message);
  }
  if (!credentialResponse?.ok) return fail('issuer-error', 'no credential response');
  const credentialText = await bodyOf(
    credentialResponse.value,
    MAX_CREDENTIAL_RESPONSE_LENGTH,
    'bad-credential',
  );
  if (!credentialText.ok) return credentialText;
  const credentials = parseCredentialResponse(credentialText.value);
  if (!credentials.ok) {
    return fail(
      credentials.reason === 'deferred' ? 'unsupported' : 'bad-credential',
      credentials.detail.message,
    );
  }
  if (credentials.value.length !== proofKeys.length) {
    return fail(
      'bad-credential',
      `asked for ${proofKeys.length} credentials, got ${credentials.value.length}`,
    );
  }
  return ok(credentials.value);
}

/** Runs the pre-authorized code flow for a resolved offer (§6, §7, §8). */
export async function requestCredentials(
  resolved: ResolvedCredentialOffer,
  options: RequestCredentialsOptions,
): Promise<ClientResult<ReceivedCredentials>> {
  const { fetch, proofKeys, now } = options;
  const offered =
    options.configurationId === undefined
      ? resolved.configurations[0]
      : resolved.configurations.find((entry) => entry.id === options.configurationId);
  if (!offered)
    return fail(
      'unsupported',
      `the offer has no receivable ${shortValue(options.configurationId)}`,
    );
  if (proofKeys.length === 0 || proofKeys.length > resolved.maxCopies) {
    return fail(
      'unsupported',
      `asked for ${proofKeys.length} copies; this issuer allows 1..${resolved.maxCopies} per request`,
    );
  }
  const keys = checkProofKeys(offered.configuration, proofKeys);
  if (!keys.ok) return keys;
  const grant = resolved.offer.grants?.[PRE_AUTHORIZED_CODE_GRANT];
  if (!grant) return fail('unsupported', 'the offer has no pre-authorized code');
  const txCode = options.txCode?.trim();
  if (grant.tx_code !== undefined && (txCode === undefined || txCode === '')) {
    return fail(
      'tx-code-required',
      'the offer needs the transaction code the issuer sent separately',
    );
  }

  // §6: the token request.
  const token = await requestToken(
    fetch,
    resolved.authorizationServer.token_endpoint,
    {
      grant_type: PRE_AUTHORIZED_CODE_GRANT,
      'pre-authorized_code': grant['pre-authorized_code'],
      tx_code: grant.tx_code === undefined ? undefined : txCode,
    },
    grant.tx_code === undefined ? 'offer-expired' : 'tx-code-wrong',
  );
  if (!token.ok) return token;

  const credentials = await retrieveCredentials({
    fetch,
    issuerMetadata: resolved.issuerMetadata,
    configurationId: offered.id,
    accessToken: token.value.accessToken,
    proofKeys,
    now,
  });
  if (!credentials.ok) return credentials;
  return ok({
    configurationId: offered.id,
    configuration: offered.configuration,
    format: offered.format,
    credentials: credentials.value,
    ...(token.value.refreshToken === undefined ? {} : { refreshToken: token.value.refreshToken }),
  });
}

/**
 * The whole flow in one call, for callers with nothing to show in between (scripts, tests): resolve
 * the offer link, then request the credentials. The wallet UI calls the two steps itself, so the
 * citizen sees who offers what, and types the transaction code, before anything is spent.
 */
export async function receiveCredentials(
  link: string,
  options: RequestCredentialsOptions,
): Promise<ClientResult<ReceivedCredentials & { readonly resolved: ResolvedCredentialOffer }>> {
  const resolved = await resolveCredentialOffer(link, { fetch: options.fetch });
  if (!resolved.ok) return resolved;
  const received = await requestCredentials(resolved.value, options);
  return received.ok ? ok({ ...received.value, resolved: resolved.value }) : received;
}
