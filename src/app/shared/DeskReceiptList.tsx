import type { DeskReceipt } from '../../core/desk/receipts.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { formatDateTime } from './format.ts';

const ACTION_KEYS: Record<DeskReceipt['action'], MessageKey> = {
  ACKNOWLEDGE: 'deskReceipts.action.ACKNOWLEDGE',
  ISSUE: 'deskReceipts.action.ISSUE',
  RECEIVE: 'deskReceipts.action.RECEIVE',
  PRESENT: 'deskReceipts.action.PRESENT',
};

/**
 * A desk's copies of the receipts it countersigned: when, the act, with whom (the wallet's
 * relationship key fingerprint, no personal data), and Export (the `vouch-receipt-record`s).
 */
export function DeskReceiptList(props: { receipts: readonly DeskReceipt[]; onExport: () => void }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  return (
    <section aria-labelledby="desk-receipts-title">
      <h2 id="desk-receipts-title">{t('deskReceipts.list.title')}</h2>
      <p>{t('deskReceipts.list.intro')}</p>
      {props.receipts.length === 0 ? (
        <p className="empty">{t('deskReceipts.list.empty')}</p>
      ) : (
        <>
          <div
            className="table-scroll"
            role="group"
            aria-labelledby="desk-receipts-title"
            tabIndex={0}
          >
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('deskReceipts.list.when')}</th>
                  <th scope="col">{t('deskReceipts.list.action')}</th>
                  <th scope="col">{t('deskReceipts.list.wallet')}</th>
                </tr>
              </thead>
              <tbody>
                {props.receipts.map((receipt) => (
                  <tr key={receipt.id}>
                    <td>{formatDateTime(receipt.at, language)}</td>
                    <td>{t(ACTION_KEYS[receipt.action])}</td>
                    <td>
                      <code>{receipt.wallet}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="button" onClick={props.onExport}>
              {t('deskReceipts.list.export')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
