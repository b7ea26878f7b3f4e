/**
 * Application receipts (issue 14, docs/evidence.md §Flows): when the citizen applies to an agency
 * online, the wallet signs the first half of an ACKNOWLEDGE receipt over the presentation with its
 * relationship key for that verifier and sends it beside the answer (`vouch_receipt`); the agency's
 * server, when it accepts the application, checks the half against the presentation it received
 * and countersigns it; the wallet checks the countersigned receipt and keeps it (salt, document
 * hash, both signatures, and the ledger's inclusion proof when the server appended it).
 *
 * - The document is the presentation as the verifier receives it: the `vp_token` parameter, i.e.
 *   the vp_token object as JSON text (`JSON.stringify`, no whitespace), UTF-8.
 * - Sender: the wallet's relationship key for this verifier (ES256K), a hardened child of the
 *   wallet root at m/7467'/0'/v' with v = 2³⁰ + (SHA-256 of the verifier's client_id mod 2³⁰):
 *   the same verifier always gets the same pseudonym (a wallet restored from its 24 words can
 *   still sign for it), two verifiers get unrelated keys, and the range never meets the issuer
 *   relationships (which count up from 0). Never the root.
 * - Recipient: the verifier's key, the DID of the signed request's client_id.
 *
 * The desk's side (countersignApplicationReceipt) is here too, so that `vouch serve` and a
 * browser desk check a half the same way.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { resolveDidKey } from '../did/index.ts';
import { bytesToHex, decodeBase64Url, encodeBase64Url, utf8ToBytes } from '../encoding/index.ts';
import type { JwsCrypto, JwsSign } from '../jose/index.ts';
import { es256kSigner, describeKey, relationshipPath, withPrivateKey } from '../keys/index.ts';
import {
  computeCommitment,
  countersign,
  decodeReceipt,
  encodeReceipt,
  hashDocument,
  inclusionProofSchema,
  makeReceipt,
  partyFromJwk,
  receiptId,
  receiptFromJson,
  receiptRecordFromJson,
  receiptRecordToJson,
  receiptSigningInput,
  receiptToJson,
  SALT_LENGTH,
  sameParty,
  signAsFirst,
  verifyReceipt,
  type InclusionProof,
  type Party,
  type Receipt,
  type ReceiptRecord,
  type ReceiptRecordJson,
  type ReceiptRole,
} from '../evidence/index.ts';
import { failedWith, ok, type Result } from '../result.ts';
import { DEFAULT_MAX_AGE_SECONDS, FUTURE_SKEW_SECONDS } from '../verification/kb-claims.ts';
import type { HolderWallet } from './holder-wallet.ts';
import { seedOf } from './wallet-secret.ts';

export const RECEIPT_PREFIX = 'receipt:';
/** Verifier relationships take the indices 2³⁰ … 2³¹−1 (issuer relationships count from 0). */
export const VERIFIER_RELATIONSHIP_BASE = 2 ** 30;
/** The `vouch_receipt` parameter is refused above this length (a half is about 600 characters). */
export const MAX_RECEIPT_HALF_LENGTH = 4096;

type Problem = { message: string };

/** The hardened relationship index the wallet uses with the verifier of this client_id. */
export function verifierRelationshipIndex(clientId: string): number {
  const hash = sha256(utf8ToBytes(`vouch verifier relationship\n${clientId}`));
  const value = new DataView(hash.buffer, hash.byteOffset, 4).getUint32(0);
  return VERIFIER_RELATIONSHIP_BASE + (value % VERIFIER_RELATIONSHIP_BASE);
}

/** The document an application receipt is about: the vp_token as the verifier receives it. */
export function applicationDocument(
  vpToken: Readonly<Record<string, readonly string[]>>,
): Uint8Array {
  return utf8ToBytes(JSON.stringify(vpToken));
}

/** The party of a `did:key` (ES256, EdDSA or ES256K), or undefined for another DID. */
export function partyOfDid(did: string): Party | undefined {
  const jwk = resolveDidKey(did);
  if (!jwk.ok) return undefined;
  try {
    return partyFromJwk(jwk.value);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The wire: the wallet's half (the `vouch_receipt` parameter) and the desk's answer.

const answerSchema = z.strictObject({
  type: z.literal('vouch-receipt-answer'),
  receipt: z.record(z.string(), z.unknown()),
  inclusion: inclusionProofSchema.optional(),
});

const B64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The wallet's half, compact: `<receipt>.<salt>`, each unpadded base64url, the receipt in its
 * binary form (docs/evidence.md; one signature: about 210 bytes) and the 32-byte salt (the desk
 * needs it to open the commitment). About 330 characters: it fits beside a QR answer.
 */
export function encodeReceiptHalf(half: { receipt: Receipt; salt: Uint8Array }): string {
  return `${encodeBase64Url(encodeReceipt(half.receipt))}.${encodeBase64Url(half.salt)}`;
}

export type ReceiptWireProblem = 'bad-receipt-half' | 'bad-receipt-answer' | 'bad-receipt-text';

/** Reads a half (`vouch_receipt`, or `vouch.receipt` of a QR answer); strict. */
export function readReceiptHalf(
  text: string,
): Result<{ receipt: Receipt; salt: Uint8Array }, 'bad-receipt-half', Problem> {
  const bad = (message: string) => failedWith('bad-receipt-half' as const, { message });
  if (typeof text !== 'string' || text.length > MAX_RECEIPT_HALF_LENGTH) {
    return bad(`the receipt half is not text of at most ${MAX_RECEIPT_HALF_LENGTH} characters`);
  }
  const [receiptText, saltText, ...rest] = text.split('.');
  if (rest.length > 0 || !receiptText || !saltText || !B64URL.test(receiptText + saltText)) {
    return bad('the receipt half is not <receipt>.<salt> in base64url');
  }
  const bytes = decodeBase64Url(receiptText);
  if (!bytes.ok) return bad(`the receipt half's receipt: ${bytes.detail.message}`);
  const receipt = decodeReceipt(bytes.value);
  if (!receipt.ok) return bad(`the receipt half's receipt: ${receipt.detail.message}`);
  const salt = decodeBase64Url(saltText);
  if (!salt.ok || salt.value.length !== SALT_LENGTH) {
    return bad("the receipt half's salt is not 32 bytes");
  }
  return ok({ receipt: receipt.value, salt: salt.value });
}

/** The prefix of a countersigned receipt shown as text or QR code (offline answers). */
export const RECEIPT_TEXT_PREFIX = 'vouch-receipt:';
/** Receipts in one receipt text: an application's one, or an issuance's ISSUE and RECEIVE. */
export const MAX_RECEIPTS_PER_TEXT = 2;

/**
 * Countersigned receipts as text for one QR code: `vouch-receipt:<binary, base64url>`, several
 * joined by `.` (an issuance's pair: about 650 characters, still one frame).
 */
export function encodeReceiptText(receipts: Receipt | readonly Receipt[]): string {
  const list = Array.isArray(receipts) ? receipts : [receipts as Receipt];
  return `${RECEIPT_TEXT_PREFIX}${list.map((r) => encodeBase64Url(encodeReceipt(r))).join('.')}`;
}

/** Reads a `vouch-receipt:…` text: one or two receipts; strict and size-capped. */
export function readReceiptTexts(text: string): Result<Receipt[], 'bad-receipt-text', Problem> {
  const bad = (message: string) => failedWith('bad-receipt-text' as const, { message });
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (!trimmed.startsWith(RECEIPT_TEXT_PREFIX) || trimmed.length > MAX_RECEIPT_HALF_LENGTH) {
    return bad(`expected ${RECEIPT_TEXT_PREFIX}<receipt>`);
  }
  const parts = trimmed.slice(RECEIPT_TEXT_PREFIX.length).split('.');
  if (parts.length > MAX_RECEIPTS_PER_TEXT) {
    return bad(`at most ${MAX_RECEIPTS_PER_TEXT} receipts in one text`);
  }
  const receipts: Receipt[] = [];
  for (const part of parts) {
    if (!part || !B64URL.test(part)) return bad('a receipt is not base64url');
    const bytes = decodeBase64Url(part);
    if (!bytes.ok) return bad(bytes.detail.message);
    const receipt = decodeReceipt(bytes.value);
    if (!receipt.ok) return bad(receipt.detail.message);
    receipts.push(receipt.value);
  }
  return ok(receipts);
}

export function readReceiptText(text: string): Result<Receipt, 'bad-receipt-text', Problem> {
  const read = readReceiptTexts(text);
  if (!read.ok) return read;
  const [only, ...rest] = read.value;
  return only && rest.length === 0
    ? ok(only)
    : failedWith('bad-receipt-text', { message: 'expected one receipt' });
}

/** The desk's answer member: the countersigned receipt, and where the ledger holds it. */
export function encodeReceiptAnswer(answer: {
  receipt: Receipt;
  inclusion?: InclusionProof;
}): Record<string, unknown> {
  return {
    type: 'vouch-receipt-answer',
    receipt: receiptToJson(answer.receipt),
    ...(answer.inclusion === undefined ? {} : { inclusion: answer.inclusion }),
  };
}

export function readReceiptAnswer(
  value: unknown,
): Result<{ receipt: Receipt; inclusion?: InclusionProof }, 'bad-receipt-answer', Problem> {
  const parsed = answerSchema.safeParse(value);
  if (!parsed.success) {
    return failedWith('bad-receipt-answer', {
      message: `vouch_receipt: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    });
  }
  const receipt = receiptFromJson(parsed.data.receipt, 'vouch_receipt.receipt');
  if (!receipt.ok) return failedWith('bad-receipt-answer', receipt.detail);
  return ok({
    receipt: receipt.value,
    ...(parsed.data.inclusion === undefined ? {} : { inclusion: parsed.data.inclusion }),
  });
}

// ---------------------------------------------------------------------------------------------
// The desk's side.

export type CountersignHalfProblem =
  | 'bad-receipt-half'
  | 'wrong-action'
  | 'not-for-this-desk'
  | 'wallet-not-es256k'
  | 'time-not-fresh'
  | 'commitment-mismatch'
  | 'wallet-signature-invalid';

/**
 * The desk's side of any receipt the wallet signed first: checks the half (the expected action,
 * this desk's key in the desk's role, the wallet's ES256K key in the other, a fresh time, a
 * commitment that opens to the salt, H(document) the desk computed itself and the two parties,
 * the wallet's signature) and countersigns it. Returns the double-signed receipt and the opening
 * the desk keeps.
 */
export async function countersignReceiptHalf(options: {
  half: string;
  action: Receipt['action'];
  /**
   * The document as the desk has it (the desk never takes the wallet's word for its hash), or the
   * SHA-256 hash the desk kept of it (an offline issuance: the desk's note of what it issued).
   */
  document: Uint8Array | { sha256: Uint8Array };
  desk: { did: string; sign: JwsSign };
  deskRole: ReceiptRole;
  crypto: Pick<JwsCrypto, 'verify'>;
  now: Date;
  /** How old the wallet's half may be (default: a key binding JWT's 300 s). */
  maxAgeSeconds?: number;
  /** The half may not be older than this (an issuance: when the desk issued). */
  notBefore?: Date;
}): Promise<Result<ReceiptRecord, CountersignHalfProblem, Problem>> {
  const fail = (reason: CountersignHalfProblem, message: string) => failedWith(reason, { message });
  const read = readReceiptHalf(options.half);
  if (!read.ok) return read;
  const { receipt, salt } = read.value;
  const walletRole = options.deskRole === 'sender' ? 'recipient' : 'sender';
  if (receipt.action !== options.action) {
    return fail('wrong-action', `expected a ${options.action} receipt, got ${receipt.action}`);
  }
  const desk = partyOfDid(options.desk.did);
  if (!desk || !sameParty(desk, receipt[options.deskRole])) {
    return fail('not-for-this-desk', `the receipt's ${options.deskRole} is not this desk's key`);
  }
  if (receipt[walletRole].alg !== 'ES256K') {
    return fail('wallet-not-es256k', 'the wallet signs with its ES256K relationship key');
  }
  // The same window as a key binding JWT's iat: made at most this long ago, not in the future.
  const age = options.now.getTime() - receipt.time;
  const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  const early = options.notBefore !== undefined && receipt.time < options.notBefore.getTime();
  if (age > maxAge * 1000 || age < -FUTURE_SKEW_SECONDS * 1000 || early) {
    return fail(
      'time-not-fresh',
      `the receipt's time ${new Date(receipt.time).toISOString()} is not now`,
    );
  }
  const given = options.document;
  if (!(given instanceof Uint8Array) && receipt.hashAlg !== 'sha-256') {
    return fail('commitment-mismatch', 'the desk kept a SHA-256 hash of the document');
  }
  const documentHash =
    given instanceof Uint8Array ? hashDocument(receipt.hashAlg, given) : given.sha256;
  const commitment = computeCommitment({
    hashAlg: receipt.hashAlg,
    salt,
    documentHash,
    sender: receipt.sender,
    recipient: receipt.recipient,
  });
  if (bytesToHex(commitment) !== bytesToHex(receipt.commitment)) {
    return fail('commitment-mismatch', 'the commitment does not open to the document the desk has');
  }
  const signed = await countersign({
    receipt,
    as: options.deskRole,
    sign: options.desk.sign,
    crypto: options.crypto,
  });
  if (!signed.ok) return fail('wallet-signature-invalid', signed.detail.message);
  return ok({ receipt: signed.value, opening: { salt, documentHash } });
}

/**
 * The agency accepts an application: an ACKNOWLEDGE receipt over the vp_token it received, the
 * wallet the sender, the desk the recipient (countersignReceiptHalf).
 */
export function countersignApplicationReceipt(options: {
  half: string;
  vpToken: Readonly<Record<string, readonly string[]>>;
  desk: { did: string; sign: JwsSign };
  crypto: Pick<JwsCrypto, 'verify'>;
  now: Date;
}): Promise<Result<ReceiptRecord, CountersignHalfProblem, Problem>> {
  return countersignReceiptHalf({
    half: options.half,
    action: 'ACKNOWLEDGE',
    document: applicationDocument(options.vpToken),
    desk: options.desk,
    deskRole: 'recipient',
    crypto: options.crypto,
    now: options.now,
  });
}

// ---------------------------------------------------------------------------------------------
// The wallet's side.

/** What the wallet holds between sending its half and reading the desk's answer. */
export interface PendingReceipt {
  readonly kind: ReceiptKind;
  readonly receipt: Receipt;
  /** The role the wallet signed as (the sender of an application, the recipient of a credential). */
  readonly walletRole: ReceiptRole;
  readonly salt: Uint8Array;
  readonly documentHash: Uint8Array;
  readonly relationshipIndex: number;
  readonly counterpartyId: string;
  readonly counterpartyName: string;
  readonly purpose?: string;
}

/** Why the wallet holds a receipt: it applied to an agency, or an issuer gave it a credential. */
export type ReceiptKind = 'application' | 'issuance';

/**
 * Makes a receipt between the wallet's relationship key `relationshipIndex` (in `walletRole`) and
 * the desk, and signs it first with that key, lent for the one signature and wiped.
 */
async function signWalletHalf(
  wallet: HolderWallet,
  options: {
    kind: ReceiptKind;
    action: Receipt['action'];
    relationshipIndex: number;
    walletRole: ReceiptRole;
    desk: Party;
    document: Uint8Array;
    counterpartyId: string;
    counterpartyName: string;
    purpose?: string;
    now: Date;
    randomBytes: (n: number) => Uint8Array;
  },
): Promise<{ pending: PendingReceipt; half: string }> {
  const path = relationshipPath(options.relationshipIndex);
  const signed = await wallet.vault.withSecret(async (secret) => {
    const seed = seedOf(secret);
    const walletParty: Party = {
      alg: 'ES256K',
      key: hexToBytes(describeKey(seed, path).publicKeyHex),
    };
    const made = makeReceipt({
      action: options.action,
      time: options.now.getTime(),
      document: options.document,
      sender: options.walletRole === 'sender' ? walletParty : options.desk,
      recipient: options.walletRole === 'sender' ? options.desk : walletParty,
      randomBytes: options.randomBytes,
    });
    const receipt = await withPrivateKey(seed, path, async (privateKey) => {
      const signer = es256kSigner(privateKey);
      try {
        return await signAsFirst({ receipt: made.receipt, as: options.walletRole, sign: signer });
      } finally {
        signer.wipe();
      }
    });
    return { receipt, opening: made.opening };
  });
  return {
    pending: {
      kind: options.kind,
      receipt: signed.receipt,
      walletRole: options.walletRole,
      salt: signed.opening.salt,
      documentHash: signed.opening.documentHash,
      relationshipIndex: options.relationshipIndex,
      counterpartyId: options.counterpartyId,
      counterpartyName: options.counterpartyName,
      ...(options.purpose === undefined ? {} : { purpose: options.purpose }),
    },
    half: encodeReceiptHalf({ receipt: signed.receipt, salt: signed.opening.salt }),
  };
}

/**
 * The wallet's half of an application receipt, for a request signed by a did:key verifier (for
 * any other verifier: undefined, no receipt is offered).
 */
export async function startApplicationReceipt(
  wallet: HolderWallet,
  options: {
    request: { clientId: string; verified: boolean; verifierDid?: string };
    verifierName: string;
    purpose?: string;
    vpToken: Readonly<Record<string, readonly string[]>>;
    now: Date;
    randomBytes: (n: number) => Uint8Array;
  },
): Promise<{ pending: PendingReceipt; half: string } | undefined> {
  const { request } = options;
  if (!request.verified || request.verifierDid === undefined) return undefined;
  const desk = partyOfDid(request.verifierDid);
  if (!desk) return undefined;
  return signWalletHalf(wallet, {
    kind: 'application',
    action: 'ACKNOWLEDGE',
    relationshipIndex: verifierRelationshipIndex(request.clientId),
    walletRole: 'sender',
    desk,
    document: applicationDocument(options.vpToken),
    counterpartyId: request.clientId,
    counterpartyName: options.verifierName,
    ...(options.purpose === undefined ? {} : { purpose: options.purpose }),
    now: options.now,
    randomBytes: options.randomBytes,
  });
}

/**
 * The document of an issuance receipt: the issuer-signed JWTs of the credential's copies (an
 * SD-JWT VC up to its first `~`; the disclosures' digests are inside it), as a JSON array, UTF-8.
 */
export function issuanceDocument(issuerJwts: readonly string[]): Uint8Array {
  return utf8ToBytes(JSON.stringify(issuerJwts));
}

/** The issuer-signed JWT of a stored credential or copy (an SD-JWT VC or a VC-JWT). */
export function issuerJwtOf(compact: string): string {
  return compact.split('~')[0] ?? compact;
}

/**
 * The wallet's halves of the ISSUE/RECEIVE pair for a credential it received from `issuer` through
 * relationship `relationshipIndex`: the issuer the sender, the wallet's relationship key the
 * recipient, one fresh salt each; the wallet signs both first (it knows what it received), the
 * issuer countersigns both.
 */
export async function startIssuanceReceipts(
  wallet: HolderWallet,
  options: {
    issuerDid: string;
    issuerName: string;
    relationshipIndex: number;
    issuerJwts: readonly string[];
    now: Date;
    randomBytes: (n: number) => Uint8Array;
  },
): Promise<{ pending: PendingReceipt; half: string }[] | undefined> {
  const desk = partyOfDid(options.issuerDid);
  if (!desk || options.issuerJwts.length === 0) return undefined;
  const document = issuanceDocument(options.issuerJwts);
  const halves = [];
  for (const action of ['ISSUE', 'RECEIVE'] as const) {
    halves.push(
      await signWalletHalf(wallet, {
        kind: 'issuance',
        action,
        relationshipIndex: options.relationshipIndex,
        walletRole: 'recipient',
        desk,
        document,
        counterpartyId: options.issuerDid,
        counterpartyName: options.issuerName,
        now: options.now,
        randomBytes: options.randomBytes,
      }),
    );
  }
  return halves;
}

const storedReceiptSchema = z.object({
  id: z.string(),
  at: z.string(),
  /** Applied to an agency (ACKNOWLEDGE), or received a credential (ISSUE and RECEIVE). */
  kind: z.enum(['application', 'issuance']),
  counterpartyId: z.string(),
  counterpartyName: z.string(),
  purpose: z.string().optional(),
  relationshipIndex: z.number().int().min(0),
  record: z.custom<ReceiptRecordJson>((value) => receiptRecordFromJson(value).ok),
});
export type StoredReceipt = z.infer<typeof storedReceiptSchema>;

export type FinishReceiptProblem =
  | 'bad-receipt-answer'
  | 'bad-receipt-text'
  | 'no-pending-receipt'
  | 'not-our-receipt'
  | 'receipt-invalid';

type FinishDeps = { crypto: Pick<JwsCrypto, 'verify'>; randomBytes: (n: number) => Uint8Array };

/**
 * Reads the desk's answer (for an application, the `vouch_receipt` member of its JSON answer),
 * checks it is the receipt the wallet signed, now signed by the desk too and opening to the
 * document, and keeps it in the vault.
 */
export async function finishReceipt(
  wallet: HolderWallet,
  pending: PendingReceipt,
  answer: unknown,
  deps: FinishDeps,
): Promise<Result<StoredReceipt, FinishReceiptProblem, Problem>> {
  const read = readReceiptAnswer(answer);
  if (!read.ok) return read;
  return keepCountersigned(wallet, pending, read.value, deps);
}

async function keepCountersigned(
  wallet: HolderWallet,
  pending: PendingReceipt,
  answer: { receipt: Receipt; inclusion?: InclusionProof },
  deps: FinishDeps,
): Promise<Result<StoredReceipt, FinishReceiptProblem, Problem>> {
  const checked = await checkCountersigned(pending, answer, deps);
  if (!checked.ok) return checked;
  await wallet.vault.writeRecords([
    { id: `${RECEIPT_PREFIX}${checked.value.id}`, value: checked.value },
  ]);
  return checked;
}

/** Is `answer` the receipt the wallet signed, now signed by the desk and opening? The record to keep. */
async function checkCountersigned(
  pending: PendingReceipt,
  answer: { receipt: Receipt; inclusion?: InclusionProof },
  deps: FinishDeps,
): Promise<Result<StoredReceipt, FinishReceiptProblem, Problem>> {
  const { receipt } = answer;
  const sameBytes =
    bytesToHex(receiptSigningInput(receipt)) === bytesToHex(receiptSigningInput(pending.receipt));
  const ourSignature = pending.receipt.signatures[pending.walletRole];
  const theirs = receipt.signatures[pending.walletRole];
  if (!sameBytes || !ourSignature || !theirs || bytesToHex(theirs) !== bytesToHex(ourSignature)) {
    return failedWith('not-our-receipt', {
      message: 'the desk answered with another receipt than the one the wallet signed',
    });
  }
  const opening = { salt: pending.salt, documentHash: pending.documentHash };
  const verified = await verifyReceipt(receipt, { crypto: deps.crypto, opening });
  if (!verified.valid || verified.level < 2) {
    const failed = verified.checks.find((check) => !check.ok);
    return failedWith('receipt-invalid', {
      message: failed ? `${failed.name}: ${failed.message}` : 'the receipt does not verify',
    });
  }
  const record: ReceiptRecord = {
    receipt,
    opening,
    ...(answer.inclusion === undefined ? {} : { inclusion: answer.inclusion }),
  };
  const at = new Date(receipt.time).toISOString();
  return ok({
    id: `${at.replace(/\D/g, '')}-${bytesToHex(deps.randomBytes(4))}`,
    at,
    kind: pending.kind,
    counterpartyId: pending.counterpartyId,
    counterpartyName: pending.counterpartyName,
    ...(pending.purpose === undefined ? {} : { purpose: pending.purpose }),
    relationshipIndex: pending.relationshipIndex,
    record: receiptRecordToJson(record),
  });
}

// ---------------------------------------------------------------------------------------------
// Offline: the half rides in the QR answer; the desk shows the countersigned receipt as a QR
// code (`vouch-receipt:…`) that the wallet scans later, so the wallet keeps its half meanwhile.

export const PENDING_RECEIPT_PREFIX = 'receipt-pending:';

const pendingSchema = z.object({
  kind: z.enum(['application', 'issuance']),
  walletRole: z.enum(['sender', 'recipient']),
  receipt: z.string().regex(B64URL),
  salt: z.string().regex(B64URL),
  documentHash: z.string().regex(B64URL),
  relationshipIndex: z.number().int().min(0),
  counterpartyId: z.string(),
  counterpartyName: z.string(),
  purpose: z.string().optional(),
  createdAt: z.string(),
});

/** Keeps the wallet's half until the desk's receipt is scanned (keyed by the commitment). */
export async function keepPendingReceipt(
  wallet: HolderWallet,
  pending: PendingReceipt,
  now: Date,
): Promise<void> {
  await keepPendingReceipts(wallet, [pending], now);
}

/** Keeps several halves in one transaction (an issuance's ISSUE and RECEIVE). */
export async function keepPendingReceipts(
  wallet: HolderWallet,
  pendings: readonly PendingReceipt[],
  now: Date,
): Promise<void> {
  await wallet.vault.writeRecords(
    pendings.map((pending) => ({
      id: `${PENDING_RECEIPT_PREFIX}${receiptId(pending.receipt)}`,
      value: pendingValue(pending, now),
    })),
  );
}

function pendingValue(pending: PendingReceipt, now: Date): z.infer<typeof pendingSchema> {
  return {
    kind: pending.kind,
    walletRole: pending.walletRole,
    receipt: encodeBase64Url(encodeReceipt(pending.receipt)),
    salt: encodeBase64Url(pending.salt),
    documentHash: encodeBase64Url(pending.documentHash),
    relationshipIndex: pending.relationshipIndex,
    counterpartyId: pending.counterpartyId,
    counterpartyName: pending.counterpartyName,
    ...(pending.purpose === undefined ? {} : { purpose: pending.purpose }),
    createdAt: now.toISOString(),
  };
}

/**
 * Offline issuance (wallet → issuer desk): the wallet's halves of the ISSUE/RECEIVE pair and the
 * SHA-256 of the document (the issuer JWTs), by which the desk finds what it issued:
 * `vouch-receipt-halves:<ISSUE half>~<RECEIVE half>~<SHA-256, base64url>` (about 620 characters).
 */
export const RECEIPT_HALVES_PREFIX = 'vouch-receipt-halves:';
/**
 * An offline issuance's halves may be this old when the desk scans them: the wallet signs them
 * when it saves the credential, and the citizen shows them at the desk soon after.
 */
export const ISSUANCE_HALF_MAX_AGE_SECONDS = 3600;

export function encodeIssuanceHalvesText(options: {
  halves: readonly [string, string];
  documentHash: Uint8Array;
}): string {
  const [issue, receive] = options.halves;
  return `${RECEIPT_HALVES_PREFIX}${issue}~${receive}~${encodeBase64Url(options.documentHash)}`;
}

export function readIssuanceHalvesText(
  text: string,
): Result<{ halves: [string, string]; documentHash: Uint8Array }, 'bad-receipt-text', Problem> {
  const bad = (message: string) => failedWith('bad-receipt-text' as const, { message });
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (!trimmed.startsWith(RECEIPT_HALVES_PREFIX) || trimmed.length > MAX_RECEIPT_HALF_LENGTH) {
    return bad(`expected ${RECEIPT_HALVES_PREFIX}<ISSUE half>~<RECEIVE half>~<document hash>`);
  }
  const [issue, receive, hash, ...rest] = trimmed.slice(RECEIPT_HALVES_PREFIX.length).split('~');
  const documentHash = hash && B64URL.test(hash) ? decodeBase64Url(hash) : undefined;
  if (rest.length > 0 || !issue || !receive || !documentHash?.ok) {
    return bad('expected two receipt halves and a document hash');
  }
  if (documentHash.value.length !== 32) return bad('the document hash is not 32 bytes');
  for (const half of [issue, receive]) {
    const read = readReceiptHalf(half);
    if (!read.ok) return bad(read.detail.message);
  }
  return ok({ halves: [issue, receive], documentHash: documentHash.value });
}

/**
 * After the wallet saved a credential from an offline offer of a did:key desk: its halves of the
 * ISSUE/RECEIVE pair, kept pending (one transaction) until the desk's receipt text is scanned,
 * and the text to show the desk. Undefined when the issuer is not a did:key (no receipt).
 */
export async function startOfflineIssuanceReceipts(
  wallet: HolderWallet,
  options: Parameters<typeof startIssuanceReceipts>[1],
): Promise<string | undefined> {
  const started = await startIssuanceReceipts(wallet, options);
  const [issue, receive] = started ?? [];
  if (!issue || !receive) return undefined;
  await keepPendingReceipts(wallet, [issue.pending, receive.pending], options.now);
  return encodeIssuanceHalvesText({
    halves: [issue.half, receive.half],
    documentHash: issue.pending.documentHash,
  });
}

async function readPending(
  wallet: HolderWallet,
  pendingId: string,
): Promise<PendingReceipt | undefined> {
  const stored = await wallet.vault.readRecord(pendingId, pendingSchema);
  if (!stored.ok || !stored.value) return undefined;
  const value = stored.value;
  const receipt = decodeBase64Url(value.receipt);
  const salt = decodeBase64Url(value.salt);
  const documentHash = decodeBase64Url(value.documentHash);
  const decoded = receipt.ok ? decodeReceipt(receipt.value) : undefined;
  if (!decoded?.ok || !salt.ok || !documentHash.ok) return undefined;
  return {
    kind: value.kind,
    walletRole: value.walletRole,
    receipt: decoded.value,
    salt: salt.value,
    documentHash: documentHash.value,
    relationshipIndex: value.relationshipIndex,
    counterpartyId: value.counterpartyId,
    counterpartyName: value.counterpartyName,
    ...(value.purpose === undefined ? {} : { purpose: value.purpose }),
  };
}

/**
 * A scanned or pasted `vouch-receipt:…` text: the desk's countersigned receipts (one for an
 * application, ISSUE and RECEIVE for a credential) for halves this wallet keeps; each checked like
 * an online answer. All are kept and their halves dropped in one transaction, or nothing changes.
 */
export async function completeReceiptFromText(
  wallet: HolderWallet,
  text: string,
  deps: FinishDeps,
): Promise<Result<StoredReceipt[], FinishReceiptProblem, Problem>> {
  const read = readReceiptTexts(text);
  if (!read.ok) return read;
  const kept: StoredReceipt[] = [];
  const pendingIds: string[] = [];
  for (const receipt of read.value) {
    const pendingId = `${PENDING_RECEIPT_PREFIX}${receiptId(receipt)}`;
    const pending = pendingIds.includes(pendingId)
      ? undefined
      : await readPending(wallet, pendingId);
    if (!pending) {
      return failedWith('no-pending-receipt', {
        message: 'this wallet holds no half of this receipt (another wallet, or kept already)',
      });
    }
    const checked = await checkCountersigned(pending, { receipt }, deps);
    if (!checked.ok) return checked;
    kept.push(checked.value);
    pendingIds.push(pendingId);
  }
  await wallet.vault.writeRecords([
    ...kept.map((stored) => ({ id: `${RECEIPT_PREFIX}${stored.id}`, value: stored })),
    ...pendingIds.map((id) => ({ delete: id })),
  ]);
  return ok(kept);
}

/**
 * The issuance halves still waiting for their desk and young enough for it to accept, newest
 * first: each ISSUE/RECEIVE pair as the text to show the desk again (History).
 */
export async function listWaitingIssuanceTexts(
  wallet: HolderWallet,
  now: Date,
): Promise<{ party: string; at: string; text: string }[]> {
  const pairs = new Map<string, { party: string; at: string; issue?: string; receive?: string }>();
  for (const id of await wallet.vault.listRecordIds(PENDING_RECEIPT_PREFIX)) {
    const read = await wallet.vault.readRecord(id, pendingSchema);
    if (!read.ok || !read.value || read.value.kind !== 'issuance') continue;
    const value = read.value;
    const age = now.getTime() - Date.parse(value.createdAt);
    if (!(age <= ISSUANCE_HALF_MAX_AGE_SECONDS * 1000)) continue;
    const key = `${value.counterpartyId} ${value.documentHash}`;
    const pair = pairs.get(key) ?? { party: value.counterpartyName, at: value.createdAt };
    const half = `${value.receipt}.${value.salt}`;
    const receipt = decodeBase64Url(value.receipt);
    const decoded = receipt.ok ? decodeReceipt(receipt.value) : undefined;
    if (decoded?.ok && decoded.value.action === 'ISSUE') pair.issue = half;
    else if (decoded?.ok && decoded.value.action === 'RECEIVE') pair.receive = half;
    pairs.set(key, pair);
  }
  const waiting: { party: string; at: string; text: string }[] = [];
  for (const [key, pair] of pairs) {
    const hash = decodeBase64Url(key.split(' ')[1] ?? '');
    if (!pair.issue || !pair.receive || !hash.ok) continue;
    waiting.push({
      party: pair.party,
      at: pair.at,
      text: encodeIssuanceHalvesText({
        halves: [pair.issue, pair.receive],
        documentHash: hash.value,
      }),
    });
  }
  return waiting.sort((a, b) => b.at.localeCompare(a.at));
}

/** The wallet's receipts, newest first (an unreadable record is skipped). */
export async function listReceipts(wallet: HolderWallet): Promise<StoredReceipt[]> {
  const ids = await wallet.vault.listRecordIds(RECEIPT_PREFIX);
  const receipts: StoredReceipt[] = [];
  for (const id of ids) {
    const read = await wallet.vault.readRecord(id, storedReceiptSchema);
    if (read.ok && read.value) receipts.push(read.value);
  }
  return receipts.sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * The proof file of one receipt: the `vouch-receipt-record` (receipt, salt, document hash,
 * inclusion proof when known) that `vouch evidence verify --receipt <file>` checks. It names no
 * one: only keys and hashes.
 */
export function receiptProofFile(stored: StoredReceipt): string {
  return `${JSON.stringify(stored.record, null, 2)}\n`;
}

/** Every receipt with what the citizen sees of it (to whom, when, why), as one JSON document. */
export async function exportReceipts(wallet: HolderWallet, now: Date): Promise<string> {
  return JSON.stringify(
    {
      format: 'vouch-receipts',
      v: 1,
      exportedAt: now.toISOString(),
      receipts: await listReceipts(wallet),
    },
    null,
    2,
  );
}
