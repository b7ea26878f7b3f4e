/**
 * Step 5, key binding (RFC 9901 §7.3): the KB-JWT must be there, use an allowed algorithm (refused
 * before the key is touched), have `typ: "kb+jwt"`, and be signed by the credential's `cnf.jwk`.
 * Its claims (aud, nonce, iat, sd_hash) are checked one by one in kb-claims.ts, and only once the
 * signature holds: unsigned claims prove nothing.
 */
import { decodeCompactJws, shortValue, verifyDecodedJws } from '../jose/compact-jws.ts';
import type { JwsCrypto } from '../jose/jws-crypto.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { KB_JWT_TYP } from '../presentation/kb-jwt.ts';
import type { DecodedPresentation } from './decode-presentation.ts';

export type KeyBindingProblem = 'kb-missing' | 'kb-bad-signature' | 'unsupported-alg';

export async function checkKeyBinding(
  decoded: DecodedPresentation,
  opts: { crypto: JwsCrypto },
): Promise<Result<Readonly<Record<string, unknown>>, KeyBindingProblem, { message: string }>> {
  const kbJwt = decoded.parsed.keyBindingJwt;
  if (kbJwt === undefined) {
    return failedWith('kb-missing', {
      message:
        "The answer has no confirmation from the holder's phone (no key binding), so it could be a copy of someone else's credential",
    });
  }
  const bad = (message: string) => failedWith('kb-bad-signature', { message });
  const kb = decodeCompactJws(kbJwt, decoded.parsed.keyBindingJwtBytes);
  if (!kb.ok) {
    return kb.reason === 'alg-not-allowed'
      ? failedWith('unsupported-alg', {
          message: `The holder's confirmation uses a signature method that is not allowed (${kb.detail.message})`,
        })
      : bad(`The holder's confirmation is damaged (${kb.detail.message})`);
  }
  if (kb.value.header.typ !== KB_JWT_TYP) {
    return bad(
      `The holder's confirmation is not a key binding JWT (header "typ" is ${shortValue(kb.value.header.typ)}, expected "${KB_JWT_TYP}")`,
    );
  }
  if (!decoded.holderKey.ok) {
    return bad(`The holder's confirmation cannot be checked: ${decoded.holderKey.detail.message}`);
  }
  const signed = await verifyDecodedJws(kb.value, {
    crypto: opts.crypto,
    key: decoded.holderKey.value,
  });
  if (!signed.ok) {
    return bad(
      "The holder's confirmation is not signed by the key this credential was issued to: it may come from another phone",
    );
  }
  return ok(kb.value.payload);
}
