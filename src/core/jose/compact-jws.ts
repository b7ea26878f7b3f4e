/**
 * Compact JWS (RFC 7515 §7.1): BASE64URL(header) "." BASE64URL(payload) "." BASE64URL(signature),
 * restricted to the allowed algorithms (jws-algorithm.ts). Decoding is total: any input yields a
 * Result. Verification refuses a forbidden or missing `alg` and unknown `crit` extensions before the
 * key is used.
 */
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { acceptedAlgorithm, algorithmForJwk, JWS_SIGNATURE_LENGTH } from './jws-algorithm.ts';
import type { JwsAlgorithm } from './jws-algorithm.ts';
import type { JwsCrypto, JwsSign } from './jws-crypto.ts';
import type { PublicJwk } from './jwk.ts';

/** Larger tokens are refused unread (a status list of millions of entries still fits). */
export const MAX_JWS_LENGTH = 4 * 1024 * 1024;

export type JwsProblem = 'malformed' | 'alg-not-allowed' | 'wrong-typ' | 'bad-signature';
export type JwsResult<T> = Result<T, JwsProblem, { message: string }>;

export interface DecodedJws {
  /** The algorithm to verify with: the header's `alg`, with "Ed25519" (RFC 9864) read as EdDSA. */
  readonly alg: JwsAlgorithm;
  readonly header: Readonly<Record<string, unknown>>;
  /** The payload, a JSON object (the raw bytes are in payloadBytes). */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly payloadBytes: Uint8Array;
  /** ASCII bytes of `header.payload`, what the signature covers. */
  readonly signingInput: Uint8Array;
  readonly signature: Uint8Array;
}

/** Decoded header and raw payload, before anything requires the payload to be a JSON object. */
export interface DecodedJwsBytes extends Omit<DecodedJws, 'payload'> {
  readonly payload?: Readonly<Record<string, unknown>>;
}

const malformed = (message: string) => failedWith('malformed', { message });

export function shortValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    text = typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** JSON.parse that returns a Result; only a JSON object is accepted. */
export function parseJsonObject(
  text: string,
  what: string,
): Result<Record<string, unknown>, 'malformed', { message: string }> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return malformed(`${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return malformed(`${what} is not a JSON object`);
  }
  return ok(value as Record<string, unknown>);
}

export async function signCompactJws(opts: {
  header: Record<string, unknown>;
  payload: Record<string, unknown> | Uint8Array;
  sign: JwsSign;
  /** A platform's faster base64url (the same text), e.g. for an issuer's batch. */
  base64Url?: (bytes: Uint8Array) => string;
}): Promise<string> {
  const { header, payload, sign, base64Url = encodeBase64Url } = opts;
  if (acceptedAlgorithm(header.alg) === undefined) {
    throw new TypeError(
      `signCompactJws: header "alg" must be one of ES256, EdDSA (or Ed25519), ES256K, got ${shortValue(header.alg)}`,
    );
  }
  const payloadBytes =
    payload instanceof Uint8Array ? payload : utf8ToBytes(JSON.stringify(payload));
  const signingInput = `${base64Url(utf8ToBytes(JSON.stringify(header)))}.${base64Url(payloadBytes)}`;
  const signature = await sign(utf8ToBytes(signingInput));
  return `${signingInput}.${base64Url(signature)}`;
}

/**
 * Splits and decodes a compact JWS; the payload may be any bytes. No signature check. `ascii`,
 * when given, holds the bytes of `jws` (a view into a larger text's, parse-sd-jwt.ts): the
 * signing input is then a view of it instead of a new encoding.
 */
export function decodeCompactJwsBytes(
  jws: unknown,
  ascii?: Uint8Array,
): JwsResult<DecodedJwsBytes> {
  if (typeof jws !== 'string') return malformed(`expected a compact JWS string, got ${typeof jws}`);
  if (jws.length > MAX_JWS_LENGTH) {
    return malformed(
      `the JWS is ${jws.length} characters, more than the limit of ${MAX_JWS_LENGTH}`,
    );
  }
  const parts = jws.split('.');
  if (parts.length !== 3) {
    return malformed(
      `expected a compact JWS "header.payload.signature", got ${parts.length} part(s)`,
    );
  }
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const headerBytes = decodeBase64Url(headerPart);
  if (!headerBytes.ok) return malformed(`header: ${headerBytes.detail.message}`);
  const headerText = bytesToUtf8(headerBytes.value);
  if (!headerText.ok) return malformed(`header: ${headerText.detail.message}`);
  const header = parseJsonObject(headerText.value, 'the JWS header');
  if (!header.ok) return header;
  // RFC 7515 §4.1.1: the algorithm decides everything that follows; refuse before anything else.
  const { crit } = header.value;
  const alg = acceptedAlgorithm(header.value.alg);
  if (alg === undefined) {
    return failedWith('alg-not-allowed', {
      message: `header "alg" must be ES256, EdDSA (or Ed25519) or ES256K, got ${shortValue(header.value.alg)}`,
    });
  }
  // RFC 7515 §4.1.11: critical extensions we do not understand make the JWS invalid.
  if (crit !== undefined) return malformed(`header "crit" ${shortValue(crit)} is not supported`);
  const payloadBytes = decodeBase64Url(payloadPart);
  if (!payloadBytes.ok) return malformed(`payload: ${payloadBytes.detail.message}`);
  const signature = decodeBase64Url(signaturePart);
  if (!signature.ok) return malformed(`signature: ${signature.detail.message}`);
  let payload: Record<string, unknown> | undefined;
  const payloadText = bytesToUtf8(payloadBytes.value);
  if (payloadText.ok) {
    const parsed = parseJsonObject(payloadText.value, 'the JWS payload');
    if (parsed.ok) payload = parsed.value;
  }
  return ok({
    alg,
    header: header.value,
    ...(payload === undefined ? {} : { payload }),
    payloadBytes: payloadBytes.value,
    signingInput:
      ascii !== undefined && ascii.length === jws.length
        ? ascii.subarray(0, headerPart.length + 1 + payloadPart.length)
        : utf8ToBytes(`${headerPart}.${payloadPart}`),
    signature: signature.value,
  });
}

/** Decodes a compact JWS whose payload is a JSON object (a JWT). No signature check. */
export function decodeCompactJws(jws: unknown, ascii?: Uint8Array): JwsResult<DecodedJws> {
  const decoded = decodeCompactJwsBytes(jws, ascii);
  if (!decoded.ok) return decoded;
  const { payload } = decoded.value;
  if (payload === undefined) return malformed('the JWS payload is not a UTF-8 JSON object');
  return ok({ ...decoded.value, payload });
}

/** Checks the signature of an already decoded JWS with `key` (alg must fit the key). */
export async function verifyDecodedJws<T extends DecodedJwsBytes>(
  decoded: T,
  opts: { crypto: JwsCrypto; key: PublicJwk; expectedTyp?: string },
): Promise<JwsResult<T>> {
  const { crypto, key, expectedTyp } = opts;
  const typ = decoded.header.typ;
  if (expectedTyp !== undefined && typ !== expectedTyp) {
    return failedWith('wrong-typ', {
      message: `header "typ" expected "${expectedTyp}", got ${shortValue(typ)}`,
    });
  }
  const keyAlg = algorithmForJwk(key);
  if (keyAlg !== decoded.alg) {
    return failedWith('bad-signature', {
      message: `header "alg" is ${decoded.alg}, but the issuer's ${key.crv} key signs with ${keyAlg}`,
    });
  }
  if (decoded.signature.length !== JWS_SIGNATURE_LENGTH) {
    return failedWith('bad-signature', {
      message: `the signature is ${decoded.signature.length} bytes; ${decoded.alg} signatures are ${JWS_SIGNATURE_LENGTH}`,
    });
  }
  const valid = await crypto.verify(decoded.alg, key, decoded.signingInput, decoded.signature);
  if (!valid)
    return failedWith('bad-signature', {
      message: 'the signature does not verify with the issuer key',
    });
  return ok(decoded);
}

export async function verifyCompactJws(
  jws: string,
  opts: { crypto: JwsCrypto; key: PublicJwk; expectedTyp?: string },
): Promise<JwsResult<DecodedJws>> {
  const decoded = decodeCompactJws(jws);
  if (!decoded.ok) return decoded;
  return verifyDecodedJws(decoded.value, opts);
}
