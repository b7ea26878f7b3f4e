/**
 * The desks' side of offline receipts (issue 14, docs/evidence.md §Flows 2 and 3), for the
 * verifier desk and the issuer desk alike (both keep a keyed vault, core/desk):
 *
 * - The verifier desk countersigns the wallet's half that came in a QR answer it found VALID
 *   (`countersignApplicationOnDesk`); the issuer desk countersigns the ISSUE/RECEIVE halves a
 *   wallet shows after saving a credential from its offline offer, checked against its own note
 *   of what it issued (`rememberIssuedDocument`, `countersignIssuanceOnDesk`).
 * - Each desk keeps its copy of every receipt it countersigned (encrypted vault records
 *   `desk-receipt:…`): when, the action, the wallet's relationship key fingerprint (no personal
 *   data), and the `vouch-receipt-record` (receipt, salt, H(document)) that `vouch evidence verify`
 *   checks; `exportDeskReceipts` writes them all.
 * - The verifier desk's "Give signed receipts" setting (on unless switched off).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { bytesToHex } from '../encoding/index.ts';
import {
  receiptId,
  receiptRecordFromJson,
  receiptRecordToJson,
  type Party,
  type ReceiptRecord,
  type ReceiptRecordJson,
} from '../evidence/index.ts';
import {
  countersignApplicationReceipt,
  countersignReceiptHalf,
  encodeReceiptText,
  issuanceDocument,
  ISSUANCE_HALF_MAX_AGE_SECONDS,
  issuerJwtOf,
  readIssuanceHalvesText,
  readReceiptHalf,
  type CountersignHalfProblem,
} from '../holder/receipts.ts';
import type { JwsCrypto } from '../jose/index.ts';
import { failedWith, ok, type Result } from '../result.ts';
import { FUTURE_SKEW_SECONDS } from '../verification/kb-claims.ts';
import type { UnlockedVault } from '../vault/index.ts';
import { withVaultSigner } from './keyed-vault.ts';

export const DESK_RECEIPT_PREFIX = 'desk-receipt:';
export const ISSUED_DOCUMENT_PREFIX = 'issued-document:';
export const RECEIPT_SETTINGS_ID = 'receipt-settings';
export { ISSUANCE_HALF_MAX_AGE_SECONDS };

type Problem = { message: string };

const deskReceiptSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['application', 'issuance']),
  action: z.enum(['ISSUE', 'RECEIVE', 'PRESENT', 'ACKNOWLEDGE']),
  /** The wallet's relationship key, as a short fingerprint: whom, without personal data. */
  wallet: z.string(),
  record: z.custom<ReceiptRecordJson>((value) => receiptRecordFromJson(value).ok),
});
export type DeskReceipt = z.infer<typeof deskReceiptSchema>;

/** The wallet's relationship key as 16 hex digits in groups of 4 (SHA-256 of its compact key). */
export function walletFingerprint(party: Party): string {
  const hex = bytesToHex(sha256(party.key).slice(0, 8));
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

function deskCopy(
  kind: DeskReceipt['kind'],
  record: ReceiptRecord,
  walletRole: 'sender' | 'recipient',
): DeskReceipt {
  return {
    id: receiptId(record.receipt),
    at: new Date(record.receipt.time).toISOString(),
    kind,
    action: record.receipt.action,
    wallet: walletFingerprint(record.receipt[walletRole]),
    record: receiptRecordToJson(record),
  };
}

/** The desk's copies, newest first (an unreadable record is skipped). */
export async function listDeskReceipts(vault: UnlockedVault): Promise<DeskReceipt[]> {
  const ids = await vault.listRecordIds(DESK_RECEIPT_PREFIX);
  const receipts: DeskReceipt[] = [];
  for (const id of ids) {
    const read = await vault.readRecord(id, deskReceiptSchema);
    if (read.ok && read.value) receipts.push(read.value);
  }
  return receipts.sort((a, b) => b.at.localeCompare(a.at) || a.action.localeCompare(b.action));
}

/**
 * Every copy as one JSON document: per receipt when, the action, the wallet's fingerprint, and the
 * `vouch-receipt-record` (`vouch evidence verify --receipt` checks one saved on its own).
 */
export async function exportDeskReceipts(vault: UnlockedVault, now: Date): Promise<string> {
  return JSON.stringify(
    {
      format: 'vouch-desk-receipts',
      v: 1,
      exportedAt: now.toISOString(),
      receipts: await listDeskReceipts(vault),
    },
    null,
    2,
  );
}

const settingsSchema = z.object({ give: z.boolean() });

/** "Give signed receipts": on unless the clerk switched it off. */
export async function readGiveReceipts(vault: UnlockedVault): Promise<boolean> {
  const read = await vault.readRecord(RECEIPT_SETTINGS_ID, settingsSchema);
  return read.ok && read.value ? read.value.give : true;
}

export async function saveGiveReceipts(vault: UnlockedVault, give: boolean): Promise<void> {
  await vault.writeRecords([{ id: RECEIPT_SETTINGS_ID, value: { give } }]);
}

export type DeskReceiptProblem = CountersignHalfProblem | 'bad-receipt-text' | 'not-issued-here';

export interface Countersigned {
  readonly copies: readonly DeskReceipt[];
  /** `vouch-receipt:…`: for the receipt QR code the wallet scans. */
  readonly text: string;
}

/**
 * The verifier desk accepted an application (its check of the QR answer was VALID) and the answer
 * carried the wallet's half: countersign it with the desk's key (lent for this call), keep the
 * copy, and give the receipt text. A bad half changes nothing.
 */
export async function countersignApplicationOnDesk(
  vault: UnlockedVault,
  deps: { jws: JwsCrypto },
  options: {
    half: string;
    vpToken: Readonly<Record<string, readonly string[]>>;
    now: Date;
  },
): Promise<Result<Countersigned, DeskReceiptProblem, Problem>> {
  const signed = await withVaultSigner(vault, deps.jws, (desk) =>
    countersignApplicationReceipt({
      half: options.half,
      vpToken: options.vpToken,
      desk,
      crypto: deps.jws,
      now: options.now,
    }),
  );
  if (!signed.ok) return signed;
  const copy = deskCopy('application', signed.value, 'sender');
  await vault.writeRecords([{ id: `${DESK_RECEIPT_PREFIX}${copy.id}`, value: copy }]);
  return ok({ copies: [copy], text: encodeReceiptText(signed.value.receipt) });
}

const issuedDocumentSchema = z.object({ issuedId: z.string(), issuedAt: z.string() });

/**
 * The issuer desk's note of what it issued, for offline issuance receipts: the SHA-256 of the
 * issuance document (the issuer JWTs of every copy, in order) → the issued log entry.
 */
export async function rememberIssuedDocument(
  vault: UnlockedVault,
  options: { issuedId: string; credentials: readonly string[]; issuedAt: Date },
): Promise<void> {
  const hash = sha256(issuanceDocument(options.credentials.map(issuerJwtOf)));
  await vault.writeRecords([
    {
      id: `${ISSUED_DOCUMENT_PREFIX}${bytesToHex(hash)}`,
      value: { issuedId: options.issuedId, issuedAt: options.issuedAt.toISOString() },
    },
  ]);
}

/**
 * The issuer desk scans a wallet's `vouch-receipt-halves:…`: finds the credential by its
 * document hash in its own notes (never the wallet's word alone), checks both halves (ISSUE and
 * RECEIVE, this desk the sender, fresh, not before the issuance, opening to that hash, the
 * wallet's signature), countersigns both and keeps both copies in one write. Scanning the same
 * halves again gives the same receipts back.
 */
export async function countersignIssuanceOnDesk(
  vault: UnlockedVault,
  deps: { jws: JwsCrypto },
  options: { text: string; now: Date },
): Promise<Result<Countersigned & { issuedId: string }, DeskReceiptProblem, Problem>> {
  const read = readIssuanceHalvesText(options.text);
  if (!read.ok) return read;
  const { halves, documentHash } = read.value;
  const note = await vault.readRecord(
    `${ISSUED_DOCUMENT_PREFIX}${bytesToHex(documentHash)}`,
    issuedDocumentSchema,
  );
  if (!note.ok || !note.value) {
    return failedWith('not-issued-here', {
      message: 'this desk did not issue the credential these halves are about',
    });
  }
  const { issuedId, issuedAt } = note.value;
  const known = await Promise.all(
    halves.map(async (half) => {
      const parsed = readReceiptHalf(half);
      if (!parsed.ok) return undefined;
      const id = receiptId(parsed.value.receipt);
      const copy = await vault.readRecord(`${DESK_RECEIPT_PREFIX}${id}`, deskReceiptSchema);
      return copy.ok ? copy.value : undefined;
    }),
  );
  const again = known.flatMap((copy) => {
    const record = copy ? receiptRecordFromJson(copy.record) : undefined;
    return copy && record?.ok ? [{ copy, receipt: record.value.receipt }] : [];
  });
  if (again.length === halves.length) {
    return ok({
      issuedId,
      copies: again.map((one) => one.copy),
      text: encodeReceiptText(again.map((one) => one.receipt)),
    });
  }
  const signed = await withVaultSigner(vault, deps.jws, async (desk) => {
    const records: ReceiptRecord[] = [];
    for (const [index, action] of (['ISSUE', 'RECEIVE'] as const).entries()) {
      const one = await countersignReceiptHalf({
        half: halves[index] ?? '',
        action,
        document: { sha256: documentHash },
        desk,
        deskRole: 'sender',
        crypto: deps.jws,
        now: options.now,
        maxAgeSeconds: ISSUANCE_HALF_MAX_AGE_SECONDS,
        // Not made before the desk issued (a minute's leeway for the two clocks).
        notBefore: new Date(Date.parse(issuedAt) - FUTURE_SKEW_SECONDS * 1000),
      });
      if (!one.ok) return one;
      records.push(one.value);
    }
    return ok(records);
  });
  if (!signed.ok) return signed;
  const copies = signed.value.map((record) => deskCopy('issuance', record, 'recipient'));
  await vault.writeRecords(
    copies.map((copy) => ({ id: `${DESK_RECEIPT_PREFIX}${copy.id}`, value: copy })),
  );
  return ok({
    issuedId,
    copies,
    text: encodeReceiptText(signed.value.map((record) => record.receipt)),
  });
}
