/**
 * The issuer desk's signed receipts of offline issuance (issue 14, docs/evidence.md §Flows 3):
 * its note of what every offline offer holds, countersigning the halves a wallet shows after
 * saving a credential, its copies and their export. Results as i18n keys; never a key in state.
 */
import {
  countersignIssuanceOnDesk,
  exportDeskReceipts,
  listDeskReceipts,
  rememberIssuedDocument,
  type DeskReceipt,
} from '../../core/desk/receipts.ts';
import { RECEIPT_HALVES_PREFIX } from '../../core/holder/receipts.ts';
import { parseCredentialOffer } from '../../core/protocol/index.ts';
import { deskVaultDeps } from '../composition.ts';
import type { MessageKey } from '../i18n/index.ts';
import { deskReceiptProblem } from '../shared/desk-receipt-problem.ts';
import { downloadText } from '../shared/download.ts';
import { getDeskSession } from './desk-session.ts';
import { useDeskStore } from './desk-store.ts';

export { RECEIPT_HALVES_PREFIX };

/**
 * After an offer was made (Issue tab, a copies request): the desk notes the SHA-256 of its issuer
 * JWTs against the issued entry, to check a wallet's receipt halves later. Never fails the offer.
 */
export async function noteIssuedOffer(issuedId: string, offer: Uint8Array): Promise<void> {
  const desk = getDeskSession();
  const parsed = parseCredentialOffer(offer);
  if (!desk || !parsed.ok) return;
  try {
    await rememberIssuedDocument(desk.vault, {
      issuedId,
      credentials: parsed.value.copies.map((copy) => copy.credential),
      issuedAt: new Date(),
    });
  } catch {
    // No note: that credential's receipt halves are refused as not issued here.
  }
}

export async function loadDeskReceipts(): Promise<DeskReceipt[]> {
  const desk = getDeskSession();
  return desk ? listDeskReceipts(desk.vault) : [];
}

export type IssuanceReceiptOutcome =
  | { ok: true; text: string; typeId: string; subjectName: string }
  | { ok: false; message: MessageKey };

/** A wallet's `vouch-receipt-halves:…`: countersigned and kept, or why not. */
export async function countersignIssuanceText(text: string): Promise<IssuanceReceiptOutcome> {
  const desk = getDeskSession();
  if (!desk) return { ok: false, message: 'error.unexpected' };
  try {
    const signed = await countersignIssuanceOnDesk(
      desk.vault,
      { jws: deskVaultDeps().jws },
      { text, now: new Date() },
    );
    if (!signed.ok) return { ok: false, message: deskReceiptProblem(signed.reason) };
    const issued = useDeskStore.getState().issued.find((i) => i.id === signed.value.issuedId);
    return {
      ok: true,
      text: signed.value.text,
      typeId: issued?.typeId ?? '',
      subjectName: issued?.subjectName ?? '',
    };
  } catch {
    return { ok: false, message: 'deskReceipts.refused.malformed' };
  }
}

export async function saveIssuerReceiptsExport(): Promise<void> {
  const desk = getDeskSession();
  if (desk)
    downloadText(
      'vouch-desk-receipts.json',
      await exportDeskReceipts(desk.vault, new Date()),
      'application/json',
    );
}
