import { useCallback, useEffect, useRef, useState } from 'react';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import type { IssuerChange } from '../../core/holder/index.ts';
import { decodeFromText, type PayloadKind } from '../../core/transport/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { QrScanner } from '../shared/qr/index.ts';
import { openView, receiveOffer } from './credential-actions.ts';
import { takePendingLink } from './pending-link.ts';

const MAX_FILE_BYTES = 256 * 1024;

/**
 * A credential from another issuer than the one its connection is pinned to: refused unless the
 * citizen explicitly trusts the new issuer. Refusing is the default (it has the focus).
 */
function IssuerChangedWarning({
  change,
  onRefuse,
  onTrust,
}: {
  change: IssuerChange;
  onRefuse: () => void;
  onTrust: () => void;
}) {
  const t = useT();
  return (
    <section className="error-box" role="alert" aria-labelledby="issuer-changed-title">
      <h2 id="issuer-changed-title">{t('receive.issuerChanged.title')}</h2>
      <p>{t('receive.issuerChanged.body', { relationship: change.relationshipName })}</p>
      <dl className="facts">
        <dt>{t('receive.issuerChanged.pinned')}</dt>
        <dd>
          <code className="did">{change.pinnedIssuer}</code>
        </dd>
        <dt>{t('receive.issuerChanged.offered')}</dt>
        <dd>
          <code className="did">{change.offeredIssuer}</code>
          {change.offeredIssuerName ? (
            <span>{t('receive.issuerChanged.statedName', { name: change.offeredIssuerName })}</span>
          ) : null}
        </dd>
      </dl>
      <p>{t('receive.issuerChanged.advice')}</p>
      <div className="actions">
        {/* The safe choice has the focus: Enter refuses. */}
        <button type="button" className="primary" autoFocus onClick={onRefuse}>
          {t('receive.issuerChanged.refuse')}
        </button>
        <button type="button" onClick={onTrust}>
          {t('receive.issuerChanged.trust')}
        </button>
      </div>
    </section>
  );
}

/** Receive a credential: scan the desk's QR code, open a .vouch file, or follow a link. */
export function Receive() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const [error, setError] = useState<{ message: MessageKey; detail: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [scannerKey, setScannerKey] = useState(0);
  const [pending, setPending] = useState<{ payload: Uint8Array; change: IssuerChange } | null>(
    null,
  );
  const [refusedChange, setRefusedChange] = useState(false);
  const handledLink = useRef(false);

  const accept = useCallback(async (payload: Uint8Array, trustNewIssuer?: string) => {
    setBusy(true);
    setError(null);
    setRefusedChange(false);
    const outcome = await receiveOffer(
      payload,
      trustNewIssuer === undefined ? {} : { trustNewIssuer },
    );
    setBusy(false);
    setPending(null);
    if (outcome.ok) {
      openView('credential', outcome.credential.id);
      return;
    }
    if (outcome.issuerChange) {
      setPending({ payload, change: outcome.issuerChange });
      return;
    }
    setError({ message: outcome.message, detail: outcome.detail });
    setScannerKey((key) => key + 1);
  }, []);

  const refuseChange = () => {
    setPending(null);
    setRefusedChange(true);
    setScannerKey((key) => key + 1);
  };

  const acceptText = useCallback(
    async (text: string) => {
      const decoded = decodeFromText(text.trim());
      if (!decoded.ok)
        return setError({ message: 'receive.refused.notACode', detail: decoded.detail.message });
      if (decoded.value.kind !== 'offer')
        return setError({ message: 'receive.refused.notAnOffer', detail: decoded.value.kind });
      await accept(decoded.value.payload);
    },
    [accept],
  );

  useEffect(() => {
    if (handledLink.current) return;
    const link = takePendingLink('offer');
    if (!link) return;
    handledLink.current = true;
    void acceptText(link);
  }, [acceptText]);

  return (
    <section className="card" aria-labelledby="receive-title">
      <div className="title-row">
        <h1 id="receive-title">{t('receive.title')}</h1>
        <button type="button" onClick={() => openView('home')}>
          {t('settings.back')}
        </button>
      </div>
      <p>{t('receive.intro')}</p>
      {busy ? <p role="status">{t('receive.checking')}</p> : null}
      {error ? (
        <div className="error-box" role="alert">
          <p className="error">{t(error.message)}</p>
          <p className="hint">{t('receive.nothingStored')}</p>
        </div>
      ) : null}
      {refusedChange ? <p role="status">{t('receive.issuerChanged.refused')}</p> : null}
      {pending ? (
        <IssuerChangedWarning
          change={pending.change}
          onRefuse={refuseChange}
          onTrust={() => void accept(pending.payload, pending.change.offeredIssuer)}
        />
      ) : (
        <>
          <QrScanner
            key={scannerKey}
            accept={['offer'] satisfies PayloadKind[]}
            onPayload={(_kind, payload) => void accept(payload)}
          />
          <section aria-labelledby="receive-file-title">
            <h2 id="receive-file-title">{t('receive.fileTitle')}</h2>
            <label className="file-button">
              {t('receive.openFile')}
              <input
                type="file"
                accept=".vouch,text/plain"
                className="visually-hidden"
                onChange={async (event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (!file) return;
                  if (file.size > MAX_FILE_BYTES)
                    return setError({ message: 'receive.refused.tooLarge', detail: '' });
                  await acceptText(await file.text());
                }}
              />
            </label>
          </section>
        </>
      )}
      <p className="hint">
        {t('receive.types', {
          types: Object.values(CREDENTIAL_TYPES)
            .map((type) => type.name[language])
            .join(', '),
        })}
      </p>
    </section>
  );
}
