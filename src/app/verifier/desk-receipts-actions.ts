/**
 * The verifier desk's signed receipts (issue 14, docs/evidence.md §Flows 2): the "Give signed
 * receipts" setting, countersigning the half of a QR answer it found VALID, its copies and their
 * export. UI state holds the receipt text and public facts only, never a key or a salt.
 */
import {
  countersignApplicationOnDesk,
  exportDeskReceipts,
  listDeskReceipts,
  readGiveReceipts,
  saveGiveReceipts,
} from '../../core/desk/receipts.ts';
import { parsePresentationResponse } from '../../core/protocol/response.ts';
import type { VerifiedResponse } from '../../core/verifier/index.ts';
import { verifierVaultDeps } from '../composition.ts';
import { deskReceiptProblem } from '../shared/desk-receipt-problem.ts';
import { downloadText } from '../shared/download.ts';
import { getVerifierSession } from './verifier-session.ts';
import { useVerifierStore } from './verifier-store.ts';

/** The setting and the copies, into the desk's UI state. */
export async function refreshDeskReceipts(): Promise<void> {
  const desk = getVerifierSession();
  if (!desk) return;
  const [giveReceipts, receipts] = await Promise.all([
    readGiveReceipts(desk.vault),
    listDeskReceipts(desk.vault),
  ]);
  useVerifierStore.setState({ giveReceipts, deskReceipts: receipts });
}

export async function setGiveReceipts(give: boolean): Promise<boolean> {
  const desk = getVerifierSession();
  if (!desk) return false;
  try {
    await saveGiveReceipts(desk.vault, give);
    await refreshDeskReceipts();
    return true;
  } catch {
    return false;
  }
}

/**
 * After the desk checked a scanned answer: when it is VALID and carries the wallet's half (and the
 * desk gives receipts), countersign it, keep the copy and show the receipt; when it is not valid,
 * or the half does not check out, say why; the verdict is never changed.
 */
export async function receiptForAnswer(
  payload: Uint8Array,
  verdict: VerifiedResponse,
): Promise<void> {
  const desk = getVerifierSession();
  useVerifierStore.setState({ answerReceipt: null });
  if (!desk || !useVerifierStore.getState().giveReceipts) return;
  const parsed = parsePresentationResponse(payload);
  if (!parsed.ok || parsed.value.receipt === undefined) return;
  if (!verdict.valid) {
    useVerifierStore.setState({ answerReceipt: { problem: 'deskReceipts.refused.notValid' } });
    return;
  }
  try {
    const signed = await countersignApplicationOnDesk(
      desk.vault,
      { jws: verifierVaultDeps().jws },
      { half: parsed.value.receipt, vpToken: parsed.value.vpToken, now: new Date() },
    );
    useVerifierStore.setState({
      answerReceipt: signed.ok
        ? { text: signed.value.text }
        : { problem: deskReceiptProblem(signed.reason) },
    });
  } catch {
    useVerifierStore.setState({ answerReceipt: { problem: 'deskReceipts.refused.malformed' } });
  }
  await refreshDeskReceipts();
}

export async function saveDeskReceiptsExport(): Promise<void> {
  const desk = getVerifierSession();
  if (desk)
    downloadText(
      'vouch-desk-receipts.json',
      await exportDeskReceipts(desk.vault, new Date()),
      'application/json',
    );
}
