/**
 * Signed receipts in the wallet (issue 14, docs/evidence.md §Flows): the half the wallet sends
 * with an online answer, the countersigned receipt it keeps, and the History's list, export and
 * proof files. UI state holds what the citizen sees (names, dates, whether a receipt came), never
 * a key or a salt.
 */
import { create } from 'zustand';
import type { ReadRequest } from '../../core/holder/index.ts';
import { copiesOf } from '../../core/holder/copies.ts';
import type { StoredCredential } from '../../core/holder/credential-store.ts';
import {
  exportReceipts,
  finishReceipt as keepCountersignedReceipt,
  issuerJwtOf,
  listReceipts,
  receiptProofFile,
  startApplicationReceipt,
  startIssuanceReceipts,
  type PendingReceipt,
  type StoredReceipt,
} from '../../core/holder/receipts.ts';
import type { PresentationResponse } from '../../core/protocol/index.ts';
import { verifierLabel } from '../../core/protocol/index.ts';
import { jwsCrypto, randomBytes } from '../composition.ts';
import { downloadText } from '../shared/download.ts';
import { getSession } from './session.ts';

export interface ReceiptState {
  /** What came of the last online answer's receipt: shown on the "Sent" screen. */
  last: { outcome: 'kept' | 'none'; verifierName: string } | null;
}

export const useReceiptStore = create<ReceiptState>(() => ({ last: null }));

/**
 * Whether the wallet offers a receipt to this request: an online answer to a signed request whose
 * verifier says it countersigns receipts (`vouch.receipts`): only then is one promised.
 */
export function offersReceipt(read: ReadRequest): boolean {
  const { responseMode, responseUri, verified, verifierDid, receipts } = read.request;
  return (
    (responseMode === 'direct_post' || responseMode === 'direct_post.jwt') &&
    !!responseUri &&
    verified &&
    verifierDid !== undefined &&
    receipts === true
  );
}

export interface StartedReceipt {
  readonly pending: PendingReceipt;
  /** The `vouch_receipt` parameter to send beside the answer. */
  readonly half: string;
}

/** The wallet's signed half for an online answer, or undefined when none is offered. */
export async function startReceipt(
  read: ReadRequest,
  response: PresentationResponse,
): Promise<StartedReceipt | undefined> {
  useReceiptStore.setState({ last: null });
  const wallet = getSession();
  if (!wallet || !offersReceipt(read)) return undefined;
  try {
    return await startApplicationReceipt(wallet, {
      request: read.request,
      verifierName: verifierLabel(read.request),
      ...(read.request.purpose === undefined ? {} : { purpose: read.request.purpose }),
      vpToken: response.vpToken,
      now: new Date(),
      randomBytes,
    });
  } catch {
    // No receipt is no reason to hold back the answer the citizen chose to send.
    return undefined;
  }
}

/** Keeps the countersigned receipt of the verifier's answer, when it is the one the wallet signed. */
export async function finishReceipt(
  started: StartedReceipt | undefined,
  answer: unknown,
  verifierName: string,
): Promise<void> {
  const wallet = getSession();
  if (!started || !wallet) return;
  let outcome: 'kept' | 'none' = 'none';
  try {
    const finished = await keepCountersignedReceipt(wallet, started.pending, answer, {
      crypto: jwsCrypto(),
      randomBytes,
    });
    if (finished.ok) outcome = 'kept';
  } catch {
    outcome = 'none';
  }
  useReceiptStore.setState({ last: { outcome, verifierName } });
}

/**
 * After credentials from an OpenID4VCI issuer are stored (the citizen's "Accept and save"): the
 * ISSUE/RECEIVE pair for each, countersigned by the issuer at `<credential_issuer>/receipts/issuance`
 * (a Vouch server; other issuers answer 404 and there is simply no receipt). Never fails the save.
 */
export async function requestIssuanceReceipts(
  credentials: readonly StoredCredential[],
  credentialIssuer: string,
  fetch: (url: string, init: RequestInit) => Promise<Response>,
): Promise<void> {
  const wallet = getSession();
  if (!wallet) return;
  for (const credential of credentials) {
    try {
      const issuerJwts = copiesOf(credential).map((copy) => issuerJwtOf(copy.compact));
      const started = await startIssuanceReceipts(wallet, {
        issuerDid: credential.issuer,
        issuerName: credential.issuerName,
        relationshipIndex: credential.relationshipIndex,
        issuerJwts,
        now: new Date(),
        randomBytes,
      });
      if (!started) continue;
      const answer = await fetch(`${credentialIssuer.replace(/\/$/, '')}/receipts/issuance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ credentials: issuerJwts, receipts: started.map((s) => s.half) }),
        redirect: 'error',
      });
      if (!answer.ok) continue;
      const { receipts } = (await answer.json()) as { receipts?: unknown };
      if (!Array.isArray(receipts)) continue;
      for (const [index, { pending }] of started.entries()) {
        await keepCountersignedReceipt(wallet, pending, receipts[index], {
          crypto: jwsCrypto(),
          randomBytes,
        });
      }
    } catch {
      // No receipt: the credential is stored all the same.
    }
  }
}

export async function loadReceipts(): Promise<StoredReceipt[]> {
  const wallet = getSession();
  return wallet ? listReceipts(wallet) : [];
}

/** "Prove": the receipt's proof file, which `vouch evidence verify --receipt <file>` checks. */
export function saveProofFile(receipt: StoredReceipt): void {
  downloadText(
    `vouch-receipt-${receipt.at.slice(0, 10)}-${receipt.id.slice(-8)}.json`,
    receiptProofFile(receipt),
    'application/json',
  );
}

export async function saveReceiptsExport(): Promise<void> {
  const wallet = getSession();
  if (wallet)
    downloadText(
      'vouch-receipts.json',
      await exportReceipts(wallet, new Date()),
      'application/json',
    );
}
