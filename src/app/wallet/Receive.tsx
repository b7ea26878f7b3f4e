import { useCallback, useEffect, useRef, useState } from 'react';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import { looksLikeVcJwt, type IssuerChange } from '../../core/holder/index.ts';
import { decodeFromText, type PayloadKind } from '../../core/transport/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { OpenFileButton } from '../shared/OpenFileButton.tsx';
import { QrScanner } from '../shared/qr/index.ts';
import { openView, receiveOffer, receiveVcJwtText, showSaved } from './credential-actions.ts';
import { recogniseIncoming } from './incoming-link.ts';
import { offerIssuanceReceipt } from './receipts-actions.ts';
import { IssuerChangedWarning } from './IssuerChangedWarning.tsx';
import { OnlineOffer } from './OnlineOffer.tsx';
import { setPendingLink, takePendingLink, vouchTextOf } from './pending-link.ts';

const MAX_FILE_BYTES = 256 * 1024;

/** What was received: a Vouch offer (QR, file, link) or a bare W3C VC-JWT (paste, .jwt file, link). */
type Incoming = { kind: 'offer'; payload: Uint8Array } | { kind: 'vc-jwt'; jwt: string };

/** Receive a credential: scan the desk's QR code, open a .vouch or .jwt file, or follow a link. */
export function Receive() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const [error, setError] = useState<{ message: MessageKey; detail: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [scannerKey, setScannerKey] = useState(0);
  const [pending, setPending] = useState<{ incoming: Incoming; change: IssuerChange } | null>(null);
  const [refusedChange, setRefusedChange] = useState(false);
  const handledLink = useRef(false);
  /** An OpenID4VCI offer link (scanned, pasted, opened): the online flow takes over. */
  const [onlineOffer, setOnlineOffer] = useState<string | null>(null);

  const accept = useCallback(async (incoming: Incoming, trustNewIssuer?: string) => {
    setBusy(true);
    setError(null);
    setRefusedChange(false);
    const options = trustNewIssuer === undefined ? {} : { trustNewIssuer };
    const outcome =
      incoming.kind === 'offer'
        ? await receiveOffer(incoming.payload, options)
        : await receiveVcJwtText(incoming.jwt, options);
    setBusy(false);
    setPending(null);
    if (outcome.ok) {
      // An offline offer: the wallet's halves of the receipt pair, for the desk to scan.
      if (incoming.kind === 'offer')
        void offerIssuanceReceipt(outcome.credential, incoming.payload);
      // The card, with "Saved in your wallet: …" above it.
      showSaved(outcome.credential);
      return;
    }
    if (outcome.issuerChange) {
      setPending({ incoming, change: outcome.issuerChange });
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

  /** An online offer here, a verifier's request on its screen. */
  const takeLink = useCallback((text: string): boolean => {
    const incoming = recogniseIncoming(text);
    if (incoming.kind === 'openid-offer') {
      setError(null);
      setOnlineOffer(incoming.uri);
      return true;
    }
    if (incoming.kind === 'openid-request') {
      setPendingLink('request', incoming.uri);
      openView('request');
      return true;
    }
    return false;
  }, []);

  /**
   * Text that is not a Vouch code: a W3C VC-JWT (bare, or in a `#receive=` link) or an online offer
   * here, a verifier's request on its screen.
   */
  const takeText = useCallback(
    (text: string): boolean => {
      const jwt = vouchTextOf(text.trim()).trim();
      if (looksLikeVcJwt(jwt)) {
        void accept({ kind: 'vc-jwt', jwt });
        return true;
      }
      return takeLink(text);
    },
    [accept, takeLink],
  );

  const acceptText = useCallback(
    async (text: string) => {
      if (takeText(text)) return;
      const decoded = decodeFromText(vouchTextOf(text.trim()));
      if (!decoded.ok)
        return setError({ message: 'receive.refused.notACode', detail: decoded.detail.message });
      if (decoded.value.kind !== 'offer')
        return setError({ message: 'receive.refused.notAnOffer', detail: decoded.value.kind });
      await accept({ kind: 'offer', payload: decoded.value.payload });
    },
    [accept, takeText],
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
      {onlineOffer ? (
        <OnlineOffer
          key={onlineOffer}
          uri={onlineOffer}
          onDone={() => {
            setOnlineOffer(null);
            setScannerKey((key) => key + 1);
          }}
        />
      ) : null}
      {busy ? <p role="status">{t('receive.checking')}</p> : null}
      {error ? (
        <div className="error-box" role="alert">
          <p className="error">{t(error.message)}</p>
          <p className="hint">{t('receive.nothingStored')}</p>
        </div>
      ) : null}
      {refusedChange ? <p role="status">{t('receive.issuerChanged.refused')}</p> : null}
      {onlineOffer ? null : pending ? (
        <IssuerChangedWarning
          change={pending.change}
          onRefuse={refuseChange}
          onTrust={() => void accept(pending.incoming, pending.change.offeredIssuer)}
        />
      ) : (
        <>
          <QrScanner
            key={scannerKey}
            accept={['offer'] satisfies PayloadKind[]}
            onPayload={(_kind, payload) => void accept({ kind: 'offer', payload })}
            onText={takeText}
          />
          <section aria-labelledby="receive-file-title">
            <h2 id="receive-file-title">{t('receive.fileTitle')}</h2>
            <OpenFileButton
              label={t('receive.openFile')}
              accept=".vouch,.jwt,text/plain"
              maxBytes={MAX_FILE_BYTES}
              onTooLarge={() => setError({ message: 'receive.refused.tooLarge', detail: '' })}
              onText={acceptText}
            />
            <p className="hint">{t('receive.w3c.hint')}</p>
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
