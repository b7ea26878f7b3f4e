import { useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';
import { ConfirmButton } from '../shared/ConfirmButton.tsx';
import { downloadText } from '../shared/download.ts';
import { Field } from '../shared/Field.tsx';
import { ServerSettingsSection } from '../shared/ServerSettingsSection.tsx';
import { KIND_LABEL } from './DeskSetup.tsx';
import { PublishProfileSection } from './PublishProfileSection.tsx';
import {
  eraseDesk,
  exportKeyFile,
  forgetServer,
  saveCopies,
  saveServer,
  testServer,
} from './desk-actions.ts';
import { useDeskStore } from './desk-store.ts';

export function DeskSettingsTab() {
  const t = useT();
  const profile = useDeskStore((s) => s.profile);
  const did = useDeskStore((s) => s.issuerDid);
  const alg = useDeskStore((s) => s.issuerAlg);
  const uri = useDeskStore((s) => s.statusListUri);
  const serverUrl = useDeskStore((s) => s.serverUrl);
  const hosted = useDeskStore((s) => s.hostedStatusUri);
  const [message, setMessage] = useState<MessageKey | null>(null);

  const exportKey = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const passphrase = String(data.get('export-passphrase') ?? '');
    if (passphrase !== String(data.get('export-repeat') ?? ''))
      return setMessage('passcode.mismatch');
    const result = await exportKeyFile(passphrase);
    if (!result.ok) return setMessage(result.message);
    downloadText('issuer-key.json', result.text, 'application/json');
    form.reset();
    setMessage('desk.export.done');
  };

  return (
    <div>
      <section aria-labelledby="desk-profile-title">
        <h2 id="desk-profile-title">{t('desk.settings.profile')}</h2>
        <dl className="facts">
          <dt>{t('desk.setup.name')}</dt>
          <dd>{profile?.name}</dd>
          <dt>{t('desk.setup.kind')}</dt>
          <dd>{profile ? t(KIND_LABEL[profile.kind]) : null}</dd>
          <dt>{t('desk.setup.registration')}</dt>
          <dd>{profile?.registration || '—'}</dd>
          <dt>{t('desk.settings.did')}</dt>
          <dd>
            <code className="did" aria-label={t('desk.settings.did')}>
              {did}
            </code>
          </dd>
          <dt>{t('desk.setup.alg')}</dt>
          <dd>{alg}</dd>
          <dt>{t('desk.setup.statusUri')}</dt>
          <dd>
            <code className="did">{uri}</code>
          </dd>
          {hosted ? (
            <>
              <dt>{t('deskServer.hostedList')}</dt>
              <dd>
                <code className="did" aria-label={t('deskServer.hostedList')}>
                  {hosted}
                </code>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <CopiesSection />
      <PublishProfileSection />
      <ServerSettingsSection
        savedUrl={serverUrl}
        ownIssuerDid={did}
        onSave={saveServer}
        onTest={testServer}
        onForget={forgetServer}
      />
      <section aria-labelledby="desk-export-title">
        <h2 id="desk-export-title">{t('desk.export.title')}</h2>
        <p>{t('desk.export.intro')}</p>
        <form onSubmit={exportKey} noValidate>
          <Field
            label={t('desk.export.passphrase')}
            hint={t('desk.export.hint')}
            name="export-passphrase"
            type="password"
            autoComplete="new-password"
          />
          <Field
            label={t('desk.export.repeat')}
            name="export-repeat"
            type="password"
            autoComplete="new-password"
          />
          <button type="submit">{t('desk.export.submit')}</button>
        </form>
        {message ? (
          <p
            className={message === 'desk.export.done' ? 'success' : 'error'}
            role={message === 'desk.export.done' ? 'status' : 'alert'}
          >
            {t(message)}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="desk-erase-title">
        <h2 id="desk-erase-title">{t('desk.erase.title')}</h2>
        <p>{t('desk.erase.body')}</p>
        <ConfirmButton
          label={t('desk.erase.button')}
          title={t('desk.erase.confirmTitle')}
          confirmLabel={t('settings.erase.confirm')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => void eraseDesk()}
        >
          <p>{t('desk.erase.body')}</p>
        </ConfirmButton>
      </section>
    </div>
  );
}

/** The desk's copies policy (issue 13): how many copies of each credential it issues. */
function CopiesSection() {
  const t = useT();
  const copies = useDeskStore((s) => s.copies);
  const [message, setMessage] = useState<MessageKey | null>(null);
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('copies') ?? '').trim();
    setMessage(await saveCopies(/^\d+$/.test(value) ? Number(value) : Number.NaN));
  };
  return (
    <section aria-labelledby="desk-copies-title">
      <h2 id="desk-copies-title">{t('issuerDesk.copies.title')}</h2>
      <p>{t('issuerDesk.copies.intro')}</p>
      <form onSubmit={save} noValidate>
        <Field
          label={t('issuerDesk.copies.label')}
          hint={t('issuerDesk.copies.hint')}
          name="copies"
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
          defaultValue={copies}
          key={copies}
          error={message === 'issuerDesk.copies.invalid' ? t(message) : null}
        />
        <button type="submit">{t('issuerDesk.copies.save')}</button>
      </form>
      {message === 'issuerDesk.copies.saved' ? (
        <p className="success" role="status">
          {t(message)}
        </p>
      ) : null}
    </section>
  );
}
