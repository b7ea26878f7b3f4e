/**
 * A small compact-JWS (RFC 7515 §7.1) helper fixed to ES256K, for holder proofs of possession
 * (e.g. the signed "connect" payload). A thin layer over the generic src/core/jose: it signs and
 * checks exactly one algorithm, so a token whose header says anything else ("none", HS256,
 * ES256…) is rejected before any key is used, and the holder's low-S rule (es256k.ts) applies.
 */
import { decodeCompactJwsBytes, signCompactJws } from '../jose/compact-jws.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { ES256K_SIGNATURE_LENGTH } from './es256k.ts';
import type { Signer, Verifier } from './es256k.ts';

export const ES256K = 'ES256K';

export interface SignJwsOptions {
  signer: Signer;
  /** Extra protected header members (typ, kid, jwk, …). `alg` is always set to ES256K. */
  header?: Readonly<Record<string, unknown>>;
  /** A JSON value (serialised with JSON.stringify) or raw payload bytes. */
  payload: unknown;
}

export async function signJwsEs256k({
  signer,
  header = {},
  payload,
}: SignJwsOptions): Promise<string> {
  return signCompactJws({
    header: { ...header, alg: ES256K },
    payload: payload instanceof Uint8Array ? payload : utf8ToBytes(JSON.stringify(payload)),
    sign: signer,
  });
}

export interface VerifiedJws {
  readonly header: Readonly<Record<string, unknown>>;
  /** The payload bytes; parse them with the schema the caller expects. */
  readonly payload: Uint8Array;
}

export type JwsProblem = { message: string };

export async function verifyJwsEs256k(
  jws: string,
  verifier: Verifier,
): Promise<Result<VerifiedJws, 'bad-jws' | 'wrong-alg' | 'bad-signature', JwsProblem>> {
  const decoded = decodeCompactJwsBytes(jws);
  if (!decoded.ok) {
    return failedWith(
      decoded.reason === 'alg-not-allowed' ? 'wrong-alg' : 'bad-jws',
      decoded.detail,
    );
  }
  const { alg, header, payloadBytes, signingInput, signature } = decoded.value;
  if (alg !== ES256K) {
    return failedWith('wrong-alg', {
      message: `"alg" expected "${ES256K}", got ${JSON.stringify(alg)}`,
    });
  }
  if (signature.length !== ES256K_SIGNATURE_LENGTH) {
    return failedWith('bad-signature', {
      message: `signature expected ${ES256K_SIGNATURE_LENGTH} bytes (r || s), got ${signature.length}`,
    });
  }
  const valid = await verifier(signingInput, signature);
  if (!valid) return failedWith('bad-signature', { message: 'the signature does not verify' });
  return ok({ header, payload: payloadBytes });
}
