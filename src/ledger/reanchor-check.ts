/**
 * Checks a re-anchor entry against the core it is on (docs/evidence.md §Algorithm agility): the
 * entry's own checks (algorithms allowed, signature, commitment over the covered entries' bytes,
 * verifyReanchor) and that its tree hash is the core's at its end. Used by a node indexing a core
 * and by `vouch evidence verify` on a cold copy.
 */
import type Hypercore from 'hypercore';
import { bytesToHex } from '../core/encoding/hex.ts';
import { verifyReanchor } from '../core/evidence/index.ts';
import type { HashAlgorithm, Reanchor, ReceiptVerifier } from '../core/evidence/index.ts';
import type { JwsAlgorithm } from '../core/jose/jws-algorithm.ts';

/** The algorithms still trusted, and the signature checks. */
export interface ReanchorSearch {
  readonly allowedHashAlgorithms: readonly HashAlgorithm[];
  readonly allowedSignatureAlgorithms: readonly JwsAlgorithm[];
  readonly crypto: ReceiptVerifier;
}

/** undefined when the re-anchor entry holds on `core`, else why not. */
export async function reanchorProblemOn(
  core: Hypercore,
  reanchor: Reanchor,
  search: ReanchorSearch,
): Promise<string | undefined> {
  const entries: Uint8Array[] = [];
  for (let i = reanchor.start; i < reanchor.end; i++) {
    entries.push((await core.get(i, { wait: false })) ?? new Uint8Array());
  }
  const verified = await verifyReanchor(reanchor, { entries, ...search });
  if (!verified.ok) return verified.detail.message;
  if (bytesToHex(await core.treeHash(reanchor.end)) !== bytesToHex(reanchor.treeHash)) {
    return `the tree hash at ${reanchor.end} is not the core's`;
  }
  return undefined;
}
