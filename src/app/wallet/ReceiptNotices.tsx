import type { ReadRequest } from '../../core/holder/index.ts';
import { verifierLabel } from '../../core/protocol/index.ts';
import { useT } from '../i18n/index.ts';
import { promisesReceipt, useReceiptStore } from './receipts-actions.ts';

/** On the consent screen: "You will get a signed receipt", when the wallet offers one. */
export function ReceiptPromise({ read }: { read: ReadRequest }) {
  const t = useT();
  if (!promisesReceipt(read)) return null;
  return (
    <div className="receipt-promise">
      <p>
        <strong>{t('receipts.promise')}</strong>
      </p>
      <p className="hint">{t('receipts.promiseBody', { verifier: verifierLabel(read.request) })}</p>
    </div>
  );
}

/** On the "Sent" screen: whether the verifier's signed receipt came and is kept. */
export function ReceiptOutcome() {
  const t = useT();
  const last = useReceiptStore((s) => s.last);
  if (!last) return null;
  return (
    <p role="status">
      {last.outcome === 'kept'
        ? t('receipts.kept')
        : t('receipts.none', { verifier: last.verifierName })}
    </p>
  );
}
