/**
 * W3C Bitstring Status List v1.0 (https://www.w3.org/TR/vc-bitstring-status-list/):
 *
 * - §2.1 BitstringStatusListEntry in the credential: statusPurpose, statusListIndex (a string),
 *   statusListCredential (the URL of the list credential).
 * - §2.2 BitstringStatusListCredential: credentialSubject { type: "BitstringStatusList",
 *   statusPurpose, encodedList, ttl? (milliseconds) }.
 * - §3.1 Bitstring Generation / §3.2 Expansion: `encodedList` = multibase base64url ("u" prefix, no
 *   padding) of the GZIP (RFC 1952) of the bitstring; at least 16 KB (131,072 bits) for herd
 *   privacy; index 0 is the left-most bit, i.e. the MOST significant bit of the first byte:
 *
 *     byte 0 = 0x81 = 1000 0001  →  index 0 set, index 7 set, indices 1…6 clear
 *
 *   (our IETF Token Status List counts the other way, from the least significant bit: status-bits.ts.
 *   The same index means the same credential in both: the bits are mirrored within each byte.)
 *
 * Vouch publishes the twin of each IETF list at `<IETF list URI>.w3c`, signed by the same issuer
 * as a VC-JWT (VCDM 1.1 `vc` claim). Decoding is streamed and stops at a size cap.
 */
import { Gunzip, gunzipSync, gzipSync } from 'fflate';
import { createVerifiableCredentialJwt, verifyCredential } from 'did-jwt-vc';
import type { Resolvable } from 'did-resolver';
import type { Did } from '../brand.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { shortValue } from '../jose/compact-jws.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsSign } from '../jose/jws-crypto.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { issuerKid } from '../sd-jwt/issue-sd-jwt-vc.ts';
import {
  decompressStatusList,
  inflateCapped,
  MAX_STATUS_LIST_BYTES,
} from '../status-list/status-bits.ts';
import type { StatusListFile } from '../status-list/status-list-file.ts';
import { didJwtSigner } from './did-jwt-signer.ts';
import { BITSTRING_STATUS_LIST, BITSTRING_STATUS_LIST_CREDENTIAL } from './status-entry.ts';
import { isRecord } from './shape.ts';
import { readVcJwt, VC_CONTEXT_V1 } from './vc-jwt.ts';

/** §3.1: "a minimum bitstring length of 131,072" (16 KB). */
export const MIN_BITSTRING_LENGTH = 131_072;
/** A list credential longer than this is refused unread (a full 10 MiB list is ~ 1 MB gzip). */
export const MAX_STATUS_LIST_CREDENTIAL_LENGTH = 4 * 1024 * 1024;

/** Bit `index` of a bitstring, MSB first (§3.2); -1 when the index is outside it. */
export function readBitstringStatus(bitstring: Uint8Array, index: number): 0 | 1 | -1 {
  if (!Number.isSafeInteger(index) || index < 0 || index >= bitstring.length * 8) return -1;
  return (((bitstring[index >> 3] ?? 0) >> (7 - (index & 7))) & 1) as 0 | 1;
}

/**
 * The bitstring (MSB first) of an IETF 1-bit status byte array (LSB first), at least 131,072 bits:
 * the same index, the same status.
 */
export function bitstringFromStatusBytes(ietfBytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.max(ietfBytes.length, MIN_BITSTRING_LENGTH / 8));
  for (let i = 0; i < ietfBytes.length; i++) {
    let byte = ietfBytes[i] ?? 0;
    let mirrored = 0;
    for (let bit = 0; bit < 8; bit++) {
      mirrored = (mirrored << 1) | (byte & 1);
      byte >>= 1;
    }
    out[i] = mirrored;
  }
  return out;
}

/** `encodedList` (§3.1): "u" + base64url(GZIP(bitstring)). */
export function encodeBitstringList(bitstring: Uint8Array): string {
  if (bitstring.length * 8 < MIN_BITSTRING_LENGTH) {
    throw new RangeError(
      `encodeBitstringList: a bitstring has at least ${MIN_BITSTRING_LENGTH} bits, got ${bitstring.length * 8}`,
    );
  }
  return `u${encodeBase64Url(gzipSync(bitstring, { level: 9, mtime: 0 }))}`;
}

export type BitstringProblem = 'malformed' | 'too-large';

/** `encodedList` → the bitstring, refusing more than `maxBytes` of output (default 10 MiB). */
export function decodeBitstringList(
  encodedList: unknown,
  maxBytes: number = MAX_STATUS_LIST_BYTES,
): Result<Uint8Array, BitstringProblem, { message: string }> {
  if (typeof encodedList !== 'string' || !encodedList.startsWith('u')) {
    return failedWith('malformed', {
      message: `"encodedList" must be multibase base64url (starting "u"), got ${shortValue(encodedList)}`,
    });
  }
  // Some issuers (the spec's own examples before 2024) pad with "=": accept and ignore it.
  const compressed = decodeBase64Url(encodedList.slice(1).replace(/=+$/, ''));
  if (!compressed.ok) {
    return failedWith('malformed', { message: `"encodedList": ${compressed.detail.message}` });
  }
  const streamed = inflateCapped(compressed.value, (ondata) => new Gunzip(ondata), maxBytes);
  if (!streamed.ok) {
    switch (streamed.reason) {
      case 'corrupt':
        return failedWith('malformed', { message: '"encodedList" is not GZIP-compressed data' });
      case 'too-large':
        return failedWith('too-large', {
          message: `the status list decompresses to more than ${maxBytes} bytes; refused`,
        });
      case 'truncated':
        return failedWith('malformed', {
          message: '"encodedList" ends before the GZIP stream does',
        });
    }
  }
  const total = streamed.total;
  try {
    const bitstring = gunzipSync(compressed.value);
    if (bitstring.length !== total) throw new Error('length mismatch');
    return ok(bitstring);
  } catch {
    return failedWith('malformed', { message: '"encodedList" is not complete GZIP data' });
  }
}

export interface SignBitstringStatusListOptions {
  issuer: { did: Did; alg: JwsAlgorithm; sign: JwsSign };
  /** The list credential's URL (`bitstringStatusListUrl(list.uri)` for a Vouch list). */
  url: string;
  /** Our IETF list (its bits are mirrored into the bitstring), or a bitstring, MSB first. */
  list: StatusListFile | { bitstring: Uint8Array };
  issuedAt: Date;
  validUntil?: Date;
  /** How long verifiers may cache it, in seconds (written as `ttl` in milliseconds, §2.2). */
  ttlSeconds?: number;
  /** Default "revocation" (Vouch's only purpose); "suspension" for other issuers' lists. */
  statusPurpose?: 'revocation' | 'suspension';
}

/** A BitstringStatusListCredential as a VC-JWT, signed by the issuer (docs/w3c-vc.md "Status"). */
export async function signBitstringStatusListCredential(
  opts: SignBitstringStatusListOptions,
): Promise<string> {
  const {
    issuer,
    url,
    list,
    issuedAt,
    validUntil,
    ttlSeconds,
    statusPurpose = 'revocation',
  } = opts;
  let bitstring: Uint8Array;
  if ('bitstring' in list) {
    bitstring = list.bitstring;
  } else {
    const bytes = decompressStatusList(list.lst);
    if (!bytes.ok) {
      throw new TypeError(`signBitstringStatusListCredential: "list.lst": ${bytes.detail.message}`);
    }
    bitstring = bitstringFromStatusBytes(bytes.value);
  }
  if (ttlSeconds !== undefined && (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0)) {
    throw new RangeError(
      `signBitstringStatusListCredential: "ttlSeconds" must be a positive integer, got ${ttlSeconds}`,
    );
  }
  const iat = Math.floor(issuedAt.getTime() / 1000);
  if (!Number.isFinite(iat)) {
    throw new TypeError('signBitstringStatusListCredential: "issuedAt" is an invalid Date');
  }
  return createVerifiableCredentialJwt(
    {
      jti: url,
      nbf: iat,
      iat,
      ...(validUntil === undefined ? {} : { exp: Math.floor(validUntil.getTime() / 1000) }),
      vc: {
        '@context': [VC_CONTEXT_V1],
        type: ['VerifiableCredential', BITSTRING_STATUS_LIST_CREDENTIAL],
        credentialSubject: {
          id: `${url}#list`,
          type: BITSTRING_STATUS_LIST,
          statusPurpose,
          encodedList: encodeBitstringList(bitstring),
          ...(ttlSeconds === undefined ? {} : { ttl: ttlSeconds * 1000 }),
        },
      },
    },
    { did: issuer.did, signer: didJwtSigner(issuer.sign), alg: issuer.alg },
    { header: { alg: issuer.alg, typ: 'JWT', kid: issuerKid(issuer.did) } },
  );
}

export interface VerifiedBitstringStatusList {
  url: string;
  issuer: string;
  /** Seconds: when the list was issued (its iat, else nbf). */
  iat: number;
  exp?: number;
  /** Seconds (the credential says milliseconds). */
  ttl?: number;
  purpose: string;
  /** 0 = not set, 1 = set, -1 = outside the list. */
  statusAt(index: number): number;
}

export type BitstringListProblem =
  'malformed' | 'too-large' | 'bad-signature' | 'wrong-uri' | 'expired' | 'not-yet-valid';

const SKEW_SECONDS = 60;

/**
 * Verifies a BitstringStatusListCredential VC-JWT (did-jwt-vc, with the given resolver) and reads
 * its bits. The caller checks that its issuer is the credential's (§3.2 step 5 would have the list
 * verified "as any credential"; Vouch also requires the same issuer).
 */
export async function verifyBitstringStatusListCredential(
  jwt: unknown,
  opts: { now: Date; resolver: Resolvable; expectedUrl?: string },
): Promise<Result<VerifiedBitstringStatusList, BitstringListProblem, { message: string }>> {
  const { now, resolver, expectedUrl } = opts;
  if (typeof jwt !== 'string' || jwt.length > MAX_STATUS_LIST_CREDENTIAL_LENGTH) {
    return failedWith('malformed', {
      message: 'the status list is not a VC-JWT of a reasonable size',
    });
  }
  const read = readVcJwt(jwt, { maxLength: MAX_STATUS_LIST_CREDENTIAL_LENGTH });
  if (!read.ok) return failedWith('malformed', read.detail);
  const { types, payload, issuer } = read.value;
  if (!types.includes(BITSTRING_STATUS_LIST_CREDENTIAL)) {
    return failedWith('malformed', {
      message: `the status list is not a ${BITSTRING_STATUS_LIST_CREDENTIAL} (type ${shortValue(types)})`,
    });
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  try {
    await verifyCredential(jwt, resolver, {
      proofPurpose: 'assertionMethod',
      policies: { now: nowSeconds, issuanceDate: false, expirationDate: false, aud: false },
    });
  } catch (error) {
    return failedWith('bad-signature', {
      message: `the status list's signature does not verify (${shortValue(String((error as Error).message ?? error))})`,
    });
  }
  const vc = payload.vc as Record<string, unknown>;
  const id = payload.jti ?? vc.id;
  if (expectedUrl !== undefined && id !== undefined && id !== expectedUrl) {
    return failedWith('wrong-uri', {
      message: `the status list fetched from ${expectedUrl} says it is ${shortValue(id)}`,
    });
  }
  const subject = vc.credentialSubject;
  if (!isRecord(subject) || subject.type !== BITSTRING_STATUS_LIST) {
    return failedWith('malformed', {
      message: `the status list's credentialSubject is not a ${BITSTRING_STATUS_LIST}`,
    });
  }
  const { statusPurpose, encodedList, ttl } = subject;
  if (typeof statusPurpose !== 'string') {
    return failedWith('malformed', { message: 'the status list has no "statusPurpose"' });
  }
  const { nbf, iat, exp } = read.value;
  if (exp !== undefined && nowSeconds > exp + SKEW_SECONDS) {
    return failedWith('expired', { message: 'the status list is past its validity' });
  }
  if (nbf !== undefined && nowSeconds < nbf - SKEW_SECONDS) {
    return failedWith('not-yet-valid', { message: 'the status list is not valid yet' });
  }
  const issuedAt = iat ?? nbf;
  if (issuedAt === undefined) {
    return failedWith('malformed', { message: 'the status list does not say when it was made' });
  }
  const bits = decodeBitstringList(encodedList);
  if (!bits.ok) return bits;
  const bitstring = bits.value;
  return ok({
    url: typeof id === 'string' ? id : (expectedUrl ?? ''),
    issuer,
    iat: issuedAt,
    ...(exp === undefined ? {} : { exp }),
    ...(typeof ttl === 'number' && ttl > 0 ? { ttl: Math.ceil(ttl / 1000) } : {}),
    purpose: statusPurpose,
    statusAt: (index: number) => readBitstringStatus(bitstring, index),
  });
}
