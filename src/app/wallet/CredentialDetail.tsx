import { GetNewCopies } from './GetNewCopies.tsx';
import { useEffect, useRef, useState } from 'react';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import { statusOf, type StatusFailureReason } from '../../core/holder/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { ConfirmButton } from '../shared/ConfirmButton.tsx';
import { OpenFileButton } from '../shared/OpenFileButton.tsx';
import { formatDateTime } from '../shared/format.ts';
import { formatClaim } from './ClaimValue.tsx';
import {
  checkStatusOnline,
  checkStatusWith,
  openView,
  readCredentialView,
  removeCredential,
} from './credential-actions.ts';
import { statusFetchable, takeCheckOnOpen } from './check-on-open.ts';
import { cardDate, cardState, issuerNames, STATE_TEXT } from './CredentialList.tsx';
import { useWalletStore, type CredentialView } from './wallet-store.ts';
import { GiveDeskReceipt } from './GiveDeskReceipt.tsx';

const FAILURE_TEXT: Record<StatusFailureReason, MessageKey> = {
  unreachable: 'cards.status.reason.unreachable',
  'not-allowed': 'cards.status.reason.notAllowed',
  'invalid-list': 'cards.status.reason.invalidList',
};

const CHECKED_TEXT: Record<'valid' | 'revoked' | 'suspended', MessageKey> = {
  valid: 'cards.status.valid',
  revoked: 'cards.status.revoked',
  suspended: 'cards.status.suspended',
};

/**
 * One card in full. First sight: what it is, who issued it, for when, what it says (plain
 * labels) and its status in plain words. Identifiers, the pseudonym, type and format, and the
 * status list sit behind "Technical details" (docs/ux.md §Words). Opening the card from the list
 * checks its status once, when the list is at an address the wallet may contact (§Cards).
 */
export function CredentialDetail() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const id = useWalletStore((s) => s.selectedCredentialId);
  const summary = useWalletStore((s) => s.credentials.find((c) => c.id === id));
  // The list holds summaries; the card decrypts its own record for every claim (again after a
  // status check or any refresh of the list, which replaces the summary).
  const [full, setFull] = useState<CredentialView | undefined>(undefined);
  useEffect(() => {
    if (!summary) return;
    let current = true;
    void readCredentialView(summary.id).then((view) => {
      if (current) setFull(view);
    });
    return () => {
      current = false;
    };
  }, [summary]);
  const credential = full && full.id === summary?.id ? full : summary;
  const announcement = useWalletStore((s) => s.announcement);
  const [checking, setChecking] = useState(false);
  const [statusMessage, setStatusMessage] = useState<MessageKey | null>(null);

  const check = async (run: () => ReturnType<typeof checkStatusOnline>, alert: boolean) => {
    setChecking(true);
    setStatusMessage(null);
    const outcome = await run();
    setChecking(false);
    setStatusMessage(outcome.ok || !alert ? null : outcome.message);
  };

  // Opening the card is the citizen's request to see where it stands: check once, on open only.
  const opened = useRef<CredentialView | undefined>(credential);
  useEffect(() => {
    const card = opened.current;
    if (!card || !takeCheckOnOpen(card.id) || !statusFetchable(card)) return;
    void check(() => checkStatusOnline(card), false);
  }, []); // Once per opening, by design.

  if (!credential) {
    return (
      <section className="card">
        <p>{t('credential.missing')}</p>
        <button type="button" onClick={() => openView('home')}>
          {t('settings.back')}
        </button>
      </section>
    );
  }
  const type = CREDENTIAL_TYPES[credential.typeId];
  const now = new Date();
  const state = cardState(credential, now);
  const status = statusOf(credential);
  const typeName = type.name[language];
  const names = issuerNames(credential);
  const issuer = names.own ?? credential.issuerName;
  const failure = status.kind === 'none' ? undefined : status.failure;

  const headline = checking
    ? t('credential.status.checking')
    : status.kind === 'checked' && state !== 'expired'
      ? t(CHECKED_TEXT[status.state], { when: formatDateTime(status.checkedAt, language) })
      : t(STATE_TEXT[state]);

  return (
    <section className="card" aria-labelledby="credential-title">
      <div className="title-row">
        <h1 id="credential-title">{typeName}</h1>
        <button type="button" onClick={() => openView('home')}>
          {t('settings.back')}
        </button>
      </div>
      {announcement?.key === 'cards.saved' ? (
        <p role="status" className="success saved-note">
          {t('cards.saved', { type: typeName, issuer })}
        </p>
      ) : null}
      {announcement?.key === 'cards.saved' ? (
        <GiveDeskReceipt credentialId={credential.id} />
      ) : null}
      <p className="lead">
        {issuer} · {cardDate(credential, language)}
      </p>
      <p className="status-line">
        <span className={`badge badge-${checking ? 'not-checked' : state}`} role="status">
          {headline}
        </span>
      </p>
      {credential.format === 'jwt_vc_json' ? (
        <p className="hint" role="note">
          {t('wallet.w3c.note')}
        </p>
      ) : null}

      <h2>{t('credential.claims')}</h2>
      <dl className="claims">
        {type.claims
          .filter((spec) => spec.name in credential.claims)
          .map((spec) => (
            <div key={spec.name} className="claim">
              <dt>{spec.label[language]}</dt>
              <dd>{formatClaim(spec, credential.claims[spec.name], language)}</dd>
            </div>
          ))}
      </dl>

      <h2>{t('credential.about')}</h2>
      <dl className="facts">
        <dt>{t('credential.issuer')}</dt>
        <dd>{issuer}</dd>
        {names.own !== undefined && names.label !== undefined ? (
          <>
            <dt>{t('credential.yourName')}</dt>
            <dd>{credential.issuerName}</dd>
          </>
        ) : null}
        {credential.issuedAt ? (
          <>
            <dt>{t('credential.issuedAt')}</dt>
            <dd>{formatDateTime(credential.issuedAt, language)}</dd>
          </>
        ) : null}
        {credential.expiresAt ? (
          <>
            <dt>{t('credential.expiresAt')}</dt>
            <dd>{formatDateTime(credential.expiresAt, language)}</dd>
          </>
        ) : null}
        <dt>{t('credential.receivedAt')}</dt>
        <dd>{formatDateTime(credential.receivedAt, language)}</dd>
      </dl>

      <section aria-labelledby="credential-status">
        <h2 id="credential-status">{t('credential.status.title')}</h2>
        {credential.status ? (
          <>
            <p>
              {status.kind === 'checked'
                ? t('credential.status.lastChecked', {
                    when: formatDateTime(status.checkedAt, language),
                  })
                : t('credential.status.never')}
            </p>
            {failure ? (
              <p className="status-failure">
                {t('cards.status.couldNotCheck', {
                  reason: t(FAILURE_TEXT[failure.reason]),
                  when: formatDateTime(failure.at, language),
                })}
              </p>
            ) : null}
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={checking}
                onClick={() => void check(() => checkStatusOnline(credential), true)}
              >
                {t('credential.status.checkNow')}
              </button>
              <OpenFileButton
                label={t('credential.status.openFile')}
                accept=".jwt,.w3c,.txt,application/statuslist+jwt,application/vc+jwt,text/plain"
                maxBytes={1_000_000}
                onTooLarge={() => setStatusMessage('credential.status.invalidList')}
                onText={(text) => check(() => checkStatusWith(credential, text), true)}
              />
            </div>
            {statusMessage ? (
              <p className="error" role="alert">
                {t(statusMessage)}
              </p>
            ) : null}
            <p className="hint">{t('credential.status.privacy')}</p>
          </>
        ) : (
          <p>{t('credential.status.none')}</p>
        )}
      </section>

      <GetNewCopies credential={credential} />

      <TechnicalDetails credential={credential} />

      <section aria-labelledby="credential-delete">
        <h2 id="credential-delete">{t('credential.delete.title')}</h2>
        <ConfirmButton
          label={t('credential.delete.button')}
          title={t('credential.delete.confirmTitle')}
          confirmLabel={t('credential.delete.confirm')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => void removeCredential(credential.id)}
        >
          <p>
            {t('credential.delete.confirmBody', { type: typeName, issuer: credential.issuerName })}
          </p>
        </ConfirmButton>
      </section>
    </section>
  );
}

/** What a citizen does not need to read, for whoever does: identifiers, keys, type, format, list. */
function TechnicalDetails({ credential }: { credential: CredentialView }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const status = statusOf(credential);
  return (
    <details className="technical">
      <summary>{t('cards.tech.title')}</summary>
      <dl className="tech-facts">
        <dt>{t('cards.tech.issuerDid')}</dt>
        <dd>
          <code className="did">{credential.issuer}</code>
        </dd>
        <dt>{t('cards.tech.pseudonym')}</dt>
        <dd>
          {t('cards.tech.pseudonymValue', {
            relationship: String(credential.relationshipIndex),
            child: String(credential.childIndex),
          })}
        </dd>
        <dt>{t('cards.tech.vct')}</dt>
        <dd>
          <code>{credential.vct}</code>
        </dd>
        {credential.types ? (
          <>
            <dt>{t('cards.tech.w3cTypes')}</dt>
            <dd>
              <code>{credential.types.join(', ')}</code>
            </dd>
          </>
        ) : null}
        <dt>{t('wallet.w3c.format')}</dt>
        <dd>
          {t(
            credential.format === 'jwt_vc_json' ? 'wallet.w3c.formatW3c' : 'wallet.w3c.formatSdJwt',
          )}
        </dd>
        {credential.status ? (
          <>
            <dt>{t('cards.tech.statusList')}</dt>
            <dd>
              <code className="did">{credential.status.uri}</code>
            </dd>
            <dt>{t('cards.tech.statusIndex')}</dt>
            <dd>{credential.status.idx}</dd>
            <dt>{t('cards.tech.statusRaw')}</dt>
            <dd>
              {status.kind === 'checked' ? (
                <>
                  <code>{status.state}</code>
                  {status.listIssuedAt
                    ? ` · ${t('cards.tech.listIssuedAt', { when: formatDateTime(status.listIssuedAt, language) })}`
                    : null}
                </>
              ) : (
                <code>{t('cards.tech.noStatusYet')}</code>
              )}
            </dd>
            {status.kind !== 'none' && status.failure ? (
              <>
                <dt>{t('cards.tech.lastFailure')}</dt>
                <dd>
                  <code>
                    {status.failure.reason}: {status.failure.detail}
                  </code>
                </dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
    </details>
  );
}
