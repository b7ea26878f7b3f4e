/**
 * The SD-JWT compact serialisation (RFC 9901 §4):
 *
 *   <Issuer-signed JWT>~<Disclosure 1>~…~<Disclosure N>~[<KB-JWT>]
 *
 * Parsing is total: any input gives a Result. Signatures are not checked here (verify-sd-jwt-vc.ts).
 */
import { utf8ToBytes } from '../encoding/utf8.ts';
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
  /** The same as bytes (a view; the text is ASCII whenever it parsed). */
  readonly sdHashInputBytes: Uint8Array;
  /** The KB-JWT's bytes (a view), when there is one. */
  readonly keyBindingJwtBytes?: Uint8Array;
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
  // The text is encoded once: the signing inputs, the disclosures' digests and sd_hash are views of
  // it. Every part that parses is base64url (ASCII), so a character offset is a byte offset; a
  // text with anything else is encoded part by part as before (and fails to parse anyway).
  const encoded = utf8ToBytes(text);
  const ascii = encoded.length === text.length ? encoded : undefined;
  const jws = decodeCompactJws(issuerSignedJwt, ascii?.subarray(0, issuerSignedJwt.length));
  if (!jws.ok) {
    return failedWith(jws.reason === 'alg-not-allowed' ? 'alg-not-allowed' : 'malformed', {
      message: `issuer-signed JWT: ${jws.detail.message}`,
    });
  }
  const disclosures: Disclosure[] = [];
  let offset = issuerSignedJwt.length + 1;
  for (let index = 0; index < parts.length - 2; index += 1) {
    const part = parts[index + 1] ?? '';
    if (part === '') return malformed(`disclosure ${index + 1} is empty ("~~")`);
    const disclosure = parseDisclosure(part, index, ascii?.subarray(offset, offset + part.length));
    if (!disclosure.ok) return disclosure;
    disclosures.push(disclosure.value);
    offset += part.length + 1;
  }
  if (keyBindingJwt !== '' && keyBindingJwt.split('.').length !== 3) {
    return malformed('the text after the last "~" is neither empty nor a key binding JWT');
  }
  const sdHashInput = text.slice(0, lastTilde + 1);
  return ok({
    issuerSignedJwt,
    jws: jws.value,
    header: jws.value.header,
    payload: jws.value.payload,
    disclosures,
    ...(keyBindingJwt === ''
      ? {}
      : {
          keyBindingJwt,
          ...(ascii === undefined ? {} : { keyBindingJwtBytes: ascii.subarray(lastTilde + 1) }),
        }),
    sdHashInput,
    sdHashInputBytes: ascii?.subarray(0, lastTilde + 1) ?? utf8ToBytes(sdHashInput),
  });
}
