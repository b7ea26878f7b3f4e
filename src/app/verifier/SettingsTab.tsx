import { useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';
import { ConfirmButton } from '../shared/ConfirmButton.tsx';
import { Field } from '../shared/Field.tsx';
import { ServerSettingsSection } from '../shared/ServerSettingsSection.tsx';
import { GiveReceiptsSetting } from './GiveReceiptsSetting.tsx';
import { RegistrationSection } from './RegistrationSection.tsx';
import { VERIFIER_KIND_LABEL } from './VerifierSetup.tsx';
import { eraseVerifier, savePolicySettings } from './verifier-actions.ts';
import { forgetVerifierServer, saveVerifierServer, testVerifierServer } from './verifier-server.ts';
import { useVerifierStore } from './verifier-store.ts';

export function SettingsTab() {
  const t = useT();
  const profile = useVerifierStore((s) => s.profile);
  const did = useVerifierStore((s) => s.did);
  const clientId = useVerifierStore((s) => s.clientId);
  const policy = useVerifierStore((s) => s.policy);
  const serverUrl = useVerifierStore((s) => s.serverUrl);
  const [message, setMessage] = useState<MessageKey | null>(null);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const hours = Number(data.get('max-age-hours'));
    if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 366)
      return setMessage('verifier.policy.invalid');
    const problem = await savePolicySettings({
      whenUnavailable: data.get('when-unavailable') === 'warn' ? 'warn' : 'reject',
      maxAgeSeconds: Math.round(hours * 3600),
    });
    setMessage(problem ?? 'verifier.policy.saved');
  };

  return (
    <div>
      <section aria-labelledby="verifier-profile-title">
        <h2 id="verifier-profile-title">{t('verifier.settings.profile')}</h2>
        <dl className="facts">
          <dt>{t('verifier.setup.name')}</dt>
          <dd>{profile?.name}</dd>
          <dt>{t('verifier.setup.kind')}</dt>
          <dd>{profile ? t(VERIFIER_KIND_LABEL[profile.kind]) : null}</dd>
          <dt>{t('verifier.settings.did')}</dt>
          <dd>
            <code className="did" aria-label={t('verifier.settings.did')}>
              {did}
            </code>
          </dd>
          <dt>{t('verifier.settings.clientId')}</dt>
          <dd>
            <code className="did">{clientId}</code>
          </dd>
        </dl>
      </section>
      <RegistrationSection />
      <section aria-labelledby="verifier-policy-title">
        <h2 id="verifier-policy-title">{t('verifier.policy.title')}</h2>
        {policy ? (
          <form
            onSubmit={save}
            noValidate
            key={`${policy.whenUnavailable}-${policy.maxAgeSeconds}`}
          >
            <fieldset>
              <legend>{t('verifier.policy.when')}</legend>
              <label className="inline">
                <input
                  type="radio"
                  name="when-unavailable"
                  value="reject"
                  defaultChecked={policy.whenUnavailable === 'reject'}
                />{' '}
                {t('verifier.policy.reject')}
              </label>
              <label className="inline">
                <input
                  type="radio"
                  name="when-unavailable"
                  value="warn"
                  defaultChecked={policy.whenUnavailable === 'warn'}
                />{' '}
                {t('verifier.policy.warn')}
              </label>
            </fieldset>
            <Field
              label={t('verifier.policy.maxAge')}
              hint={t('verifier.policy.maxAgeHint')}
              name="max-age-hours"
              type="number"
              min={1}
              step={1}
              defaultValue={String(Math.round(policy.maxAgeSeconds / 3600))}
            />
            <button type="submit">{t('verifier.policy.save')}</button>
          </form>
        ) : null}
        {message ? (
          <p
            className={message === 'verifier.policy.saved' ? 'success' : 'error'}
            role={message === 'verifier.policy.saved' ? 'status' : 'alert'}
          >
            {t(message)}
          </p>
        ) : null}
      </section>
      <GiveReceiptsSetting />
      <ServerSettingsSection
        savedUrl={serverUrl}
        onSave={saveVerifierServer}
        onTest={testVerifierServer}
        onForget={forgetVerifierServer}
      />
      <section aria-labelledby="verifier-erase-title">
        <h2 id="verifier-erase-title">{t('verifier.erase.title')}</h2>
        <p>{t('verifier.erase.body')}</p>
        <ConfirmButton
          label={t('verifier.erase.button')}
          title={t('verifier.erase.confirmTitle')}
          confirmLabel={t('settings.erase.confirm')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => void eraseVerifier()}
        >
          <p>{t('verifier.erase.body')}</p>
        </ConfirmButton>
      </section>
    </div>
  );
}
