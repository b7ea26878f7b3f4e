import { useEffect, useId, useState, type FormEvent } from 'react';
import type { IssuerChange } from '../../core/holder/index.ts';
import { useLanguageStore, useT } from '../i18n/index.ts';
import { openView } from './credential-actions.ts';
import { CredentialList } from './CredentialList.tsx';
import { hostToContact } from './incoming-link.ts';
import { OnlineContact, OnlineError } from './OnlineContact.tsx';
import {
  acceptOnlineOffer,
  forgetOnlineOffer,
  resolveOnlineOffer,
  trustChangedIssuer,
  type AcceptOutcome,
  type OfferSummary,
} from './online-offer.ts';
import type { OnlineMessage } from './online-request.ts';
import { IssuerChangedWarning } from './IssuerChangedWarning.tsx';
import type { CredentialView } from './wallet-store.ts';

type Stage =
  | { step: 'contact'; busy: boolean }
  | { step: 'offer'; summary: OfferSummary; busy: boolean }
  | { step: 'issuer-changed'; summary: OfferSummary; change: IssuerChange }
  | { step: 'saved'; summary: OfferSummary; credential: CredentialView }
  | { step: 'failed' };

/**
 * An OpenID4VCI credential offer: who offers what, the transaction code when the issuer asks
 * for one, then "Saved in your wallet: <type> from <issuer>" and the card. Every failure says what happened and that
 * nothing was stored; a wrong code or a lost connection can be tried again.
 */
export function OnlineOffer({ uri, onDone }: { uri: string; onDone: () => void }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const ids = useId();
  const host = hostToContact(uri);
  const [stage, setStage] = useState<Stage>({ step: 'contact', busy: false });
  const [error, setError] = useState<OnlineMessage | null>(null);
  const [code, setCode] = useState('');

  // The offer's secret code stays in online-offer.ts; forget it when the screen goes.
  useEffect(() => () => forgetOnlineOffer(), []);

  const contact = async () => {
    setError(null);
    setStage({ step: 'contact', busy: true });
    const outcome = await resolveOnlineOffer(uri, language, host ?? '?');
    if (!outcome.ok) {
      setError(outcome.message);
      setStage({ step: 'failed' });
      return;
    }
    setStage({ step: 'offer', summary: outcome.summary, busy: false });
  };

  const settle = (summary: OfferSummary, outcome: AcceptOutcome) => {
    if (outcome.ok) {
      setCode('');
      setStage({ step: 'saved', summary, credential: outcome.credential });
      return;
    }
    if (outcome.issuerChange) {
      setStage({ step: 'issuer-changed', summary, change: outcome.issuerChange });
      return;
    }
    setError(outcome.message);
    setStage(outcome.retry ? { step: 'offer', summary, busy: false } : { step: 'failed' });
  };

  const accept = async (event: FormEvent, summary: OfferSummary) => {
    event.preventDefault();
    setError(null);
    if (summary.txCode && !code.trim()) {
      setError({ key: 'online.offer.txCodeRequired' });
      return;
    }
    setStage({ step: 'offer', summary, busy: true });
    settle(summary, await acceptOnlineOffer(summary.txCode ? code.trim() : undefined));
  };

  const decline = () => {
    forgetOnlineOffer();
    onDone();
  };

  return (
    <section aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('online.offer.title')}</h2>
      {error ? <OnlineError message={error} /> : null}
      {stage.step === 'contact' ? (
        <OnlineContact
          kind="offer"
          host={host}
          busy={stage.busy}
          onContact={() => void contact()}
          onCancel={decline}
        />
      ) : null}
      {stage.step === 'offer' ? (
        <form onSubmit={(event) => void accept(event, stage.summary)}>
          <dl className="facts">
            <dt>{t('online.offer.from')}</dt>
            <dd>{stage.summary.issuerName}</dd>
            <dt>{t('online.offer.what')}</dt>
            <dd>{stage.summary.typeName}</dd>
            <dt>{t('online.offer.issuerAddress')}</dt>
            <dd>
              <code>{stage.summary.issuerHost}</code>
            </dd>
          </dl>
          <p className="hint">{t('online.offer.nameUnverified')}</p>
          {stage.summary.w3c ? (
            <p className="hint" role="note">
              {t('wallet.w3c.note')}
            </p>
          ) : null}
          {stage.summary.txCode ? (
            <div className="field">
              <label htmlFor={`${ids}-code`}>{t('online.offer.txCode')}</label>
              <input
                id={`${ids}-code`}
                name="tx-code"
                autoComplete="one-time-code"
                spellCheck={false}
                inputMode={stage.summary.txCode.numeric ? 'numeric' : 'text'}
                {...(stage.summary.txCode.numeric ? { pattern: '[0-9]*' } : {})}
                {...(stage.summary.txCode.length === undefined
                  ? {}
                  : { maxLength: stage.summary.txCode.length })}
                aria-describedby={`${ids}-code-hint`}
                value={code}
                onChange={(event) => setCode(event.target.value)}
                disabled={stage.busy}
              />
              <p className="hint" id={`${ids}-code-hint`}>
                {stage.summary.txCode.length === undefined
                  ? t('online.offer.txCodeHint')
                  : t('online.offer.txCodeLength', { length: stage.summary.txCode.length })}
                {stage.summary.txCode.description ? ` ${stage.summary.txCode.description}` : null}
              </p>
            </div>
          ) : null}
          {stage.busy ? (
            <p role="status">{t('online.offer.receiving', { issuer: stage.summary.issuerName })}</p>
          ) : null}
          <div className="actions">
            <button type="button" onClick={decline} disabled={stage.busy}>
              {t('online.offer.decline')}
            </button>
            <button type="submit" className="primary" disabled={stage.busy}>
              {t('online.offer.accept')}
            </button>
          </div>
        </form>
      ) : null}
      {stage.step === 'issuer-changed' ? (
        <IssuerChangedWarning
          change={stage.change}
          onRefuse={() => {
            forgetOnlineOffer();
            setError({ key: 'receive.issuerChanged.refused' });
            setStage({ step: 'failed' });
          }}
          onTrust={() =>
            void trustChangedIssuer(stage.change.offeredIssuer).then((outcome) =>
              settle(stage.summary, outcome),
            )
          }
        />
      ) : null}
      {stage.step === 'saved' ? (
        <div>
          <p role="status" className="success">
            {t('cards.saved', {
              type: stage.summary.typeName,
              issuer: stage.summary.issuerName,
            })}
          </p>
          <CredentialList credentials={[stage.credential]} />
          <div className="actions">
            <button type="button" onClick={() => openView('home')}>
              {t('online.offer.home')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => openView('credential', stage.credential.id)}
            >
              {t('online.offer.open')}
            </button>
          </div>
        </div>
      ) : null}
      {stage.step === 'failed' ? (
        <div className="actions">
          <button type="button" onClick={onDone}>
            {t('present.done')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
