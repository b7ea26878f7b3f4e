import { credentialTypeByVct } from '../../core/credentials/index.ts';
import { CHECK_CODES } from '../../core/verification/index.ts';
import { useLanguageStore, useT } from '../i18n/index.ts';
import { ConfirmButton } from '../shared/ConfirmButton.tsx';
import { DeskReceiptList } from '../shared/DeskReceiptList.tsx';
import { formatCents, formatDateTime } from '../shared/format.ts';
import { benefitStatusKey } from './benefit-words.ts';
import { checkCodeKey, formatKey } from './check-messages.ts';
import { saveDeskReceiptsExport } from './desk-receipts-actions.ts';
import { clearVerifierHistory } from './verifier-actions.ts';
import { useVerifierStore } from './verifier-store.ts';

const isCheckCode = (code: string): code is (typeof CHECK_CODES)[number] =>
  (CHECK_CODES as readonly string[]).includes(code);

/** What the desk checked, kept encrypted: when, for what, the verdict, and which claims (names only). */
export function HistoryTab() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const history = useVerifierStore((s) => s.history);
  const receipts = useVerifierStore((s) => s.deskReceipts);
  return (
    <>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('verifier.history.title')}</h2>
        <p>{t('verifier.history.intro')}</p>
        {history.length === 0 ? (
          <p className="empty">{t('verifier.history.empty')}</p>
        ) : (
          // A phone-wide desk scrolls the table, not the page; the box takes focus for the keyboard.
          <div className="table-scroll" role="group" aria-labelledby="history-title" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('verifier.history.when')}</th>
                  <th scope="col">{t('verifier.history.verdict')}</th>
                  <th scope="col">{t('verifier.history.purpose')}</th>
                  <th scope="col">{t('verifier.history.what')}</th>
                  <th scope="col">{t('verifier.history.benefit')}</th>
                  <th scope="col">{t('verifier.history.reasons')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">{formatDateTime(entry.at, language)}</th>
                    <td>
                      {entry.valid ? t('verifier.verdict.valid') : t('verifier.verdict.notValid')}
                    </td>
                    <td>{entry.purpose ?? '—'}</td>
                    <td>
                      {entry.items.map((item, index) => {
                        const type = item.vct ? credentialTypeByVct(item.vct) : undefined;
                        const labels = item.claimNames.map(
                          (name) =>
                            type?.claims.find((c) => c.name === name)?.label[language] ?? name,
                        );
                        return (
                          <p key={index}>
                            {type?.name[language] ?? item.vct ?? '—'}
                            {item.format === 'jwt_vc_json' ? ` · ${t(formatKey(item.format))}` : ''}
                            {item.issuerName ? ` (${item.issuerName})` : ''}
                            {labels.length > 0 ? `: ${labels.join(', ')}` : ''}
                          </p>
                        );
                      })}
                    </td>
                    <td>
                      {entry.benefit
                        ? `${t(benefitStatusKey(entry.benefit.status))}: ${
                            entry.benefit.amountCents === null
                              ? '—'
                              : formatCents(entry.benefit.amountCents, language)
                          }`
                        : '—'}
                    </td>
                    <td>
                      {[...new Set(entry.items.flatMap((item) => item.failed))]
                        .filter(isCheckCode)
                        .map((code) => t(checkCodeKey(code)))
                        .join(' ') || '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {history.length > 0 ? (
          <ConfirmButton
            label={t('verifier.history.clear')}
            title={t('verifier.history.clearTitle')}
            confirmLabel={t('verifier.history.clearConfirm')}
            cancelLabel={t('common.cancel')}
            onConfirm={() => void clearVerifierHistory()}
          >
            <p>{t('verifier.history.clearBody')}</p>
          </ConfirmButton>
        ) : null}
      </section>
      <DeskReceiptList receipts={receipts} onExport={() => void saveDeskReceiptsExport()} />
    </>
  );
}
