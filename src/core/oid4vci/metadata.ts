/**
 * Metadata (OpenID4VCI 1.0 §12; RFC 8414; SD-JWT VC Type Metadata):
 *
 * - Credential Issuer Metadata (§12.2.4) at `/.well-known/openid-credential-issuer` (inserted
 *   between host and path, §12.2.2): one `dc+sd-jwt` configuration per Vouch type (Appendix A.3),
 *   `credential_metadata` with display and claims descriptions in nl, fr and en.
 * - Authorization Server Metadata (RFC 8414 §2) at `/.well-known/oauth-authorization-server`:
 *   Vouch's issuer is its own authorization server, pre-authorized code only, anonymous access.
 * - SD-JWT VC Type Metadata for each type, hosted at `<credential_issuer>/vct/<type>`. The `vct`
 *   stays the URN `urn:vouch:<type>:1` (trust lists and rules are keyed by it); a URN cannot be
 *   dereferenced, so the issuer metadata names the URL of each type's document (docs/openid4vci.md).
 *
 * Builders are for the server; parsers (total, capped, unknown members ignored) for the wallet.
 */
import {
  CREDENTIAL_TYPE_IDS,
  CREDENTIAL_TYPES,
  LOCALES,
  typeMetadata,
} from '../credentials/index.ts';
import type { CredentialTypeId, TypeMetadata } from '../credentials/index.ts';
import { parseJsonObject, shortValue } from '../jose/compact-jws.ts';
import { ALLOWED_ALGORITHMS } from '../jose/jws-algorithm.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { parseHttpUrl } from './http.ts';
import { PRE_AUTHORIZED_CODE_GRANT } from './offer.ts';

export const CREDENTIAL_ISSUER_WELL_KNOWN = '/.well-known/openid-credential-issuer';
export const AUTHORIZATION_SERVER_WELL_KNOWN = '/.well-known/oauth-authorization-server';
export const OPENID_CONFIGURATION_WELL_KNOWN = '/.well-known/openid-configuration';
export const SD_JWT_VC_FORMAT = 'dc+sd-jwt';
/** W3C VC signed as a JWT, VCDM 1.1 `vc` claim (OpenID4VCI 1.0 Appendix A.1.1). */
export const JWT_VC_JSON_FORMAT = 'jwt_vc_json';
/** The credential formats Vouch issues and receives. */
export type CredentialFormat = typeof SD_JWT_VC_FORMAT | typeof JWT_VC_JSON_FORMAT;
/** The Vouch types the server also offers as `jwt_vc_json` (issue 10: the Europass-style diploma). */
export const W3C_CREDENTIAL_TYPES: readonly CredentialTypeId[] = ['diploma'];
export const JWT_PROOF_TYPE = 'jwt';
/** The key proof algorithms Vouch accepts (the holder's own are ES256K). */
export const PROOF_SIGNING_ALGS: readonly JwsAlgorithm[] = ['ES256', 'ES256K', 'EdDSA'];
/** Most proofs (copies) in one credential request; what `batch_credential_issuance` announces. */
export const DEFAULT_BATCH_SIZE = 10;
export const MAX_METADATA_LENGTH = 256 * 1024;
const MAX_CONFIGURATIONS = 64;
const MAX_DISPLAY_ENTRIES = 16;
const MAX_TEXT = 500;

export type Localised = Partial<Record<string, string>>;

export interface DisplayEntry {
  name: string;
  locale?: string;
  description?: string;
}

export interface ClaimDescription {
  path: (string | number | null)[];
  mandatory?: boolean;
  display?: { name: string; locale?: string }[];
}

/** A credential configuration (§12.2.4 `credential_configurations_supported` values, Appendix A.3). */
export interface CredentialConfiguration {
  format: string;
  vct?: string;
  /** `jwt_vc_json` (Appendix A.1.1.2): the `type` values the credential carries. */
  credential_definition?: { type: string[] };
  scope?: string;
  cryptographic_binding_methods_supported?: string[];
  credential_signing_alg_values_supported?: string[];
  proof_types_supported?: Record<string, { proof_signing_alg_values_supported: string[] }>;
  credential_metadata?: { display?: DisplayEntry[]; claims?: ClaimDescription[] };
  /** Vouch extension: where the SD-JWT VC Type Metadata of `vct` is served. */
  vct_metadata_uri?: string;
}

export interface CredentialIssuerMetadata {
  credential_issuer: string;
  authorization_servers?: string[];
  credential_endpoint: string;
  nonce_endpoint?: string;
  /** Not in 1.0: issuers of earlier drafts name their token endpoint here (read, never written). */
  token_endpoint?: string;
  batch_credential_issuance?: { batch_size: number };
  display?: DisplayEntry[];
  credential_configurations_supported: Record<string, CredentialConfiguration>;
}

export interface AuthorizationServerMetadata {
  issuer: string;
  token_endpoint: string;
  grant_types_supported?: string[];
  'pre-authorized_grant_anonymous_access_supported'?: boolean;
  token_endpoint_auth_methods_supported?: string[];
  response_types_supported?: string[];
}

/**
 * The URL of a well-known document for an identifier (RFC 8414 §3.1; OpenID4VCI §12.2.2): the
 * well-known path goes between the host and the identifier's path, with a trailing "/" dropped.
 * `https://a.example/tenant` → `https://a.example/.well-known/openid-credential-issuer/tenant`.
 */
export function wellKnownUrl(identifier: string, wellKnownPath: string): string {
  const parsed = parseHttpUrl(identifier, 'the identifier', { noQuery: true });
  if (!parsed.ok) throw new TypeError(`wellKnownUrl: ${parsed.detail.message}`);
  const path = parsed.value.path.replace(/\/$/, '');
  return `${parsed.value.scheme}://${parsed.value.authority}${wellKnownPath}${path}`;
}

export const credentialIssuerMetadataUrl = (credentialIssuer: string): string =>
  wellKnownUrl(credentialIssuer, CREDENTIAL_ISSUER_WELL_KNOWN);
export const authorizationServerMetadataUrl = (issuer: string): string =>
  wellKnownUrl(issuer, AUTHORIZATION_SERVER_WELL_KNOWN);

/** Endpoints of Vouch's issuer (docs/server.md), relative to the credential issuer identifier. */
export function issuerEndpoints(credentialIssuer: string): {
  token: string;
  nonce: string;
  credential: string;
} {
  const base = credentialIssuer.replace(/\/$/, '');
  return { token: `${base}/token`, nonce: `${base}/nonce`, credential: `${base}/credential` };
}

/**
 * The credential configuration id of a Vouch type in a format: the type id itself for SD-JWT VC
 * (`income-statement`), the type id and `-w3c` for `jwt_vc_json` (`diploma-w3c`).
 */
export function credentialConfigurationId(
  type: CredentialTypeId,
  format: CredentialFormat = SD_JWT_VC_FORMAT,
): string {
  return format === JWT_VC_JSON_FORMAT ? `${type}-w3c` : type;
}

/** The Vouch type and format a configuration id of a Vouch server names; undefined for others. */
export function parseCredentialConfigurationId(
  id: string,
): { type: CredentialTypeId; format: CredentialFormat } | undefined {
  const types = CREDENTIAL_TYPE_IDS as readonly string[];
  if (types.includes(id)) return { type: id as CredentialTypeId, format: SD_JWT_VC_FORMAT };
  const w3c = /^(.+)-w3c$/.exec(id)?.[1];
  if (w3c !== undefined && types.includes(w3c)) {
    return { type: w3c as CredentialTypeId, format: JWT_VC_JSON_FORMAT };
  }
  return undefined;
}

/** Where a Vouch issuer serves the SD-JWT VC Type Metadata of a type. */
export function typeMetadataUrl(credentialIssuer: string, type: CredentialTypeId): string {
  return `${credentialIssuer.replace(/\/$/, '')}/vct/${type}`;
}

/** SD-JWT VC Type Metadata of a Vouch type (the server's `/vct/:type`); undefined for others. */
export function vctTypeMetadata(type: string): TypeMetadata | undefined {
  return (CREDENTIAL_TYPE_IDS as readonly string[]).includes(type)
    ? typeMetadata(type as CredentialTypeId)
    : undefined;
}

function credentialMetadataFor(
  type: CredentialTypeId,
  claimPath: (claim: string) => string[],
): NonNullable<CredentialConfiguration['credential_metadata']> {
  const definition = CREDENTIAL_TYPES[type];
  return {
    display: LOCALES.map((locale) => ({
      name: definition.name[locale],
      locale,
      description: definition.description[locale],
    })),
    claims: definition.claims.map((claim) => ({
      path: claimPath(claim.name),
      mandatory: claim.required,
      display: LOCALES.map((locale) => ({ name: claim.label[locale], locale })),
    })),
  };
}

const proofTypesSupported = () => ({
  [JWT_PROOF_TYPE]: { proof_signing_alg_values_supported: [...PROOF_SIGNING_ALGS] },
});

function credentialConfigurationFor(
  credentialIssuer: string,
  type: CredentialTypeId,
  signingAlgs: readonly JwsAlgorithm[],
): CredentialConfiguration {
  return {
    format: SD_JWT_VC_FORMAT,
    vct: CREDENTIAL_TYPES[type].vct,
    cryptographic_binding_methods_supported: ['jwk'],
    credential_signing_alg_values_supported: [...signingAlgs],
    proof_types_supported: proofTypesSupported(),
    credential_metadata: credentialMetadataFor(type, (claim) => [claim]),
    vct_metadata_uri: typeMetadataUrl(credentialIssuer, type),
  };
}

/**
 * The `jwt_vc_json` configuration of a Vouch type (Appendix A.1.1.2): `sub` is the did:key of the
 * proved key, whatever form the proof names it in (a `jwk` header or a did:key `kid`).
 */
function w3cCredentialConfigurationFor(
  type: CredentialTypeId,
  signingAlgs: readonly JwsAlgorithm[],
): CredentialConfiguration {
  return {
    format: JWT_VC_JSON_FORMAT,
    credential_definition: { type: ['VerifiableCredential', CREDENTIAL_TYPES[type].w3cType] },
    cryptographic_binding_methods_supported: ['did:key'],
    credential_signing_alg_values_supported: [...signingAlgs],
    proof_types_supported: proofTypesSupported(),
    credential_metadata: credentialMetadataFor(type, (claim) => ['credentialSubject', claim]),
  };
}

/** The Credential Issuer Metadata of a Vouch server (§12.2.4). */
export function buildCredentialIssuerMetadata(options: {
  /** The public URL of the server, no trailing slash: the Credential Issuer Identifier. */
  credentialIssuer: string;
  /** The organisation's name per locale (issuer `display`). */
  name?: Localised;
  /** The algorithms credentials are signed with (default: the server key's, else all three). */
  credentialSigningAlgs?: readonly JwsAlgorithm[];
  /** Most copies per request; 1 leaves `batch_credential_issuance` out (§12.2.4: ≥ 2). */
  batchSize?: number;
  /** Types offered (default: all four). */
  types?: readonly CredentialTypeId[];
  /** Types also offered as `jwt_vc_json` (default: W3C_CREDENTIAL_TYPES among `types`). */
  w3cTypes?: readonly CredentialTypeId[];
}): CredentialIssuerMetadata {
  const { credentialIssuer, batchSize = DEFAULT_BATCH_SIZE } = options;
  const parsed = parseHttpUrl(credentialIssuer, 'credentialIssuer', { noQuery: true });
  if (!parsed.ok) throw new TypeError(`buildCredentialIssuerMetadata: ${parsed.detail.message}`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 100) {
    throw new RangeError(
      `buildCredentialIssuerMetadata: "batchSize" expected 1..100, got ${batchSize}`,
    );
  }
  const endpoints = issuerEndpoints(credentialIssuer);
  const types = options.types ?? CREDENTIAL_TYPE_IDS;
  const w3cTypes = options.w3cTypes ?? W3C_CREDENTIAL_TYPES.filter((type) => types.includes(type));
  const signingAlgs = options.credentialSigningAlgs ?? ALLOWED_ALGORITHMS;
  const display = Object.entries(options.name ?? {})
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([locale, name]) => ({ name, locale }));
  return {
    credential_issuer: credentialIssuer,
    authorization_servers: [credentialIssuer],
    credential_endpoint: endpoints.credential,
    nonce_endpoint: endpoints.nonce,
    ...(batchSize >= 2 ? { batch_credential_issuance: { batch_size: batchSize } } : {}),
    ...(display.length > 0 ? { display } : {}),
    credential_configurations_supported: Object.fromEntries([
      ...types.map((type) => [
        credentialConfigurationId(type),
        credentialConfigurationFor(credentialIssuer, type, signingAlgs),
      ]),
      ...w3cTypes.map((type) => [
        credentialConfigurationId(type, JWT_VC_JSON_FORMAT),
        w3cCredentialConfigurationFor(type, signingAlgs),
      ]),
    ]),
  };
}

/** RFC 8414 metadata of the issuer as its own authorization server (pre-authorized code only). */
export function buildAuthorizationServerMetadata(options: {
  issuer: string;
  /** The token endpoint also takes the refresh_token grant (RFC 6749 §6). */
  refreshTokens?: boolean;
}): AuthorizationServerMetadata {
  const parsed = parseHttpUrl(options.issuer, 'issuer', { noQuery: true });
  if (!parsed.ok) throw new TypeError(`buildAuthorizationServerMetadata: ${parsed.detail.message}`);
  return {
    issuer: options.issuer,
    token_endpoint: issuerEndpoints(options.issuer).token,
    grant_types_supported: [
      PRE_AUTHORIZED_CODE_GRANT,
      ...(options.refreshTokens === true ? ['refresh_token'] : []),
    ],
    'pre-authorized_grant_anonymous_access_supported': true,
    token_endpoint_auth_methods_supported: ['none'],
    // RFC 8414 §2 makes this REQUIRED; with no authorization endpoint the list is empty.
    response_types_supported: [],
  };
}

// ---- parsing (wallet side) -------------------------------------------------------------------

export type MetadataProblem = 'bad-metadata';
type MetadataResult<T> = Result<T, MetadataProblem, { message: string }>;
const bad = (message: string) => failedWith('bad-metadata' as const, { message });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value.slice(0, MAX_TEXT) : undefined;
}

function stringArray(value: unknown, max = 32): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === 'string').slice(0, max);
}

function displayEntries(value: unknown): DisplayEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const entries: DisplayEntry[] = [];
  for (const item of value.slice(0, MAX_DISPLAY_ENTRIES)) {
    if (!isObject(item)) continue;
    const name = text(item.name);
    if (name === undefined) continue;
    const locale = text(item.locale);
    const description = text(item.description);
    entries.push({
      name,
      ...(locale === undefined ? {} : { locale }),
      ...(description === undefined ? {} : { description }),
    });
  }
  return entries;
}

function claimDescriptions(value: unknown): ClaimDescription[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const claims: ClaimDescription[] = [];
  for (const item of value.slice(0, 200)) {
    if (!isObject(item) || !Array.isArray(item.path) || item.path.length === 0) continue;
    const path = item.path.slice(0, 16);
    if (
      !path.every((step) => typeof step === 'string' || step === null || Number.isSafeInteger(step))
    )
      continue;
    const display = (Array.isArray(item.display) ? item.display : [])
      .slice(0, MAX_DISPLAY_ENTRIES)
      .filter(isObject)
      .flatMap((entry) => {
        const name = text(entry.name);
        const locale = text(entry.locale);
        return name === undefined ? [] : [{ name, ...(locale === undefined ? {} : { locale }) }];
      });
    claims.push({
      path: path as (string | number | null)[],
      ...(typeof item.mandatory === 'boolean' ? { mandatory: item.mandatory } : {}),
      ...(display.length > 0 ? { display } : {}),
    });
  }
  return claims;
}

function parseConfiguration(id: string, value: unknown): MetadataResult<CredentialConfiguration> {
  const where = `credential_configurations_supported["${id.slice(0, 60)}"]`;
  if (!isObject(value)) return bad(`${where} must be an object`);
  const format = text(value.format);
  if (format === undefined) return bad(`${where}.format must be a string`);
  const configuration: CredentialConfiguration = { format };
  if (format === SD_JWT_VC_FORMAT) {
    const vct = text(value.vct);
    if (vct === undefined)
      return bad(`${where}.vct is required for ${SD_JWT_VC_FORMAT} (Appendix A.3.2)`);
    configuration.vct = vct;
  }
  if (format === JWT_VC_JSON_FORMAT) {
    const definition = value.credential_definition;
    const types = isObject(definition) ? stringArray(definition.type) : undefined;
    if (types === undefined || types.length === 0) {
      return bad(
        `${where}.credential_definition.type is required for ${JWT_VC_JSON_FORMAT} (Appendix A.1.1.2)`,
      );
    }
    configuration.credential_definition = { type: types };
  }
  const binding = stringArray(value.cryptographic_binding_methods_supported);
  if (binding) configuration.cryptographic_binding_methods_supported = binding;
  const signing = stringArray(value.credential_signing_alg_values_supported);
  if (signing) configuration.credential_signing_alg_values_supported = signing;
  if (value.proof_types_supported !== undefined) {
    if (!isObject(value.proof_types_supported))
      return bad(`${where}.proof_types_supported must be an object`);
    const proofTypes: Record<string, { proof_signing_alg_values_supported: string[] }> = {};
    for (const [proofType, spec] of Object.entries(value.proof_types_supported).slice(0, 8)) {
      const algs = isObject(spec)
        ? stringArray(spec.proof_signing_alg_values_supported)
        : undefined;
      if (!algs)
        return bad(
          `${where}.proof_types_supported.${proofType.slice(0, 30)}.proof_signing_alg_values_supported must be an array`,
        );
      proofTypes[proofType] = { proof_signing_alg_values_supported: algs };
    }
    configuration.proof_types_supported = proofTypes;
  }
  if (isObject(value.credential_metadata)) {
    const display = displayEntries(value.credential_metadata.display);
    const claims = claimDescriptions(value.credential_metadata.claims);
    configuration.credential_metadata = {
      ...(display ? { display } : {}),
      ...(claims ? { claims } : {}),
    };
  }
  const scope = text(value.scope);
  if (scope !== undefined) configuration.scope = scope;
  if (value.vct_metadata_uri !== undefined) {
    const uri = parseHttpUrl(value.vct_metadata_uri, `${where}.vct_metadata_uri`);
    if (uri.ok) configuration.vct_metadata_uri = uri.value.href;
  }
  return ok(configuration);
}

/**
 * Reads Credential Issuer Metadata (§12.2.4). `credential_issuer` must be exactly the identifier
 * the wallet asked about (§12.2.4: "MUST be identical"); endpoints must be https.
 */
export function parseCredentialIssuerMetadata(
  json: string,
  expectedIssuer: string,
): MetadataResult<CredentialIssuerMetadata> {
  if (typeof json !== 'string') return bad(`expected JSON text, got ${typeof json}`);
  if (json.length > MAX_METADATA_LENGTH) {
    return bad(
      `the issuer metadata is ${json.length} characters, more than ${MAX_METADATA_LENGTH}`,
    );
  }
  const parsed = parseJsonObject(json, 'the issuer metadata');
  if (!parsed.ok) return bad(parsed.detail.message);
  const value = parsed.value;
  if (value.credential_issuer !== expectedIssuer) {
    return bad(
      `"credential_issuer" is ${shortValue(value.credential_issuer)}, not the offer's ${shortValue(expectedIssuer)}`,
    );
  }
  const credentialEndpoint = parseHttpUrl(value.credential_endpoint, '"credential_endpoint"');
  if (!credentialEndpoint.ok) return bad(credentialEndpoint.detail.message);
  const metadata: CredentialIssuerMetadata = {
    credential_issuer: expectedIssuer,
    credential_endpoint: credentialEndpoint.value.href,
    credential_configurations_supported: {},
  };
  if (value.nonce_endpoint !== undefined) {
    const nonce = parseHttpUrl(value.nonce_endpoint, '"nonce_endpoint"');
    if (!nonce.ok) return bad(nonce.detail.message);
    metadata.nonce_endpoint = nonce.value.href;
  }
  if (value.token_endpoint !== undefined) {
    const token = parseHttpUrl(value.token_endpoint, '"token_endpoint"');
    if (!token.ok) return bad(token.detail.message);
    metadata.token_endpoint = token.value.href;
  }
  if (value.authorization_servers !== undefined) {
    const servers = value.authorization_servers;
    if (!Array.isArray(servers) || servers.length === 0 || servers.length > 8) {
      return bad('"authorization_servers" must be a non-empty array of at most 8 URLs');
    }
    const list: string[] = [];
    for (const server of servers) {
      const url = parseHttpUrl(server, '"authorization_servers"', { noQuery: true });
      if (!url.ok) return bad(url.detail.message);
      list.push(url.value.href);
    }
    metadata.authorization_servers = list;
  }
  if (value.batch_credential_issuance !== undefined) {
    const batch = value.batch_credential_issuance;
    const size = isObject(batch) ? batch.batch_size : undefined;
    if (!Number.isSafeInteger(size) || (size as number) < 1) {
      return bad(
        `"batch_credential_issuance.batch_size" must be a positive integer, got ${shortValue(size)}`,
      );
    }
    metadata.batch_credential_issuance = { batch_size: size as number };
  }
  const display = displayEntries(value.display);
  if (display) metadata.display = display;
  const configurations = value.credential_configurations_supported;
  if (!isObject(configurations))
    return bad('"credential_configurations_supported" must be an object');
  const entries = Object.entries(configurations);
  if (entries.length > MAX_CONFIGURATIONS) {
    return bad(
      `"credential_configurations_supported" has ${entries.length} entries, more than ${MAX_CONFIGURATIONS}`,
    );
  }
  for (const [id, configuration] of entries) {
    const parsedConfiguration = parseConfiguration(id, configuration);
    if (!parsedConfiguration.ok) return parsedConfiguration;
    Object.defineProperty(metadata.credential_configurations_supported, id, {
      value: parsedConfiguration.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return ok(metadata);
}

/** Reads RFC 8414 metadata; `issuer` must be the one asked about (RFC 8414 §3.3). */
export function parseAuthorizationServerMetadata(
  json: string,
  expectedIssuer: string,
): MetadataResult<AuthorizationServerMetadata> {
  if (typeof json !== 'string') return bad(`expected JSON text, got ${typeof json}`);
  if (json.length > MAX_METADATA_LENGTH) {
    return bad(
      `the authorization server metadata is ${json.length} characters, more than ${MAX_METADATA_LENGTH}`,
    );
  }
  const parsed = parseJsonObject(json, 'the authorization server metadata');
  if (!parsed.ok) return bad(parsed.detail.message);
  const value = parsed.value;
  if (value.issuer !== expectedIssuer) {
    return bad(`"issuer" is ${shortValue(value.issuer)}, not ${shortValue(expectedIssuer)}`);
  }
  const tokenEndpoint = parseHttpUrl(value.token_endpoint, '"token_endpoint"');
  if (!tokenEndpoint.ok) return bad(tokenEndpoint.detail.message);
  const grants = stringArray(value.grant_types_supported);
  return ok({
    issuer: expectedIssuer,
    token_endpoint: tokenEndpoint.value.href,
    ...(grants ? { grant_types_supported: grants } : {}),
    ...(typeof value['pre-authorized_grant_anonymous_access_supported'] === 'boolean'
      ? {
          'pre-authorized_grant_anonymous_access_supported':
            value['pre-authorized_grant_anonymous_access_supported'],
        }
      : {}),
  });
}
