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
  completeReceiptFromText,
  exportReceipts,
  finishReceipt as keepCountersignedReceipt,
  issuerJwtOf,
  listReceipts,
  listWaitingIssuanceTexts,
  receiptProofFile,
  keepPendingReceipt,
  startApplicationReceipt,
  startIssuanceReceipts,
  startOfflineIssuanceReceipts,
  type FinishReceiptProblem,
  type PendingReceipt,
  type StoredReceipt,
} from '../../core/holder/receipts.ts';
import type { PresentationResponse } from '../../core/protocol/index.ts';
import { parseCredentialOffer, verifierLabel } from '../../core/protocol/index.ts';
import { encodePresentationResponse } from '../../core/protocol/response.ts';
import { jwsCrypto, randomBytes } from '../composition.ts';
import type { MessageKey } from '../i18n/index.ts';
import { downloadText } from '../shared/download.ts';
import { getSession } from './session.ts';

export interface ReceiptState {
  /** What came of the last online answer's receipt: shown on the "Sent" screen. */
  last: { outcome: 'kept' | 'none'; verifierName: string } | null;
  /** Goes up when a scanned receipt is kept: the History's list reloads. */
  version: number;
  /** The halves of the credential just saved from an offline offer, for the desk to scan. */
  giveDesk: { credentialId: string; party: string; text: string } | null;
}

export const useReceiptStore = create<ReceiptState>(() => ({
  last: null,
  version: 0,
  giveDesk: null,
}));

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

/**
 * Whether the wallet adds its half to a QR answer (`vouch_qr`): a signed request of a did:key
 * verifier desk that says it gives receipts (`vouch.receipts`). The desk shows its receipt as a
 * QR code that the wallet scans (History → Signed receipts, or the answer screen).
 */
export function offersQrReceipt(read: ReadRequest): boolean {
  const { responseMode, verified, verifierDid, receipts } = read.request;
  return responseMode === 'vouch_qr' && verified && verifierDid !== undefined && receipts === true;
}

/** The consent screen promises a receipt: online, or by QR. */
export function promisesReceipt(read: ReadRequest): boolean {
  return offersReceipt(read) || offersQrReceipt(read);
}

/**
 * A QR answer with the wallet's half in `vouch.receipt`, the half kept pending until the desk's
 * receipt is scanned. Without a half (none offered, or it failed), the answer as it was.
 */
export async function withQrReceiptHalf(
  read: ReadRequest,
  answered: { response: Uint8Array; presentationResponse: PresentationResponse },
): Promise<{ response: Uint8Array; half: boolean }> {
  const wallet = getSession();
  if (!wallet || !offersQrReceipt(read)) return { response: answered.response, half: false };
  try {
    const now = new Date();
    const started = await startApplicationReceipt(wallet, {
      request: read.request,
      verifierName: verifierLabel(read.request),
      ...(read.request.purpose === undefined ? {} : { purpose: read.request.purpose }),
      vpToken: answered.presentationResponse.vpToken,
      now,
      randomBytes,
    });
    if (!started) return { response: answered.response, half: false };
    const response = encodePresentationResponse({
      ...answered.presentationResponse,
      receipt: started.half,
    });
    await keepPendingReceipt(wallet, started.pending, now);
    return { response, half: true };
  } catch {
    // No receipt is no reason to hold back the answer the citizen chose to give.
    return { response: answered.response, half: false };
  }
}

export type ScanReceiptOutcome =
  { ok: true; party: string; count: number } | { ok: false; message: MessageKey };

/** A scanned, pasted or opened `vouch-receipt:…`: kept with its pending half dropped, or why not. */
export async function scanReceiptText(text: string): Promise<ScanReceiptOutcome> {
  const wallet = getSession();
  if (!wallet) return { ok: false, message: 'error.unexpected' };
  try {
    const kept = await completeReceiptFromText(wallet, text, {
      crypto: jwsCrypto(),
      randomBytes,
    });
    if (!kept.ok) {
      const messages: Record<FinishReceiptProblem, MessageKey> = {
        'bad-receipt-text': 'receipts.scan.malformed',
        'bad-receipt-answer': 'receipts.scan.malformed',
        'no-pending-receipt': 'receipts.scan.noPending',
        'not-our-receipt': 'receipts.scan.invalid',
        'receipt-invalid': 'receipts.scan.invalid',
      };
      return { ok: false, message: messages[kept.reason] };
    }
    useReceiptStore.setState((state) => ({ version: state.version + 1 }));
    return { ok: true, party: kept.value[0]?.counterpartyName ?? '', count: kept.value.length };
  } catch {
    return { ok: false, message: 'error.unexpected' };
  }
}

/**
 * After a credential from an offline offer (QR, file, link) is saved: the wallet's halves of the
 * ISSUE/RECEIVE pair over the offer's copies, kept pending, as the text the desk scans ("Give the
 * desk your receipt"). Undefined when the issuer is not a did:key desk. Never fails the save.
 */
export async function startOfflineIssuanceReceipt(
  credential: Pick<StoredCredential, 'issuer' | 'issuerName' | 'relationshipIndex'>,
  offer: Uint8Array,
): Promise<string | undefined> {
  const wallet = getSession();
  if (!wallet) return undefined;
  try {
    const parsed = parseCredentialOffer(offer);
    if (!parsed.ok) return undefined;
    return await startOfflineIssuanceReceipts(wallet, {
      issuerDid: credential.issuer,
      issuerName: credential.issuerName,
      relationshipIndex: credential.relationshipIndex,
      issuerJwts: parsed.value.copies.map((copy) => issuerJwtOf(copy.credential)),
      now: new Date(),
      randomBytes,
    });
  } catch {
    return undefined;
  }
}

/** After an offline offer was saved: its halves, shown on the card as "Give the desk your receipt". */
export async function offerIssuanceReceipt(
  credential: Pick<StoredCredential, 'id' | 'issuer' | 'issuerName' | 'relationshipIndex'>,
  offer: Uint8Array,
): Promise<void> {
  useReceiptStore.setState({ giveDesk: null });
  const text = await startOfflineIssuanceReceipt(credential, offer);
  if (text) {
    useReceiptStore.setState({
      giveDesk: { credentialId: credential.id, party: credential.issuerName, text },
    });
  }
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

/** Issuance halves still waiting for their desk (History shows them again). */
export async function loadWaitingIssuance(): Promise<
  { party: string; at: string; text: string }[]
> {
  const wallet = getSession();
  return wallet ? listWaitingIssuanceTexts(wallet, new Date()) : [];
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
