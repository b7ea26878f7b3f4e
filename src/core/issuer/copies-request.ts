/**
 * New copies for a copies request (docs/protocol.md §Copies request), offline: the wallet sends one
 * copy of a credential this desk issued, signed by the relationship key; the desk answers with a
 * fresh batch offer (same claims; new child keys, salts and status indices). Before issuing, the
 * desk checks, in this order: the request's shape; the relationship is in its register; the
 * signature is by that relationship's key; its OWN signature on the copy; the copy's `cnf` is that
 * subject's child key at the copy's child index; the credential is in its issued log for this
 * subject and not revoked. It never needs to have kept the claims: they come from the copy. The new
 * batch's log entry `renews` the original (issuance.ts): revoking either revokes both.
 */
import { credentialTypeByVct } from '../credentials/index.ts';
import type { JwsCrypto } from '../jose/index.ts';
import { deriveCredentialPublicKey, publicKeyToJwk } from '../keys/index.ts';
import { readCopiesRequest, verifyCopiesRequest } from '../protocol/index.ts';
import { verifySdJwtVc } from '../sd-jwt/index.ts';
import { readCopiesPolicy } from './copies-policy.ts';
import type { IssuerDesk } from './desk.ts';
import {
  familyOf,
  issueToSubject,
  listIssued,
  statusIndicesOf,
  type IssueOutcome,
} from './issuance.ts';
import { listSubjects, type Subject } from './register.ts';

export type CopiesRequestRefusal =
  | 'malformed'
  | 'unknown-relationship'
  | 'bad-signature'
  | 'stale'
  | 'not-our-credential'
  | 'not-bound-to-subject'
  | 'unknown-credential'
  | 'revoked'
  | 'list-full';

export type CopiesRequestResult =
  | { ok: true; value: IssueOutcome & { subject: Subject } }
  | { ok: false; reason: CopiesRequestRefusal; detail: string };

export async function issueCopiesOnRequest(
  desk: IssuerDesk,
  deps: { jws: JwsCrypto; randomBytes: (n: number) => Uint8Array },
  options: { request: string; now: Date; statusUri?: string },
): Promise<CopiesRequestResult> {
  const refuse = (reason: CopiesRequestRefusal, detail: string): CopiesRequestResult => ({
    ok: false,
    reason,
    detail,
  });
  const read = readCopiesRequest(options.request);
  if (!read.ok) return refuse('malformed', read.detail.message);
  const subject = (await listSubjects(desk)).find(
    (each) => each.fingerprint === read.value.relationship,
  );
  if (!subject) {
    return refuse(
      'unknown-relationship',
      `no one in the register has relationship ${read.value.relationship}`,
    );
  }
  const request = await verifyCopiesRequest(options.request, {
    xpub: subject.xpub,
    now: options.now,
  });
  if (!request.ok) {
    const reason =
      request.reason === 'bad-signature'
        ? 'bad-signature'
        : request.reason === 'malformed' || request.reason === 'wrong-typ'
          ? 'malformed'
          : 'stale';
    return refuse(reason, request.detail.message);
  }
  // Our own signature, checked against our key (not whatever the copy names).
  const copy = await verifySdJwtVc(request.value.credential, {
    crypto: deps.jws,
    now: options.now,
    issuerKey: desk.issuer.publicJwk,
  });
  if (!copy.ok) return refuse('not-our-credential', `${copy.reason}: ${copy.detail.message}`);
  const expected = publicKeyToJwk(
    deriveCredentialPublicKey(subject.xpub, request.value.childIndex),
  );
  const cnf = copy.value.cnfJwk;
  if (!cnf || !('y' in cnf) || cnf.x !== expected.x || cnf.y !== expected.y) {
    return refuse(
      'not-bound-to-subject',
      `cnf is not ${subject.name}'s key at child ${request.value.childIndex}`,
    );
  }
  const statusIndex = copy.value.status?.idx;
  const issued = (await listIssued(desk)).find(
    (entry) =>
      entry.subjectId === subject.id &&
      statusIndex !== undefined &&
      statusIndicesOf(entry).includes(statusIndex),
  );
  if (!issued) return refuse('unknown-credential', 'this desk has no record of issuing this copy');
  if (issued.revoked) return refuse('revoked', `revoked: ${issued.revoked.reason}`);
  const type = credentialTypeByVct(copy.value.vct);
  if (!type || type.id !== issued.typeId)
    return refuse('unknown-credential', `vct ${copy.value.vct}`);

  const policy = await readCopiesPolicy(desk);
  const outcome = await issueToSubject(desk, deps, {
    subjectId: subject.id,
    typeId: type.id,
    claims: copy.value.claims,
    now: options.now,
    copies: Math.min(request.value.copies, policy),
    // The new batch is the same credential: revoking it or its original revokes both.
    renews: familyOf(issued),
    ...(options.statusUri === undefined ? {} : { statusUri: options.statusUri }),
  });
  if (!outcome.ok) {
    return outcome.reason === 'list-full'
      ? refuse('list-full', 'the status list is full')
      : refuse('unknown-credential', outcome.reason);
  }
  return { ok: true, value: { ...outcome.value, subject } };
}
