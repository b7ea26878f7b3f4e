/**
 * Verifying a receipt, every check spelled out: the algorithms are allowed, both signatures
 * verify with the parties' keys, and (when an opening is given) the commitment opens to the
 * salt, H(document) and the two parties. Levels of evidential value (docs/evidence.md):
 *   1 — both parties signed this receipt (signatures valid, algorithms allowed);
 *   2 — level 1 and the commitment opens to the document (salt + H(document) or the document);
 *   3 — level 2 and the receipt is anchored in a replicated ledger (src/ledger adds that check).
 */
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import { HASH_ALGORITHMS, hashDocument, hashLength, SIGNATURE_ALGORITHMS } from './algorithms.ts';
import type { HashAlgorithm } from './algorithms.ts';
import { computeCommitment, SALT_LENGTH } from './receipt.ts';
import type { Receipt } from './receipt.ts';
import { verifyRoleSignature } from './sign.ts';
import type { ReceiptVerifier } from './sign.ts';

export type ReceiptCheckName =
  | 'algorithms'
  | 'sender-signature'
  | 'recipient-signature'
  | 'commitment'
  | 'document'
  | 'inclusion-proof'
  | 'ledger';

export type ReceiptCheckCode =
  | 'ok'
  | 'skipped'
  | 'algorithm-not-allowed'
  | 'signature-missing'
  | 'signature-invalid'
  | 'bad-opening'
  | 'commitment-mismatch'
  | 'document-mismatch'
  | 'not-anchored'
  | 'bad-proof'
  | 'entry-mismatch'
  | 'fork-detected'
  /** An algorithm is withdrawn, but a re-anchor entry under allowed ones covers the receipt. */
  | 'reanchored';

export interface ReceiptCheck {
  readonly name: ReceiptCheckName;
  /** True when passed or skipped (a skipped check adds no level). */
  readonly ok: boolean;
  readonly code: ReceiptCheckCode;
  /** English, for the CLI and logs. */
  readonly message: string;
}

export type EvidenceLevel = 0 | 1 | 2 | 3;

export interface ReceiptVerification {
  readonly valid: boolean;
  /** 0 when invalid; else 1 or 2 here (3 needs a ledger, src/ledger). */
  readonly level: EvidenceLevel;
  readonly checks: readonly ReceiptCheck[];
}

export interface VerifyReceiptOptions {
  readonly crypto: ReceiptVerifier;
  /** Opens the commitment: the salt and H(document) the wallet or desk kept. */
  readonly opening?: { readonly salt: Uint8Array; readonly documentHash: Uint8Array };
  /** The document itself: its hash must equal the opening's documentHash. */
  readonly document?: Uint8Array;
  /** Default: every algorithm in algorithms.ts. */
  readonly allowedHashAlgorithms?: readonly HashAlgorithm[];
  readonly allowedSignatureAlgorithms?: readonly JwsAlgorithm[];
}

const check = (name: ReceiptCheckName, code: ReceiptCheckCode, message: string): ReceiptCheck => ({
  name,
  ok: code === 'ok' || code === 'skipped',
  code,
  message,
});

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

export async function verifyReceipt(
  receipt: Receipt,
  options: VerifyReceiptOptions,
): Promise<ReceiptVerification> {
  const checks: ReceiptCheck[] = [];
  const hashes = options.allowedHashAlgorithms ?? HASH_ALGORITHMS;
  const signatures = options.allowedSignatureAlgorithms ?? SIGNATURE_ALGORITHMS;
  const refused = [
    ...(hashes.includes(receipt.hashAlg) ? [] : [receipt.hashAlg]),
    ...[receipt.sender.alg, receipt.recipient.alg].filter((alg) => !signatures.includes(alg)),
  ];
  const algorithmsOk = refused.length === 0;
  checks.push(
    algorithmsOk
      ? check(
          'algorithms',
          'ok',
          `${receipt.hashAlg}, ${receipt.sender.alg} and ${receipt.recipient.alg} are allowed`,
        )
      : check('algorithms', 'algorithm-not-allowed', `not allowed here: ${refused.join(', ')}`),
  );

  for (const role of ['sender', 'recipient'] as const) {
    const name = `${role}-signature` as const;
    if (!receipt.signatures[role]) {
      checks.push(check(name, 'signature-missing', `the ${role} has not signed`));
    } else if (!algorithmsOk) {
      checks.push(check(name, 'algorithm-not-allowed', 'not checked: an algorithm is refused'));
    } else if (await verifyRoleSignature(receipt, role, options.crypto)) {
      checks.push(check(name, 'ok', `the ${role}'s ${receipt[role].alg} signature verifies`));
    } else {
      checks.push(check(name, 'signature-invalid', `the ${role}'s signature does not verify`));
    }
  }
  const signed = checks.every((c) => c.ok);

  let opened = false;
  const { opening, document } = options;
  if (!opening) {
    checks.push(check('commitment', 'skipped', 'no salt and document hash given'));
  } else if (
    opening.salt.length !== SALT_LENGTH ||
    opening.documentHash.length !== hashLength(receipt.hashAlg)
  ) {
    checks.push(
      check(
        'commitment',
        'bad-opening',
        `the salt must have ${SALT_LENGTH} bytes and the document hash ${hashLength(receipt.hashAlg)} (${receipt.hashAlg}); got ${opening.salt.length} and ${opening.documentHash.length}`,
      ),
    );
  } else {
    const commitment = computeCommitment({
      hashAlg: receipt.hashAlg,
      salt: opening.salt,
      documentHash: opening.documentHash,
      sender: receipt.sender,
      recipient: receipt.recipient,
    });
    opened = equalBytes(commitment, receipt.commitment);
    checks.push(
      opened
        ? check('commitment', 'ok', 'the commitment opens to this salt, document hash and parties')
        : check('commitment', 'commitment-mismatch', 'the commitment does not open to these'),
    );
  }
  if (document === undefined) {
    checks.push(check('document', 'skipped', 'no document given'));
  } else if (!opening) {
    checks.push(check('document', 'bad-opening', 'a document needs the salt to be checked'));
  } else if (equalBytes(hashDocument(receipt.hashAlg, document), opening.documentHash)) {
    checks.push(check('document', 'ok', `the document's ${receipt.hashAlg} is the one committed`));
  } else {
    checks.push(check('document', 'document-mismatch', 'the document is not the one committed'));
  }

  const valid = checks.every((c) => c.ok);
  const level: EvidenceLevel = !valid || !signed ? 0 : opened ? 2 : 1;
  return { valid, level, checks };
}
