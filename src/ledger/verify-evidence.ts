/**
 * `vouch evidence verify`: a receipt (and its opening, and its inclusion proof when the file has
 * them), the document if given, a ledger if given → {valid, level, checks}. Levels
 * (docs/evidence.md): 1 both signatures; 2 and the commitment opens to the document's hash;
 * 3 and the receipt is in a ledger (a cold copy of a node's data dir, or a running node).
 */
import { encodeReceipt, verifyReceipt } from '../core/evidence/index.ts';
import type {
  EvidenceLevel,
  InclusionProof,
  Receipt,
  ReceiptCheck,
  ReceiptOpening,
  ReceiptVerification,
  ReceiptVerifier,
} from '../core/evidence/index.ts';
import { checkAnchorAtUrl, checkAnchorInDir } from './anchor-check.ts';
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
}

export async function verifyEvidence(options: VerifyEvidenceOptions): Promise<ReceiptVerification> {
  const base = await verifyReceipt(options.receipt, {
    crypto: options.crypto ?? verifyOnlyCrypto(),
    ...(options.opening ? { opening: options.opening } : {}),
    ...(options.document ? { document: options.document } : {}),
  });
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
  const anchor: ReceiptCheck = !ledger
    ? { name: 'ledger', ok: true, code: 'skipped', message: 'no ledger given (--ledger)' }
    : 'dir' in ledger
      ? await checkAnchorInDir({ dir: ledger.dir, receipt: options.receipt, ...inclusion })
      : await checkAnchorAtUrl({
          url: ledger.url,
          receipt: options.receipt,
          ...inclusion,
          ...(options.fetch ? { fetch: options.fetch } : {}),
        });
  checks.push(anchor);
  const valid = checks.every((check) => check.ok);
  const level: EvidenceLevel = !valid
    ? 0
    : base.level === 2 && anchor.code === 'ok'
      ? 3
      : base.level;
  return { valid, level, checks };
}
