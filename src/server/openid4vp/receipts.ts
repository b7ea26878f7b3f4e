/**
 * Application receipts at the agency's server (issue 14, docs/evidence.md §Flows): when an answer
 * to one of its requests verifies (the application is accepted) and the wallet sent its half of an
 * ACKNOWLEDGE receipt (`vouch_receipt`, beside the response), the server checks the half against
 * the presentation it received, countersigns it with the verifier key, appends it to the
 * organisation's ledger when it has one (`--ledger`), keeps its copy (table vp_receipts: the
 * receipt, the salt, H(document) and the inclusion proof) and answers the countersigned receipt
 * and the proof in its JSON answer (`vouch_receipt`), which other wallets ignore. An answer that does not verify
 * gets no receipt; a bad half costs the wallet its receipt, never its answer.
 */
import { countersignApplicationReceipt, encodeReceiptAnswer } from '../../core/holder/receipts.ts';
import { receiptId, receiptRecordToJson } from '../../core/evidence/index.ts';
import type { PresentationResponse } from '../../core/protocol/response.ts';
import type { Db, ServerContext, SigningKey } from '../context.ts';

export const RECEIPT_MIGRATION = {
  id: 'vp-004',
  sql: `
CREATE TABLE vp_receipts (
  request_id text PRIMARY KEY,
  receipt_id text NOT NULL UNIQUE,
  record jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
`,
} as const;

/**
 * The answer member for an accepted application with a receipt half, or undefined (no half, or a
 * half the server refused: logged by its reason, never by its content).
 */
export async function acknowledgeApplication(
  ctx: ServerContext,
  options: {
    verifier: SigningKey;
    requestId: string;
    response: PresentationResponse;
    half: string | undefined;
  },
): Promise<Record<string, unknown> | undefined> {
  if (options.half === undefined) return undefined;
  const signed = await countersignApplicationReceipt({
    half: options.half,
    vpToken: options.response.vpToken,
    desk: { did: options.verifier.did, sign: options.verifier.sign },
    crypto: ctx.crypto,
    now: ctx.now(),
  });
  if (!signed.ok) {
    ctx.log('vp.receipt', { kept: false, reason: signed.reason });
    return undefined;
  }
  // Anchored in the organisation's ledger when it runs one: the proof goes to the wallet too.
  const appended = ctx.ledger ? await ctx.ledger(signed.value) : undefined;
  const record = appended?.ok ? { ...signed.value, inclusion: appended.inclusion } : signed.value;
  await keepReceipt(ctx.db, options.requestId, record, ctx.now());
  ctx.log('vp.receipt', { kept: true, anchored: appended?.ok === true });
  return encodeReceiptAnswer(record);
}

async function keepReceipt(
  db: Db,
  requestId: string,
  record: Parameters<typeof receiptRecordToJson>[0],
  now: Date,
): Promise<void> {
  await db.query(
    'INSERT INTO vp_receipts (request_id, receipt_id, record, created_at) VALUES ($1, $2, $3, $4)',
    [requestId, receiptId(record.receipt), JSON.stringify(receiptRecordToJson(record)), now],
  );
}

/** The desk's copy of the receipt of one answered request, as a `vouch-receipt-record`. */
export async function readKeptReceipt(db: Db, requestId: string): Promise<unknown> {
  const { rows } = await db.query<{ record: unknown }>(
    'SELECT record FROM vp_receipts WHERE request_id = $1',
    [requestId],
  );
  const record = rows[0]?.record;
  return typeof record === 'string' ? (JSON.parse(record) as unknown) : record;
}
