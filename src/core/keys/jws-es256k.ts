/**
 * A small compact-JWS (RFC 7515 §7.1) helper fixed to ES256K, for holder proofs of possession
 * (e.g. the signed "connect" payload). It signs and checks exactly one algorithm: a token whose
 * header says anything else ("none", HS256, ES256…) is rejected before any key is used.
 */
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
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
  const protectedHeader = encodeBase64Url(utf8ToBytes(JSON.stringify({ ...header, alg: ES256K })));
  const payloadBytes =
    payload instanceof Uint8Array ? payload : utf8ToBytes(JSON.stringify(payload));
  const signingInput = `${protectedHeader}.${encodeBase64Url(payloadBytes)}`;
  const signature = await signer(utf8ToBytes(signingInput));
  return `${signingInput}.${encodeBase64Url(signature)}`;
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
  const bad = (message: string) => failedWith('bad-jws', { message });
  const parts = typeof jws === 'string' ? jws.split('.') : [];
  if (parts.length !== 3) {
    return bad(`expected compact JWS "header.payload.signature", got ${parts.length} part(s)`);
  }
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const headerBytes = decodeBase64Url(headerPart);
  if (!headerBytes.ok) return bad(`header: ${headerBytes.detail.message}`);
  const headerText = bytesToUtf8(headerBytes.value);
  if (!headerText.ok) return bad(`header: ${headerText.detail.message}`);
  let header: unknown;
  try {
    header = JSON.parse(headerText.value);
  } catch {
    return bad('header is not JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    return bad('header is not a JSON object');
  }
  const { alg, crit } = header as Record<string, unknown>;
  if (alg !== ES256K) {
    return failedWith('wrong-alg', {
      message: `"alg" expected "${ES256K}", got ${JSON.stringify(alg) ?? 'nothing'}`,
    });
  }
  // RFC 7515 §4.1.11: critical extensions we do not understand make the JWS invalid.
  if (crit !== undefined) return bad('"crit" header extensions are not supported');
  const payload = decodeBase64Url(payloadPart);
  if (!payload.ok) return bad(`payload: ${payload.detail.message}`);
  const signature = decodeBase64Url(signaturePart);
  if (!signature.ok) return bad(`signature: ${signature.detail.message}`);
  if (signature.value.length !== ES256K_SIGNATURE_LENGTH) {
    return failedWith('bad-signature', {
      message: `signature expected ${ES256K_SIGNATURE_LENGTH} bytes (r || s), got ${signature.value.length}`,
    });
  }
  const valid = await verifier(utf8ToBytes(`${headerPart}.${payloadPart}`), signature.value);
  if (!valid) return failedWith('bad-signature', { message: 'the signature does not verify' });
  return ok({ header: header as Record<string, unknown>, payload: payload.value });
}
