/**
 * The compact binary form of a receipt (docs/evidence.md has it byte by byte with a test vector):
 *
 *   off  len  field
 *   0    2    magic "VR" (0x56 0x52)
 *   2    1    version 0x01
 *   3    1    action: 0x01 ISSUE, 0x02 RECEIVE, 0x03 PRESENT, 0x04 ACKNOWLEDGE
 *   4    1    hash algorithm: 0x01 sha-256, 0x02 sha-512, 0x03 sha3-256
 *   5    8    time, ms since the epoch, unsigned big-endian
 *   13   H    commitment (H = 32, or 64 for sha-512)
 *   …    1+K  sender: signature algorithm (0x01 ES256, 0x02 EdDSA, 0x03 ES256K) ‖ public key
 *             (K = 33, SEC1 compressed; 32 for EdDSA)
 *   …    1+K  recipient, the same way
 *   …    1    signatures present: bit 0 sender, bit 1 recipient (other bits 0)
 *   …    64   the sender's signature, if present
 *   …    64   the recipient's signature, if present
 *
 * Both parties sign the same bytes: everything before the "signatures present" byte (the
 * signing input; magic and version separate it from any other message). At most 274 bytes.
 */
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
  hashByCode,
  hashCode,
  hashLength,
  publicKeyLength,
  SIGNATURE_LENGTH,
  signatureByCode,
} from './algorithms.ts';
import { checkParty, partyBytes } from './party.ts';
import type { Party } from './party.ts';
import { MAX_RECEIPT_TIME, RECEIPT_ACTIONS } from './receipt.ts';
import type { Receipt, ReceiptAction } from './receipt.ts';

export const RECEIPT_MAGIC = Object.freeze([0x56, 0x52]);
export const RECEIPT_VERSION = 0x01;
/** Issue 14's bound (BeSure's figure); the largest receipt this version can write is 274 bytes. */
export const MAX_RECEIPT_BYTES = 400;

const SIGNED_BY_SENDER = 0b01;
const SIGNED_BY_RECIPIENT = 0b10;

function actionCode(action: ReceiptAction): number {
  return RECEIPT_ACTIONS.indexOf(action) + 1;
}

/** The bytes both parties sign. */
export function receiptSigningInput(receipt: Receipt): Uint8Array {
  const sender = partyBytes(receipt.sender);
  const recipient = partyBytes(receipt.recipient);
  const out = new Uint8Array(13 + receipt.commitment.length + sender.length + recipient.length);
  out.set(RECEIPT_MAGIC, 0);
  out[2] = RECEIPT_VERSION;
  out[3] = actionCode(receipt.action);
  out[4] = hashCode(receipt.hashAlg);
  new DataView(out.buffer).setBigUint64(5, BigInt(receipt.time));
  out.set(receipt.commitment, 13);
  out.set(sender, 13 + receipt.commitment.length);
  out.set(recipient, 13 + receipt.commitment.length + sender.length);
  return out;
}

export function encodeReceipt(receipt: Receipt): Uint8Array {
  const body = receiptSigningInput(receipt);
  const { sender, recipient } = receipt.signatures;
  const out = new Uint8Array(
    body.length + 1 + (sender ? SIGNATURE_LENGTH : 0) + (recipient ? SIGNATURE_LENGTH : 0),
  );
  out.set(body, 0);
  let offset = body.length;
  out[offset++] = (sender ? SIGNED_BY_SENDER : 0) | (recipient ? SIGNED_BY_RECIPIENT : 0);
  for (const signature of [sender, recipient]) {
    if (!signature) continue;
    if (signature.length !== SIGNATURE_LENGTH) {
      throw new TypeError(`encodeReceipt: a signature has ${signature.length} bytes, not 64`);
    }
    out.set(signature, offset);
    offset += SIGNATURE_LENGTH;
  }
  return out;
}

export type ReceiptFormatProblem = 'bad-receipt';
export type ReceiptParse = Result<Receipt, ReceiptFormatProblem, { message: string }>;

const bad = (message: string): ReceiptParse => failedWith('bad-receipt', { message });

/** Strict: every byte is accounted for, unknown codes and trailing bytes are refused. */
export function decodeReceipt(bytes: Uint8Array): ReceiptParse {
  if (!(bytes instanceof Uint8Array)) return bad('receipt expected bytes');
  if (bytes.length > MAX_RECEIPT_BYTES) {
    return bad(`receipt has ${bytes.length} bytes, more than ${MAX_RECEIPT_BYTES}`);
  }
  if (bytes.length < 13) return bad(`receipt has ${bytes.length} bytes, too short for a header`);
  if (bytes[0] !== RECEIPT_MAGIC[0] || bytes[1] !== RECEIPT_MAGIC[1]) {
    return bad('receipt does not start with "VR"');
  }
  if (bytes[2] !== RECEIPT_VERSION) return bad(`receipt version ${bytes[2]} is not 1`);
  const action = RECEIPT_ACTIONS[(bytes[3] as number) - 1];
  if (!action) return bad(`action code ${bytes[3]} is unknown`);
  const hashAlg = hashByCode(bytes[4] as number);
  if (!hashAlg) return bad(`hash algorithm code ${bytes[4]} is unknown`);
  const time = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(5);
  if (time > BigInt(MAX_RECEIPT_TIME)) return bad(`time ${time} is past the year 9999`);
  let offset = 13;
  const need = (length: number, what: string): string | undefined =>
    offset + length > bytes.length
      ? `receipt ends at byte ${bytes.length} inside the ${what}`
      : undefined;

  const commitmentLength = hashLength(hashAlg);
  const short = need(commitmentLength, 'commitment');
  if (short) return bad(short);
  const commitment = bytes.slice(offset, offset + commitmentLength);
  offset += commitmentLength;

  const parties: Party[] = [];
  for (const role of ['sender', 'recipient'] as const) {
    const noCode = need(1, `${role}'s algorithm`);
    if (noCode) return bad(noCode);
    const alg = signatureByCode(bytes[offset] as number);
    if (!alg) return bad(`${role}'s signature algorithm code ${bytes[offset]} is unknown`);
    offset += 1;
    const keyLength = publicKeyLength(alg);
    const noKey = need(keyLength, `${role}'s key`);
    if (noKey) return bad(noKey);
    const party = checkParty(alg, bytes.subarray(offset, offset + keyLength));
    if (!party.ok) return bad(`${role}: ${party.detail.message}`);
    parties.push(party.value);
    offset += keyLength;
  }

  const noFlags = need(1, 'signature flags');
  if (noFlags) return bad(noFlags);
  const flags = bytes[offset] as number;
  offset += 1;
  if (flags & ~(SIGNED_BY_SENDER | SIGNED_BY_RECIPIENT)) {
    return bad(`signature flags 0x${flags.toString(16)} set unknown bits`);
  }
  const signatures: { sender?: Uint8Array; recipient?: Uint8Array } = {};
  for (const [role, bit] of [
    ['sender', SIGNED_BY_SENDER],
    ['recipient', SIGNED_BY_RECIPIENT],
  ] as const) {
    if (!(flags & bit)) continue;
    const noSignature = need(SIGNATURE_LENGTH, `${role}'s signature`);
    if (noSignature) return bad(noSignature);
    signatures[role] = bytes.slice(offset, offset + SIGNATURE_LENGTH);
    offset += SIGNATURE_LENGTH;
  }
  if (offset !== bytes.length) {
    return bad(`receipt has ${bytes.length - offset} trailing bytes after the signatures`);
  }
  return ok({
    version: 1,
    action,
    time: Number(time),
    hashAlg,
    commitment,
    sender: parties[0] as Party,
    recipient: parties[1] as Party,
    signatures,
  });
}
