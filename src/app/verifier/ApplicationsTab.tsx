import { useEffect, useState, type FormEvent } from 'react';
import { TEMPLATE_IDS, type TemplateId } from '../../core/verifier/index.ts';
import { utf8ToBytes } from '../../core/encoding/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { ConfirmButton } from '../shared/ConfirmButton.tsx';
import { downloadText } from '../shared/download.ts';
import { Field } from '../shared/Field.tsx';
import { formatDateTime } from '../shared/format.ts';
import { QrCode } from '../shared/qr/index.ts';
import type { ServerApplication } from '../shared/server-admin.ts';
import {
  hideAnswer,
  hideAnswers,
  MAX_APPLICATION_NAME_LENGTH,
  publishApplication,
  refreshApplications,
  showAnswer,
  showAnswers,
  useApplicationsStore,
  withdrawApplication,
} from './applications-actions.ts';
import { Verdict } from './Verdict.tsx';
import { useVerifierStore } from './verifier-store.ts';

/**
 * Application links (docs/ux.md "Application links"): publish a template as a link, show its QR
 * code, link and download, withdraw it, and read its answers with their verdicts.
 */
export function ApplicationsTab() {
  const t = useT();
  const serverUrl = useVerifierStore((s) => s.serverUrl);
  const shownAnswer = useApplicationsStore((s) => s.shownAnswer);
  const problem = useApplicationsStore((s) => s.problem);
  const notice = useApplicationsStore((s) => s.notice);
  // Opening the tab reads the links once; leaving it gives the desk's own verdict view back.
  useEffect(() => {
    if (useApplicationsStore.getState().applications === null && serverUrl !== null) {
      void refreshApplications();
    }
    return () => hideAnswer();
  }, [serverUrl]);
  return (
    <section aria-label={t('applications.title')}>
      {problem ? (
        <p className="error" role="alert">
          {t(problem)}
        </p>
      ) : null}
      {notice ? <p role="status">{t(notice)}</p> : null}
      {serverUrl === null ? (
        <p>{t('applications.offline')}</p>
      ) : shownAnswer !== null ? (
        <>
          <Verdict />
          <div className="actions">
            <button type="button" onClick={hideAnswer}>
              {t('applications.answers.back')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('applications.intro')}</p>
          <PublishForm />
          <PublishedList />
        </>
      )}
    </section>
  );
}

function PublishForm() {
  const t = useT();
  const busy = useApplicationsStore((s) => s.busy);
  const [template, setTemplate] = useState<TemplateId>('income-supplement');
  const [name, setName] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const problem = await publishApplication({ template, name }).catch(
      (): MessageKey => 'error.unexpected',
    );
    if (problem) setError(problem);
    else setName('');
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="publish-title">
      <h2 id="publish-title">{t('applications.publish.title')}</h2>
      <div className="field">
        <label htmlFor="application-template">{t('applications.publish.template')}</label>
        <select
          id="application-template"
          value={template}
          onChange={(event) => setTemplate(event.target.value as TemplateId)}
        >
          {TEMPLATE_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`verifier.template.${id}.name`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t('applications.publish.name')}
        hint={t('applications.publish.nameHint')}
        name="application-name"
        required
        maxLength={MAX_APPLICATION_NAME_LENGTH}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={error === 'applications.publish.nameMissing' ? t(error) : null}
      />
      {error && error !== 'applications.publish.nameMissing' ? (
        <p className="error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {t('applications.publish.submit')}
      </button>
    </form>
  );
}

function PublishedList() {
  const t = useT();
  const applications = useApplicationsStore((s) => s.applications);
  const busy = useApplicationsStore((s) => s.busy);
  return (
    <section aria-labelledby="published-title">
      <div className="title-row">
        <h2 id="published-title">{t('applications.list.title')}</h2>
        <button type="button" onClick={() => void refreshApplications()} disabled={busy}>
          {t('applications.list.refresh')}
        </button>
      </div>
      {applications === null ? (
        <p role="status">{t('applications.list.loading')}</p>
      ) : applications.length === 0 ? (
        <p>{t('applications.list.empty')}</p>
      ) : (
        applications.map((application) => (
          <PublishedLink key={application.id} application={application} />
        ))
      )}
    </section>
  );
}

/** A file name from the clerk's name for the link: letters, digits and dashes. */
function fileNameOf(name: string, extension: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'application-link'}.${extension}`;
}

function PublishedLink({ application }: { application: ServerApplication }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const answersOf = useApplicationsStore((s) => s.answersOf);
  const busy = useApplicationsStore((s) => s.busy);
  const titleId = `application-${application.id}`;
  const open = answersOf === application.id;
  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>{application.name}</h3>
      <p className="hint">
        {t('applications.item.published', {
          date: formatDateTime(application.createdAt, language),
        })}
      </p>
      <QrCode
        frames={{ frames: [utf8ToBytes(application.link)], animated: false }}
        label={t('applications.item.qrLabel', { name: application.name })}
        minModulePx={5}
        downloadName={fileNameOf(application.name, 'png')}
      />
      <Field
        label={t('applications.item.link', { name: application.name })}
        hint={t('applications.item.linkHint')}
        name={`application-link-${application.id}`}
        readOnly
        value={application.link}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="actions">
        <button
          type="button"
          onClick={() => downloadText(fileNameOf(application.name, 'txt'), `${application.link}\n`)}
        >
          {t('applications.item.downloadLink')}
        </button>
        <button
          type="button"
          aria-expanded={open}
          onClick={() => (open ? hideAnswers() : void showAnswers(application.id))}
        >
          {t('applications.item.answers', { name: application.name, count: application.answers })}
        </button>
        <ConfirmButton
          label={t('applications.withdraw.button', { name: application.name })}
          title={t('applications.withdraw.title', { name: application.name })}
          confirmLabel={t('applications.withdraw.confirm')}
          cancelLabel={t('applications.withdraw.cancel')}
          onConfirm={() => void withdrawApplication(application.id)}
        >
          <p>{t('applications.withdraw.body')}</p>
        </ConfirmButton>
      </div>
      {open ? <Answers application={application} busy={busy} /> : null}
    </article>
  );
}

function Answers({ application, busy }: { application: ServerApplication; busy: boolean }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const answers = useApplicationsStore((s) => s.answers);
  const titleId = `answers-${application.id}`;
  return (
    <section aria-labelledby={titleId}>
      <h4 id={titleId}>{t('applications.answers.title', { name: application.name })}</h4>
      <div className="actions">
        <button type="button" onClick={() => void showAnswers(application.id)} disabled={busy}>
          {t('applications.answers.refresh')}
        </button>
        <button type="button" onClick={hideAnswers}>
          {t('applications.answers.close')}
        </button>
      </div>
      {answers === null ? (
        <p role="status">{t('applications.list.loading')}</p>
      ) : answers.length === 0 ? (
        <p>{t('applications.answers.empty')}</p>
      ) : (
        <ul className="answers">
          {answers.map((answer) => {
            const date = formatDateTime(answer.answeredAt, language);
            const word = answer.result.pending
              ? t('applications.answers.pending')
              : answer.result.verdict.valid
                ? t('verifier.verdict.valid')
                : t('verifier.verdict.notValid');
            const tone = answer.result.pending
              ? undefined
              : answer.result.verdict.valid
                ? 'success'
                : 'error';
            return (
              <li key={answer.id}>
                <span>{date}</span> — <strong className={tone}>{word}</strong>{' '}
                {answer.result.pending ? null : (
                  <button type="button" onClick={() => showAnswer(answer.id, language)}>
                    {t('applications.answers.show', { date })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
