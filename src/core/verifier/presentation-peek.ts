/**
 * What the desk reads from a presentation BEFORE verifying it, and only to find its way: the nonce
 * (which of our requests it answers) and the status list address (to offer "fetch status lists").
 * Nothing read here is trusted: verifyPresentation checks all of it. No crypto, no did-jwt-vc (this
 * runs on the desk's first screen; the W3C verification code is loaded only when verifying).
 *
 * Both formats (docs/w3c-vc.md):
 * - SD-JWT VC: `<issuer JWT>~<disclosure>~…~<KB-JWT>`; the nonce is in the key binding JWT, the
 *   status in the issuer JWT's `status.status_list.uri` (IETF Token Status List).
 * - W3C VP-JWT: a compact JWS whose payload has `vp`; the nonce is its `nonce` claim, the status
 *   in the (one) VC-JWT of `vp.verifiableCredential`: `vc.credentialStatus.statusListCredential`
 *   of a `BitstringStatusListEntry` (W3C Bitstring Status List v1.0 §2.1).
 */
import { decodeCompactJws } from '../jose/index.ts';

const MAX_NONCE_LENGTH = 512;
const MAX_URI_LENGTH = 2048;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The payload of a VP-JWT (a JWS whose payload holds a `vp` object), else undefined. */
function vpJwtPayload(presentation: string): Json | undefined {
  if (presentation.includes('~')) return undefined;
  const decoded = decodeCompactJws(presentation.trim());
  if (!decoded.ok || !isObject(decoded.value.payload.vp)) return undefined;
  return decoded.value.payload;
}

/** True when the presentation is shaped like a W3C VP-JWT (not verified). */
export function looksLikeVpJwt(presentation: string): boolean {
  return vpJwtPayload(presentation) !== undefined;
}

/**
 * The nonce a presentation carries, read without verifying (to find our request): a VP-JWT's
 * `nonce` claim, or the nonce of an SD-JWT VC's key binding JWT.
 */
export function presentationNonce(presentation: string): string | undefined {
  const vp = vpJwtPayload(presentation);
  if (vp !== undefined) return nonceOf(vp);
  const last = presentation.slice(presentation.lastIndexOf('~') + 1);
  if (!last || !presentation.includes('~')) return undefined;
  const decoded = decodeCompactJws(last);
  return decoded.ok ? nonceOf(decoded.value.payload) : undefined;
}

function nonceOf(payload: Json): string | undefined {
  const nonce = payload.nonce;
  return typeof nonce === 'string' && nonce.length <= MAX_NONCE_LENGTH ? nonce : undefined;
}

/**
 * The status list URI a presentation's credential points to, read without verifying: an SD-JWT
 * VC's `status.status_list.uri`, or the `statusListCredential` of the BitstringStatusListEntry of
 * a VP-JWT's credential (the first such entry when `credentialStatus` is a list).
 */
export function presentationStatusUri(presentation: string): string | undefined {
  const vp = vpJwtPayload(presentation);
  if (vp !== undefined) return bitstringStatusUri(vp);
  const decoded = decodeCompactJws(presentation.split('~')[0]);
  if (!decoded.ok) return undefined;
  const status = decoded.value.payload.status;
  if (!isObject(status) || !isObject(status.status_list)) return undefined;
  return uriOf(status.status_list.uri);
}

function bitstringStatusUri(vp: Json): string | undefined {
  const inner = (vp.vp as Json).verifiableCredential;
  const first: unknown = Array.isArray(inner) ? inner[0] : inner;
  if (typeof first !== 'string') return undefined;
  const decoded = decodeCompactJws(first);
  if (!decoded.ok || !isObject(decoded.value.payload.vc)) return undefined;
  const status = decoded.value.payload.vc.credentialStatus;
  const entries: unknown[] = Array.isArray(status) ? status : [status];
  const entry = entries.find(
    (candidate): candidate is Json =>
      isObject(candidate) && candidate.type === 'BitstringStatusListEntry',
  );
  return entry === undefined ? undefined : uriOf(entry.statusListCredential);
}

function uriOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= MAX_URI_LENGTH
    ? value
    : undefined;
}
