/**
 * Storing a batch of copies (issue 13, docs/credentials.md §Copies): the ONE path both ways of
 * receiving a batch take, the offline v2 offer (receive.ts) and OpenID4VCI (receive-openid4vci.ts).
 * Every copy has already taken every check a single credential takes (prepareReceivedCredential);
 * here they become one record with `copies`: joined to the record `joinCredentialId` names (a
 * refresh), else to a record of the same credential (issuer, vct, claims) through the same
 * relationship, else a new record. `alsoWrite` (e.g. the relationship, pinned) goes in the same
 * transaction.
 */
import type { RecordWrite } from '../vault/index.ts';
import { addCopies, contentKeyOf } from './copies.ts';
import { CREDENTIAL_PREFIX } from './credential-store.ts';
import type { CopyRefresh, StoredCopy, StoredCredential } from './credential-store.ts';
import { listCredentialSummaries } from './credential-store-summary.ts';
import type { HolderWallet } from './holder-wallet.ts';

export type StoreCopiesResult =
  | { ok: true; value: StoredCredential }
  | { ok: false; reason: 'already-stored' | 'invalid-credential'; detail: string };

export async function storeCopies(
  wallet: HolderWallet,
  input: {
    /** The checked copies, each as the record it would be alone; the first leads. */
    readonly copies: readonly StoredCredential[];
    readonly relationshipIndex: number;
    readonly refresh?: CopyRefresh;
    /** Join this record (a refresh of it), whatever the content lookup would find. */
    readonly joinCredentialId?: string;
    readonly alsoWrite?: readonly RecordWrite[];
  },
): Promise<StoreCopiesResult> {
  const first = input.copies[0];
  if (first === undefined) return { ok: false, reason: 'invalid-credential', detail: 'no copies' };
  const copies: StoredCopy[] = input.copies.map((copy) => ({
    compact: copy.compact,
    childIndex: copy.childIndex,
    ...(copy.status ? { status: copy.status } : {}),
  }));
  const alsoWrite = input.alsoWrite ?? [];
  const refresh = input.refresh;
  const key = contentKeyOf(first);
  const joinId =
    input.joinCredentialId ??
    (await listCredentialSummaries(wallet)).find(
      (summary) =>
        summary.contentKey === key && summary.relationshipIndex === input.relationshipIndex,
    )?.id;
  if (joinId !== undefined) {
    const joined = await addCopies(wallet, joinId, copies, {
      ...(refresh === undefined ? {} : { refresh }),
      alsoWrite,
    });
    if (!joined.ok) {
      return {
        ok: false,
        reason: joined.reason === 'already-stored' ? 'already-stored' : 'invalid-credential',
        detail: joined.detail.message,
      };
    }
    return { ok: true, value: joined.value };
  }
  const record: StoredCredential = {
    ...first,
    copies,
    ...(refresh === undefined ? {} : { refresh }),
  };
  await wallet.vault.writeRecords([
    { id: `${CREDENTIAL_PREFIX}${record.id}`, value: record },
    ...alsoWrite,
  ]);
  return { ok: true, value: record };
}
