/**
 * Registered JWT claims of an SD-JWT VC that the issuer must keep in the clear
 * (draft-ietf-oauth-sd-jwt-vc §3.2.2.2 "Registered JWT Claims"): `iss`, `nbf`, `exp`, `cnf`, `vct`,
 * `vct#integrity` and `status` MUST NOT be selectively disclosed. If they could be, a holder would
 * choose whether a verifier sees them: leaving out the `status` disclosure hides a revocation,
 * leaving out `exp` hides an expiry. `iat` and `sub` MAY be selectively disclosed.
 *
 * The check looks at the disclosures that are there. A disclosure that was withheld is only a
 * digest, so a verifier cannot tell what it hides; the wallet is handed every disclosure at
 * issuance and refuses such a credential then (src/core/holder/receive.ts).
 */
import { shortValue } from '../jose/compact-jws.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import type { Disclosure } from './disclosure.ts';

/** SD-JWT VC §3.2.2.2: these top-level claims are never selectively disclosable. */
export const NON_DISCLOSABLE_CLAIMS: readonly string[] = Object.freeze([
  'iss',
  'nbf',
  'exp',
  'cnf',
  'vct',
  'vct#integrity',
  'status',
]);

/**
 * Refuses a credential in which one of NON_DISCLOSABLE_CLAIMS is a disclosure referenced from the
 * top-level `_sd` array of the signed payload: that is where a registered claim would appear once
 * disclosed. (A claim called `exp` inside some nested object is an ordinary claim.)
 */
export function checkRegisteredClaimsNotDisclosable(
  payload: Readonly<Record<string, unknown>>,
  disclosures: readonly Disclosure[],
): Result<void, 'disclosable-registered-claim', { message: string; claim: string }> {
  const sd = payload._sd;
  for (const disclosure of disclosures) {
    const { name } = disclosure;
    if (name === undefined || !NON_DISCLOSABLE_CLAIMS.includes(name)) continue;
    if (!Array.isArray(sd) || !sd.includes(disclosure.digest)) continue;
    return failedWith('disclosable-registered-claim', {
      claim: name,
      message: `the issuer made "${name}" selectively disclosable (disclosed value ${shortValue(disclosure.value)}); SD-JWT VC §3.2.2.2 requires ${NON_DISCLOSABLE_CLAIMS.join(', ')} to be in the clear, or a holder could hide them`,
    });
  }
  return ok(undefined);
}
