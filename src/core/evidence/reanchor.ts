/**
 * Re-anchor entries (issue 14, algorithm agility): when a hash weakens, an organisation appends to
 * its own core entries that cover a batch of its old entries under a new hash and sign that under
 * its current key. A receipt whose own hash (or signature algorithm) is withdrawn then still
 * stands: the re-anchor shows its bytes existed when the new hash and key were trusted (the
 * archival practice of RFC 4998, Evidence Record Syntax). docs/evidence.md has it byte by byte:
 *
 *   off    len  field
 *   0      2    magic "VA" (0x56 0x41)            (receipts start "VR")
 *   2      1    version 0x01
 *   3      1    hash algorithm of the commitment (0x01 sha-256, 0x02 sha-512, 0x03 sha3-256)
 *   4      8    time, ms since the epoch, unsigned big-endian
 *   12     32   the key of the core whose entries are covered
 *   44     8    start: the first index covered, u64 big-endian
 *   52     8    end: one past the last index covered (start < end), u64 big-endian
 *   60     32   the core's tree hash at length `end` (Hypercore's Merkle root, BLAKE2b-256)
 *   92     H    commitment = H("vouch-reanchor/1" ‖ bytes 0–91 ‖ H(entry start) ‖ … ‖ H(entry end−1))
 *   92+H   1+K  signer: signature algorithm code ‖ public key (as a receipt's parties)
 *   …      64   the signer's signature over every byte before it
 *
 * No DOM, no Node: the ledger (src/ledger) reads the entries and signs through an injected JwsSign.
 */
import { concatBytes } from '@noble/hashes/utils.js';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsSign } from '../jose/jws-crypto.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
  digest,
  hashByCode,
  hashCode,
  hashLength,
  publicKeyLength,
  SIGNATURE_LENGTH,
  signatureByCode,
} from './algorithms.ts';
import type { HashAlgorithm } from './algorithms.ts';
import { checkParty, partyBytes, partyToJwk } from './party.ts';
import type { Party } from './party.ts';
import { MAX_RECEIPT_TIME } from './receipt.ts';
import type { ReceiptVerifier } from './sign.ts';

export const REANCHOR_MAGIC = Object.freeze([0x56, 0x41]);
export const REANCHOR_VERSION = 0x01;
const DOMAIN = utf8ToBytes('vouch-reanchor/1');
const HEADER_LENGTH = 92;
const CORE_KEY_LENGTH = 32;
const TREE_HASH_LENGTH = 32;

export interface Reanchor {
  readonly version: 1;
  readonly hashAlg: HashAlgorithm;
  /** When the re-anchor was made, ms since the epoch. */
  readonly time: number;
  /** The core whose entries [start, end) are covered (32 bytes). */
  readonly coreKey: Uint8Array;
  readonly start: number;
  readonly end: number;
  /** The core's tree hash at length `end` (32 bytes). */
  readonly treeHash: Uint8Array;
  readonly commitment: Uint8Array;
  readonly signer: Party;
  readonly signature: Uint8Array;
}

export type ReanchorFields = Omit<Reanchor, 'version' | 'commitment' | 'signature'>;

/** Does this ledger entry start like a re-anchor entry (rather than a receipt)? */
export function isReanchorEntry(bytes: Uint8Array): boolean {
  return bytes[0] === REANCHOR_MAGIC[0] && bytes[1] === REANCHOR_MAGIC[1];
}

function header(fields: ReanchorFields): Uint8Array {
  const out = new Uint8Array(HEADER_LENGTH);
  const view = new DataView(out.buffer);
  out.set(REANCHOR_MAGIC, 0);
  out[2] = REANCHOR_VERSION;
  out[3] = hashCode(fields.hashAlg);
  view.setBigUint64(4, BigInt(fields.time));
  out.set(fields.coreKey, 12);
  view.setBigUint64(44, BigInt(fields.start));
  view.setBigUint64(52, BigInt(fields.end));
  out.set(fields.treeHash, 60);
  return out;
}

function checkFields(fields: ReanchorFields): void {
  const { time, start, end } = fields;
  if (!Number.isSafeInteger(time) || time < 0 || time > MAX_RECEIPT_TIME) {
    throw new TypeError(`re-anchor: "time" expected ms since the epoch, got ${time}`);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end <= start) {
    throw new TypeError(`re-anchor: expected 0 ≤ start < end, got ${start} and ${end}`);
  }
  if (fields.coreKey.length !== CORE_KEY_LENGTH || fields.treeHash.length !== TREE_HASH_LENGTH) {
    throw new TypeError('re-anchor: the core key and the tree hash have 32 bytes each');
  }
}

/** H("vouch-reanchor/1" ‖ header ‖ H(entry) for each covered entry, in order). */
export function reanchorCommitment(
  fields: ReanchorFields,
  entries: readonly Uint8Array[],
): Uint8Array {
  checkFields(fields);
  if (entries.length !== fields.end - fields.start) {
    throw new TypeError(
      `re-anchor: ${entries.length} entries given for [${fields.start}, ${fields.end})`,
    );
  }
  return digest(
    fields.hashAlg,
    concatBytes(DOMAIN, header(fields), ...entries.map((entry) => digest(fields.hashAlg, entry))),
  );
}

/** The bytes the signer signs: everything before the signature. */
export function reanchorSigningInput(reanchor: Omit<Reanchor, 'signature'>): Uint8Array {
  return concatBytes(header(reanchor), reanchor.commitment, partyBytes(reanchor.signer));
}

export function encodeReanchor(reanchor: Reanchor): Uint8Array {
  if (reanchor.signature.length !== SIGNATURE_LENGTH) {
    throw new TypeError(`encodeReanchor: the signature has ${reanchor.signature.length} bytes`);
  }
  return concatBytes(reanchorSigningInput(reanchor), reanchor.signature);
}

/** A signed re-anchor entry over `entries` (the core's blocks start … end−1). */
export async function makeReanchor(
  fields: ReanchorFields,
  entries: readonly Uint8Array[],
  sign: JwsSign,
): Promise<Reanchor> {
  const unsigned = {
    version: 1 as const,
    ...fields,
    commitment: reanchorCommitment(fields, entries),
  };
  const signature = await sign(reanchorSigningInput(unsigned));
  if (signature.length !== SIGNATURE_LENGTH) {
    throw new TypeError(`re-anchor signer returned ${signature.length} bytes, not 64`);
  }
  return { ...unsigned, signature: signature.slice() };
}

export type ReanchorParse = Result<Reanchor, 'bad-reanchor', { message: string }>;
const bad = (message: string): ReanchorParse => failedWith('bad-reanchor', { message });

/** Strict, like decodeReceipt: every byte accounted for. */
export function decodeReanchor(bytes: Uint8Array): ReanchorParse {
  if (!isReanchorEntry(bytes)) return bad('a re-anchor entry starts with "VA"');
  if (bytes.length < HEADER_LENGTH) return bad(`re-anchor entry has only ${bytes.length} bytes`);
  if (bytes[2] !== REANCHOR_VERSION) return bad(`re-anchor version ${bytes[2]} is not 1`);
  const hashAlg = hashByCode(bytes[3] as number);
  if (!hashAlg) return bad(`hash algorithm code ${bytes[3]} is unknown`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const time = view.getBigUint64(4);
  const start = view.getBigUint64(44);
  const end = view.getBigUint64(52);
  if (time > BigInt(MAX_RECEIPT_TIME)) return bad(`time ${time} is past the year 9999`);
  if (end > BigInt(Number.MAX_SAFE_INTEGER) || start >= end) {
    return bad(`the range [${start}, ${end}) is empty or too large`);
  }
  const H = hashLength(hashAlg);
  let offset = HEADER_LENGTH;
  const commitment = bytes.slice(offset, offset + H);
  offset += H;
  const alg = signatureByCode(bytes[offset] as number);
  if (!alg) return bad(`signer's signature algorithm code ${bytes[offset]} is unknown`);
  offset += 1;
  const keyLength = publicKeyLength(alg);
  if (bytes.length !== offset + keyLength + SIGNATURE_LENGTH) {
    return bad(
      `re-anchor entry has ${bytes.length} bytes, expected ${offset + keyLength + SIGNATURE_LENGTH}`,
    );
  }
  const signer = checkParty(alg, bytes.subarray(offset, offset + keyLength));
  if (!signer.ok) return bad(`signer: ${signer.detail.message}`);
  offset += keyLength;
  return ok({
    version: 1,
    hashAlg,
    time: Number(time),
    coreKey: bytes.slice(12, 44),
    start: Number(start),
    end: Number(end),
    treeHash: bytes.slice(60, 92),
    commitment,
    signer: signer.value,
    signature: bytes.slice(offset),
  });
}

export type ReanchorProblem = 'algorithm-not-allowed' | 'signature-invalid' | 'commitment-mismatch';

/**
 * Checks a re-anchor entry against the entries it covers: its algorithms are allowed, the
 * signature verifies with the signer's key, and the commitment is the one of these entries.
 * (That the tree hash is the core's at `end`, and that the entry is on the core, the ledger checks.)
 */
export async function verifyReanchor(
  reanchor: Reanchor,
  options: {
    readonly entries: readonly Uint8Array[];
    readonly crypto: ReceiptVerifier;
    readonly allowedHashAlgorithms: readonly HashAlgorithm[];
    readonly allowedSignatureAlgorithms: readonly JwsAlgorithm[];
  },
): Promise<Result<Reanchor, ReanchorProblem, { message: string }>> {
  if (!options.allowedHashAlgorithms.includes(reanchor.hashAlg)) {
    return failedWith('algorithm-not-allowed', { message: `${reanchor.hashAlg} is not allowed` });
  }
  if (!options.allowedSignatureAlgorithms.includes(reanchor.signer.alg)) {
    return failedWith('algorithm-not-allowed', {
      message: `${reanchor.signer.alg} is not allowed`,
    });
  }
  const signed = await options.crypto.verify(
    reanchor.signer.alg,
    partyToJwk(reanchor.signer),
    reanchorSigningInput(reanchor),
    reanchor.signature,
  );
  if (!signed) {
    return failedWith('signature-invalid', {
      message: "the re-anchor's signature does not verify",
    });
  }
  const expected = reanchorCommitment(reanchor, options.entries);
  if (!expected.every((byte, i) => byte === reanchor.commitment[i])) {
    return failedWith('commitment-mismatch', {
      message: `the re-anchor's commitment is not the one of entries ${reanchor.start}–${reanchor.end - 1}`,
    });
  }
  return ok(reanchor);
}
