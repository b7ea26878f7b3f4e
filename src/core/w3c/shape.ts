/**
 * Cheap shape tests for dispatch (no crypto, no did-jwt-vc): is a text a VC-JWT or a VP-JWT? The
 * verifier imports this statically and loads the rest of src/core/w3c only when the answer is yes.
 */
import { decodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8 } from '../encoding/utf8.ts';
import { parseJsonObject } from '../jose/compact-jws.ts';

/**
 * A credential longer than this is refused unread. A Vouch VC-JWT is 1–2 KB; a presentation holds
 * one (and may be twice this). Status list credentials have their own, larger cap.
 */
export const MAX_VC_JWT_LENGTH = 64 * 1024;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON payload of a compact JWS, whatever its header says (no signature, no alg check). */
export function peekJwtPayload(text: unknown): Record<string, unknown> | undefined {
  if (typeof text !== 'string' || text.length > MAX_VC_JWT_LENGTH * 2) return undefined;
  const parts = text.trim().split('.');
  if (parts.length !== 3 || parts.some((part, i) => i < 2 && !/^[A-Za-z0-9_-]+$/.test(part))) {
    return undefined;
  }
  const bytes = decodeBase64Url(parts[1] ?? '');
  if (!bytes.ok) return undefined;
  const utf8 = bytesToUtf8(bytes.value);
  if (!utf8.ok) return undefined;
  const payload = parseJsonObject(utf8.value, 'the JWT payload');
  return payload.ok ? payload.value : undefined;
}

/** Is `text` a compact JWS whose JSON payload holds the object `claim`? Header and alg unchecked. */
function peekJwt(text: unknown, claim: 'vc' | 'vp'): boolean {
  // A forbidden alg is still this shape: the verifier then says "unsupported-alg", not "unreadable".
  const payload = peekJwtPayload(text);
  return payload !== undefined && isRecord(payload[claim]);
}

/** A compact JWS whose payload holds a `vc` object: a VC-JWT (no signature check). */
export function isVcJwt(text: unknown): boolean {
  return peekJwt(text, 'vc');
}

/** A compact JWS whose payload holds a `vp` object: a VP-JWT (no signature check). */
export function isVpJwt(text: unknown): boolean {
  return peekJwt(text, 'vp');
}
