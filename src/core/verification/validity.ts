/**
 * Step 6, the validity window (SD-JWT VC §3.2.2.2): `exp`, `nbf` and `iat`, with clock skew. `iat`
 * is optional, and may come from a disclosure (the caller passes it); `exp` and `nbf` are always
 * in the clear (a disclosable one is refused at step 4).
 */
import type { Check } from './check.ts';
import { describeDate } from './describe-time.ts';
import type { DecodedPresentation } from './decode-presentation.ts';

export const VALIDITY_SKEW_SECONDS = 60;

export function checkValidity(
  decoded: Pick<DecodedPresentation, 'exp' | 'nbf' | 'iat'>,
  now: Date,
): Check {
  const { exp, nbf, iat } = decoded;
  const nowSeconds = now.getTime() / 1000;
  if (exp !== undefined && nowSeconds > exp + VALIDITY_SKEW_SECONDS) {
    return {
      name: 'validity',
      ok: false,
      code: 'expired',
      message: `The credential expired on ${describeDate(exp)}`,
    };
  }
  if (nbf !== undefined && nowSeconds < nbf - VALIDITY_SKEW_SECONDS) {
    return {
      name: 'validity',
      ok: false,
      code: 'not-yet-valid',
      message: `The credential is valid only from ${describeDate(nbf)}`,
    };
  }
  if (iat !== undefined && iat > nowSeconds + VALIDITY_SKEW_SECONDS) {
    return {
      name: 'validity',
      ok: false,
      code: 'not-yet-valid',
      message: `The credential says it was issued on ${describeDate(iat)}, which is still to come: check the clocks`,
    };
  }
  return {
    name: 'validity',
    ok: true,
    code: 'ok',
    message:
      exp === undefined
        ? 'Valid: the credential has no end date'
        : `Valid until ${describeDate(exp)}`,
  };
}
