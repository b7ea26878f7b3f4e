/**
 * Step 4, the disclosures (RFC 9901 §7.1 steps 2–5): every disclosure's digest appears exactly once
 * in what the issuer signed, no disclosure is shown twice, and none of them is a registered claim
 * that must stay in the clear (SD-JWT VC §3.2.2.2: iss, nbf, exp, cnf, vct, vct#integrity, status —
 * else a holder could hide an expiry or a revocation by leaving its disclosure out); then the
 * disclosed claims are rebuilt. Only claims about the subject are returned (no iss, iat, cnf,
 * status…); a selectively disclosed `iat` (allowed by §3.2.2.2) is returned beside them.
 */
import { reconstructClaims, setOwn } from '../sd-jwt/reconstruct-claims.ts';
import { checkRegisteredClaimsNotDisclosable } from '../sd-jwt/registered-claims.ts';
import { ENVELOPE_CLAIMS } from '../sd-jwt/verify-sd-jwt-vc.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import type { DecodedPresentation } from './decode-presentation.ts';

type Problem =
  | 'disclosure-digest-missing'
  | 'disclosure-duplicate'
  | 'disclosable-registered-claim'
  | 'bad-encoding';

export interface DisclosedClaims {
  /** The disclosed claims about the subject. */
  claims: Record<string, unknown>;
  /** `iat` when the issuer made it selectively disclosable and the holder disclosed it. */
  disclosedIat?: number;
}

export function checkDisclosures(
  decoded: DecodedPresentation,
): Result<DisclosedClaims, Problem, { message: string }> {
  const { payload, disclosures } = decoded.parsed;
  const registered = checkRegisteredClaimsNotDisclosable(payload, disclosures);
  if (!registered.ok) {
    return failedWith('disclosable-registered-claim', {
      message: `The issuer made "${registered.detail.claim}" something the holder may hide, which the standard forbids: such a credential cannot be relied on (${registered.detail.message})`,
    });
  }
  const rebuilt = reconstructClaims(payload, disclosures);
  if (!rebuilt.ok) {
    const { message } = rebuilt.detail;
    switch (rebuilt.reason) {
      case 'disclosure-not-referenced':
        return failedWith('disclosure-digest-missing', {
          message: `A claim shown was not signed by the issuer: ${message}`,
        });
      case 'duplicate-disclosure':
      case 'duplicate-digest':
        return failedWith('disclosure-duplicate', {
          message: `A claim is shown more than once: ${message}`,
        });
      default:
        return failedWith('bad-encoding', {
          message: `The claims shown could not be read: ${message}`,
        });
    }
  }
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(rebuilt.value)) {
    if (ENVELOPE_CLAIMS.includes(name)) continue;
    setOwn(claims, name, value);
  }
  const iat = decoded.iat === undefined ? rebuilt.value.iat : undefined;
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat))) {
    return failedWith('bad-encoding', {
      message: 'The disclosed issue date ("iat") is not a date in seconds',
    });
  }
  return ok({ claims, ...(iat === undefined ? {} : { disclosedIat: iat }) });
}
