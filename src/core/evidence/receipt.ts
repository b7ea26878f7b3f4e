/**
 * The receipt (issue 14, after BeSure): `{action, time, commitment}` signed by both parties, where
 * commitment = H(salt ‖ H(document) ‖ sender ‖ recipient) with a fresh 32-byte salt, so two
 * receipts about one document cannot be linked without their salts. The receipt holds only
 * hashes and the two parties' public keys; the salt and H(document) stay with the parties.
 */
import { concatBytes } from '@noble/hashes/utils.js';
import { bytesToHex } from '../encoding/hex.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import { digest, hashDocument, hashLength } from './algorithms.ts';
import type { HashAlgorithm } from './algorithms.ts';
import { partyBytes } from './party.ts';
import type { Party } from './party.ts';

export const RECEIPT_ACTIONS = ['ISSUE', 'RECEIVE', 'PRESENT', 'ACKNOWLEDGE'] as const;
export type ReceiptAction = (typeof RECEIPT_ACTIONS)[number];

export const SALT_LENGTH = 32;
/** The latest time a receipt may carry: 9999-12-31T23:59:59.999Z (ms since the epoch). */
export const MAX_RECEIPT_TIME = 253_402_300_799_999;

/** Which party a signature belongs to. The sender sends the document; the recipient gets it. */
export type ReceiptRole = 'sender' | 'recipient';

export interface Receipt {
  readonly version: 1;
  readonly action: ReceiptAction;
  /** Milliseconds since 1970-01-01T00:00:00Z, an integer. */
  readonly time: number;
  readonly hashAlg: HashAlgorithm;
  readonly commitment: Uint8Array;
  readonly sender: Party;
  readonly recipient: Party;
  /** 64-byte signatures over the receipt's signing input (binary.ts), by role. */
  readonly signatures: { readonly sender?: Uint8Array; readonly recipient?: Uint8Array };
}

/** What opens a commitment: the salt and H(document). The parties are the receipt's own. */
export interface ReceiptOpening {
  readonly salt: Uint8Array;
  readonly documentHash: Uint8Array;
}

export function isReceiptAction(value: unknown): value is ReceiptAction {
  return typeof value === 'string' && (RECEIPT_ACTIONS as readonly string[]).includes(value);
}

export function computeCommitment(options: {
  hashAlg: HashAlgorithm;
  salt: Uint8Array;
  documentHash: Uint8Array;
  sender: Party;
  recipient: Party;
}): Uint8Array {
  return digest(
    options.hashAlg,
    concatBytes(
      options.salt,
      options.documentHash,
      partyBytes(options.sender),
      partyBytes(options.recipient),
    ),
  );
}

export interface MakeReceiptOptions {
  readonly action: ReceiptAction;
  /** When the act happened (ms since the epoch, an integer). */
  readonly time: number;
  /** The document itself, or its hash under `hashAlg` (exactly one of the two). */
  readonly document?: Uint8Array;
  readonly documentHash?: Uint8Array;
  readonly sender: Party;
  readonly recipient: Party;
  /** Default sha-256. */
  readonly hashAlg?: HashAlgorithm;
  /** Cryptographically secure random bytes (the salt). */
  readonly randomBytes: (length: number) => Uint8Array;
}

/** A new unsigned receipt and its opening (keep the opening: it is what proves the document). */
export function makeReceipt(options: MakeReceiptOptions): {
  receipt: Receipt;
  opening: ReceiptOpening;
} {
  const hashAlg = options.hashAlg ?? 'sha-256';
  if (!Number.isSafeInteger(options.time) || options.time < 0 || options.time > MAX_RECEIPT_TIME) {
    throw new TypeError(`makeReceipt: "time" expected ms since the epoch, got ${options.time}`);
  }
  if ((options.document === undefined) === (options.documentHash === undefined)) {
    throw new TypeError('makeReceipt: give exactly one of "document" and "documentHash"');
  }
  const documentHash =
    options.documentHash?.slice() ?? hashDocument(hashAlg, options.document as Uint8Array);
  if (documentHash.length !== hashLength(hashAlg)) {
    throw new TypeError(
      `makeReceipt: "documentHash" expected ${hashLength(hashAlg)} bytes for ${hashAlg}, got ${documentHash.length}`,
    );
  }
  const salt = options.randomBytes(SALT_LENGTH).slice();
  if (salt.length !== SALT_LENGTH)
    throw new TypeError('makeReceipt: randomBytes gave a short salt');
  const commitment = computeCommitment({
    hashAlg,
    salt,
    documentHash,
    sender: options.sender,
    recipient: options.recipient,
  });
  return {
    receipt: {
      version: 1,
      action: options.action,
      time: options.time,
      hashAlg,
      commitment,
      sender: options.sender,
      recipient: options.recipient,
      signatures: {},
    },
    opening: { salt, documentHash },
  };
}

/** The signature algorithm a role signs with. */
export function algorithmOf(receipt: Receipt, role: ReceiptRole): JwsAlgorithm {
  return receipt[role].alg;
}

export function otherRole(role: ReceiptRole): ReceiptRole {
  return role === 'sender' ? 'recipient' : 'sender';
}

/** A receipt's id: its commitment in lowercase hex (unique: the salt is fresh). */
export function receiptId(receipt: Receipt): string {
  return bytesToHex(receipt.commitment);
}
