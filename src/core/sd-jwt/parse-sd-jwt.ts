/**
 * The SD-JWT compact serialisation (RFC 9901 §4):
 *
 *   <Issuer-signed JWT>~<Disclosure 1>~…~<Disclosure N>~[<KB-JWT>]
 *
 * Parsing is total: any input gives a Result. Signatures are not checked here (verify-sd-jwt-vc.ts).
 */
import { decodeCompactJws } from '../jose/compact-jws.ts';
import type { DecodedJws } from '../jose/compact-jws.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { parseDisclosure } from './disclosure.ts';
import type { Disclosure } from './disclosure.ts';
import { MAX_DISCLOSURES, MAX_SD_JWT_LENGTH } from './sd-jwt-problem.ts';
import type { SdJwtProblem } from './sd-jwt-problem.ts';

export interface ParsedSdJwt {
  /** The Issuer-signed JWT as transmitted. */
  readonly issuerSignedJwt: string;
  readonly jws: DecodedJws;
  readonly header: Readonly<Record<string, unknown>>;
  /** The signed payload as issued (with `_sd` digests, before disclosures are applied). */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly disclosures: readonly Disclosure[];
  /** A trailing Key Binding JWT (RFC 9901 §4.3), undecoded; checked in presentations (issue 4). */
  readonly keyBindingJwt?: string;
  /** Everything up to and including the last "~": what a KB-JWT's `sd_hash` covers (§4.3.1). */
  readonly sdHashInput: string;
}

export function parseSdJwt(text: unknown): Result<ParsedSdJwt, SdJwtProblem, { message: string }> {
  const malformed = (message: string) => failedWith('malformed', { message });
  if (typeof text !== 'string') return malformed(`expected an SD-JWT string, got ${typeof text}`);
  if (text.length > MAX_SD_JWT_LENGTH) {
    return malformed(
      `the SD-JWT is ${text.length} characters, more than the limit of ${MAX_SD_JWT_LENGTH}`,
    );
  }
  const lastTilde = text.lastIndexOf('~');
  if (lastTilde === -1)
    return malformed('an SD-JWT has "~" after the issuer-signed JWT; none was found');
  const parts = text.split('~');
  if (parts.length - 2 > MAX_DISCLOSURES) {
    return malformed(
      `${parts.length - 2} disclosures is more than the limit of ${MAX_DISCLOSURES}`,
    );
  }
  const issuerSignedJwt = parts[0] ?? '';
  const keyBindingJwt = parts[parts.length - 1] ?? '';
  const jws = decodeCompactJws(issuerSignedJwt);
  if (!jws.ok) {
    return failedWith(jws.reason === 'alg-not-allowed' ? 'alg-not-allowed' : 'malformed', {
      message: `issuer-signed JWT: ${jws.detail.message}`,
    });
  }
  const disclosures: Disclosure[] = [];
  const middle = parts.slice(1, -1);
  for (const [index, encoded] of middle.entries()) {
    if (encoded === '') return malformed(`disclosure ${index + 1} is empty ("~~")`);
    const disclosure = parseDisclosure(encoded, index);
    if (!disclosure.ok) return disclosure;
    disclosures.push(disclosure.value);
  }
  if (keyBindingJwt !== '' && keyBindingJwt.split('.').length !== 3) {
    return malformed('the text after the last "~" is neither empty nor a key binding JWT');
  }
  return ok({
    issuerSignedJwt,
    jws: jws.value,
    header: jws.value.header,
    payload: jws.value.payload,
    disclosures,
    ...(keyBindingJwt === '' ? {} : { keyBindingJwt }),
    sdHashInput: text.slice(0, lastTilde + 1),
  });
}
