/**
 * Evidence receipts (issue 14, after BeSure). No DOM, no Node: crypto is injected.
 *
 * API (stable; helper E builds the desks' and wallet's flows on it):
 *
 *   Parties
 *     partyFromJwk(publicJwk) → Party {alg, key}     desk key (ES256/EdDSA/ES256K) or the wallet's
 *                                                     relationship key (ES256K), never the root
 *     partyToJwk(party) → PublicJwk
 *   Making and signing
 *     makeReceipt({action, time, document | documentHash, sender, recipient, hashAlg?,
 *                  randomBytes}) → {receipt, opening: {salt, documentHash}}
 *         action: 'ISSUE' | 'RECEIVE' | 'PRESENT' | 'ACKNOWLEDGE'; time: ms since the epoch;
 *         sender sends the document, recipient gets it (a credential: desk → wallet; an
 *         application: wallet → desk). Keep the opening: without it the commitment proves nothing.
 *     signAsFirst({receipt, as: 'sender' | 'recipient', sign: JwsSign}) → Promise<Receipt>
 *     countersign({receipt, as, sign, crypto}) → Promise<Result<Receipt, CountersignProblem>>
 *         checks the first signature, signs, checks its own signature against its key
 *   Verifying
 *     verifyReceipt(receipt, {crypto, opening?, document?, allowedHashAlgorithms?,
 *                   allowedSignatureAlgorithms?}) → Promise<{valid, level: 0|1|2, checks}>
 *         (level 3, anchored in the ledger, is added by src/ledger's verifier)
 *   Forms
 *     encodeReceipt(receipt) → Uint8Array (≤ 274 bytes; MAX_RECEIPT_BYTES = 400)
 *     decodeReceipt(bytes) → Result<Receipt, 'bad-receipt', {message}>
 *     receiptToJson / receiptFromJson          the `vouch-receipt` JSON form
 *     receiptRecordToJson / receiptRecordFromJson   `vouch-receipt-record`: receipt + salt +
 *         documentHash (+ inclusion proof): what the wallet keeps and "Prove" exports
 *     parseReceiptFile(text) → either form, strict, size-capped
 *   Re-anchoring (algorithm agility; reanchor.ts, docs/evidence.md)
 *     makeReanchor(fields, entries, sign) / encodeReanchor / decodeReanchor / verifyReanchor
 *   Helpers
 *     hashDocument(hashAlg, bytes) → H(document); receiptId(receipt) → hex of the commitment
 *
 * `crypto` is any JwsCrypto (`nobleJwsCrypto` in core, the platform's WebCrypto one in the app).
 * Formats byte by byte: docs/evidence.md.
 */
export {
  HASH_ALGORITHMS,
  hashByCode,
  hashCode,
  hashDocument,
  hashLength,
  SIGNATURE_ALGORITHMS,
  SIGNATURE_LENGTH,
} from './algorithms.ts';
export type { HashAlgorithm } from './algorithms.ts';
export { decodeReceipt, encodeReceipt, MAX_RECEIPT_BYTES, receiptSigningInput } from './binary.ts';
export type { ReceiptFormatProblem, ReceiptParse } from './binary.ts';
export {
  inclusionProofSchema,
  MAX_RECEIPT_JSON_LENGTH,
  parseReceiptFile,
  receiptFromJson,
  receiptRecordFromJson,
  receiptRecordToJson,
  receiptToJson,
} from './json.ts';
export type {
  InclusionProof,
  ReceiptJson,
  ReceiptJsonProblem,
  ReceiptRecord,
  ReceiptRecordJson,
} from './json.ts';
export { checkParty, partyFromJwk, partyToJwk, sameParty } from './party.ts';
export type { Party } from './party.ts';
export {
  computeCommitment,
  isReceiptAction,
  makeReceipt,
  MAX_RECEIPT_TIME,
  RECEIPT_ACTIONS,
  receiptId,
  SALT_LENGTH,
} from './receipt.ts';
export type {
  MakeReceiptOptions,
  Receipt,
  ReceiptAction,
  ReceiptOpening,
  ReceiptRole,
} from './receipt.ts';
export {
  decodeReanchor,
  encodeReanchor,
  isReanchorEntry,
  makeReanchor,
  REANCHOR_MAGIC,
  reanchorCommitment,
  reanchorSigningInput,
  verifyReanchor,
} from './reanchor.ts';
export type { Reanchor, ReanchorFields, ReanchorParse, ReanchorProblem } from './reanchor.ts';
export { countersign, signAsFirst, verifyRoleSignature } from './sign.ts';
export type { CountersignProblem, ReceiptVerifier } from './sign.ts';
export { verifyReceipt } from './verify.ts';
export type {
  EvidenceLevel,
  ReceiptCheck,
  ReceiptCheckCode,
  ReceiptCheckName,
  ReceiptVerification,
  VerifyReceiptOptions,
} from './verify.ts';
