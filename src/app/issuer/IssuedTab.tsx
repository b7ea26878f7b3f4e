import { useState, type FormEvent } from 'react';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import {
  familyOf,
  issuedStatus,
  type IssuedCredential,
  type IssuedStatus,
} from '../../core/issuer/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { ListTable } from '../shared/ListTable.tsx';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { downloadText } from '../shared/download.ts';
import { Field } from '../shared/Field.tsx';
import { formatDate, formatDateTime } from '../shared/format.ts';
import {
  publishStatusList,
  revokeCredential,
  revokeServerIssued,
  syncHostedStatusList,
  type Published,
} from './desk-actions.ts';
import { useDeskStore } from './desk-store.ts';
import { IssuanceReceipts } from './IssuanceReceipts.tsx';

/** What the desk issued, revocation with a reason, and publishing the signed status list. */
export function IssuedTab() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const issued = useDeskStore((s) => s.issued);
  const [revoking, setRevoking] = useState<IssuedCredential | null>(null);
  const [reasonError, setReasonError] = useState<MessageKey | null>(null);
  const [published, setPublished] = useState<Published | null>(null);
  const serverUrl = useDeskStore((s) => s.serverUrl);
  const [notice, setNotice] = useState<string | null>(null);
  const now = new Date();
  const originalOf = (item: IssuedCredential) =>
    item.renews === undefined ? undefined : issued.find((each) => each.id === item.renews);
  const familySize = (item: IssuedCredential) =>
    issued.filter((each) => familyOf(each) === familyOf(item)).length;

  const confirmRevoke = async () => {
    if (!revoking) return;
    const input = document.getElementById('revoke-reason');
    const reason = input instanceof HTMLTextAreaElement ? input.value : '';
    const problem = await revokeCredential(revoking.id, reason);
    if (problem) return setReasonError(problem);
    // With a server that hosts the desk's list, the revocation is sent there at once.
    const synced = await syncHostedStatusList();
    setNotice(
      [
        t('desk.revoke.done', { name: revoking.subjectName }),
        synced?.ok ? t('deskServer.publish.done', { uri: synced.uri }) : '',
        synced && !synced.ok ? `${t('deskServer.publish.failed')} ${t(synced.message)}` : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    setRevoking(null);
    setReasonError(null);
    setPublished(null);
  };

  return (
    <div>
      <section aria-labelledby="issued-title">
        <h2 id="issued-title">{t('desk.issued.title')}</h2>
        {notice ? <p role="status">{notice}</p> : null}
        <ListTable
          isEmpty={issued.length === 0}
          emptyText={t('desk.issued.empty')}
          className="table desk-table"
          columns={[
            t('desk.register.name'),
            t('desk.issue.type'),
            t('desk.issued.format'),
            t('desk.issued.summary'),
            t('desk.issued.issuedAt'),
            t('desk.issued.status'),
          ]}
          actionsLabel={t('desk.register.actions')}
        >
          {issued.map((item) => (
            <tr key={item.id}>
              <th scope="row">{item.subjectName}</th>
              <td data-label={t('desk.issue.type')}>
                {CREDENTIAL_TYPES[item.typeId].name[language]}
              </td>
              <td data-label={t('desk.issued.format')}>
                {t(`desk.issued.format.${item.format ?? 'dc+sd-jwt'}`)}
                {item.copies ? (
                  <>
                    {' · '}
                    {t('issuerDesk.issued.copies', { count: item.copies.length })}
                  </>
                ) : null}
                {item.renews !== undefined ? (
                  <>
                    {' · '}
                    {t('issuerDesk.issued.renews', {
                      date: formatDateTime(originalOf(item)?.issuedAt ?? '', language),
                    })}
                  </>
                ) : null}
              </td>
              <td data-label={t('desk.issued.summary')}>{item.summary}</td>
              <td data-label={t('desk.issued.issuedAt')}>
                {formatDateTime(item.issuedAt, language)}
              </td>
              <td data-label={t('desk.issued.status')}>
                <IssuedStatusCell status={issuedStatus(item, now)} />
              </td>
              <td>
                {item.revoked ? null : (
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
        </ListTable>
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
            {published.server?.ok ? (
              <p className="success" role="status">
                {t('deskServer.publish.done', { uri: published.server.uri })}
              </p>
            ) : null}
            {published.server && !published.server.ok ? (
              <p className="error" role="alert">
                {t('deskServer.publish.failed')} {t(published.server.message)}
              </p>
            ) : null}
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
            {published.w3c ? <W3cStatusList list={published.w3c} /> : null}
          </div>
        ) : null}
      </section>
      {serverUrl ? <RevokeAtServer /> : null}
      <IssuanceReceipts />
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
          {familySize(revoking) > 1 ? (
            <p>{t('issuerDesk.revoke.family', { count: familySize(revoking) })}</p>
          ) : null}
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

/** Valid (until …), Expired on …, Revoked on … (and why): words and dates, never codes. */
function IssuedStatusCell({ status }: { status: IssuedStatus }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  if (status.state === 'revoked') {
    return (
      <>
        <strong className="issued-status revoked">
          {t('issuerDesk.issued.revokedOn', { date: formatDate(status.since, language) })}
        </strong>
        <br />
        <span className="hint">{status.reason}</span>
      </>
    );
  }
  if (status.state === 'expired') {
    return (
      <strong className="issued-status expired">
        {t('issuerDesk.issued.expiredOn', { date: formatDate(status.since, language) })}
      </strong>
    );
  }
  return (
    <strong className="issued-status valid">
      {status.until
        ? t('issuerDesk.issued.validUntil', { date: formatDate(status.until, language) })
        : t('issuerDesk.issued.valid')}
    </strong>
  );
}

/** The same list as a W3C BitstringStatusListCredential, for the VC-JWTs the desk issued. */
function W3cStatusList({ list }: { list: { uri: string; jwt: string } }) {
  const t = useT();
  return (
    <>
      <p role="status">{t('desk.publish.w3cDone', { uri: list.uri })}</p>
      <button
        type="button"
        onClick={() =>
          downloadText(fileNameOf(list.uri, 'status-list.w3c'), list.jwt, 'application/jwt')
        }
      >
        {t('desk.publish.w3cDownload')}
      </button>
      <Field
        label={t('desk.publish.w3cJwt')}
        name="status-w3c-jwt"
        readOnly
        value={list.jwt}
        onFocus={(e) => e.currentTarget.select()}
      />
    </>
  );
}

/** Credentials the server issued are on its own list: revoked there, by their status index. */
function RevokeAtServer() {
  const t = useT();
  const [outcome, setOutcome] = useState<
    { ok: true; text: string } | { ok: false; message: MessageKey } | null
  >(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const text = String(new FormData(form).get('server-status-index') ?? '').trim();
    if (!/^\d{1,15}$/.test(text))
      return setOutcome({ ok: false, message: 'deskServer.revoke.invalid' });
    setBusy(true);
    const result = await revokeServerIssued(Number(text));
    setBusy(false);
    if (!result.ok) return setOutcome(result);
    form.reset();
    setOutcome({ ok: true, text: t('deskServer.revoke.done', { index: text, list: result.list }) });
  };

  return (
    <section aria-labelledby="server-revoke-title">
      <h2 id="server-revoke-title">{t('deskServer.revoke.title')}</h2>
      <p>{t('deskServer.revoke.intro')}</p>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('deskServer.revoke.index')}
          name="server-status-index"
          inputMode="numeric"
          autoComplete="off"
          maxLength={15}
        />
        <button type="submit" className="danger" disabled={busy}>
          {t('deskServer.revoke.submit')}
        </button>
      </form>
      {outcome?.ok ? (
        <p className="success" role="status">
          {outcome.text}
        </p>
      ) : null}
      {outcome && !outcome.ok ? (
        <p className="error" role="alert">
          {t(outcome.message)}
        </p>
      ) : null}
    </section>
  );
}

function fileNameOf(uri: string, fallback = 'status-list.jwt'): string {
  try {
    const last = new URL(uri).pathname.split('/').filter(Boolean).pop();
    return last && /^[\w.-]+$/.test(last) ? last : fallback;
  } catch {
    return fallback;
  }
}
