/**
 * Step 2, the issuer's signature (RFC 9901 §7.1 step 1): with the pinned key when the caller gave
 * one, else the did:key / did:jwk in `kid` (which must belong to `iss`) or in `iss` itself. A
 * credential without `iss` (allowed by SD-JWT VC §3.2.2.2) can only be checked with a pinned key.
 */
import { shortValue, verifyDecodedJws } from '../jose/compact-jws.ts';
import type { JwsCrypto } from '../jose/jws-crypto.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { resolveIssuerKey } from '../sd-jwt/verify-sd-jwt-vc.ts';
import type { DecodedPresentation } from './decode-presentation.ts';

export async function checkIssuerSignature(
  decoded: DecodedPresentation,
  opts: { crypto: JwsCrypto; issuerKey?: PublicJwk },
): Promise<Result<PublicJwk, 'unknown-issuer-key' | 'bad-signature', { message: string }>> {
  const { parsed, issuer } = decoded;
  let key = opts.issuerKey;
  if (key === undefined) {
    if (issuer === undefined) {
      return failedWith('unknown-issuer-key', {
        message:
          'The credential does not name its issuer ("iss"), so its key cannot be found: give the issuer key to check it with',
      });
    }
    const resolved = resolveIssuerKey(parsed.header, issuer);
    if (!resolved.ok) {
      return failedWith('unknown-issuer-key', {
        message: `The issuer's key could not be found, so its signature cannot be checked (${resolved.detail.message})`,
      });
    }
    key = resolved.value;
  }
  const signed = await verifyDecodedJws(parsed.jws, { crypto: opts.crypto, key });
  if (!signed.ok) {
    const whose =
      opts.issuerKey === undefined
        ? `${shortValue(issuer ?? '')}'s key`
        : 'the issuer key you gave';
    return failedWith('bad-signature', {
      message: `The issuer's signature does not match ${whose}: the credential was changed, or someone else made it (${signed.detail.message})`,
    });
  }
  return ok(key);
}
