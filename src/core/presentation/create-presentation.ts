/**
 * Making an SD-JWT presentation (RFC 9901 §4, §5.2): the issuer-signed JWT byte for byte, the
 * disclosures of the chosen claims, and a key binding JWT (§4.3) signed with the holder's key:
 *
 *   <Issuer-signed JWT>~<Disclosure 1>~…~<Disclosure N>~<KB-JWT>
 *
 * The KB-JWT's `sd_hash` covers everything before it, so a verifier can tell if a disclosure was
 * added or removed after the holder confirmed.
 */
import type { Brand } from '../brand.ts';
import { shortValue } from '../jose/compact-jws.ts';
import { isAllowedAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsSign } from '../jose/jws-crypto.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { parseSdJwt } from '../sd-jwt/parse-sd-jwt.ts';
import { signKeyBindingJwt } from './kb-jwt.ts';
import { computeSdHash } from './sd-hash.ts';
import { selectDisclosures } from './select-disclosures.ts';

/** issuer JWT ~ disclosures ~ KB-JWT */
export type SdJwtPresentation = Brand<string, 'SdJwtPresentation'>;

export type PresentationProblem = 'malformed' | 'unknown-claim';

export interface CreatePresentationOptions {
  /** The credential in issuance form (ends with "~"). */
  credential: string;
  /** Top-level claim names to reveal; all others are withheld. */
  disclose: readonly string[];
  /** The verifier (the KB-JWT's `aud`). */
  audience: string;
  /** The verifier's request nonce. */
  nonce: string;
  issuedAt: Date;
  /** The `cnf` key of the credential (ES256K for our wallets). */
  holder: { alg: JwsAlgorithm; sign: JwsSign };
}

export async function createPresentation(
  opts: CreatePresentationOptions,
): Promise<Result<SdJwtPresentation, PresentationProblem, { message: string }>> {
  const { credential, disclose, audience, nonce, issuedAt, holder } = opts;
  const malformed = (message: string) => failedWith('malformed', { message });
  const parsed = parseSdJwt(typeof credential === 'string' ? credential.trim() : credential);
  if (!parsed.ok) return malformed(`the credential: ${parsed.detail.message}`);
  if (parsed.value.keyBindingJwt !== undefined) {
    return malformed('the credential already ends with a key binding JWT (it is a presentation)');
  }
  if (typeof audience !== 'string' || audience === '') {
    return malformed(`"audience" must be a non-empty string, got ${shortValue(audience)}`);
  }
  if (typeof nonce !== 'string' || nonce === '') {
    return malformed(`"nonce" must be a non-empty string, got ${shortValue(nonce)}`);
  }
  const time = issuedAt instanceof Date ? issuedAt.getTime() : Number.NaN;
  if (!Number.isFinite(time)) return malformed('"issuedAt" must be a valid Date');
  if (!isAllowedAlgorithm(holder.alg)) {
    return malformed(
      `the holder's "alg" must be ES256, EdDSA or ES256K, got ${shortValue(holder.alg)}`,
    );
  }
  if (!Array.isArray(disclose) || disclose.some((name) => typeof name !== 'string')) {
    return malformed('"disclose" must be a list of claim names');
  }
  const selected = selectDisclosures({
    payload: parsed.value.payload,
    disclosures: parsed.value.disclosures,
    names: [...new Set(disclose)],
  });
  if (!selected.ok) return selected;

  const sdHashInput = `${parsed.value.issuerSignedJwt}~${selected.value
    .map((disclosure) => `${disclosure.encoded}~`)
    .join('')}`;
  const kbJwt = await signKeyBindingJwt({
    claims: {
      iat: Math.floor(time / 1000),
      aud: audience,
      nonce,
      sd_hash: computeSdHash(sdHashInput),
    },
    holder,
  });
  return ok(`${sdHashInput}${kbJwt}` as SdJwtPresentation);
}
