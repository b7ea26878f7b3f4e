import { useT } from '../i18n/index.ts';
import { ReceiptHandOver } from '../shared/ReceiptHandOver.tsx';
import { useVerifierStore } from './verifier-store.ts';

/**
 * Under the verdict of a scanned answer that carried the wallet's half: the desk's receipt QR
 * ("Let the citizen scan this receipt"), or one plain sentence why there is none.
 */
export function AnswerReceipt() {
  const t = useT();
  const receipt = useVerifierStore((s) => s.answerReceipt);
  if (!receipt) return null;
  if ('problem' in receipt) {
    return (
      <p className="error" role="status">
        {t(receipt.problem)}
      </p>
    );
  }
  return (
    <ReceiptHandOver
      text={receipt.text}
      title={t('deskReceipts.handOver.title')}
      body={t('deskReceipts.handOver.body')}
      qrLabel={t('deskReceipts.handOver.qr')}
      fileName={`vouch-receipt-${new Date().toISOString().slice(0, 10)}.txt`}
    />
  );
}
