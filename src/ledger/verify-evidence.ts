/**
 * `vouch evidence verify`: a receipt (and its opening, and its inclusion proof when the file has
 * them), the document if given, a ledger if given → {valid, level, checks}. Levels
 * (docs/evidence.md): 1 both signatures; 2 and the commitment opens to the document's hash;
 * 3 and the receipt is in a ledger (a cold copy of a node's data dir, or a running node).
 */
import {
  encodeReceipt,
  HASH_ALGORITHMS,
  SIGNATURE_ALGORITHMS,
  verifyReceipt,
} from '../core/evidence/index.ts';
import type {
  EvidenceLevel,
  InclusionProof,
  Receipt,
  ReceiptCheck,
  ReceiptOpening,
  ReceiptVerification,
  ReceiptVerifier,
} from '../core/evidence/index.ts';
import { checkAnchorAndReanchorInDir, checkAnchorAtUrl } from './anchor-check.ts';
import { verifyOnlyCrypto } from './crypto.ts';
import { verifyInclusionProof } from './inclusion-proof.ts';

export interface VerifyEvidenceOptions {
  readonly receipt: Receipt;
  readonly opening?: ReceiptOpening;
  readonly inclusion?: InclusionProof;
  readonly document?: Uint8Array;
  /** A data dir (checked on a copy) or the URL of a running `vouch ledger serve`. */
  readonly ledger?: { readonly dir: string } | { readonly url: string };
  readonly crypto?: ReceiptVerifier;
  readonly fetch?: typeof fetch;
  /**
   * Algorithms no longer trusted (hash or signature names, e.g. "sha-256", "ES256"). A receipt
   * using one fails `algorithms`, unless a re-anchor entry under trusted ones covers it in the
   * ledger copy (`ledger: {dir}`): then `algorithms` says so (code `reanchored`).
   */
  readonly withdrawn?: readonly string[];
}

/** The names `withdrawn` may hold. */
export const WITHDRAWABLE_ALGORITHMS: readonly string[] = [
  ...HASH_ALGORITHMS,
  ...SIGNATURE_ALGORITHMS,
];

export async function verifyEvidence(options: VerifyEvidenceOptions): Promise<ReceiptVerification> {
  const crypto = options.crypto ?? verifyOnlyCrypto();
  const withdrawn = new Set(options.withdrawn ?? []);
  const allowed = {
    allowedHashAlgorithms: HASH_ALGORITHMS.filter((alg) => !withdrawn.has(alg)),
    allowedSignatureAlgorithms: SIGNATURE_ALGORITHMS.filter((alg) => !withdrawn.has(alg)),
  };
  const opened = {
    crypto,
    ...(options.opening ? { opening: options.opening } : {}),
    ...(options.document ? { document: options.document } : {}),
  };
  const strict = await verifyReceipt(options.receipt, { ...opened, ...allowed });
  const algorithmsWithdrawn = strict.checks.some(
    (check) => check.name === 'algorithms' && check.code === 'algorithm-not-allowed',
  );
  // A receipt under a withdrawn algorithm may still stand on a re-anchor: check it as it was made.
  const base = algorithmsWithdrawn ? await verifyReceipt(options.receipt, opened) : strict;
  const checks: ReceiptCheck[] = [...base.checks];
  if (options.inclusion) {
    const verified = verifyInclusionProof({
      proof: options.inclusion,
      entry: encodeReceipt(options.receipt),
    });
    checks.push(
      verified.ok
        ? {
            name: 'inclusion-proof',
            ok: true,
            code: 'ok',
            message: `the receipt's proof: entry ${verified.value.index} of core ${verified.value.coreKey}, signed by that core`,
          }
        : {
            name: 'inclusion-proof',
            ok: false,
            code: verified.reason === 'entry-mismatch' ? 'entry-mismatch' : 'bad-proof',
            message: verified.detail.message,
          },
    );
  } else {
    checks.push({
      name: 'inclusion-proof',
      ok: true,
      code: 'skipped',
      message: 'the file has no inclusion proof',
    });
  }
  const ledger = options.ledger;
  const inclusion = options.inclusion ? { inclusion: options.inclusion } : {};
  let reanchor: { ok: boolean; message: string } | undefined;
  let anchor: ReceiptCheck;
  if (!ledger) {
    anchor = { name: 'ledger', ok: true, code: 'skipped', message: 'no ledger given (--ledger)' };
  } else if ('dir' in ledger) {
    const found = await checkAnchorAndReanchorInDir({
      dir: ledger.dir,
      receipt: options.receipt,
      ...inclusion,
      ...(algorithmsWithdrawn ? { reanchor: { ...allowed, crypto } } : {}),
    });
    anchor = found.ledger;
    reanchor = found.reanchor;
  } else {
    anchor = await checkAnchorAtUrl({
      url: ledger.url,
      receipt: options.receipt,
      ...inclusion,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }
  checks.push(anchor);
  if (algorithmsWithdrawn) {
    const refused = strict.checks.find((check) => check.name === 'algorithms') as ReceiptCheck;
    const at = checks.findIndex((check) => check.name === 'algorithms');
    checks[at] = reanchor?.ok
      ? {
          name: 'algorithms',
          ok: true,
          code: 'reanchored',
          message: `${refused.message}; ${reanchor.message}`,
        }
      : {
          ...refused,
          message: `${refused.message}; ${
            reanchor?.message ??
            (ledger && 'dir' in ledger
              ? 'the receipt is not in the ledger copy'
              : 'a re-anchor is looked for only in a copy of a ledger data directory (--ledger <dir>)')
          }`,
        };
  }
  const valid = checks.every((check) => check.ok);
  const level: EvidenceLevel = !valid
    ? 0
    : base.level === 2 && anchor.code === 'ok'
      ? 3
      : base.level;
  return { valid, level, checks };
}
