import { useEffect, useState } from 'react';
import type { DeskReceipt } from '../../core/desk/receipts.ts';
import { CREDENTIAL_TYPES, type CredentialTypeId } from '../../core/credentials/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { DeskReceiptList } from '../shared/DeskReceiptList.tsx';
import { ReceiptHandOver } from '../shared/ReceiptHandOver.tsx';
import { QrScanner } from '../shared/qr/index.ts';
import {
  countersignIssuanceText,
  loadDeskReceipts,
  RECEIPT_HALVES_PREFIX,
  saveIssuerReceiptsExport,
} from './desk-receipts-actions.ts';

/**
 * The Issued tab's receipts: scan the code a wallet shows after saving a credential from this
 * desk's offline offer (`vouch-receipt-halves:…`), countersign and show the receipt back; the
 * desk's copies with Export.
 */
export function IssuanceReceipts() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const [attempt, setAttempt] = useState(0);
  const [receipts, setReceipts] = useState<DeskReceipt[]>([]);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [given, setGiven] = useState<{ text: string; type: string; name: string } | null>(null);

  useEffect(() => {
    let live = true;
    void loadDeskReceipts().then((loaded) => live && setReceipts(loaded));
    return () => {
      live = false;
    };
  }, [attempt]);

  const take = (text: string) => {
    setProblem(null);
    setGiven(null);
    void countersignIssuanceText(text).then((outcome) => {
      if (outcome.ok) {
        const type = CREDENTIAL_TYPES[outcome.typeId as CredentialTypeId];
        setGiven({
          text: outcome.text,
          type: type?.name[language] ?? outcome.typeId,
          name: outcome.subjectName,
        });
      } else setProblem(outcome.message);
      setAttempt((n) => n + 1);
    });
  };

  return (
    <>
      <section aria-labelledby="issuance-receipt-title">
        <h2 id="issuance-receipt-title">{t('deskReceipts.scan.title')}</h2>
        {problem ? (
          <p className="error" role="alert">
            {t(problem)}
          </p>
        ) : null}
        {given ? (
          <>
            <p className="success" role="status">
              {t('deskReceipts.scan.done', { type: given.type, name: given.name })}
            </p>
            <ReceiptHandOver
              text={given.text}
              title={t('deskReceipts.handOver.title')}
              body={t('deskReceipts.handOver.body')}
              qrLabel={t('deskReceipts.handOver.qr')}
              fileName={`vouch-receipt-${new Date().toISOString().slice(0, 10)}.txt`}
            />
          </>
        ) : null}
        <QrScanner
          key={attempt}
          accept={[]}
          labels={{ title: t('deskReceipts.scan.title'), intro: t('deskReceipts.scan.intro') }}
          onPayload={() => undefined}
          onText={(text) => {
            if (!text.trim().startsWith(RECEIPT_HALVES_PREFIX)) return false;
            take(text);
            return true;
          }}
        />
      </section>
      <DeskReceiptList receipts={receipts} onExport={() => void saveIssuerReceiptsExport()} />
    </>
  );
}
