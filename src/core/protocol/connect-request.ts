/**
 * The connect request (wallet → issuer desk; docs/protocol.md §Connect): a compact JWS, ES256K,
 * signed by the relationship key itself, i.e. the key whose xpub it carries.
 *
 *   header  {"alg":"ES256K","typ":"vouch-connect+jwt"}
 *   payload {"xpub":"xpub…","aud":"<issuer name as the citizen typed it>","iat":<seconds>,"jti":"…"}
 *
 * The desk derives the verification key from the xpub in the payload, so a valid signature
 * proves the sender holds that relationship's private key; `iat` within `maxAgeSeconds` (and not
 * more than CLOCK_SKEW_SECONDS ahead) stops old requests from being replayed at the desk.
 */
import type { ExtendedPublicKey } from '../brand.ts';
import { decodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8 } from '../encoding/utf8.ts';
import { es256kVerifier } from '../keys/es256k.ts';
import type { Signer } from '../keys/es256k.ts';
import { parseExtendedPublicKey } from '../keys/hd.ts';
import { signJwsEs256k, verifyJwsEs256k } from '../keys/jws-es256k.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { relationshipFingerprint, xpubPublicKey } from './relationship-fingerprint.ts';

export const CONNECT_TYP = 'vouch-connect+jwt';
export const DEFAULT_CONNECT_MAX_AGE_SECONDS = 600;
/** How far a request's `iat` may be ahead of the desk's clock (phones drift). */
export const CLOCK_SKEW_SECONDS = 60;
export const MAX_ISSUER_NAME_LENGTH = 200;
export const MAX_JTI_LENGTH = 128;
/** Far more than a real request (~450 characters); longer input is refused before any parsing. */
export const MAX_CONNECT_REQUEST_LENGTH = 4096;

export type ConnectProblem =
  'malformed' | 'wrong-typ' | 'bad-xpub' | 'bad-signature' | 'stale' | 'from-the-future';

export interface VerifiedConnectRequest {
  xpub: ExtendedPublicKey;
  issuerName: string;
  iat: number;
  /** BIP32 fingerprint of the xpub (relationship-fingerprint.ts), 8 hex characters. */
  fingerprint: string;
  jti: string;
}

export interface CreateConnectRequestOptions {
  xpub: ExtendedPublicKey;
  /** The issuer's name as the citizen typed it (becomes `aud`), 1…200 characters. */
  issuerName: string;
  /** Signs with the relationship private key (e.g. `es256kSigner` inside `withPrivateKey`). */
  sign: Signer;
  now: Date;
  /** A fresh random identifier (e.g. 16 random bytes, base64url). */
  jti: string;
}

export async function createConnectRequest(opts: CreateConnectRequestOptions): Promise<string> {
  const xpub = parseExtendedPublicKey(opts.xpub);
  if (!xpub.ok) throw new TypeError(`"xpub" ${xpub.detail.message}`);
  const nameProblem = checkIssuerName(opts.issuerName);
  if (nameProblem) throw new TypeError(`"issuerName" ${nameProblem}`);
  const jtiProblem = checkJti(opts.jti);
  if (jtiProblem) throw new TypeError(`"jti" ${jtiProblem}`);
  const iat = Math.floor(opts.now.getTime() / 1000);
  if (!Number.isFinite(iat)) throw new TypeError('"now" is not a valid date');
  return signJwsEs256k({
    signer: opts.sign,
    header: { typ: CONNECT_TYP },
    payload: { xpub: xpub.value, aud: opts.issuerName, iat, jti: opts.jti },
  });
}

export interface VerifyConnectRequestOptions {
  now: Date;
  /** Oldest acceptable `iat`, in seconds before `now` (default 600). */
  maxAgeSeconds?: number;
}

type Failure = {
  ok: false;
  reason: ConnectProblem;
  detail: { message: string };
};
const fail = (reason: ConnectProblem, message: string): Failure =>
  failedWith(reason, { message }) as Failure;

export async function verifyConnectRequest(
  jws: string,
  opts: VerifyConnectRequestOptions,
): Promise<Result<VerifiedConnectRequest, ConnectProblem, { message: string }>> {
  if (typeof jws !== 'string') return fail('malformed', `expected text, got ${typeof jws}`);
  if (jws.length > MAX_CONNECT_REQUEST_LENGTH) {
    return fail(
      'malformed',
      `the request is ${jws.length} characters; at most ${MAX_CONNECT_REQUEST_LENGTH}`,
    );
  }
  const parts = jws.split('.');
  if (parts.length !== 3) {
    return fail('malformed', `expected a compact JWS (3 parts), got ${parts.length} part(s)`);
  }
  const header = decodeJsonObject(parts[0] as string, 'header');
  if (!header.ok) return header;
  if (header.value.alg !== 'ES256K') {
    return fail('malformed', `"alg" expected "ES256K", got ${show(header.value.alg)}`);
  }
  if (header.value.typ !== CONNECT_TYP) {
    return fail('wrong-typ', `"typ" expected "${CONNECT_TYP}", got ${show(header.value.typ)}`);
  }
  const payload = decodeJsonObject(parts[1] as string, 'payload');
  if (!payload.ok) return payload;
  const { xpub, aud, iat, jti } = payload.value;
  if (typeof xpub !== 'string') return fail('bad-xpub', `"xpub" expected text, got ${show(xpub)}`);
  const parsedXpub = parseExtendedPublicKey(xpub);
  if (!parsedXpub.ok) return fail('bad-xpub', `"xpub" ${parsedXpub.detail.message}`);
  const nameProblem =
    typeof aud === 'string' ? checkIssuerName(aud) : `expected text, got ${show(aud)}`;
  if (nameProblem) return fail('malformed', `"aud" ${nameProblem}`);
  if (typeof iat !== 'number' || !Number.isSafeInteger(iat) || iat < 0) {
    return fail('malformed', `"iat" expected whole seconds since 1970, got ${show(iat)}`);
  }
  const jtiProblem = typeof jti === 'string' ? checkJti(jti) : `expected text, got ${show(jti)}`;
  if (jtiProblem) return fail('malformed', `"jti" ${jtiProblem}`);

  const verified = await verifyJwsEs256k(jws, es256kVerifier(xpubPublicKey(parsedXpub.value)));
  if (!verified.ok) {
    return verified.reason === 'bad-signature'
      ? fail(
          'bad-signature',
          `the signature is not by the key in "xpub": ${verified.detail.message}`,
        )
      : fail('malformed', verified.detail.message);
  }

  const now = Math.floor(opts.now.getTime() / 1000);
  const maxAge = opts.maxAgeSeconds ?? DEFAULT_CONNECT_MAX_AGE_SECONDS;
  if (iat > now + CLOCK_SKEW_SECONDS) {
    return fail(
      'from-the-future',
      `"iat" is ${iat - now} s ahead of this clock (at most ${CLOCK_SKEW_SECONDS} s allowed)`,
    );
  }
  if (now - iat > maxAge) {
    return fail('stale', `the request is ${now - iat} s old; at most ${maxAge} s is accepted`);
  }
  return ok({
    xpub: parsedXpub.value,
    issuerName: aud as string,
    iat,
    fingerprint: relationshipFingerprint(parsedXpub.value),
    jti: jti as string,
  });
}

function checkIssuerName(name: string): string | undefined {
  if (typeof name !== 'string') return `expected text, got ${typeof name}`;
  if (name.trim().length === 0) return 'must not be empty';
  if (name.length > MAX_ISSUER_NAME_LENGTH) {
    return `is ${name.length} characters; at most ${MAX_ISSUER_NAME_LENGTH}`;
  }
  return undefined;
}

function checkJti(jti: string): string | undefined {
  if (typeof jti !== 'string') return `expected text, got ${typeof jti}`;
  if (jti.length === 0) return 'must not be empty';
  if (jti.length > MAX_JTI_LENGTH) return `is ${jti.length} characters; at most ${MAX_JTI_LENGTH}`;
  return undefined;
}

export function decodeJsonObject(
  part: string,
  what: string,
): Result<Record<string, unknown>, 'malformed', { message: string }> {
  const bytes = decodeBase64Url(part);
  if (!bytes.ok) return failedWith('malformed', { message: `${what}: ${bytes.detail.message}` });
  const text = bytesToUtf8(bytes.value);
  if (!text.ok) return failedWith('malformed', { message: `${what}: ${text.detail.message}` });
  let value: unknown;
  try {
    value = JSON.parse(text.value);
  } catch {
    return failedWith('malformed', { message: `${what} is not JSON` });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failedWith('malformed', { message: `${what} is not a JSON object` });
  }
  return ok(value as Record<string, unknown>);
}

export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
