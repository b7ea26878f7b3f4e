/**
 * The copies request (wallet → issuer desk, offline; docs/protocol.md §Copies request): a compact
 * JWS, ES256K, signed by the relationship key (the key whose xpub the desk registered at connect).
 * It carries ONE copy of the credential, so the desk needs no stored claims, and how many copies
 * the wallet asks for:
 *
 *   header  {"alg":"ES256K","typ":"vouch-copies+jwt"}
 *   payload {"rel":"<8-hex relationship fingerprint>","credential":"<SD-JWT VC, issuance form>",
 *            "child_index":<n>,"copies":<1…50>,"iat":<seconds>,"jti":"…"}
 *
 * It travels like the connect request (transport kind `connect`: both are relationship messages
 * from wallet to desk; the desk tells them apart by `typ`). The desk finds the subject by `rel`,
 * checks the signature with that subject's xpub, and then the copy itself (issuer/copies-request.ts).
 */
import type { ExtendedPublicKey } from '../brand.ts';
import { es256kVerifier } from '../keys/es256k.ts';
import type { Signer } from '../keys/es256k.ts';
import { signJwsEs256k, verifyJwsEs256k } from '../keys/jws-es256k.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { CLOCK_SKEW_SECONDS, decodeJsonObject, show } from './connect-request.ts';
import { MAX_CHILD_INDEX, MAX_OFFER_COPIES, offerCredentialFormat } from './credential-offer.ts';
import { xpubPublicKey } from './relationship-fingerprint.ts';

export const COPIES_REQUEST_TYP = 'vouch-copies+jwt';
/** A request may travel by file or letter: a week old is still honoured. */
export const DEFAULT_COPIES_REQUEST_MAX_AGE_SECONDS = 7 * 86_400;
/** One copy of the largest credential and the rest, with room to spare. */
export const MAX_COPIES_REQUEST_LENGTH = 16 * 1024;

export type CopiesRequestProblem =
  'malformed' | 'wrong-typ' | 'bad-signature' | 'stale' | 'from-the-future';

export interface CopiesRequest {
  /** The relationship's BIP32 fingerprint (8 hex). */
  relationship: string;
  /** One copy of the credential, as the desk issued it (SD-JWT VC, issuance form). */
  credential: string;
  childIndex: number;
  copies: number;
  iat: number;
  jti: string;
}

export async function createCopiesRequest(opts: {
  relationship: string;
  credential: string;
  childIndex: number;
  copies: number;
  /** Signs with the relationship private key. */
  sign: Signer;
  now: Date;
  jti: string;
}): Promise<string> {
  const payload = {
    rel: opts.relationship,
    credential: opts.credential,
    child_index: opts.childIndex,
    copies: opts.copies,
    iat: Math.floor(opts.now.getTime() / 1000),
    jti: opts.jti,
  };
  const problem = checkPayload(payload);
  if (problem) throw new TypeError(problem);
  return signJwsEs256k({ signer: opts.sign, header: { typ: COPIES_REQUEST_TYP }, payload });
}

type Failure = { ok: false; reason: CopiesRequestProblem; detail: { message: string } };
const fail = (reason: CopiesRequestProblem, message: string): Failure =>
  failedWith(reason, { message }) as Failure;

/** Whether `jws` is a copies request by its header (before anything is verified). */
export function isCopiesRequest(jws: string): boolean {
  const header = decodeJsonObject(jws.split('.')[0] ?? '', 'header');
  return header.ok && header.value.typ === COPIES_REQUEST_TYP;
}

/** The request's fields, checked for shape only: the desk needs `relationship` to find the xpub. */
export function readCopiesRequest(
  jws: string,
): Result<CopiesRequest, CopiesRequestProblem, { message: string }> {
  if (typeof jws !== 'string') return fail('malformed', `expected text, got ${typeof jws}`);
  if (jws.length > MAX_COPIES_REQUEST_LENGTH) {
    return fail(
      'malformed',
      `the request is ${jws.length} characters; at most ${MAX_COPIES_REQUEST_LENGTH}`,
    );
  }
  const parts = jws.split('.');
  if (parts.length !== 3) {
    return fail('malformed', `expected a compact JWS (3 parts), got ${parts.length} part(s)`);
  }
  const header = decodeJsonObject(parts[0] as string, 'header');
  if (!header.ok) return fail('malformed', header.detail.message);
  if (header.value.alg !== 'ES256K') {
    return fail('malformed', `"alg" expected "ES256K", got ${show(header.value.alg)}`);
  }
  if (header.value.typ !== COPIES_REQUEST_TYP) {
    return fail(
      'wrong-typ',
      `"typ" expected "${COPIES_REQUEST_TYP}", got ${show(header.value.typ)}`,
    );
  }
  const payload = decodeJsonObject(parts[1] as string, 'payload');
  if (!payload.ok) return fail('malformed', payload.detail.message);
  const problem = checkPayload(payload.value);
  if (problem) return fail('malformed', problem);
  const { rel, credential, child_index: childIndex, copies, iat, jti } = payload.value;
  return ok({
    relationship: rel as string,
    credential: credential as string,
    childIndex: childIndex as number,
    copies: copies as number,
    iat: iat as number,
    jti: jti as string,
  });
}

/**
 * Verify a copies request against the relationship's xpub (the desk's register): the signature is
 * by that relationship key, and `iat` is recent (at most `maxAgeSeconds`, default a week).
 */
export async function verifyCopiesRequest(
  jws: string,
  opts: { xpub: ExtendedPublicKey; now: Date; maxAgeSeconds?: number },
): Promise<Result<CopiesRequest, CopiesRequestProblem, { message: string }>> {
  const read = readCopiesRequest(jws);
  if (!read.ok) return read;
  const verified = await verifyJwsEs256k(jws, es256kVerifier(xpubPublicKey(opts.xpub)));
  if (!verified.ok) {
    return verified.reason === 'bad-signature'
      ? fail('bad-signature', 'the signature is not by this relationship key')
      : fail('malformed', verified.detail.message);
  }
  const now = Math.floor(opts.now.getTime() / 1000);
  const maxAge = opts.maxAgeSeconds ?? DEFAULT_COPIES_REQUEST_MAX_AGE_SECONDS;
  if (read.value.iat > now + CLOCK_SKEW_SECONDS) {
    return fail('from-the-future', `"iat" is ${read.value.iat - now} s ahead of this clock`);
  }
  if (now - read.value.iat > maxAge) {
    return fail('stale', `the request is ${now - read.value.iat} s old; at most ${maxAge} s`);
  }
  return read;
}

const MEMBERS = ['rel', 'credential', 'child_index', 'copies', 'iat', 'jti'];

function checkPayload(payload: Record<string, unknown>): string | undefined {
  const unknown = Object.keys(payload).find((name) => !MEMBERS.includes(name));
  if (unknown !== undefined) return `unknown member ${JSON.stringify(unknown)} in the request`;
  const { rel, credential, child_index: childIndex, copies, iat, jti } = payload;
  if (typeof rel !== 'string' || !/^[0-9a-f]{8}$/.test(rel)) {
    return `"rel" expected 8 lower-case hex digits, got ${show(rel)}`;
  }
  if (typeof credential !== 'string' || offerCredentialFormat(credential) !== 'dc+sd-jwt') {
    return '"credential" expected an SD-JWT VC in issuance form (header.payload.signature~…~)';
  }
  if (
    typeof childIndex !== 'number' ||
    !Number.isInteger(childIndex) ||
    childIndex < 0 ||
    childIndex > MAX_CHILD_INDEX
  ) {
    return `"child_index" expected an integer in 0..${MAX_CHILD_INDEX}, got ${show(childIndex)}`;
  }
  if (
    typeof copies !== 'number' ||
    !Number.isInteger(copies) ||
    copies < 1 ||
    copies > MAX_OFFER_COPIES
  ) {
    return `"copies" expected an integer in 1..${MAX_OFFER_COPIES}, got ${show(copies)}`;
  }
  if (typeof iat !== 'number' || !Number.isSafeInteger(iat) || iat < 0) {
    return `"iat" expected whole seconds since 1970, got ${show(iat)}`;
  }
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > 128) {
    return `"jti" expected 1…128 characters, got ${show(jti)}`;
  }
  return undefined;
}
