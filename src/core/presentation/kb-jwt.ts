/**
 * The Key Binding JWT (RFC 9901 §4.3): header `{ typ: "kb+jwt", alg }`, payload
 * `{ iat, aud, nonce, sd_hash }`, signed with the holder's key (the credential's `cnf.jwk`).
 */
import { signCompactJws } from '../jose/compact-jws.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsSign } from '../jose/jws-crypto.ts';

export const KB_JWT_TYP = 'kb+jwt';

export interface KeyBindingClaims {
  /** Seconds since the epoch. */
  iat: number;
  aud: string;
  nonce: string;
  sd_hash: string;
}

export function signKeyBindingJwt(opts: {
  claims: KeyBindingClaims;
  holder: { alg: JwsAlgorithm; sign: JwsSign };
}): Promise<string> {
  const { claims, holder } = opts;
  return signCompactJws({
    header: { typ: KB_JWT_TYP, alg: holder.alg },
    payload: { iat: claims.iat, aud: claims.aud, nonce: claims.nonce, sd_hash: claims.sd_hash },
    sign: holder.sign,
  });
}
