/**
 * `vouch serve --ledger <url>`: the organisation's ledger node (src/ledger, `vouch ledger serve`)
 * over its HTTP API. Every receipt the server countersigns is appended (`POST /entries` with the
 * vouch-receipt-record: the opening lets the node accept a wallet's relationship key as the
 * counter-signer), and the node's inclusion proof goes back to the wallet with the receipt.
 * A node that is down or refuses costs the receipt its proof, never the answer or the receipt.
 */
import {
  inclusionProofSchema,
  receiptRecordToJson,
  type InclusionProof,
  type ReceiptRecord,
} from '../../core/evidence/index.ts';
import type { Log } from '../context.ts';

/** Appends a double-signed receipt to the organisation's ledger; its inclusion proof, or why not. */
export type LedgerAppend = (
  record: ReceiptRecord,
) => Promise<{ ok: true; inclusion: InclusionProof } | { ok: false; reason: string }>;

export function httpLedger(
  url: string,
  options: { log: Log; fetch?: typeof globalThis.fetch },
): LedgerAppend {
  const entries = `${url.replace(/\/+$/, '')}/entries`;
  const fetch = options.fetch ?? globalThis.fetch;
  return async (record) => {
    let answer: Response;
    try {
      answer = await fetch(entries, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(receiptRecordToJson(record)),
        redirect: 'error',
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      options.log('ledger.append', { ok: false, reason: 'unreachable' });
      return { ok: false, reason: 'unreachable' };
    }
    let body: unknown;
    try {
      body = await answer.json();
    } catch {
      body = undefined;
    }
    const inclusion = inclusionProofSchema.safeParse((body as { inclusion?: unknown })?.inclusion);
    if (answer.status !== 201 || !inclusion.success) {
      const error = (body as { error?: unknown })?.error;
      const reason = typeof error === 'string' ? error.slice(0, 64) : `http-${answer.status}`;
      options.log('ledger.append', { ok: false, reason });
      return { ok: false, reason };
    }
    options.log('ledger.append', { ok: true, index: inclusion.data.index });
    return { ok: true, inclusion: inclusion.data };
  };
}
