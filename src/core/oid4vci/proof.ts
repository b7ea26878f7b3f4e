/**
 * Key proofs of type `jwt` (OpenID4VCI 1.0 §8.2.1.1, Appendix F.1): the wallet shows it holds the
 * key a credential will be bound to.
 *
 *   header  { "alg": ES256 | ES256K | EdDSA, "typ": "openid4vci-proof+jwt", "jwk": <public key> }
 *           (or "kid": a did:key / did:jwk DID URL instead of "jwk" — exactly one of them)
 *   payload { "aud": <Credential Issuer Identifier>, "iat": <now>, "nonce": <c_nonce> }
 *
 * `iss` is left out: the pre-authorized code flow with anonymous access has no client_id (F.1).
 * The issuer checks, before any key is used: typ, alg allowed, no `crit`, exactly one key
 * parameter and no private key members; then the signature, `aud`, `iat` (not in the future, not
 * stale), `exp` when present, and the nonce. Nonce consumption (single use) is the caller's, once
 * per request (credential.ts): a batch's proofs all carry the same c_nonce.
 */
import { resolveDidKey } from '../did/did-key.ts';
import {
  decodeCompactJws,
  shortValue,
  signCompactJws,
  verifyDecodedJws,
} from '../jose/compact-jws.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsCrypto, JwsSign } from '../jose/jws-crypto.ts';
import { parsePublicJwk, publicJwkOf } from '../jose/jwk.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import { isNumericDate } from '../jose/numeric-date.ts';
import { DEFAULT_CLOCK_SKEW_SECONDS } from '../sd-jwt/verify-sd-jwt-vc.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { PROOF_SIGNING_ALGS } from './metadata.ts';

export const KEY_PROOF_TYP = 'openid4vci-proof+jwt';
/** A proof older than this is stale (its nonce has expired long before anyway). */
export const DEFAULT_PROOF_MAX_AGE_SECONDS = 300;
export const MAX_PROOF_LENGTH = 8 * 1024;
/** JWK members that hold private key material (RFC 7518 §6.2.2, §6.3.2, §6.4.1; RFC 8037). */
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** A key the wallet proves possession of; `sign` signs the JWS signing input. */
export interface ProofKey {
  readonly publicJwk: PublicJwk;
  readonly alg: JwsAlgorithm;
  readonly sign: JwsSign;
}

/** Makes a `jwt` key proof for one key. */
export async function createKeyProof(options: {
  key: ProofKey;
  credentialIssuer: string;
  nonce?: string;
  now: Date;
}): Promise<string> {
  const { key, credentialIssuer, nonce, now } = options;
  return signCompactJws({
    header: { alg: key.alg, typ: KEY_PROOF_TYP, jwk: publicJwkOf(key.publicJwk) },
    payload: {
      aud: credentialIssuer,
      iat: Math.floor(now.getTime() / 1000),
      ...(nonce === undefined ? {} : { nonce }),
    },
    sign: key.sign,
  });
}

export type KeyProofProblem = 'invalid_proof' | 'invalid_nonce';

export interface VerifiedKeyProof {
  /** The key the credential is to be bound to (`cnf.jwk`). */
  readonly jwk: PublicJwk;
  readonly nonce?: string;
}

export interface VerifyKeyProofOptions {
  crypto: JwsCrypto;
  credentialIssuer: string;
  /** The c_nonce the proof must carry; undefined when the issuer has no nonce endpoint. */
  expectedNonce?: string;
  now: Date;
  maxAgeSeconds?: number;
  clockSkewSeconds?: number;
}

/** Checks one `jwt` key proof (Appendix F.4 and §8.2.1.1). Total: never throws on bad input. */
export async function verifyKeyProof(
  jwt: unknown,
  options: VerifyKeyProofOptions,
): Promise<Result<VerifiedKeyProof, KeyProofProblem, { message: string }>> {
  const {
    crypto,
    credentialIssuer,
    expectedNonce,
    now,
    maxAgeSeconds = DEFAULT_PROOF_MAX_AGE_SECONDS,
    clockSkewSeconds = DEFAULT_CLOCK_SKEW_SECONDS,
  } = options;
  const invalid = (message: string) => failedWith('invalid_proof' as const, { message });
  if (typeof jwt !== 'string')
    return invalid(`a proof must be a compact JWT, got ${shortValue(jwt)}`);
  if (jwt.length > MAX_PROOF_LENGTH)
    return invalid(`the proof is longer than ${MAX_PROOF_LENGTH} characters`);
  const decoded = decodeCompactJws(jwt);
  if (!decoded.ok) return invalid(decoded.detail.message);
  const { header, payload, alg } = decoded.value;
  // RFC 7515 §4.1.9: "application/" may be left out of typ, and compared case-insensitively.
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : header.typ;
  if (typ !== KEY_PROOF_TYP && typ !== `application/${KEY_PROOF_TYP}`) {
    return invalid(`header "typ" must be "${KEY_PROOF_TYP}", got ${shortValue(header.typ)}`);
  }
  if (!PROOF_SIGNING_ALGS.includes(alg)) {
    return invalid(`header "alg" ${alg} is not accepted for key proofs`);
  }
  const keyParameters = ['jwk', 'kid', 'x5c', 'trust_chain'].filter(
    (name) => header[name] !== undefined,
  );
  if (keyParameters.length !== 1) {
    return invalid(
      `the header must name the key exactly once (jwk or kid), got ${keyParameters.length === 0 ? 'none' : keyParameters.join(' and ')}`,
    );
  }
  let key: PublicJwk;
  if (header.jwk !== undefined) {
    const jwk = header.jwk;
    if (typeof jwk === 'object' && jwk !== null) {
      const present = PRIVATE_JWK_MEMBERS.filter(
        (name) => (jwk as Record<string, unknown>)[name] !== undefined,
      );
      if (present.length > 0)
        return invalid(`header "jwk" holds private key members (${present.join(', ')})`);
    }
    const parsed = parsePublicJwk(jwk);
    if (!parsed.ok) return invalid(`header "jwk": ${parsed.detail.message}`);
    key = parsed.value;
  } else if (typeof header.kid === 'string') {
    const resolved = resolveDidKey(header.kid);
    if (!resolved.ok) return invalid(`header "kid": ${resolved.detail.message}`);
    key = resolved.value;
  } else {
    return invalid(`header "${keyParameters[0]}" is not supported; use "jwk" or a did:key "kid"`);
  }
  const signed = await verifyDecodedJws(decoded.value, { crypto, key });
  if (!signed.ok) return invalid(`the proof's signature: ${signed.detail.message}`);

  const { aud, iat, exp, nonce } = payload;
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (audiences.length !== 1 || audiences[0] !== credentialIssuer) {
    return invalid(
      `"aud" must be this credential issuer ${shortValue(credentialIssuer)}, got ${shortValue(aud)}`,
    );
  }
  if (!isNumericDate(iat)) return invalid(`"iat" must be a NumericDate, got ${shortValue(iat)}`);
  const nowSeconds = now.getTime() / 1000;
  if (iat > nowSeconds + clockSkewSeconds) return invalid('"iat" is in the future');
  if (iat < nowSeconds - maxAgeSeconds - clockSkewSeconds) {
    return invalid(`the proof is older than ${maxAgeSeconds} seconds ("iat")`);
  }
  if (exp !== undefined && (!isNumericDate(exp) || exp + clockSkewSeconds < nowSeconds)) {
    return invalid('the proof has expired ("exp")');
  }
  if (nonce !== undefined && typeof nonce !== 'string') return invalid('"nonce" must be a string');
  if (expectedNonce !== undefined && nonce !== expectedNonce) {
    return failedWith('invalid_nonce', {
      message:
        nonce === undefined
          ? 'the proof carries no c_nonce'
          : 'the proof carries another c_nonce than expected',
    });
  }
  return ok({ jwk: key, ...(nonce === undefined ? {} : { nonce }) });
}
