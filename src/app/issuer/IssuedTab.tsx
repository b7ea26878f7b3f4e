import { useState } from 'react';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import type { IssuedCredential } from '../../core/issuer/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { downloadText } from '../shared/download.ts';
import { Field } from '../shared/Field.tsx';
import { formatDateTime } from '../shared/format.ts';
import { publishStatusList, revokeCredential } from './desk-actions.ts';
import { useDeskStore } from './desk-store.ts';

/** What the desk issued, revocation with a reason, and publishing the signed status list. */
export function IssuedTab() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const issued = useDeskStore((s) => s.issued);
  const [revoking, setRevoking] = useState<IssuedCredential | null>(null);
  const [reasonError, setReasonError] = useState<MessageKey | null>(null);
  const [published, setPublished] = useState<{ uri: string; jwt: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const confirmRevoke = async () => {
    if (!revoking) return;
    const input = document.getElementById('revoke-reason');
    const reason = input instanceof HTMLTextAreaElement ? input.value : '';
    const problem = await revokeCredential(revoking.id, reason);
    if (problem) return setReasonError(problem);
    setNotice(t('desk.revoke.done', { name: revoking.subjectName }));
    setRevoking(null);
    setReasonError(null);
    setPublished(null);
  };

  return (
    <div>
      <section aria-labelledby="issued-title">
        <h2 id="issued-title">{t('desk.issued.title')}</h2>
        {notice ? <p role="status">{notice}</p> : null}
        {issued.length === 0 ? (
          <p className="empty">{t('desk.issued.empty')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('desk.register.name')}</th>
                <th scope="col">{t('desk.issue.type')}</th>
                <th scope="col">{t('desk.issued.summary')}</th>
                <th scope="col">{t('desk.issued.issuedAt')}</th>
                <th scope="col">{t('desk.issued.status')}</th>
              </tr>
            </thead>
            <tbody>
              {issued.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.subjectName}</th>
                  <td>{CREDENTIAL_TYPES[item.typeId].name[language]}</td>
                  <td>{item.summary}</td>
                  <td>{formatDateTime(item.issuedAt, language)}</td>
                  <td>
                    {item.revoked ? (
                      <span>
                        {t('credential.state.revoked')} — {item.revoked.reason}
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="danger"
                        aria-label={t('desk.revoke.buttonFor', {
                          name: item.subjectName,
                          summary: item.summary,
                        })}
                        onClick={() => setRevoking(item)}
                      >
                        {t('desk.revoke.button')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="publish-title">
        <h2 id="publish-title">{t('desk.publish.title')}</h2>
        <p>{t('desk.publish.intro')}</p>
        <button
          type="button"
          className="primary"
          onClick={async () => setPublished(await publishStatusList())}
        >
          {t('desk.publish.button')}
        </button>
        {published ? (
          <div>
            <p role="status">{t('desk.publish.done', { uri: published.uri })}</p>
            <button
              type="button"
              onClick={() =>
                downloadText(fileNameOf(published.uri), published.jwt, 'application/statuslist+jwt')
              }
            >
              {t('desk.publish.download')}
            </button>
            <Field
              label={t('desk.publish.jwt')}
              name="status-jwt"
              readOnly
              value={published.jwt}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
        ) : null}
      </section>
      {revoking ? (
        <ConfirmDialog
          title={t('desk.revoke.confirmTitle', { name: revoking.subjectName })}
          confirmLabel={t('desk.revoke.confirm')}
          cancelLabel={t('common.cancel')}
          danger
          onCancel={() => {
            setRevoking(null);
            setReasonError(null);
          }}
          onConfirm={() => void confirmRevoke()}
        >
          <p>{t('desk.revoke.body')}</p>
          <div className="field">
            <label htmlFor="revoke-reason">{t('desk.revoke.reason')}</label>
            <textarea
              id="revoke-reason"
              rows={3}
              maxLength={500}
              aria-invalid={reasonError ? true : undefined}
            />
            {reasonError ? (
              <p className="error" role="alert">
                {t(reasonError)}
              </p>
            ) : null}
          </div>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function fileNameOf(uri: string): string {
  try {
    const last = new URL(uri).pathname.split('/').filter(Boolean).pop();
    return last && /^[\w.-]+$/.test(last) ? last : 'status-list.jwt';
  } catch {
    return 'status-list.jwt';
  }
}
