/**
 * A trust list: a verifier's signed statement of which issuer DIDs it trusts for which credential
 * types. Compact JWS (docs/verification.md §Trust lists):
 *
 *   header  { alg, typ: "vouch-trust-list+jwt", kid: <iss>#<key id> }
 *   payload { iss, iat, exp?, name, entries: [{ did, name, vct: [string, …] }, …] }
 *
 * A credential type in `vct` is an SD-JWT VC `vct` (`urn:vouch:diploma:1`), which also covers the
 * same Vouch type as a W3C VC-JWT (its `type` names `VouchDiploma`), or a W3C `type` term itself
 * (`VerifiableDiploma`), for W3C credentials of other issuers (docs/w3c-vc.md §Verifier desk).
 *
 * The signer's key comes from `iss` (did:key or did:jwk), so the list verifies offline.
 * A list always expires: at its `exp`, or, when it has none (lists signed before `exp` was always
 * written), MAX_TRUST_LIST_AGE_SECONDS after its `iat`.
 */
import { shortValue } from '../jose/compact-jws.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

export const TRUST_LIST_TYP = 'vouch-trust-list+jwt';
/** A list holds at most this many issuers… */
export const MAX_TRUST_ENTRIES = 1000;
/** …each trusted for at most this many credential types. */
export const MAX_VCT_PER_ENTRY = 100;
/** Names (of the list, of an issuer) are for people: at most this many characters. */
export const MAX_NAME_LENGTH = 200;
/** DIDs and vct strings: at most this many characters. */
export const MAX_IDENTIFIER_LENGTH = 2048;
/** A signed list longer than this is refused unread. */
export const MAX_TRUST_LIST_LENGTH = 1024 * 1024;
/** A list without `exp` expires this long after its `iat` (one year); signing writes this `exp`. */
export const MAX_TRUST_LIST_AGE_SECONDS = 365 * 86_400;

export interface TrustEntry {
  did: string;
  name: string;
  /** The credential types this issuer is trusted for: SD-JWT VC `vct`s or W3C `type` terms. */
  vct: readonly string[];
}

export interface TrustList {
  /** The DID that signed the list. */
  issuer: string;
  name: string;
  iat: number;
  /** When the list stops counting (seconds). Absent only for a desk's own, unsigned entries. */
  exp?: number;
  entries: readonly TrustEntry[];
}

/** A list as verified from its JWS: it always has an expiry, and its signer's key thumbprint. */
export interface VerifiedTrustList extends TrustList {
  /** The `exp` it carries, else `iat` + MAX_TRUST_LIST_AGE_SECONDS. */
  exp: number;
  /** RFC 7638 SHA-256 thumbprint of the key that signed it (what fingerprint words show). */
  signerThumbprint: string;
}

type Checked<T> = Result<T, 'malformed', { message: string }>;

export function checkName(value: unknown, where: string): Checked<string> {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_NAME_LENGTH) {
    return failedWith('malformed', {
      message: `${where} must be a name of 1–${MAX_NAME_LENGTH} characters, got ${shortValue(value)}`,
    });
  }
  return ok(value);
}

/**
 * A credential type a trust list may name: a `vct` (a URI such as `urn:vouch:diploma:1`) or a W3C
 * `type` term (`VerifiableDiploma`): 1 to MAX_IDENTIFIER_LENGTH characters, no white space.
 */
export function isCredentialTypeName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value !== '' &&
    value.length <= MAX_IDENTIFIER_LENGTH &&
    !/\s/.test(value)
  );
}

function checkIdentifier(value: unknown, where: string, did: boolean): Checked<string> {
  const valid = isCredentialTypeName(value) && (!did || /^did:[a-z0-9]+:./.test(value));
  if (!valid) {
    return failedWith('malformed', {
      message: `${where} must be ${did ? 'a DID ("did:…")' : 'a credential type string'}, got ${shortValue(value)}`,
    });
  }
  return ok(value as string);
}

/** Checks the `entries` of a list from untrusted input (or before signing). */
export function checkTrustEntries(value: unknown): Checked<TrustEntry[]> {
  if (!Array.isArray(value)) {
    return failedWith('malformed', {
      message: `"entries" must be a list, got ${shortValue(value)}`,
    });
  }
  if (value.length > MAX_TRUST_ENTRIES) {
    return failedWith('malformed', {
      message: `"entries" has ${value.length} issuers, more than the limit of ${MAX_TRUST_ENTRIES}`,
    });
  }
  const entries: TrustEntry[] = [];
  for (const [index, entry] of value.entries()) {
    const where = `entries[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      return failedWith('malformed', {
        message: `${where} must be an object { did, name, vct }, got ${shortValue(entry)}`,
      });
    }
    const record = entry as Record<string, unknown>;
    const did = checkIdentifier(record.did, `${where}.did`, true);
    if (!did.ok) return did;
    const name = checkName(record.name, `${where}.name`);
    if (!name.ok) return name;
    const vct = record.vct;
    if (!Array.isArray(vct) || vct.length === 0 || vct.length > MAX_VCT_PER_ENTRY) {
      return failedWith('malformed', {
        message: `${where}.vct must be a list of 1–${MAX_VCT_PER_ENTRY} credential types, got ${shortValue(vct)}`,
      });
    }
    const types: string[] = [];
    for (const [position, type] of vct.entries()) {
      const checked = checkIdentifier(type, `${where}.vct[${position}]`, false);
      if (!checked.ok) return checked;
      types.push(checked.value);
    }
    entries.push({ did: did.value, name: name.value, vct: types });
  }
  return ok(entries);
}
