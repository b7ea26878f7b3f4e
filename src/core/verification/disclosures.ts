/**
 * Step 4, the disclosures (RFC 9901 §7.1 steps 2–5): every disclosure's digest appears exactly once
 * in what the issuer signed, no disclosure is shown twice; then the disclosed claims are rebuilt.
 * Only claims about the subject are returned (no iss, iat, cnf, status…).
 */
import { reconstructClaims } from '../sd-jwt/reconstruct-claims.ts';
import { ENVELOPE_CLAIMS } from '../sd-jwt/verify-sd-jwt-vc.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import type { DecodedPresentation } from './decode-presentation.ts';

type Problem = 'disclosure-digest-missing' | 'disclosure-duplicate' | 'bad-encoding';

export function checkDisclosures(
  decoded: DecodedPresentation,
): Result<Record<string, unknown>, Problem, { message: string }> {
  const { payload, disclosures } = decoded.parsed;
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
    Object.defineProperty(claims, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return ok(claims);
}
