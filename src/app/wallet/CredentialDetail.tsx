import { useState } from 'react';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import { credentialState } from '../../core/holder/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { ConfirmButton } from '../shared/ConfirmButton.tsx';
import { formatDateTime } from '../shared/format.ts';
import { formatClaim } from './ClaimValue.tsx';
import {
  checkStatusOnline,
  checkStatusWith,
  openView,
  removeCredential,
} from './credential-actions.ts';
import { cardDate, issuerNames, STATE_TEXT } from './CredentialList.tsx';
import { useWalletStore } from './wallet-store.ts';

export function CredentialDetail() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const id = useWalletStore((s) => s.selectedCredentialId);
  const credential = useWalletStore((s) => s.credentials.find((c) => c.id === id));
  const [checking, setChecking] = useState(false);
  const [statusMessage, setStatusMessage] = useState<MessageKey | null>(null);

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
  const state = credentialState(credential, new Date());
  const typeName = type.name[language];
  const names = issuerNames(credential);

  const check = async (run: () => ReturnType<typeof checkStatusOnline>) => {
    setChecking(true);
    setStatusMessage(null);
    const outcome = await run();
    setChecking(false);
    setStatusMessage(outcome.ok ? null : outcome.message);
  };

  return (
    <section className="card" aria-labelledby="credential-title">
      <div className="title-row">
        <h1 id="credential-title">{typeName}</h1>
        <button type="button" onClick={() => openView('home')}>
          {t('settings.back')}
        </button>
      </div>
      <p className="lead">
        {names.own ?? credential.issuerName} · {cardDate(credential, language)}
      </p>
      <p>
        <span className={`badge badge-${state}`} role="status">
          {t(STATE_TEXT[state])}
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
        <dd>
          {names.own ?? credential.issuerName}
          <code className="did">{credential.issuer}</code>
        </dd>
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
        <dt>{t('wallet.w3c.format')}</dt>
        <dd>
          {t(
            credential.format === 'jwt_vc_json' ? 'wallet.w3c.formatW3c' : 'wallet.w3c.formatSdJwt',
          )}
        </dd>
      </dl>

      <section aria-labelledby="credential-status">
        <h2 id="credential-status">{t('credential.status.title')}</h2>
        {credential.status ? (
          <>
            <p>
              {credential.statusCheck
                ? t('credential.status.lastChecked', {
                    when: formatDateTime(credential.statusCheck.checkedAt, language),
                  })
                : t('credential.status.never')}
            </p>
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={checking}
                onClick={() => check(() => checkStatusOnline(credential))}
              >
                {t('credential.status.checkNow')}
              </button>
              <label className="file-button">
                {t('credential.status.openFile')}
                <input
                  type="file"
                  accept=".jwt,.w3c,.txt,application/statuslist+jwt,application/vc+jwt,text/plain"
                  className="visually-hidden"
                  onChange={async (event) => {
                    const file = event.target.files?.[0];
                    event.target.value = '';
                    if (!file) return;
                    if (file.size > 1_000_000)
                      return setStatusMessage('credential.status.invalidList');
                    const text = await file.text();
                    await check(() => checkStatusWith(credential, text));
                  }}
                />
              </label>
            </div>
            {checking ? <p role="status">{t('credential.status.checking')}</p> : null}
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
