import type { Ref } from 'react';
import { encodeForQr, encodeForText, type QrFrames } from '../../core/transport/index.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import { downloadText } from '../shared/download.ts';
import { Field } from '../shared/Field.tsx';
import { QrCode } from '../shared/qr/index.ts';

/** An offline offer ready to hand over: QR code, file, link and text. */
export interface Delivered {
  /** When the server hosts the desk's list: whether sending the list with the new entry failed. */
  listProblem?: MessageKey;
  typeName: string;
  subjectName: string;
  frames: QrFrames;
  text: string;
  link: string;
  fileName: string;
}

/** Large offers (batches of copies) stay readable as animated codes at this module size. */
const OFFER_MODULE_PX = 5;

/** The hand-over of an offer's bytes (`fileBase` names the .vouch file). */
export function deliveredOffer(
  offer: Uint8Array,
  facts: { typeName: string; subjectName: string; fileBase: string; listProblem?: MessageKey },
): Delivered {
  const text = encodeForText('offer', offer);
  return {
    ...(facts.listProblem ? { listProblem: facts.listProblem } : {}),
    typeName: facts.typeName,
    subjectName: facts.subjectName,
    frames: encodeForQr('offer', offer),
    text,
    link: `${window.location.origin}/#receive=${encodeURIComponent(text)}`,
    fileName: `${facts.fileBase}.vouch`.replace(/[^\w.-]+/g, '_'),
  };
}

/** "Income statement issued to …": the offer as QR code, file, link and text, then "another". */
export function OfferHandOver(props: {
  delivered: Delivered;
  onAnother: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const t = useT();
  const { delivered } = props;
  return (
    <section aria-labelledby="delivered-title">
      <h2 id="delivered-title" ref={props.headingRef} tabIndex={-1}>
        {t('desk.issue.done', { type: delivered.typeName, name: delivered.subjectName })}
      </h2>
      <p>{t('desk.issue.handOver')}</p>
      {delivered.listProblem ? (
        <p className="error" role="alert">
          {t('deskServer.publish.failed')} {t(delivered.listProblem)}
        </p>
      ) : null}
      <QrCode
        frames={delivered.frames}
        label={t('desk.issue.qrLabel', { name: delivered.subjectName })}
        minModulePx={OFFER_MODULE_PX}
      />
      <div className="actions">
        <button type="button" onClick={() => downloadText(delivered.fileName, delivered.text)}>
          {t('desk.issue.download')}
        </button>
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(delivered.link).catch(() => undefined)}
        >
          {t('desk.issue.copyLink')}
        </button>
      </div>
      <Field
        label={t('desk.issue.link')}
        name="offer-link"
        readOnly
        value={delivered.link}
        onFocus={(e) => e.currentTarget.select()}
      />
      <Field
        label={t('desk.issue.text')}
        name="offer-text"
        readOnly
        value={delivered.text}
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" className="primary" onClick={props.onAnother}>
        {t('desk.issue.another')}
      </button>
    </section>
  );
}
