/**
 * A verdict as the CLI prints it (docs/cli.md `vouch verify`): pretty JSON with its members in a
 * fixed order — valid, checks, issuer, vct, claims always; then issuerName, status, format and
 * note when known. Scripts depend on the order. `vouch verify` prints a VerificationResult with it;
 * `vouch result` prints a server's verdict (plain JSON) the same way.
 */
import type { VerificationResult } from '../../core/verification/index.ts';

/** Said in the verdict of a bare VC-JWT: what was not checked, since nobody presented it. */
export const BARE_CREDENTIAL_NOTE =
  'A bare credential, not a presentation: holder binding was not checked (no key binding, aud or nonce); anyone who has a copy could show it';

export function verdictJson(
  result: VerificationResult | Record<string, unknown>,
  note?: string,
): string {
  const { valid, checks, issuer, vct, claims, issuerName, status, format } = result as Record<
    string,
    unknown
  >;
  const ordered = {
    valid,
    checks: Array.isArray(checks)
      ? checks.map((check: Record<string, unknown>) => {
          const { name, ok, code, message } = check;
          return { name, ok, code, message };
        })
      : checks,
    issuer: issuer ?? null,
    vct: vct ?? null,
    claims,
    ...(issuerName === undefined ? {} : { issuerName }),
    ...(status === undefined ? {} : { status }),
    ...(format === undefined ? {} : { format }),
    ...(note === undefined ? {} : { note }),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
