/**
 * Issuance receipts at the issuer's server (issue 14, docs/evidence.md §Flows): after the wallet
 * stored a credential this server issued, it POSTs the issuer-signed JWTs of the copies and its
 * halves of an ISSUE and a RECEIVE receipt over them (the wallet's relationship key the recipient,
 * this server's issuer key the sender). The server checks that it signed every JWT itself, checks
 * each half (receipts.ts countersignReceiptHalf: action, parties, time, commitment, the wallet's
 * signature), countersigns both, appends them to the organisation's ledger when it has one,
 * keeps its copies (table issued_receipts) and answers them with their inclusion proofs.
 *
 *   POST /receipts/issuance   {"credentials": [<issuer JWT>, …], "receipts": [<ISSUE half>, <RECEIVE half>]}
 *   → 200 {"receipts": [<vouch-receipt-answer>, <vouch-receipt-answer>]}
 *
 * 400 `invalid_request` names what was wrong; 404 when this server issues nothing.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { resolveDidKey } from '../../core/did/index.ts';
import { receiptId, receiptRecordToJson } from '../../core/evidence/index.ts';
import type { ReceiptRecord } from '../../core/evidence/index.ts';
import {
  countersignReceiptHalf,
  encodeReceiptAnswer,
  issuanceDocument,
  MAX_RECEIPT_HALF_LENGTH,
} from '../../core/holder/receipts.ts';
import { verifyCompactJws } from '../../core/jose/index.ts';
import type { Migration, ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';

/** Copies of one credential the server countersigns for at once (the batch policy's maximum). */
export const MAX_RECEIPT_CREDENTIALS = 50;

export const RECEIPT_MIGRATIONS: readonly Migration[] = [
  {
    id: 'rc-001',
    sql: `
CREATE TABLE issued_receipts (
  receipt_id text PRIMARY KEY,
  action text NOT NULL,
  record jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
`,
  },
];

const bodySchema = z.strictObject({
  credentials: z
    .array(
      z
        .string()
        .min(1)
        .max(16 * 1024),
    )
    .min(1)
    .max(MAX_RECEIPT_CREDENTIALS),
  receipts: z.tuple([
    z.string().max(MAX_RECEIPT_HALF_LENGTH),
    z.string().max(MAX_RECEIPT_HALF_LENGTH),
  ]),
});

export function issuanceReceiptRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.post('/receipts/issuance', async (c) => {
    const issuer = ctx.issuer;
    if (issuer === null) throw new ApiError(404, 'not_found', 'this server issues no credentials');
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      throw new ApiError(400, 'invalid_request', 'the body is not JSON');
    }
    const body = bodySchema.safeParse(json);
    if (!body.success) {
      const issue = body.error.issues[0];
      throw new ApiError(
        400,
        'invalid_request',
        `"${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`,
      );
    }
    const key = resolveDidKey(issuer.did);
    if (!key.ok) throw new ApiError(500, 'server_error', 'the issuer key cannot be resolved');
    for (const [index, jwt] of body.data.credentials.entries()) {
      const verified = await verifyCompactJws(jwt, { crypto: ctx.crypto, key: key.value });
      if (!verified.ok) {
        throw new ApiError(
          400,
          'invalid_request',
          `"credentials.${index}" is not a credential this server signed`,
        );
      }
    }
    const document = issuanceDocument(body.data.credentials);
    const records: ReceiptRecord[] = [];
    for (const [index, action] of (['ISSUE', 'RECEIVE'] as const).entries()) {
      const signed = await countersignReceiptHalf({
        half: body.data.receipts[index] ?? '',
        action,
        document,
        desk: { did: issuer.did, sign: issuer.sign },
        deskRole: 'sender',
        crypto: ctx.crypto,
        now: ctx.now(),
      });
      if (!signed.ok) {
        ctx.log('receipt.issuance', { kept: false, reason: signed.reason });
        throw new ApiError(400, 'invalid_request', `"receipts.${index}": ${signed.detail.message}`);
      }
      // Anchored in the organisation's ledger when it runs one (ledger-client.ts).
      const appended = ctx.ledger ? await ctx.ledger(signed.value) : undefined;
      records.push(
        appended?.ok ? { ...signed.value, inclusion: appended.inclusion } : signed.value,
      );
    }
    await ctx.db.transaction(async (tx) => {
      for (const record of records) {
        await tx.query(
          'INSERT INTO issued_receipts (receipt_id, action, record, created_at) VALUES ($1, $2, $3, $4)',
          [
            receiptId(record.receipt),
            record.receipt.action,
            JSON.stringify(receiptRecordToJson(record)),
            ctx.now(),
          ],
        );
      }
    });
    ctx.log('receipt.issuance', { kept: true });
    c.header('Cache-Control', 'no-store');
    return c.json({
      receipts: records.map((record) => encodeReceiptAnswer(record)),
    });
  });
  return app;
}
