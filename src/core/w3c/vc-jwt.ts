/**
 * A W3C Verifiable Credential as a JWT (VC Data Model 1.1 §6.3.1 "JWT encoding": the `vc` claim),
 * the way Vouch issues it (docs/w3c-vc.md "The credential"): header `{ alg, typ: "JWT", kid }`,
 * `iss` the issuer DID, `sub` the holder's did:key, `nbf` = `iat` = issuance, `exp` when the type
 * expires, `jti` a urn:uuid, and `vc` with `@context`, `type` ["VerifiableCredential", w3cType],
 * `credentialSubject` (the claims, no `id`: `sub` is the subject) and, when the credential has a
 * revocation status, a BitstringStatusListEntry (W3C Bitstring Status List v1.0 §2.1).
 *
 * Issuing goes through did-jwt-vc's createVerifiableCredentialJwt; reading is a total decode (no
 * signature) with a size cap, for the wallet's import, the dispatcher and the verifier.
 */
import { randomBytes as nobleRandomBytes } from '@noble/hashes/utils.js';
import { createVerifiableCredentialJwt } from 'did-jwt-vc';
import type { JwtCredentialPayload } from 'did-jwt-vc';
import type { Did } from '../brand.ts';
import { checkClaims } from '../credentials/check-claims.ts';
import type { CredentialTypeId } from '../credentials/credential-type.ts';
import { CREDENTIAL_TYPES, credentialTypeByW3cTypes } from '../credentials/credential-types.ts';
import { decodeCompactJws, shortValue } from '../jose/compact-jws.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsSign } from '../jose/jws-crypto.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { issuerKid } from '../sd-jwt/issue-sd-jwt-vc.ts';
import { bitstringStatusEntry, BITSTRING_STATUS_LIST_ENTRY } from './status-entry.ts';
import { didJwtSigner } from './did-jwt-signer.ts';
import { isRecord, MAX_VC_JWT_LENGTH } from './shape.ts';

export { isVcJwt, isVpJwt, MAX_VC_JWT_LENGTH, peekJwtPayload } from './shape.ts';

export const VC_CONTEXT_V1 = 'https://www.w3.org/2018/credentials/v1';
export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const VERIFIABLE_CREDENTIAL = 'VerifiableCredential';
/** OpenID4VP 1.0 Appendix B.1 format identifier of a VC-JWT (VCDM 1.1, not JSON-LD). */
export const JWT_VC_JSON = 'jwt_vc_json';
/**
 * A credential or presentation longer than this is refused unread. A Vouch VC-JWT is 1–2 KB; a
 * presentation holds one. (Status list credentials have their own, larger cap.)
 */

export interface VcIssuer {
  did: Did;
  alg: JwsAlgorithm;
  sign: JwsSign;
}

export interface IssueVcJwtOptions {
  issuer: VcIssuer;
  /** The holder's DID (`sub`). */
  subject: Did;
  /** A Vouch type (claims checked by its schema) … */
  typeId?: CredentialTypeId;
  /** … or the W3C types after "VerifiableCredential" (claims not checked). */
  types?: readonly string[];
  claims: Record<string, unknown>;
  issuedAt: Date;
  expiresAt?: Date;
  /** The IETF status list entry; the VC points at the same index of its `.w3c` twin. */
  status?: { idx: number; uri: string };
  /** Default: `urn:uuid:` + a random UUID v4. */
  jti?: string;
  randomBytes?: (n: number) => Uint8Array;
}

/** A BitstringStatusListEntry as read from a credential (W3C Bitstring Status List v1.0 §2.1). */
export interface BitstringStatusEntry {
  /** statusListIndex, as a number. */
  idx: number;
  /** statusListCredential: the URL of the BitstringStatusListCredential. */
  uri: string;
  /** statusPurpose ("revocation" for Vouch). */
  purpose: string;
}

function seconds(date: Date, field: string): number {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new TypeError(`issueVcJwt: "${field}" is an invalid Date`);
  return Math.floor(time / 1000);
}

export function uuidV4(randomBytes: (n: number) => Uint8Array): string {
  const b = randomBytes(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // RFC 9562 §5.4: version 4
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // variant 10
  const hex = [...b].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export async function issueVcJwt(opts: IssueVcJwtOptions): Promise<string> {
  const { issuer, subject, typeId, claims, issuedAt, expiresAt, status } = opts;
  if (typeof subject !== 'string' || !subject.startsWith('did:')) {
    throw new TypeError(`issueVcJwt: "subject" must be a DID, got ${shortValue(subject)}`);
  }
  let types: string[];
  let credentialSubject: Record<string, unknown>;
  if (typeId !== undefined) {
    const type = CREDENTIAL_TYPES[typeId];
    if (type === undefined) throw new TypeError(`issueVcJwt: unknown type ${shortValue(typeId)}`);
    const checked = checkClaims(typeId, claims);
    if (!checked.ok) {
      throw new TypeError(
        `issueVcJwt: ${checked.detail.issues.map((issue) => `${issue.claim}: ${issue.message}`).join('; ')}`,
      );
    }
    types = [VERIFIABLE_CREDENTIAL, type.w3cType];
    credentialSubject = { ...checked.value };
  } else {
    const extra = opts.types ?? [];
    if (extra.length === 0 || extra.some((t) => typeof t !== 'string' || t === '')) {
      throw new TypeError('issueVcJwt: give "typeId", or "types" naming at least one W3C type');
    }
    types = [VERIFIABLE_CREDENTIAL, ...extra.filter((t) => t !== VERIFIABLE_CREDENTIAL)];
    credentialSubject = { ...claims };
  }
  if (Object.hasOwn(credentialSubject, 'id')) {
    throw new TypeError('issueVcJwt: "id" is not a claim: the subject is "subject" (sub)');
  }
  if (status !== undefined && (!Number.isSafeInteger(status.idx) || status.idx < 0)) {
    throw new RangeError(
      `issueVcJwt: "status.idx" expected a non-negative integer, got ${status.idx}`,
    );
  }
  const iat = seconds(issuedAt, 'issuedAt');
  const payload: JwtCredentialPayload = {
    sub: subject,
    nbf: iat,
    iat,
    ...(expiresAt === undefined ? {} : { exp: seconds(expiresAt, 'expiresAt') }),
    jti: opts.jti ?? `urn:uuid:${uuidV4(opts.randomBytes ?? nobleRandomBytes)}`,
    vc: {
      '@context': [VC_CONTEXT_V1],
      type: types,
      credentialSubject,
      ...(status === undefined ? {} : { credentialStatus: bitstringStatusEntry(status) }),
    },
  };
  return createVerifiableCredentialJwt(
    payload,
    { did: issuer.did, signer: didJwtSigner(issuer.sign), alg: issuer.alg },
    { header: { alg: issuer.alg, typ: 'JWT', kid: issuerKid(issuer.did) } },
  );
}

export interface ReadVcJwt {
  issuer: string;
  /** `sub` (or credentialSubject.id when `sub` is absent). */
  subject?: string;
  /** The VC's `type`, "VerifiableCredential" included. */
  types: string[];
  /** The `vct` of the Vouch type it names, else its most specific W3C type. */
  vct: string;
  typeId?: CredentialTypeId;
  /** credentialSubject without `id`. */
  claims: Record<string, unknown>;
  issuedAt?: Date;
  expiresAt?: Date;
  /** nbf, iat and exp in seconds, as in the payload. */
  nbf?: number;
  iat?: number;
  exp?: number;
  status?: BitstringStatusEntry;
  /** The JWS header and payload, decoded. */
  header: Readonly<Record<string, unknown>>;
  payload: Readonly<Record<string, unknown>>;
}

export type ReadVcJwtProblem = 'malformed' | 'unsupported-alg';

const malformed = (message: string) => failedWith('malformed' as const, { message });

function numericDate(
  payload: Readonly<Record<string, unknown>>,
  name: string,
): Result<number | undefined, 'malformed', { message: string }> {
  const value = payload[name];
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return malformed(`"${name}" must be a number of seconds, got ${shortValue(value)}`);
  }
  return ok(value);
}

function readStatus(
  value: unknown,
): Result<BitstringStatusEntry | undefined, 'malformed', { message: string }> {
  if (value === undefined) return ok(undefined);
  // VCDM 2.0 allows a list of entries; Vouch and every issuer we know give one.
  const entries = Array.isArray(value) ? value : [value];
  const entry = entries.find(
    (candidate) => isRecord(candidate) && candidate.type === BITSTRING_STATUS_LIST_ENTRY,
  ) as Record<string, unknown> | undefined;
  if (entry === undefined) {
    if (entries.length === 0) return ok(undefined);
    return malformed(
      `"credentialStatus" of type ${shortValue((entries[0] as { type?: unknown }).type)} is not supported (only ${BITSTRING_STATUS_LIST_ENTRY})`,
    );
  }
  const { statusListIndex, statusListCredential, statusPurpose } = entry;
  const idx =
    typeof statusListIndex === 'string' && /^(0|[1-9]\d{0,14})$/.test(statusListIndex)
      ? Number(statusListIndex)
      : typeof statusListIndex === 'number' && Number.isSafeInteger(statusListIndex)
        ? statusListIndex
        : -1;
  if (idx < 0) {
    return malformed(
      `"statusListIndex" must be a non-negative integer as a string, got ${shortValue(statusListIndex)}`,
    );
  }
  if (typeof statusListCredential !== 'string' || statusListCredential === '') {
    return malformed(
      `"statusListCredential" must be a URL, got ${shortValue(statusListCredential)}`,
    );
  }
  if (typeof statusPurpose !== 'string' || statusPurpose === '') {
    return malformed(`"statusPurpose" must be a string, got ${shortValue(statusPurpose)}`);
  }
  return ok({ idx, uri: statusListCredential, purpose: statusPurpose });
}

/** Decodes a VC-JWT (no signature check): what the wallet shows and the verifier checks. */
export function readVcJwt(
  jwt: unknown,
  opts: { maxLength?: number } = {},
): Result<ReadVcJwt, ReadVcJwtProblem, { message: string }> {
  const maxLength = opts.maxLength ?? MAX_VC_JWT_LENGTH;
  if (typeof jwt !== 'string') return malformed(`expected a VC-JWT string, got ${typeof jwt}`);
  if (jwt.length > maxLength) {
    return malformed(
      `the credential is ${jwt.length} characters, more than the limit of ${maxLength}`,
    );
  }
  const decoded = decodeCompactJws(jwt.trim());
  if (!decoded.ok) {
    return decoded.reason === 'alg-not-allowed'
      ? failedWith('unsupported-alg', decoded.detail)
      : malformed(decoded.detail.message);
  }
  const { header, payload } = decoded.value;
  const { vc } = payload;
  if (!isRecord(vc)) return malformed('the JWT has no "vc" object: it is not a W3C VC-JWT');
  const issuerClaim = payload.iss ?? (isRecord(vc.issuer) ? vc.issuer.id : vc.issuer);
  if (typeof issuerClaim !== 'string' || !issuerClaim.startsWith('did:')) {
    return malformed(`"iss" must be the issuer's DID, got ${shortValue(issuerClaim)}`);
  }
  const { type, credentialSubject } = vc;
  const types = typeof type === 'string' ? [type] : type;
  if (!Array.isArray(types) || types.some((t) => typeof t !== 'string')) {
    return malformed(`"vc.type" must be a list of type names, got ${shortValue(type)}`);
  }
  if (!types.includes(VERIFIABLE_CREDENTIAL)) {
    return malformed(`"vc.type" must include "VerifiableCredential", got ${shortValue(types)}`);
  }
  if (!isRecord(credentialSubject)) {
    return malformed(
      `"vc.credentialSubject" must be one JSON object, got ${shortValue(credentialSubject)}`,
    );
  }
  const context = vc['@context'];
  const contexts = typeof context === 'string' ? [context] : context;
  // VCDM 1.1 §4.1: the first context is the base context. did-jwt-vc 4 verifies nothing else; a
  // VCDM 2.0 credential is secured differently (VC-JOSE-COSE, typ "vc+jwt", no `vc` claim).
  if (!Array.isArray(contexts) || contexts[0] !== VC_CONTEXT_V1) {
    return malformed(
      contexts !== undefined && Array.isArray(contexts) && contexts[0] === VC_CONTEXT_V2
        ? 'this is a VC Data Model 2.0 credential; Vouch reads VC-JWTs of the 1.1 model only'
        : `"vc.@context" must start with ${VC_CONTEXT_V1}, got ${shortValue(context)}`,
    );
  }
  const { id: subjectId, ...claims } = credentialSubject;
  const sub = payload.sub ?? subjectId;
  if (sub !== undefined && typeof sub !== 'string') {
    return malformed(`"sub" must be the subject's DID, got ${shortValue(sub)}`);
  }
  if (payload.sub !== undefined && subjectId !== undefined && subjectId !== payload.sub) {
    return malformed('"sub" and "credentialSubject.id" name different subjects');
  }
  const nbf = numericDate(payload, 'nbf');
  if (!nbf.ok) return nbf;
  const iat = numericDate(payload, 'iat');
  if (!iat.ok) return iat;
  const exp = numericDate(payload, 'exp');
  if (!exp.ok) return exp;
  const status = readStatus(vc.credentialStatus);
  if (!status.ok) return status;
  const vouchType = credentialTypeByW3cTypes(types as string[]);
  const specific = (types as string[]).filter((t) => t !== VERIFIABLE_CREDENTIAL);
  const issued = nbf.value ?? iat.value;
  return ok({
    issuer: issuerClaim,
    ...(sub === undefined ? {} : { subject: sub }),
    types: types as string[],
    vct: vouchType?.vct ?? specific[specific.length - 1] ?? VERIFIABLE_CREDENTIAL,
    ...(vouchType === undefined ? {} : { typeId: vouchType.id }),
    claims,
    ...(issued === undefined ? {} : { issuedAt: new Date(issued * 1000) }),
    ...(exp.value === undefined ? {} : { expiresAt: new Date(exp.value * 1000) }),
    ...(nbf.value === undefined ? {} : { nbf: nbf.value }),
    ...(iat.value === undefined ? {} : { iat: iat.value }),
    ...(exp.value === undefined ? {} : { exp: exp.value }),
    ...(status.value === undefined ? {} : { status: status.value }),
    header,
    payload,
  });
}
