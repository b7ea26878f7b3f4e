import { utf8ToBytes } from '../../core/encoding/index.ts';
import { useT } from '../i18n/index.ts';
import { downloadText } from './download.ts';
import { Field } from './Field.tsx';
import { QrCode } from './qr/index.ts';

/**
 * A receipt text handed over in one QR code (`vouch-receipt:…` from a desk, `vouch-receipt-halves:…`
 * from the wallet), with its text to copy and a file to download as alternatives.
 */
export function ReceiptHandOver(props: {
  text: string;
  title: string;
  body: string;
  qrLabel: string;
  fileName: string;
}) {
  const t = useT();
  return (
    <section className="receipt-hand-over" aria-label={props.title}>
      <h3>{props.title}</h3>
      <p>
        <strong>{props.body}</strong>
      </p>
      <QrCode
        frames={{ frames: [utf8ToBytes(props.text)], animated: false }}
        label={props.qrLabel}
      />
      <div className="actions">
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(props.text).catch(() => undefined)}
        >
          {t('deskReceipts.copy')}
        </button>
        <button type="button" onClick={() => downloadText(props.fileName, props.text)}>
          {t('deskReceipts.download')}
        </button>
      </div>
      <Field
        label={t('deskReceipts.text')}
        name="receipt-text"
        readOnly
        value={props.text}
        onFocus={(e) => e.currentTarget.select()}
      />
    </section>
  );
}
