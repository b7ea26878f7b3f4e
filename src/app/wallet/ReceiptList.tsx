import { useEffect, useState } from 'react';
import type { StoredReceipt } from '../../core/holder/receipts.ts';
import { useLanguageStore, useT, type Translate } from '../i18n/index.ts';
import { formatDateTime } from '../shared/format.ts';
import { ReceiptScan } from './ReceiptScan.tsx';
import { ReceiptHandOver } from '../shared/ReceiptHandOver.tsx';
import {
  loadReceipts,
  loadWaitingIssuance,
  saveProofFile,
  saveReceiptsExport,
  useReceiptStore,
} from './receipts-actions.ts';

/**
 * The History's signed receipts: to whom, when, why; "Prove" saves one receipt's proof file
 * (`vouch evidence verify --receipt <file>` checks it), and all of them export as one file.
 */
export function ReceiptList() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const [receipts, setReceipts] = useState<StoredReceipt[] | null>(null);
  const [waiting, setWaiting] = useState<{ party: string; at: string; text: string }[]>([]);
  // A receipt scanned below: the list reloads.
  const version = useReceiptStore((s) => s.version);

  useEffect(() => {
    let live = true;
    void loadReceipts().then((loaded) => live && setReceipts(loaded));
    void loadWaitingIssuance().then((loaded) => live && setWaiting(loaded));
    return () => {
      live = false;
    };
  }, [version]);

  return (
    <section aria-labelledby="receipts-title">
      <h2 id="receipts-title">{t('receipts.title')}</h2>
      <p>{t('receipts.intro')}</p>
      {receipts === null ? <p role="status">{t('app.loading')}</p> : null}
      {receipts?.length === 0 ? <p className="empty">{t('receipts.empty')}</p> : null}
      {receipts && receipts.length > 0 ? (
        <>
          <ol className="history">
            {receipts.map((receipt) => {
              const date = formatDateTime(receipt.at, language);
              const party = receipt.counterpartyName;
              return (
                <li key={receipt.id}>
                  <h3>{headingOf(receipt, t)}</h3>
                  <p className="hint">{date}</p>
                  {receipt.purpose ? (
                    <p>
                      {t('present.purpose')}: {receipt.purpose}
                    </p>
                  ) : null}
                  <p>{t('receipts.signedBoth', { party })}</p>
                  {receipt.record.inclusion ? <p>{t('receipts.onLedger')}</p> : null}
                  <button
                    type="button"
                    aria-label={t('receipts.proveLabel', { party, date })}
                    onClick={() => saveProofFile(receipt)}
                  >
                    {t('receipts.prove')}
                  </button>
                </li>
              );
            })}
          </ol>
          <div className="actions">
            <button type="button" onClick={() => void saveReceiptsExport()}>
              {t('receipts.export')}
            </button>
          </div>
        </>
      ) : null}
      {waiting.map((pair) => (
        <ReceiptHandOver
          key={pair.text}
          text={pair.text}
          title={t('receipts.give.title')}
          body={t('receipts.give.waiting', {
            party: pair.party,
            date: formatDateTime(pair.at, language),
          })}
          qrLabel={t('receipts.give.qr', { party: pair.party })}
          fileName={`vouch-receipt-for-desk-${pair.at.slice(0, 10)}.txt`}
        />
      ))}
      <ReceiptScan />
    </section>
  );
}

/** What the receipt proves, from the citizen's side. */
function headingOf(receipt: StoredReceipt, t: Translate): string {
  const party = receipt.counterpartyName;
  if (receipt.kind === 'application') return t('receipts.application', { verifier: party });
  return t(receipt.record.receipt.action === 'ISSUE' ? 'receipts.issued' : 'receipts.received', {
    party,
  });
}
