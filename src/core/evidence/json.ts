/**
 * The JSON forms, for files and for the wallet's store: a receipt (`vouch-receipt`), and a
 * receipt record (`vouch-receipt-record`: the receipt, its opening, and the ledger's inclusion
 * proof when known). Bytes are unpadded base64url; times ISO 8601 in UTC with milliseconds.
 * Parsers are strict (unknown members refused, sizes checked) and say what was wrong.
 */
import { z } from 'zod';
import type { Base64Url } from '../brand.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
  HASH_ALGORITHMS,
  hashLength,
  SIGNATURE_ALGORITHMS,
  SIGNATURE_LENGTH,
} from './algorithms.ts';
import { checkParty } from './party.ts';
import type { Party } from './party.ts';
import { MAX_RECEIPT_TIME, RECEIPT_ACTIONS, SALT_LENGTH } from './receipt.ts';
import type { Receipt, ReceiptOpening } from './receipt.ts';

/** A JSON file larger than this is refused before it is parsed (a receipt record is ~3 KB). */
export const MAX_RECEIPT_JSON_LENGTH = 256 * 1024;

const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'expected unpadded base64url');
const hex32 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 32 bytes as lowercase hex');

const partySchema = z.strictObject({
  alg: z.enum(SIGNATURE_ALGORITHMS as [string, ...string[]]),
  key: base64url,
});

export const receiptJsonSchema = z.strictObject({
  type: z.literal('vouch-receipt'),
  version: z.literal(1),
  action: z.enum(RECEIPT_ACTIONS),
  time: z.iso.datetime({ precision: 3 }),
  hashAlg: z.enum(HASH_ALGORITHMS as [string, ...string[]]),
  commitment: base64url,
  sender: partySchema,
  recipient: partySchema,
  signatures: z.strictObject({ sender: base64url.optional(), recipient: base64url.optional() }),
});
export type ReceiptJson = z.infer<typeof receiptJsonSchema>;

const treeNodeSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  hash: hex32,
});

/**
 * Where a receipt sits in a ledger (src/ledger): the core's key, the block index, the Merkle
 * nodes from the block to the roots of a signed tree of `length` blocks, and that signature.
 */
export const inclusionProofSchema = z.strictObject({
  ledger: z.literal('hypercore'),
  coreKey: hex32,
  index: z.number().int().nonnegative(),
  length: z.number().int().positive(),
  fork: z.number().int().nonnegative(),
  /** The signed tree hash: the hash of the roots, what the signature covers with length, fork. */
  treeHash: hex32,
  /** Hypercore's manifest (its compact encoding, base64url): how the core's key names its signer. */
  manifest: base64url.max(4096),
  nodes: z.array(treeNodeSchema).max(64),
  upgradeNodes: z.array(treeNodeSchema).max(64),
  additionalNodes: z.array(treeNodeSchema).max(64),
  signature: base64url.max(200),
});
export type InclusionProof = z.infer<typeof inclusionProofSchema>;

export const receiptRecordJsonSchema = z.strictObject({
  type: z.literal('vouch-receipt-record'),
  receipt: receiptJsonSchema,
  salt: base64url,
  documentHash: base64url,
  inclusion: inclusionProofSchema.optional(),
});
export type ReceiptRecordJson = z.infer<typeof receiptRecordJsonSchema>;

/** What a wallet (or a desk) keeps for each receipt. */
export interface ReceiptRecord {
  readonly receipt: Receipt;
  readonly opening: ReceiptOpening;
  readonly inclusion?: InclusionProof;
}

export type ReceiptJsonProblem = 'bad-receipt-json';
type Parsed<T> = Result<T, ReceiptJsonProblem, { message: string }>;
const bad = <T>(message: string): Parsed<T> => failedWith('bad-receipt-json', { message });

const b64 = (bytes: Uint8Array): Base64Url => encodeBase64Url(bytes);

export function receiptToJson(receipt: Receipt): ReceiptJson {
  const { sender, recipient } = receipt.signatures;
  return {
    type: 'vouch-receipt',
    version: 1,
    action: receipt.action,
    time: new Date(receipt.time).toISOString(),
    hashAlg: receipt.hashAlg,
    commitment: b64(receipt.commitment),
    sender: { alg: receipt.sender.alg, key: b64(receipt.sender.key) },
    recipient: { alg: receipt.recipient.alg, key: b64(receipt.recipient.key) },
    signatures: {
      ...(sender ? { sender: b64(sender) } : {}),
      ...(recipient ? { recipient: b64(recipient) } : {}),
    },
  };
}

export function receiptRecordToJson(record: ReceiptRecord): ReceiptRecordJson {
  return {
    type: 'vouch-receipt-record',
    receipt: receiptToJson(record.receipt),
    salt: b64(record.opening.salt),
    documentHash: b64(record.opening.documentHash),
    ...(record.inclusion ? { inclusion: record.inclusion } : {}),
  };
}

function bytes(field: string, value: string, length?: number): Parsed<Uint8Array> {
  const decoded = decodeBase64Url(value);
  if (!decoded.ok) return bad(`"${field}": ${decoded.detail.message}`);
  if (length !== undefined && decoded.value.length !== length) {
    return bad(`"${field}" expected ${length} bytes, got ${decoded.value.length}`);
  }
  return ok(decoded.value);
}

function zodMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length ? `"${issue.path.join('.')}"` : 'the value';
  return `${path}: ${issue.message}`;
}

function partyFromJson(field: string, json: z.infer<typeof partySchema>): Parsed<Party> {
  const alg = json.alg as Party['alg'];
  const key = bytes(`${field}.key`, json.key);
  if (!key.ok) return key;
  const party = checkParty(alg, key.value);
  return party.ok ? party : bad(`"${field}": ${party.detail.message}`);
}

export function receiptFromJson(value: unknown, field = 'receipt'): Parsed<Receipt> {
  const parsed = receiptJsonSchema.safeParse(value);
  if (!parsed.success) return bad(`${field}: ${zodMessage(parsed.error)}`);
  const json = parsed.data;
  const time = Date.parse(json.time);
  if (!Number.isSafeInteger(time) || time < 0 || time > MAX_RECEIPT_TIME) {
    return bad(`"${field}.time" ${json.time} is outside 1970–9999`);
  }
  const hashAlg = json.hashAlg as Receipt['hashAlg'];
  const commitment = bytes(`${field}.commitment`, json.commitment, hashLength(hashAlg));
  if (!commitment.ok) return commitment;
  const sender = partyFromJson(`${field}.sender`, json.sender);
  if (!sender.ok) return sender;
  const recipient = partyFromJson(`${field}.recipient`, json.recipient);
  if (!recipient.ok) return recipient;
  const signatures: { sender?: Uint8Array; recipient?: Uint8Array } = {};
  for (const role of ['sender', 'recipient'] as const) {
    const text = json.signatures[role];
    if (text === undefined) continue;
    const signature = bytes(`${field}.signatures.${role}`, text, SIGNATURE_LENGTH);
    if (!signature.ok) return signature;
    signatures[role] = signature.value;
  }
  return ok({
    version: 1,
    action: json.action,
    time,
    hashAlg,
    commitment: commitment.value,
    sender: sender.value,
    recipient: recipient.value,
    signatures,
  });
}

export function receiptRecordFromJson(value: unknown): Parsed<ReceiptRecord> {
  const parsed = receiptRecordJsonSchema.safeParse(value);
  if (!parsed.success) return bad(zodMessage(parsed.error));
  const receipt = receiptFromJson(parsed.data.receipt);
  if (!receipt.ok) return receipt;
  const salt = bytes('salt', parsed.data.salt, SALT_LENGTH);
  if (!salt.ok) return salt;
  const documentHash = bytes(
    'documentHash',
    parsed.data.documentHash,
    hashLength(receipt.value.hashAlg),
  );
  if (!documentHash.ok) return documentHash;
  return ok({
    receipt: receipt.value,
    opening: { salt: salt.value, documentHash: documentHash.value },
    ...(parsed.data.inclusion ? { inclusion: parsed.data.inclusion } : {}),
  });
}

/**
 * Reads a receipt file's text: a `vouch-receipt-record` or a bare `vouch-receipt` (then without
 * an opening). Refuses text over MAX_RECEIPT_JSON_LENGTH before parsing it.
 */
export function parseReceiptFile(
  text: string,
): Parsed<{ receipt: Receipt; opening?: ReceiptOpening; inclusion?: InclusionProof }> {
  if (text.length > MAX_RECEIPT_JSON_LENGTH) {
    return bad(`the file has ${text.length} characters, more than ${MAX_RECEIPT_JSON_LENGTH}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return bad(`not JSON: ${(error as Error).message}`);
  }
  const type = (value as { type?: unknown } | null)?.type;
  if (type === 'vouch-receipt') {
    const receipt = receiptFromJson(value);
    return receipt.ok ? ok({ receipt: receipt.value }) : receipt;
  }
  if (type === 'vouch-receipt-record') return receiptRecordFromJson(value);
  return bad(
    `"type" expected "vouch-receipt-record" or "vouch-receipt", got ${JSON.stringify(type)}`,
  );
}
