/**
 * Credential Offer (OpenID4VCI 1.0 §4.1): the issuer hands the wallet
 *
 *   openid-credential-offer://?credential_offer=<URL-encoded JSON>          (by value, §4.1.2)
 *   openid-credential-offer://?credential_offer_uri=<URL-encoded https URL>  (by reference, §4.1.3)
 *
 * (the same query on an https link, e.g. a "universal link", is read too). The offer object
 * (§4.1.1) holds `credential_issuer`, `credential_configuration_ids` and `grants`; Vouch uses the
 * pre-authorized code grant with an optional Transaction Code (`tx_code`). Parsing is total and
 * capped; members we do not know are ignored (§4.1.1 does not forbid extensions).
 */
import { parseJsonObject, shortValue } from '../jose/compact-jws.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { parseFormBody, parseHttpUrl } from './http.ts';

export const CREDENTIAL_OFFER_SCHEME = 'openid-credential-offer://';
export const PRE_AUTHORIZED_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
export const AUTHORIZATION_CODE_GRANT = 'authorization_code';

/** An offer link or QR text longer than this is refused unread. */
export const MAX_OFFER_LINK_LENGTH = 16 * 1024;
/** An offer object (by value or fetched by reference) longer than this is refused. */
export const MAX_OFFER_JSON_LENGTH = 16 * 1024;
export const MAX_CONFIGURATION_IDS = 32;
const MAX_ID_LENGTH = 256;
const MAX_CODE_LENGTH = 1024;
/** §4.1.1: "description … MUST NOT exceed 300 characters". */
export const MAX_TX_CODE_DESCRIPTION = 300;
const MAX_TX_CODE_LENGTH = 64;

/** §4.1.1 `tx_code`: how the wallet asks the citizen for the code sent out of band. */
export interface TxCodeDescription {
  /** "numeric" (default) or "text". */
  input_mode?: 'numeric' | 'text';
  length?: number;
  description?: string;
}

export interface PreAuthorizedCodeGrant {
  'pre-authorized_code': string;
  tx_code?: TxCodeDescription;
  authorization_server?: string;
}

/** The Credential Offer object (§4.1.1), with the members Vouch reads. */
export interface CredentialOfferObject {
  credential_issuer: string;
  credential_configuration_ids: string[];
  grants?: {
    [PRE_AUTHORIZED_CODE_GRANT]?: PreAuthorizedCodeGrant;
    authorization_code?: { issuer_state?: string; authorization_server?: string };
  };
}

/** What an offer link carries: the object itself, or where to fetch it. */
export type CredentialOfferLink =
  { kind: 'by-value'; offer: CredentialOfferObject } | { kind: 'by-reference'; uri: string };

export type OfferProblem = 'bad-offer';
type OfferResult<T> = Result<T, OfferProblem, { message: string }>;

const bad = (message: string) => failedWith('bad-offer' as const, { message });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseTxCode(value: unknown): OfferResult<TxCodeDescription> {
  const where = `grants["${PRE_AUTHORIZED_CODE_GRANT}"].tx_code`;
  if (!isObject(value)) return bad(`${where} must be an object, got ${shortValue(value)}`);
  const { input_mode: inputMode, length, description } = value;
  const txCode: TxCodeDescription = {};
  if (inputMode !== undefined) {
    if (inputMode !== 'numeric' && inputMode !== 'text') {
      return bad(`${where}.input_mode must be "numeric" or "text", got ${shortValue(inputMode)}`);
    }
    txCode.input_mode = inputMode;
  }
  if (length !== undefined) {
    if (
      !Number.isSafeInteger(length) ||
      (length as number) < 1 ||
      (length as number) > MAX_TX_CODE_LENGTH
    ) {
      return bad(
        `${where}.length must be an integer 1..${MAX_TX_CODE_LENGTH}, got ${shortValue(length)}`,
      );
    }
    txCode.length = length as number;
  }
  if (description !== undefined) {
    if (typeof description !== 'string' || description.length > MAX_TX_CODE_DESCRIPTION) {
      return bad(
        `${where}.description must be a string of at most ${MAX_TX_CODE_DESCRIPTION} characters`,
      );
    }
    txCode.description = description;
  }
  return ok(txCode);
}

function parsePreAuthorizedGrant(value: unknown): OfferResult<PreAuthorizedCodeGrant> {
  const where = `grants["${PRE_AUTHORIZED_CODE_GRANT}"]`;
  if (!isObject(value)) return bad(`${where} must be an object, got ${shortValue(value)}`);
  const code = value['pre-authorized_code'];
  if (typeof code !== 'string' || code === '' || code.length > MAX_CODE_LENGTH) {
    return bad(
      `${where}["pre-authorized_code"] must be a non-empty string of at most ${MAX_CODE_LENGTH} characters`,
    );
  }
  const grant: PreAuthorizedCodeGrant = { 'pre-authorized_code': code };
  if (value.tx_code !== undefined) {
    const txCode = parseTxCode(value.tx_code);
    if (!txCode.ok) return txCode;
    grant.tx_code = txCode.value;
  }
  if (value.authorization_server !== undefined) {
    const server = parseHttpUrl(value.authorization_server, `${where}.authorization_server`);
    if (!server.ok) return bad(server.detail.message);
    grant.authorization_server = server.value.href;
  }
  return ok(grant);
}

/** Reads a Credential Offer object (§4.1.1) from parsed JSON. Unknown members are dropped. */
export function parseCredentialOfferObject(value: unknown): OfferResult<CredentialOfferObject> {
  if (!isObject(value))
    return bad(`the credential offer must be a JSON object, got ${shortValue(value)}`);
  const issuer = parseHttpUrl(value.credential_issuer, '"credential_issuer"', { noQuery: true });
  if (!issuer.ok) return bad(issuer.detail.message);
  const ids = value.credential_configuration_ids;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_CONFIGURATION_IDS) {
    return bad(
      `"credential_configuration_ids" must be an array of 1..${MAX_CONFIGURATION_IDS} strings, got ${shortValue(ids)}`,
    );
  }
  for (const id of ids) {
    if (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH) {
      return bad(`"credential_configuration_ids" holds ${shortValue(id)}, not a non-empty string`);
    }
  }
  if (new Set(ids).size !== ids.length) return bad('"credential_configuration_ids" has duplicates');
  const offer: CredentialOfferObject = {
    credential_issuer: issuer.value.href,
    credential_configuration_ids: [...(ids as string[])],
  };
  const { grants } = value;
  if (grants !== undefined) {
    if (!isObject(grants)) return bad(`"grants" must be an object, got ${shortValue(grants)}`);
    offer.grants = {};
    const preAuthorized = grants[PRE_AUTHORIZED_CODE_GRANT];
    if (preAuthorized !== undefined) {
      const grant = parsePreAuthorizedGrant(preAuthorized);
      if (!grant.ok) return grant;
      offer.grants[PRE_AUTHORIZED_CODE_GRANT] = grant.value;
    }
    const authorizationCode = grants[AUTHORIZATION_CODE_GRANT];
    if (authorizationCode !== undefined) {
      if (!isObject(authorizationCode)) return bad('"grants.authorization_code" must be an object');
      const { issuer_state: issuerState } = authorizationCode;
      offer.grants.authorization_code =
        typeof issuerState === 'string'
          ? { issuer_state: issuerState.slice(0, MAX_CODE_LENGTH) }
          : {};
    }
  }
  return ok(offer);
}

/** Reads an offer object from JSON text (what `credential_offer_uri` answers). */
export function parseCredentialOfferJson(text: string): OfferResult<CredentialOfferObject> {
  if (typeof text !== 'string') return bad(`expected JSON text, got ${typeof text}`);
  if (text.length > MAX_OFFER_JSON_LENGTH) {
    return bad(
      `the credential offer is ${text.length} characters, more than ${MAX_OFFER_JSON_LENGTH}`,
    );
  }
  const json = parseJsonObject(text, 'the credential offer');
  if (!json.ok) return bad(json.detail.message);
  return parseCredentialOfferObject(json.value);
}

/**
 * Reads an offer link: `openid-credential-offer://?…` (also `openid-credential-offer:?…`, and
 * the same query on an https link). Exactly one of `credential_offer` and `credential_offer_uri`
 * (§4.1: "MUST contain either … but not both"); other query parameters are ignored.
 */
export function parseCredentialOfferLink(link: unknown): OfferResult<CredentialOfferLink> {
  if (typeof link !== 'string') return bad(`expected a link, got ${shortValue(link)}`);
  const text = link.trim();
  if (text.length > MAX_OFFER_LINK_LENGTH) {
    return bad(`the offer link is ${text.length} characters, more than ${MAX_OFFER_LINK_LENGTH}`);
  }
  const schemeMatch = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  const scheme = schemeMatch?.[1]?.toLowerCase();
  if (scheme !== 'openid-credential-offer' && scheme !== 'https' && scheme !== 'http') {
    return bad(`expected an ${CREDENTIAL_OFFER_SCHEME} link, got ${shortValue(text.slice(0, 40))}`);
  }
  const withoutFragment = text.split('#')[0] as string;
  const queryAt = withoutFragment.indexOf('?');
  if (queryAt < 0)
    return bad('the offer link has no query (credential_offer or credential_offer_uri)');
  const fields = parseFormBody(
    withoutFragment.slice(queryAt + 1),
    'the offer link',
    MAX_OFFER_LINK_LENGTH,
  );
  if (!fields.ok) return bad(fields.detail.message);
  const byValue = fields.value.get('credential_offer');
  const byReference = fields.value.get('credential_offer_uri');
  if (byValue !== undefined && byReference !== undefined) {
    return bad(
      'the offer link has both credential_offer and credential_offer_uri; exactly one is allowed',
    );
  }
  if (byValue !== undefined) {
    const offer = parseCredentialOfferJson(byValue);
    return offer.ok ? ok({ kind: 'by-value', offer: offer.value }) : offer;
  }
  if (byReference !== undefined) {
    const uri = parseHttpUrl(byReference, 'credential_offer_uri');
    if (!uri.ok) return bad(uri.detail.message);
    return ok({ kind: 'by-reference', uri: uri.value.href });
  }
  return bad('the offer link has neither credential_offer nor credential_offer_uri');
}

/** Builds a Credential Offer object for the pre-authorized code flow. */
export function buildCredentialOffer(options: {
  credentialIssuer: string;
  credentialConfigurationIds: readonly string[];
  preAuthorizedCode: string;
  txCode?: TxCodeDescription;
}): CredentialOfferObject {
  const offer: CredentialOfferObject = {
    credential_issuer: options.credentialIssuer,
    credential_configuration_ids: [...options.credentialConfigurationIds],
    grants: {
      [PRE_AUTHORIZED_CODE_GRANT]: {
        'pre-authorized_code': options.preAuthorizedCode,
        ...(options.txCode === undefined ? {} : { tx_code: { ...options.txCode } }),
      },
    },
  };
  // What we hand out must be what we accept.
  const checked = parseCredentialOfferObject(offer);
  if (!checked.ok) throw new TypeError(`buildCredentialOffer: ${checked.detail.message}`);
  return offer;
}

/**
 * The offer link: by value (`{ offer }`) or by reference (`{ offerUri }`, the URL that answers the
 * offer object as JSON). The scheme defaults to `openid-credential-offer://`.
 */
export function buildCredentialOfferLink(
  target: { offer: CredentialOfferObject } | { offerUri: string },
  scheme: string = CREDENTIAL_OFFER_SCHEME,
): string {
  if ('offerUri' in target) {
    const uri = parseHttpUrl(target.offerUri, 'offerUri');
    if (!uri.ok) throw new TypeError(`buildCredentialOfferLink: ${uri.detail.message}`);
    return `${scheme}?credential_offer_uri=${encodeURIComponent(target.offerUri)}`;
  }
  return `${scheme}?credential_offer=${encodeURIComponent(JSON.stringify(target.offer))}`;
}
