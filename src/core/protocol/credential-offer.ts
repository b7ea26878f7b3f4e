/**
 * The credential offer (issuer desk → wallet; docs/protocol.md §Offer), UTF-8 JSON with exactly
 * these members, in this order. Version 1, one credential:
 *
 *   {"type":"vouch-credential-offer","v":1,"credential":"<SD-JWT VC, issuance form, ends in ~>",
 *    "relationship":"<8-hex BIP32 fingerprint of the relationship xpub>","child_index":<n>}
 *
 * Version 2, N copies of one credential (issue 13, docs/credentials.md §Copies):
 *
 *   {"type":"vouch-credential-offer","v":2,
 *    "credentials":[{"credential":"<SD-JWT VC>","child_index":<n>},…],"relationship":"<8 hex>"}
 *
 * `credential` (v1) is either an SD-JWT VC in issuance form (`dc+sd-jwt`) or a W3C VC-JWT
 * (`jwt_vc_json`, docs/w3c-vc.md): a compact JWS whose payload has a `vc` object. The format is
 * read from the credential itself (an SD-JWT ends in "~", a JWS has no "~"). The copies of a v2
 * offer are SD-JWT VCs only, 1…MAX_OFFER_COPIES of them, each with its own child index, all with
 * the same issuer, vct and claims (credential-content.ts).
 *
 * The wallet finds its relationship by the fingerprint and each credential key by its child index
 * (m/7467'/0'/r'/child_index). Parsing is strict: unknown members, a wrong type or version, a
 * repeated credential or child index, copies of different credentials, or more than
 * MAX_OFFER_BYTES are refused with a message that names the member.
 */
import type { SdJwtCompact } from '../sd-jwt/index.ts';
import { decodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { failedWith, ok } from '../result.ts';
import { contentKeyOf, contentOfSdJwtVc } from './credential-content.ts';
import type { Result } from '../result.ts';

export const OFFER_TYPE = 'vouch-credential-offer';
export const OFFER_VERSION = 1;
/** The version that carries copies (encodeBatchCredentialOffer). */
export const BATCH_OFFER_VERSION = 2;
/** 50 copies of the largest credential (~1.5 KB each) fit with room to spare. */
export const MAX_OFFER_BYTES = 256 * 1024;
/** The most copies one offer carries (an issuer's policy sets 1…50). */
export const MAX_OFFER_COPIES = 50;
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

/** One copy in a v2 offer. */
export interface OfferedCopy {
  credential: SdJwtCompact | string;
  childIndex: number;
}

/** A v2 offer: copies of one credential. */
export interface BatchCredentialOffer {
  relationship: string;
  copies: readonly OfferedCopy[];
}

/**
 * A parsed offer: what was sent, and the credential's format as read from it. `credential` and
 * `childIndex` are the first copy's; `copies` lists them all (one for a v1 offer).
 */
export interface ParsedCredentialOffer extends CredentialOffer {
  format: OfferFormat;
  version: 1 | 2;
  copies: readonly OfferedCopy[];
}

const MEMBERS = ['type', 'v', 'credential', 'relationship', 'child_index'] as const;
const MEMBERS_V2 = ['type', 'v', 'credentials', 'relationship'] as const;
const COPY_MEMBERS = ['credential', 'child_index'] as const;
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

/** A v2 offer of copies of one credential (SD-JWT VCs; the wallet keeps them as one credential). */
export function encodeBatchCredentialOffer(offer: BatchCredentialOffer): Uint8Array {
  if (!FINGERPRINT.test(offer.relationship)) {
    throw new TypeError(
      `"relationship" expected 8 lower-case hex digits, got ${JSON.stringify(offer.relationship)}`,
    );
  }
  if (offer.copies.length < 1 || offer.copies.length > MAX_OFFER_COPIES) {
    throw new RangeError(
      `"copies" expected 1..${MAX_OFFER_COPIES} copies, got ${offer.copies.length}`,
    );
  }
  for (const copy of offer.copies) {
    if (!isChildIndex(copy.childIndex)) {
      throw new TypeError(
        `"childIndex" expected an integer in 0..${MAX_CHILD_INDEX}, got ${copy.childIndex}`,
      );
    }
  }
  return utf8ToBytes(
    JSON.stringify({
      type: OFFER_TYPE,
      v: BATCH_OFFER_VERSION,
      credentials: offer.copies.map((copy) => ({
        credential: copy.credential,
        child_index: copy.childIndex,
      })),
      relationship: offer.relationship,
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
  if (record.v === BATCH_OFFER_VERSION) return parseBatchOffer(record);
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
  return ok({
    credential,
    relationship,
    childIndex,
    format,
    version: 1,
    copies: [{ credential, childIndex }],
  });
}

function parseBatchOffer(
  record: Record<string, unknown>,
): Result<ParsedCredentialOffer, 'malformed', { message: string }> {
  const bad = (message: string) => failedWith('malformed', { message });
  const unknown = Object.keys(record).filter(
    (name) => !(MEMBERS_V2 as readonly string[]).includes(name),
  );
  if (unknown.length > 0) return bad(`unknown member ${JSON.stringify(unknown[0])} in the offer`);
  const missing = MEMBERS_V2.find((name) => !(name in record));
  if (missing) return bad(`the offer has no "${missing}"`);
  if (record.type !== OFFER_TYPE) {
    return bad(`"type" expected "${OFFER_TYPE}", got ${show(record.type)}`);
  }
  const { credentials, relationship } = record;
  if (typeof relationship !== 'string' || !FINGERPRINT.test(relationship)) {
    return bad(`"relationship" expected 8 lower-case hex digits, got ${show(relationship)}`);
  }
  if (!Array.isArray(credentials) || credentials.length < 1) {
    return bad('"credentials" expected a non-empty array of copies');
  }
  if (credentials.length > MAX_OFFER_COPIES) {
    return bad(`"credentials" holds ${credentials.length} copies; at most ${MAX_OFFER_COPIES}`);
  }
  const copies: OfferedCopy[] = [];
  const seenCredentials = new Set<string>();
  const seenIndices = new Set<number>();
  let contentKey: string | undefined;
  for (const [i, entry] of credentials.entries()) {
    const at = `"credentials"[${i}]`;
    if (!isObject(entry)) return bad(`${at} expected an object`);
    const extra = Object.keys(entry).find(
      (name) => !(COPY_MEMBERS as readonly string[]).includes(name),
    );
    if (extra !== undefined) return bad(`unknown member ${JSON.stringify(extra)} in ${at}`);
    const { credential, child_index: childIndex } = entry;
    if (typeof credential !== 'string' || offerCredentialFormat(credential) !== 'dc+sd-jwt') {
      return bad(
        `${at}."credential" expected an SD-JWT VC in issuance form (header.payload.signature~…~)`,
      );
    }
    if (!isChildIndex(childIndex)) {
      return bad(
        `${at}."child_index" expected an integer in 0..${MAX_CHILD_INDEX}, got ${show(childIndex)}`,
      );
    }
    if (seenCredentials.has(credential)) return bad(`${at}."credential" repeats an earlier copy`);
    if (seenIndices.has(childIndex)) {
      return bad(`${at}."child_index" ${childIndex} repeats an earlier copy's`);
    }
    seenCredentials.add(credential);
    seenIndices.add(childIndex);
    const content = contentOfSdJwtVc(credential);
    if (!content) return bad(`${at}."credential" does not decode (iss, vct and claims)`);
    const key = contentKeyOf(content);
    if (contentKey !== undefined && key !== contentKey) {
      return bad(
        `${at}."credential" is not a copy of the first: the issuer, vct and claims must be the same`,
      );
    }
    contentKey = key;
    copies.push({ credential, childIndex });
  }
  const first = copies[0] as OfferedCopy;
  return ok({
    credential: first.credential,
    relationship,
    childIndex: first.childIndex,
    format: 'dc+sd-jwt',
    version: 2,
    copies,
  });
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
