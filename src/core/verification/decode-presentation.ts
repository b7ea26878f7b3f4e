/**
 * Step 1, decoding: the SD-JWT compact form (RFC 9901 §4) with its envelope claims (SD-JWT VC
 * §3.2.2.2): `vct` required; `iss` and `iat` optional (without `iss` the issuer key must be pinned,
 * issuer-signature.ts; `iat` may also be selectively disclosed, disclosures.ts). A forbidden `alg`
 * is refused here, before any key is looked up. Nothing here is trusted yet: the issuer signature
 * comes next.
 */
import { shortValue } from '../jose/compact-jws.ts';
import { parsePublicJwk } from '../jose/jwk.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { LEGACY_SD_JWT_VC_TYP, SD_JWT_VC_TYP } from '../sd-jwt/issue-sd-jwt-vc.ts';
import { parseSdJwt } from '../sd-jwt/parse-sd-jwt.ts';
import type { ParsedSdJwt } from '../sd-jwt/parse-sd-jwt.ts';
import { parseStatus } from '../sd-jwt/verify-sd-jwt-vc.ts';

export interface DecodedPresentation {
  parsed: ParsedSdJwt;
  /** `iss`; absent is allowed (SD-JWT VC §3.2.2.2), then only a pinned key can verify it. */
  issuer?: string;
  vct: string;
  /** `iat` in the clear; it may instead be selectively disclosed, or absent. */
  iat?: number;
  exp?: number;
  nbf?: number;
  /** The holder's key (`cnf.jwk`), or why there is none usable. */
  holderKey: Result<PublicJwk, 'no-holder-key', { message: string }>;
  status?: { idx: number; uri: string };
}

type Decoded = Result<DecodedPresentation, 'bad-encoding' | 'unsupported-alg', { message: string }>;

const bad = (message: string) => failedWith('bad-encoding', { message });

function numericDate(payload: Readonly<Record<string, unknown>>, name: string) {
  const value = payload[name];
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return bad(`"${name}" must be a date in seconds, got ${shortValue(value)}`);
  }
  return ok(value);
}

function holderKeyOf(cnf: unknown): DecodedPresentation['holderKey'] {
  const none = (message: string) => failedWith('no-holder-key', { message });
  if (cnf === undefined) return none('the credential names no holder key ("cnf")');
  const jwk =
    typeof cnf === 'object' && cnf !== null ? (cnf as Record<string, unknown>).jwk : undefined;
  if (jwk === undefined)
    return none('the credential\'s holder key is not given as a JWK ("cnf.jwk")');
  const parsed = parsePublicJwk(jwk);
  if (!parsed.ok) return none(`the holder key "cnf.jwk" is unusable: ${parsed.detail.message}`);
  return ok(parsed.value);
}

export function decodePresentation(text: unknown): Decoded {
  if (typeof text !== 'string') return bad(`expected text, got ${typeof text}`);
  const parsed = parseSdJwt(text.trim());
  if (!parsed.ok) {
    return parsed.reason === 'alg-not-allowed'
      ? failedWith('unsupported-alg', parsed.detail)
      : bad(parsed.detail.message);
  }
  const { header, payload } = parsed.value;
  if (header.typ !== SD_JWT_VC_TYP && header.typ !== LEGACY_SD_JWT_VC_TYP) {
    return bad(
      `this is not an SD-JWT credential: header "typ" is ${shortValue(header.typ)}, expected "${SD_JWT_VC_TYP}"`,
    );
  }
  const { iss, vct } = payload;
  if (iss !== undefined && (typeof iss !== 'string' || iss === '')) {
    return bad(`the issuer ("iss") must be a name, got ${shortValue(iss)}`);
  }
  if (typeof vct !== 'string' || vct === '') {
    return bad(`the credential does not say what it is ("vct" is ${shortValue(vct)})`);
  }
  const iat = numericDate(payload, 'iat');
  if (!iat.ok) return iat;
  const exp = numericDate(payload, 'exp');
  if (!exp.ok) return exp;
  const nbf = numericDate(payload, 'nbf');
  if (!nbf.ok) return nbf;
  const status = parseStatus(payload.status);
  if (!status.ok) return bad(status.detail.message);
  return ok({
    parsed: parsed.value,
    ...(iss === undefined ? {} : { issuer: iss }),
    vct,
    ...(iat.value === undefined ? {} : { iat: iat.value }),
    ...(exp.value === undefined ? {} : { exp: exp.value }),
    ...(nbf.value === undefined ? {} : { nbf: nbf.value }),
    holderKey: holderKeyOf(payload.cnf),
    ...(status.value === undefined ? {} : { status: status.value }),
  });
}
