import { useT } from '../i18n/index.ts';
import { ReceiptHandOver } from '../shared/ReceiptHandOver.tsx';
import { useReceiptStore } from './receipts-actions.ts';

/**
 * On the card just saved from an offline offer of a did:key desk: the wallet's halves of the
 * ISSUE/RECEIVE pair as one QR code for the desk ("Give the desk your receipt"); the desk's
 * receipt comes back as a code the citizen scans in History → Signed receipts.
 */
export function GiveDeskReceipt(props: { credentialId: string }) {
  const t = useT();
  const give = useReceiptStore((s) => s.giveDesk);
  if (!give || give.credentialId !== props.credentialId) return null;
  return (
    <ReceiptHandOver
      text={give.text}
      title={t('receipts.give.title')}
      body={t('receipts.give.body')}
      qrLabel={t('receipts.give.qr', { party: give.party })}
      fileName={`vouch-receipt-for-desk-${new Date().toISOString().slice(0, 10)}.txt`}
    />
  );
}
