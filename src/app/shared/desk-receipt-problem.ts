import type { DeskReceiptProblem } from '../../core/desk/receipts.ts';
import type { MessageKey } from '../i18n/index.ts';

/** Why a desk gave no receipt for a wallet's half, in plain words (both desks). */
export function deskReceiptProblem(reason: DeskReceiptProblem): MessageKey {
  const messages: Partial<Record<DeskReceiptProblem, MessageKey>> = {
    'time-not-fresh': 'deskReceipts.refused.stale',
    'commitment-mismatch': 'deskReceipts.refused.mismatch',
    'not-for-this-desk': 'deskReceipts.refused.mismatch',
    'wrong-action': 'deskReceipts.refused.mismatch',
    'not-issued-here': 'deskReceipts.refused.notIssued',
    'wallet-signature-invalid': 'deskReceipts.refused.signature',
  };
  return messages[reason] ?? 'deskReceipts.refused.malformed';
}
