import { z } from 'zod';
import { bytesToHex } from '../encoding/index.ts';
import { checkClaims, type CredentialTypeId } from '../credentials/index.ts';
import type { JwsCrypto } from '../jose/index.ts';
import { MAX_OFFER_COPIES } from '../protocol/index.ts';
import type { OfferFormat } from '../protocol/credential-offer.ts';
import type { SdJwtCompact } from '../sd-jwt/index.ts';
import {
  allocateStatusIndices,
  publishStatusListJwt,
  revokeStatusIndex,
} from '../status-list/index.ts';
import { readStatusList, STATUS_LIST_ID, withIssuerSigner, type IssuerDesk } from './desk.ts';
import {
  batchIssuedAt,
  encodeOfferForCopies,
  issueCopies,
  policyExpiry,
  type IssuedCopy,
} from './issue-copies.ts';
import { readSubject, SUBJECT_PREFIX } from './register.ts';

/** An issuer's copies policy (issue 13): 1…MAX_COPIES copies a credential, DEFAULT_COPIES unless set. */
export const DEFAULT_COPIES = 10;
export const MAX_COPIES = MAX_OFFER_COPIES;

/** Whether `value` is a copies count an issuer may set (an integer in 1…MAX_COPIES). */
export function isCopiesCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_COPIES;
}

/** The desk's log of what it issued (no claims beyond a short summary) and what it revoked, and why. */
export const ISSUED_PREFIX = 'issued:';

/**
 * The formats the desk issues in (OpenID4VP / OpenID4VCI identifiers): SD-JWT VC, the default,
 * and W3C VC-JWT (VCDM 1.1 `vc` claim, docs/w3c-vc.md), where every claim is shown.
 */
export type IssueFormat = OfferFormat;
export const ISSUE_FORMATS: readonly IssueFormat[] = ['dc+sd-jwt', 'jwt_vc_json'];

const issuedSchema = z.object({
  id: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  typeId: z.enum(['income-statement', 'medical-attestation', 'diploma', 'household']),
  summary: z.string(),
  childIndex: z.number().int().min(0),
  statusIndex: z.number().int().min(0),
  /**
   * Every copy of a batch (issue 13), the first one included (it is also childIndex/statusIndex):
   * revoking the credential revokes every copy's index. Absent: one copy.
   */
  copies: z
    .array(z.object({ childIndex: z.number().int().min(0), statusIndex: z.number().int().min(0) }))
    .max(MAX_COPIES)
    .optional(),
  /**
   * A batch issued for a copies request (copies-request.ts): the id of the entry it renews, always
   * the family's first (a renewal of a renewal names the same original). Revoking any entry of
   * the family revokes every copy of all of them (revokeIssued). Absent: an original.
   */
  renews: z.string().optional(),
  /** Absent on entries logged before issue 10: those are all SD-JWT VCs. */
  format: z.enum(['dc+sd-jwt', 'jwt_vc_json']).optional(),
  issuedAt: z.string(),
  expiresAt: z.string().optional(),
  revoked: z.object({ at: z.string(), reason: z.string() }).optional(),
});
export type IssuedCredential = z.infer<typeof issuedSchema> & { typeId: CredentialTypeId };

export type IssueProblem =
  | { reason: 'unknown-subject' }
  | { reason: 'invalid-claims'; issues: { claim: string; message: string }[] }
  | { reason: 'list-full' };

export interface IssueOutcome {
  readonly record: IssuedCredential;
  /** The SD-JWT VC in issuance form, or the VC-JWT (`record.format` says which); the first copy. */
  readonly credential: SdJwtCompact | string;
  /** Every copy issued (the first is `credential`), with its child index. */
  readonly copies: readonly { credential: SdJwtCompact | string; childIndex: number }[];
  /** The offer (UTF-8 JSON) to hand to the wallet by QR, file or link. */
  readonly offer: Uint8Array;
}

function summarise(typeId: CredentialTypeId, claims: Record<string, unknown>): string {
  const pick = {
    'income-statement': 'period',
    'medical-attestation': 'diagnosis_code',
    diploma: 'degree',
    household: 'valid_on',
  } as const;
  return String(claims[pick[typeId]] ?? '');
}

export async function issueToSubject(
  desk: IssuerDesk,
  deps: { jws: JwsCrypto; randomBytes: (n: number) => Uint8Array },
  options: {
    subjectId: string;
    typeId: CredentialTypeId;
    claims: unknown;
    now: Date;
    /** Decoy digests (SD-JWT VC only; a VC-JWT has no digests). */
    decoys?: number;
    /** SD-JWT VC unless asked (docs/w3c-vc.md: it stays the default). */
    format?: IssueFormat;
    /**
     * Where the credential's status entry points, when not the list's own URI: the same list
     * (same indices) hosted by the desk's `vouch serve` (issue 9 item 2).
     */
    statusUri?: string;
    /**
     * How many copies (issue 13): each with its own child key, salts and status index, handed in
     * one v2 offer. 1 (the default here; desks pass their policy) gives one credential in a v1
     * offer, as before. A VC-JWT is always one copy.
     */
    copies?: number;
    /** The issued-log entry this batch renews (a copies request): the family's original. */
    renews?: string;
  },
): Promise<{ ok: true; value: IssueOutcome } | ({ ok: false } & IssueProblem)> {
  const subject = await readSubject(desk, options.subjectId);
  if (!subject) return { ok: false, reason: 'unknown-subject' };
  const claims = checkClaims(options.typeId, options.claims);
  if (!claims.ok) return { ok: false, reason: 'invalid-claims', issues: claims.detail.issues };
  const checkedClaims = claims.value;
  const format = options.format ?? 'dc+sd-jwt';
  const count = format === 'jwt_vc_json' ? 1 : (options.copies ?? 1);
  if (!isCopiesCount(count)) {
    throw new RangeError(
      `issueToSubject: "copies" expected an integer in 1..${MAX_COPIES}, got ${count}`,
    );
  }

  // One random status index per copy, all spent in the transaction below.
  const allocated = allocateStatusIndices(await readStatusList(desk), count, deps.randomBytes);
  if (!allocated.ok) return { ok: false, reason: 'list-full' };
  const { list, indices: statusIndices } = allocated.value;

  const issuedAt = batchIssuedAt(options.now, count);
  const expiresAt = policyExpiry(options.typeId, issuedAt);
  const copyKeys = statusIndices.map((idx, i) => {
    const childIndex = subject.nextChildIndex + i;
    return { childIndex, statusIndex: idx };
  });

  const copies = await withIssuerSigner(desk, deps, (issuer) =>
    issueCopies({
      issuer,
      xpub: subject.xpub,
      typeId: options.typeId,
      claims: checkedClaims,
      copies: copyKeys.map(({ childIndex, statusIndex }) => ({
        childIndex,
        status: { idx: statusIndex, uri: options.statusUri ?? list.uri },
      })),
      issuedAt,
      ...(expiresAt ? { expiresAt } : {}),
      format,
      decoys: options.decoys ?? 0,
      randomBytes: deps.randomBytes,
    }),
  );
  const first = copyKeys[0] as { childIndex: number; statusIndex: number };
  const childIndex = first.childIndex;
  const record: IssuedCredential = {
    id: bytesToHex(deps.randomBytes(8)),
    subjectId: subject.id,
    subjectName: subject.name,
    typeId: options.typeId,
    summary: summarise(options.typeId, claims.value),
    childIndex,
    statusIndex: first.statusIndex,
    ...(count > 1 ? { copies: copyKeys } : {}),
    ...(options.renews === undefined ? {} : { renews: options.renews }),
    format,
    issuedAt: options.now.toISOString(),
    ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
  };
  // One transaction: the child indices and the status indices are spent together with the log
  // entry, so a crash can never hand out any of them twice.
  await desk.vault.writeRecords([
    {
      id: `${SUBJECT_PREFIX}${subject.id}`,
      value: { ...subject, nextChildIndex: subject.nextChildIndex + count },
    },
    { id: STATUS_LIST_ID, value: list },
    { id: `${ISSUED_PREFIX}${record.id}`, value: record },
  ]);
  const credential = (copies[0] as IssuedCopy).credential;
  const offer = encodeOfferForCopies(subject.fingerprint, copies);
  return { ok: true, value: { record, credential, copies, offer } };
}

/** The status indices of an issued credential: every copy's. */
export function statusIndicesOf(
  issued: Pick<IssuedCredential, 'statusIndex' | 'copies'>,
): number[] {
  return issued.copies ? issued.copies.map((copy) => copy.statusIndex) : [issued.statusIndex];
}

export async function listIssued(desk: IssuerDesk): Promise<IssuedCredential[]> {
  const ids = await desk.vault.listRecordIds(ISSUED_PREFIX);
  const issued: IssuedCredential[] = [];
  for (const id of ids) {
    const read = await desk.vault.readRecord(id, issuedSchema);
    if (read.ok && read.value) issued.push(read.value);
  }
  return issued.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
}

export type RevokeProblem = 'not-found' | 'already-revoked' | 'missing-reason';

/** The id of the original a log entry belongs to: its own, or the one it renews. */
export function familyOf(issued: Pick<IssuedCredential, 'id' | 'renews'>): string {
  return issued.renews ?? issued.id;
}

/**
 * Revoke a credential: every copy of every batch of its family (the original and each batch
 * issued on a copies request, whichever of them is named), in one write with the status list, as
 * `vouch serve` revokes all copies of an offer, refreshed ones too. Returns the entry named.
 */
export async function revokeIssued(
  desk: IssuerDesk,
  options: { issuedId: string; reason: string; now: Date },
): Promise<{ ok: true; value: IssuedCredential } | { ok: false; reason: RevokeProblem }> {
  const reason = options.reason.trim();
  if (!reason) return { ok: false, reason: 'missing-reason' };
  const read = await desk.vault.readRecord(`${ISSUED_PREFIX}${options.issuedId}`, issuedSchema);
  if (!read.ok || !read.value) return { ok: false, reason: 'not-found' };
  if (read.value.revoked) return { ok: false, reason: 'already-revoked' };
  const family = familyOf(read.value);
  const members = (await listIssued(desk)).filter(
    (entry) => familyOf(entry) === family && !entry.revoked,
  );
  let list = await readStatusList(desk);
  const revoked = { at: options.now.toISOString(), reason: reason.slice(0, 500) };
  const records: IssuedCredential[] = [];
  for (const member of members) {
    // Every copy's index, in one write: a batch is revoked whole.
    for (const index of statusIndicesOf(member)) {
      const next = revokeStatusIndex(list, index);
      if (!next.ok) {
        // An index set already (revoked another way) stays revoked; anything else is not ours.
        if (next.reason === 'already-revoked') continue;
        return { ok: false, reason: 'not-found' };
      }
      list = next.value;
    }
    records.push({ ...member, revoked });
  }
  await desk.vault.writeRecords([
    { id: STATUS_LIST_ID, value: list },
    ...records.map((record) => ({ id: `${ISSUED_PREFIX}${record.id}`, value: record })),
  ]);
  return { ok: true, value: { ...read.value, revoked } };
}

/**
 * The signed statuslist+jwt to host at the list's URI — or at `uri`, another address of the same
 * list (its `sub` must name the address it is served from).
 */
export async function publishDeskStatusList(
  desk: IssuerDesk,
  deps: { jws: JwsCrypto },
  options: { now: Date; ttlSeconds?: number; uri?: string },
): Promise<{ uri: string; jwt: string }> {
  const stored = await readStatusList(desk);
  const list = options.uri === undefined ? stored : { ...stored, uri: options.uri };
  const jwt = await withIssuerSigner(desk, deps, (issuer) =>
    publishStatusListJwt({
      list,
      issuer,
      issuedAt: options.now,
      ...(options.ttlSeconds ? { ttlSeconds: options.ttlSeconds } : {}),
    }),
  );
  return { uri: list.uri, jwt };
}

/**
 * The same bits as a W3C BitstringStatusListCredential (a VC-JWT signed by the desk's key), for
 * the VC-JWTs the desk issued: hosted at `bitstringStatusListUrl(uri)`, beside the IETF list at
 * the list's URI (or at `uri`, the same list's other address). docs/w3c-vc.md §Status.
 */
export async function publishDeskBitstringStatusList(
  desk: IssuerDesk,
  deps: { jws: JwsCrypto },
  options: { now: Date; uri?: string },
): Promise<{ uri: string; jwt: string }> {
  const stored = await readStatusList(desk);
  const list = options.uri === undefined ? stored : { ...stored, uri: options.uri };
  const { bitstringStatusListUrl, signBitstringStatusListCredential } =
    await import('../w3c/index.ts');
  const url = bitstringStatusListUrl(list.uri);
  const jwt = await withIssuerSigner(desk, deps, (issuer) =>
    signBitstringStatusListCredential({ issuer, url, list, issuedAt: options.now }),
  );
  return { uri: url, jwt };
}
