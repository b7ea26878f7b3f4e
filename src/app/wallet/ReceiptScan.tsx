import { useState } from 'react';
import { RECEIPT_TEXT_PREFIX } from '../../core/holder/receipts.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import { QrScanner } from '../shared/qr/index.ts';
import { scanReceiptText } from './receipts-actions.ts';

/** A receipt file is a line of text; anything larger is not one. */
const MAX_RECEIPT_FILE_BYTES = 8 * 1024;

/**
 * "Scan a receipt": the desk's signed receipt (`vouch-receipt:…`) by camera, a picture of the
 * code, pasted text or a file. Kept with its pending half dropped; a receipt for no pending half,
 * a damaged or oversized one is refused with a sentence and changes nothing.
 */
export function ReceiptScan(props: { intro?: string }) {
  const t = useT();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    { ok: true; party: string; count: number } | { ok: false; message: MessageKey } | null
  >(null);

  const take = (text: string) => {
    setBusy(true);
    setOutcome(null);
    void scanReceiptText(text).then((result) => {
      setBusy(false);
      setOutcome(result);
      setAttempt((n) => n + 1);
    });
  };

  return (
    <section aria-labelledby="receipt-scan-title" className="receipt-scan">
      <h3 id="receipt-scan-title">{t('receipts.scan.title')}</h3>
      <p>{props.intro ?? t('receipts.scan.intro')}</p>
      {busy ? <p role="status">{t('receipts.scan.checking')}</p> : null}
      {outcome?.ok ? (
        <p className="success" role="status">
          {t(outcome.count > 1 ? 'receipts.scan.keptPair' : 'receipts.scan.kept', {
            party: outcome.party,
          })}
        </p>
      ) : null}
      {outcome && !outcome.ok ? (
        <p className="error" role="alert">
          {t(outcome.message)}
        </p>
      ) : null}
      <QrScanner
        key={attempt}
        accept={[]}
        labels={{ title: t('receipts.scan.title'), intro: t('receipts.scan.how') }}
        onPayload={() => undefined}
        onText={(text) => {
          if (!text.trim().startsWith(RECEIPT_TEXT_PREFIX)) return false;
          take(text);
          return true;
        }}
      />
      <div className="field">
        <label htmlFor={`receipt-file-${attempt}`}>{t('receipts.scan.file')}</label>
        <input
          id={`receipt-file-${attempt}`}
          type="file"
          accept=".txt,text/plain"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            if (file.size > MAX_RECEIPT_FILE_BYTES) {
              setOutcome({ ok: false, message: 'receipts.scan.malformed' });
              return;
            }
            void file.text().then(take);
          }}
        />
      </div>
    </section>
  );
}
