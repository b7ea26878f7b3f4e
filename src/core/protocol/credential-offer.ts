/**
 * The credential offer (issuer desk → wallet; docs/protocol.md §Offer), UTF-8 JSON with exactly
 * these members, in this order:
 *
 *   {"type":"vouch-credential-offer","v":1,"credential":"<SD-JWT VC, issuance form, ends in ~>",
 *    "relationship":"<8-hex BIP32 fingerprint of the relationship xpub>","child_index":<n>}
 *
 * `credential` is either an SD-JWT VC in issuance form (`dc+sd-jwt`) or a W3C VC-JWT
 * (`jwt_vc_json`, docs/w3c-vc.md): a compact JWS whose payload has a `vc` object. The format is
 * read from the credential itself (an SD-JWT ends in "~", a JWS has no "~"), so the wire shape and
 * version stay the same for both.
 *
 * The wallet finds its relationship by the fingerprint and the credential key by the child index
 * (m/7467'/0'/r'/child_index). Parsing is strict: unknown members, a wrong type or version, or
 * more than MAX_OFFER_BYTES are refused with a message that names the member.
 */
import type { SdJwtCompact } from '../sd-jwt/index.ts';
import { decodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

export const OFFER_TYPE = 'vouch-credential-offer';
export const OFFER_VERSION = 1;
export const MAX_OFFER_BYTES = 64 * 1024;
/** Non-hardened BIP32 child indices: 0 … 2^31 − 1. */
export const MAX_CHILD_INDEX = 0x7fffffff;

/** The credential formats an offline offer carries (their OpenID4VP / OpenID4VCI identifiers). */
export type OfferFormat = 'dc+sd-jwt' | 'jwt_vc_json';

export interface CredentialOffer {
  /** An SD-JWT VC in issuance form, or a W3C VC-JWT (compact JWS). */
  credential: SdJwtCompact | string;
  relationship: string;
  childIndex: number;
}

/** A parsed offer: what was sent, and the credential's format as read from it. */
export interface ParsedCredentialOffer extends CredentialOffer {
  format: OfferFormat;
}

const MEMBERS = ['type', 'v', 'credential', 'relationship', 'child_index'] as const;
const FINGERPRINT = /^[0-9a-f]{8}$/;
/** Issuer-signed JWT, then disclosures, each ending in "~" (RFC 9901 §4: issuance form). */
const SD_JWT_ISSUANCE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+~(?:[A-Za-z0-9_-]+~)*$/;
/** A compact JWS (RFC 7515 §7.1): the shape of a VC-JWT. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/;

/**
 * The format of an offered credential, from its shape alone (no signature check): an SD-JWT in
 * issuance form, or a compact JWS whose payload is a JSON object with a `vc` object (VCDM 1.1 JWT
 * encoding, docs/w3c-vc.md). Anything else: undefined.
 */
export function offerCredentialFormat(credential: string): OfferFormat | undefined {
  if (typeof credential !== 'string') return undefined;
  if (SD_JWT_ISSUANCE.test(credential)) return 'dc+sd-jwt';
  const jws = COMPACT_JWS.exec(credential);
  if (!jws) return undefined;
  const payload = decodeBase64Url(jws[1] as string);
  if (!payload.ok) return undefined;
  const text = bytesToUtf8(payload.value);
  if (!text.ok) return undefined;
  try {
    const json: unknown = JSON.parse(text.value);
    const vc = isObject(json) ? json.vc : undefined;
    return isObject(vc) ? 'jwt_vc_json' : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function encodeCredentialOffer(offer: CredentialOffer): Uint8Array {
  if (!FINGERPRINT.test(offer.relationship)) {
    throw new TypeError(
      `"relationship" expected 8 lower-case hex digits, got ${JSON.stringify(offer.relationship)}`,
    );
  }
  if (!isChildIndex(offer.childIndex)) {
    throw new TypeError(
      `"childIndex" expected an integer in 0..${MAX_CHILD_INDEX}, got ${offer.childIndex}`,
    );
  }
  return utf8ToBytes(
    JSON.stringify({
      type: OFFER_TYPE,
      v: OFFER_VERSION,
      credential: offer.credential,
      relationship: offer.relationship,
      child_index: offer.childIndex,
    }),
  );
}

export function parseCredentialOffer(
  bytes: Uint8Array,
): Result<ParsedCredentialOffer, 'malformed', { message: string }> {
  const bad = (message: string) => failedWith('malformed', { message });
  if (!(bytes instanceof Uint8Array)) return bad('expected bytes');
  if (bytes.length > MAX_OFFER_BYTES) {
    return bad(`the offer is ${bytes.length} bytes; at most ${MAX_OFFER_BYTES}`);
  }
  const text = bytesToUtf8(bytes);
  if (!text.ok) return bad(`the offer is not UTF-8 text: ${text.detail.message}`);
  let json: unknown;
  try {
    json = JSON.parse(text.value);
  } catch {
    return bad('the offer is not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return bad('the offer is not a JSON object');
  }
  const record = json as Record<string, unknown>;
  const unknown = Object.keys(record).filter(
    (name) => !(MEMBERS as readonly string[]).includes(name),
  );
  if (unknown.length > 0) return bad(`unknown member ${JSON.stringify(unknown[0])} in the offer`);
  const missing = MEMBERS.find((name) => !(name in record));
  if (missing) return bad(`the offer has no "${missing}"`);
  if (record.type !== OFFER_TYPE) {
    return bad(`"type" expected "${OFFER_TYPE}", got ${show(record.type)}`);
  }
  if (record.v !== OFFER_VERSION) {
    return bad(
      `"v" expected ${OFFER_VERSION}, got ${show(record.v)} (an offer from a newer version?)`,
    );
  }
  const { credential, relationship, child_index: childIndex } = record;
  const format = typeof credential === 'string' ? offerCredentialFormat(credential) : undefined;
  if (typeof credential !== 'string' || !format) {
    return bad(
      '"credential" expected an SD-JWT in issuance form (header.payload.signature~…~) or a VC-JWT (header.payload.signature with a "vc" claim)',
    );
  }
  if (typeof relationship !== 'string' || !FINGERPRINT.test(relationship)) {
    return bad(`"relationship" expected 8 lower-case hex digits, got ${show(relationship)}`);
  }
  if (!isChildIndex(childIndex)) {
    return bad(
      `"child_index" expected an integer in 0..${MAX_CHILD_INDEX}, got ${show(childIndex)}`,
    );
  }
  return ok({ credential, relationship, childIndex, format });
}

function isChildIndex(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_CHILD_INDEX
  );
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
