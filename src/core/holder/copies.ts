/**
 * Batch copies of one credential (issue 13, docs/credentials.md §Copies). An issuer hands N copies
 * of the same credential: the same issuer, vct and claim values, but each copy has its own child key
 * (`cnf`), fresh salts and its own status index, so two verifiers shown two copies cannot link them.
 * The wallet keeps them in ONE record (`StoredCredential.copies`, the first copy included) and
 * shows one card.
 *
 * Which copy is shown (`pickCopy`) follows the citizen's copy policy:
 * - `one-per-verifier` (default): a verifier that saw a copy may see that copy again; a new verifier
 *   gets an unused copy; a copy another verifier saw is never shown.
 * - `fresh-every-time`: every presentation uses an unused copy.
 * With no usable copy left the wallet does not present (`no-copy-left`): it offers to get more.
 *
 * A record without `copies` came as one copy (before issue 13, a v1 offer, a W3C VC-JWT, a single
 * OpenID4VCI credential): it was never unlinkable, and it is presented as before (refusing it
 * would only lose the credential). Its use is not tracked.
 */
export {
  contentKeyOf,
  contentOfSdJwtVc,
  sameCredential,
  type CredentialContent,
} from '../protocol/credential-content.ts';
import type { Result } from '../result.ts';
import { failed, failedWith, ok } from '../result.ts';
import { contentKeyOf, contentOfSdJwtVc } from '../protocol/credential-content.ts';
import type { RecordWrite } from '../vault/index.ts';
import {
  CREDENTIAL_PREFIX,
  MAX_STORED_COPIES,
  readCredential,
  type CopyRefresh,
  type StoredCopy,
  type StoredCredential,
} from './credential-store.ts';
import type { HolderWallet } from './holder-wallet.ts';

export const COPY_POLICIES = ['one-per-verifier', 'fresh-every-time'] as const;
export type CopyPolicy = (typeof COPY_POLICIES)[number];
export const DEFAULT_COPY_POLICY: CopyPolicy = 'one-per-verifier';

/**
 * `usedWith` of a single-copy credential's copy once it joins a batch (withCopies): it may have been
 * shown to anyone. No verifier has this id (client_ids carry a prefix such as
 * `decentralized_identifier:`), so it is never shown again.
 */
export const SHOWN_BEFORE_COPIES = 'shown-before-copies';

/** With this many unused copies or fewer, the card and the consent screen suggest getting more. */
export const FEW_COPIES_LEFT = 2;

type CopyFields = Pick<StoredCredential, 'compact' | 'childIndex' | 'status' | 'copies'>;

/** True when the credential came as a batch of copies (its use is tracked per verifier). */
export function hasCopies(credential: Pick<StoredCredential, 'copies'>): boolean {
  return credential.copies !== undefined;
}

/** The copies of a credential, the first one included; a record without `copies` is one copy. */
export function copiesOf(credential: CopyFields): StoredCopy[] {
  if (credential.copies) return credential.copies;
  return [
    {
      compact: credential.compact,
      childIndex: credential.childIndex,
      ...(credential.status ? { status: credential.status } : {}),
    },
  ];
}

/** Copies no verifier has seen yet. A single-copy credential (no `copies`) always counts one. */
export function copiesLeft(credential: Pick<StoredCredential, 'copies'>): number {
  if (!credential.copies) return 1;
  return credential.copies.filter((copy) => copy.usedWith === undefined).length;
}

/** Whether the card should suggest getting more copies: a batch with FEW_COPIES_LEFT or fewer unused. */
export function fewCopiesLeft(credential: Pick<StoredCredential, 'copies'>): boolean {
  return hasCopies(credential) && copiesLeft(credential) <= FEW_COPIES_LEFT;
}

export interface PickedCopy {
  readonly copy: StoredCopy;
  /** Its position in copiesOf(credential). */
  readonly index: number;
  /** This verifier saw this very copy before (one-per-verifier shows it again). */
  readonly seenBefore: boolean;
}

/**
 * The copy to show `verifierId` (the request's client_id / audience) under `policy`, or
 * `no-copy-left`. Never a copy another verifier saw.
 */
export function pickCopy(
  credential: CopyFields,
  verifierId: string,
  policy: CopyPolicy = DEFAULT_COPY_POLICY,
): Result<PickedCopy, 'no-copy-left'> {
  const copies = copiesOf(credential);
  if (!credential.copies) return ok({ copy: copies[0] as StoredCopy, index: 0, seenBefore: false });
  if (policy === 'one-per-verifier') {
    const seen = copies.findIndex((copy) => copy.usedWith === verifierId);
    if (seen >= 0) return ok({ copy: copies[seen] as StoredCopy, index: seen, seenBefore: true });
  }
  const unused = copies.findIndex((copy) => copy.usedWith === undefined);
  if (unused < 0) return failed('no-copy-left');
  return ok({ copy: copies[unused] as StoredCopy, index: unused, seenBefore: false });
}

/**
 * The record as a single credential made of copy `index`: `compact`, `childIndex` and `status` are
 * that copy's (what presenting and status checks read).
 */
export function asCopy(credential: StoredCredential, index: number): StoredCredential {
  const copy = copiesOf(credential)[index];
  if (!copy) throw new RangeError(`asCopy: "index" expected 0..${copiesOf(credential).length - 1}`);
  const { status: _status, ...rest } = credential;
  return {
    ...rest,
    compact: copy.compact,
    childIndex: copy.childIndex,
    ...(copy.status ? { status: copy.status } : {}),
  };
}

/**
 * The record after copy `index` was shown to `verifierId` at `at` (pure: the caller writes it in the
 * transaction that writes the history entry). A single-copy record is returned unchanged. Marking a
 * copy another verifier saw is a bug (pickCopy never picks one) and throws.
 */
export function markCopyUsed(
  credential: StoredCredential,
  input: { index: number; verifierId: string; at: Date },
): StoredCredential {
  if (!credential.copies) return credential;
  const copy = credential.copies[input.index];
  if (!copy) throw new RangeError(`markCopyUsed: no copy ${input.index}`);
  if (copy.usedWith !== undefined && copy.usedWith !== input.verifierId) {
    throw new Error('markCopyUsed: this copy was shown to another verifier');
  }
  const copies = credential.copies.map((each, i) =>
    i === input.index
      ? { ...each, usedWith: input.verifierId, usedAt: input.at.toISOString() }
      : each,
  );
  return { ...credential, copies };
}

export type AddCopiesProblem = 'not-found' | 'not-same-credential' | 'already-stored' | 'too-many';

/**
 * The record with `copies` added (pure): refused when a copy is not the same credential as the
 * record's first copy, is already there, or when more than MAX_STORED_COPIES would remain after
 * dropping the copies already shown (oldest first; the first copy moves up when it goes).
 */
export function withCopies(
  credential: StoredCredential,
  copies: readonly StoredCopy[],
  refresh?: CopyRefresh,
): Result<StoredCredential, Exclude<AddCopiesProblem, 'not-found'>, { message: string }> {
  const reference = contentOfSdJwtVc(credential.compact);
  if (!reference) {
    return failedWith('not-same-credential', { message: 'the stored credential has no copies' });
  }
  const key = contentKeyOf(reference);
  // A credential that came as one copy was shown without keeping track: once it joins a batch it
  // counts as shown (to no verifier that could ask again), so no new verifier gets it.
  const existing = credential.copies
    ? credential.copies
    : copiesOf(credential).map((copy) => ({
        ...copy,
        usedWith: SHOWN_BEFORE_COPIES,
        usedAt: credential.receivedAt,
      }));
  const compacts = new Set(existing.map((copy) => copy.compact));
  for (const [index, copy] of copies.entries()) {
    const content = contentOfSdJwtVc(copy.compact);
    if (!content || contentKeyOf(content) !== key) {
      return failedWith('not-same-credential', {
        message: `copy ${index} is not the same credential (issuer, vct and claims must match)`,
      });
    }
    if (compacts.has(copy.compact)) {
      return failedWith('already-stored', { message: `copy ${index} is stored already` });
    }
    compacts.add(copy.compact);
  }
  let all = [...existing, ...copies.map((copy) => ({ ...copy }))];
  if (all.length > MAX_STORED_COPIES) {
    const used = all
      .filter((copy) => copy.usedWith !== undefined)
      .sort((a, b) => (a.usedAt ?? '').localeCompare(b.usedAt ?? ''));
    const drop = new Set(used.slice(0, all.length - MAX_STORED_COPIES));
    all = all.filter((copy) => !drop.has(copy));
    if (all.length > MAX_STORED_COPIES) {
      return failedWith('too-many', {
        message: `more than ${MAX_STORED_COPIES} unused copies of one credential`,
      });
    }
  }
  const first = all[0] as StoredCopy;
  const { status: _status, ...rest } = credential;
  return ok({
    ...rest,
    compact: first.compact,
    childIndex: first.childIndex,
    ...(first.status ? { status: first.status } : {}),
    copies: all,
    ...(refresh ? { refresh } : credential.refresh ? { refresh: credential.refresh } : {}),
  });
}

/**
 * Add a new batch of copies to credential `credentialId`, in one transaction with `alsoWrite`
 * (e.g. a relationship re-pin). The caller checked every copy (signature, cnf, …) as a received
 * credential; this checks they are the same credential (see withCopies).
 */
export async function addCopies(
  wallet: HolderWallet,
  credentialId: string,
  copies: readonly StoredCopy[],
  options: { refresh?: CopyRefresh; alsoWrite?: readonly RecordWrite[] } = {},
): Promise<Result<StoredCredential, AddCopiesProblem, { message: string }>> {
  const credential = await readCredential(wallet, credentialId);
  if (!credential) {
    return failedWith('not-found', { message: `no credential ${credentialId}` });
  }
  const joined = withCopies(credential as StoredCredential, copies, options.refresh);
  if (!joined.ok) return joined;
  await wallet.vault.writeRecords([
    { id: `${CREDENTIAL_PREFIX}${credentialId}`, value: joined.value },
    ...(options.alsoWrite ?? []),
  ]);
  return joined;
}
