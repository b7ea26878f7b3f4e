/**
 * Verifying an SD-JWT VC from any standards-following issuer:
 *
 * 1. parse (RFC 9901 §4) — size-capped, total;
 * 2. `typ` is "dc+sd-jwt" (SD-JWT VC §3.2.1), or the legacy "vc+sd-jwt" of drafts ≤ 05;
 * 3. `alg` is ES256, EdDSA (or its RFC 9864 name Ed25519) or ES256K, decoded before any key is
 *    looked up;
 * 4. the issuer key: the pinned key, else the did:key / did:jwk in `kid` (whose DID must be `iss`)
 *    or in `iss` (SD-JWT VC §3.5 allows DID-based key resolution). `iss` is OPTIONAL in SD-JWT VC
 *    (§3.2.2.2): without it the key must be pinned;
 * 5. the signature over the Issuer-signed JWT (RFC 9901 §7.1 step 1);
 * 6. registered claims (§3.2.2.2): vct (string), iat (number, OPTIONAL and possibly selectively
 *    disclosed), exp / nbf with clock skew; iss, nbf, exp, cnf, vct, vct#integrity and status
 *    never selectively disclosable (registered-claims.ts);
 * 7. disclosures applied (RFC 9901 §7.1 steps 2–5, reconstruct-claims.ts);
 * 8. cnf and status, when present, are well-formed.
 *
 * A trailing KB-JWT is parsed but not checked here: presentations (issue 4) verify it.
 */
import { resolveDidKey } from '../did/did-key.ts';
import { shortValue, verifyDecodedJws } from '../jose/compact-jws.ts';
import type { JwsCrypto } from '../jose/jws-crypto.ts';
import { parsePublicJwk } from '../jose/jwk.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import { isNumericDate } from '../jose/numeric-date.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { LEGACY_SD_JWT_VC_TYP, SD_JWT_VC_TYP } from './issue-sd-jwt-vc.ts';
import { parseSdJwt } from './parse-sd-jwt.ts';
import type { ParsedSdJwt } from './parse-sd-jwt.ts';
import { reconstructClaims } from './reconstruct-claims.ts';
import { checkRegisteredClaimsNotDisclosable } from './registered-claims.ts';
import type { SdJwtProblem } from './sd-jwt-problem.ts';

export const DEFAULT_CLOCK_SKEW_SECONDS = 60;

/** Claims about the credential, not about the subject: left out of `claims`. */
export const ENVELOPE_CLAIMS: readonly string[] = [
  'iss',
  'iat',
  'exp',
  'nbf',
  'vct',
  'vct#integrity',
  'cnf',
  'status',
];

export interface VerifiedSdJwtVc {
  /** `iss`; absent only when the issuer key was pinned (SD-JWT VC §3.2.2.2: iss is OPTIONAL). */
  issuer?: string;
  vct: string;
  /** `iat`, in the clear or disclosed; absent when the issuer left it out (it is OPTIONAL). */
  iat?: number;
  exp?: number;
  nbf?: number;
  cnfJwk?: PublicJwk;
  status?: { idx: number; uri: string };
  /** The disclosed claims about the subject, reconstructed (without iss, iat, vct, cnf, status…). */
  claims: Record<string, unknown>;
  /** The whole reconstructed payload, envelope included. */
  payload: Record<string, unknown>;
  /** Which `typ` the issuer used ("dc+sd-jwt", or the legacy "vc+sd-jwt"). */
  typ: string;
  issuerKey: PublicJwk;
  parsed: ParsedSdJwt;
}

export interface VerifySdJwtVcOptions {
  crypto: JwsCrypto;
  now: Date;
  /** A pinned issuer key; otherwise resolved from `kid` / `iss` (did:key, did:jwk). */
  issuerKey?: PublicJwk;
  clockSkewSeconds?: number;
}

type Verified = Result<VerifiedSdJwtVc, SdJwtProblem, { message: string }>;

/**
 * did:key and did:jwk resolution is a pure function of the DID text, but a P-256 did:key costs a
 * square root in pure JS (0.04–0.13 ms in Chromium, as much as WebCrypto's whole ES256
 * verification), and a desk sees the same few issuers all day. So the RESOLVED_KEYS_SIZE most
 * recently used resolutions are kept, keyed by the exact DID (URL) text: public keys only, handed
 * out as fresh copies.
 */
const RESOLVED_KEYS_SIZE = 64;
const resolvedKeys = new Map<string, PublicJwk>();

function resolveDidKeyOnce(did: string): ReturnType<typeof resolveDidKey> {
  const known = resolvedKeys.get(did);
  if (known !== undefined) {
    resolvedKeys.delete(did);
    resolvedKeys.set(did, known); // most recently used last
    return ok({ ...known });
  }
  const key = resolveDidKey(did);
  if (key.ok) {
    resolvedKeys.set(did, { ...key.value });
    if (resolvedKeys.size > RESOLVED_KEYS_SIZE) {
      const oldest = resolvedKeys.keys().next().value;
      if (oldest !== undefined) resolvedKeys.delete(oldest);
    }
  }
  return key;
}

export function resolveIssuerKey(
  header: Readonly<Record<string, unknown>>,
  iss: string,
): Result<PublicJwk, 'unknown-issuer-key', { message: string }> {
  const { kid } = header;
  if (typeof kid === 'string' && kid.startsWith('did:')) {
    const kidDid = kid.split('#')[0];
    if (kidDid !== iss) {
      return failedWith('unknown-issuer-key', {
        message: `header "kid" ${shortValue(kid)} belongs to another DID than "iss" ${shortValue(iss)}`,
      });
    }
    const key = resolveDidKeyOnce(kid);
    if (!key.ok)
      return failedWith('unknown-issuer-key', { message: `"kid": ${key.detail.message}` });
    return ok(key.value);
  }
  const key = resolveDidKeyOnce(iss);
  if (!key.ok) {
    return failedWith('unknown-issuer-key', {
      message: `no key for issuer ${shortValue(iss)}: ${key.detail.message}`,
    });
  }
  return ok(key.value);
}

function numericDate(
  payload: Readonly<Record<string, unknown>>,
  name: string,
): Result<number | undefined, 'malformed', { message: string }> {
  const value = payload[name];
  if (value === undefined) return ok(undefined);
  // Within the Date range too: "expired at <date>" must not throw (1e300 is a finite number).
  if (!isNumericDate(value)) {
    return failedWith('malformed', {
      message: `"${name}" must be a NumericDate (seconds), got ${shortValue(value)}`,
    });
  }
  return ok(value);
}

export function parseStatus(
  value: unknown,
): Result<{ idx: number; uri: string } | undefined, 'malformed', { message: string }> {
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failedWith('malformed', {
      message: `"status" must be an object, got ${shortValue(value)}`,
    });
  }
  const list = (value as Record<string, unknown>).status_list;
  if (list === undefined) return ok(undefined); // another status mechanism: not ours to check
  const { idx, uri } = (typeof list === 'object' && list !== null ? list : {}) as Record<
    string,
    unknown
  >;
  if (typeof idx !== 'number' || !Number.isSafeInteger(idx) || idx < 0) {
    return failedWith('malformed', {
      message: `"status.status_list.idx" must be a non-negative integer, got ${shortValue(idx)}`,
    });
  }
  if (typeof uri !== 'string' || uri === '') {
    return failedWith('malformed', {
      message: `"status.status_list.uri" must be a URI string, got ${shortValue(uri)}`,
    });
  }
  return ok({ idx, uri });
}

export async function verifySdJwtVc(text: string, opts: VerifySdJwtVcOptions): Promise<Verified> {
  const { crypto, now, issuerKey: pinned, clockSkewSeconds = DEFAULT_CLOCK_SKEW_SECONDS } = opts;
  const parsed = parseSdJwt(text);
  if (!parsed.ok) return parsed;
  const { header, payload, jws } = parsed.value;

  const typ = header.typ;
  if (typ !== SD_JWT_VC_TYP && typ !== LEGACY_SD_JWT_VC_TYP) {
    return failedWith('wrong-typ', {
      message: `header "typ" expected "${SD_JWT_VC_TYP}" (or legacy "${LEGACY_SD_JWT_VC_TYP}"), got ${shortValue(typ)}`,
    });
  }
  const iss = payload.iss;
  const issMissing = iss === undefined && pinned !== undefined;
  if (!issMissing && (typeof iss !== 'string' || iss === '')) {
    return failedWith('missing-claim', {
      message:
        iss === undefined
          ? '"iss" (the issuer) is absent, and no issuer key was pinned to verify it with'
          : `"iss" (the issuer) must be a string, got ${shortValue(iss)}`,
    });
  }
  let key: PublicJwk;
  if (pinned !== undefined) {
    key = pinned;
  } else {
    const resolved = resolveIssuerKey(header, iss as string);
    if (!resolved.ok) return resolved;
    key = resolved.value;
  }
  const signed = await verifyDecodedJws(jws, { crypto, key });
  if (!signed.ok) {
    return failedWith(
      signed.reason === 'bad-signature' ? 'bad-signature' : 'malformed',
      signed.detail,
    );
  }

  const notDisclosable = checkRegisteredClaimsNotDisclosable(payload, parsed.value.disclosures);
  if (!notDisclosable.ok) {
    return failedWith('disclosable-registered-claim', {
      message: notDisclosable.detail.message,
    });
  }

  const vct = payload.vct;
  if (typeof vct !== 'string' || vct === '') {
    return failedWith('missing-claim', {
      message: `"vct" (the credential type) must be a string, got ${shortValue(vct)}`,
    });
  }
  const exp = numericDate(payload, 'exp');
  if (!exp.ok) return exp;
  const nbf = numericDate(payload, 'nbf');
  if (!nbf.ok) return nbf;
  const nowSeconds = now.getTime() / 1000;
  if (exp.value !== undefined && nowSeconds > exp.value + clockSkewSeconds) {
    return failedWith('expired', {
      message: `the credential expired at ${new Date(exp.value * 1000).toISOString()} ("exp" ${exp.value})`,
    });
  }
  if (nbf.value !== undefined && nowSeconds < nbf.value - clockSkewSeconds) {
    return failedWith('not-yet-valid', {
      message: `the credential is valid from ${new Date(nbf.value * 1000).toISOString()} ("nbf" ${nbf.value})`,
    });
  }
  let cnfJwk: PublicJwk | undefined;
  if (payload.cnf !== undefined) {
    const cnf = payload.cnf;
    const jwk =
      typeof cnf === 'object' && cnf !== null ? (cnf as Record<string, unknown>).jwk : undefined;
    if (jwk !== undefined) {
      const parsedJwk = parsePublicJwk(jwk);
      if (!parsedJwk.ok)
        return failedWith('malformed', { message: `"cnf.jwk": ${parsedJwk.detail.message}` });
      cnfJwk = parsedJwk.value;
    }
  }
  const status = parseStatus(payload.status);
  if (!status.ok) return status;

  const reconstructed = reconstructClaims(payload, parsed.value.disclosures);
  if (!reconstructed.ok) return reconstructed;
  // `iat` may be in the clear or selectively disclosed (§3.2.2.2); either way it is signed.
  const iat = numericDate(reconstructed.value, 'iat');
  if (!iat.ok) return iat;
  if (iat.value !== undefined && iat.value > nowSeconds + clockSkewSeconds) {
    return failedWith('not-yet-valid', {
      message: `the credential says it was issued in the future, at ${new Date(iat.value * 1000).toISOString()} ("iat" ${iat.value})`,
    });
  }
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(reconstructed.value)) {
    if (!ENVELOPE_CLAIMS.includes(name)) {
      Object.defineProperty(claims, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return ok({
    ...(typeof iss === 'string' ? { issuer: iss } : {}),
    vct,
    ...(iat.value === undefined ? {} : { iat: iat.value }),
    ...(exp.value === undefined ? {} : { exp: exp.value }),
    ...(nbf.value === undefined ? {} : { nbf: nbf.value }),
    ...(cnfJwk === undefined ? {} : { cnfJwk }),
    ...(status.value === undefined ? {} : { status: status.value }),
    claims,
    payload: reconstructed.value,
    typ,
    issuerKey: key,
    parsed: parsed.value,
  });
}
