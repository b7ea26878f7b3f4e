import { useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { eraseWallet, unlockWallet } from './wallet-actions.ts';
import { useWalletStore } from './wallet-store.ts';

export function Unlock() {
  const t = useT();
  const notice = useWalletStore((s) => s.notice);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [forgot, setForgot] = useState(false);
  const [confirmErase, setConfirmErase] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const passcode = String(new FormData(form).get('passcode') ?? '');
    setBusy(true);
    setError(null);
    const problem = await unlockWallet(passcode);
    setBusy(false);
    if (problem) {
      setError(problem);
      const input = form.elements.namedItem('passcode');
      if (input instanceof HTMLInputElement) {
        input.value = '';
        input.focus();
      }
    }
  };

  return (
    <section className="card" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('unlock.title')}</h1>
      {notice ? <p role="status">{t(notice)}</p> : null}
      <p>{t('unlock.intro')}</p>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('passcode.label')}
          name="passcode"
          type="password"
          autoComplete="current-password"
          autoFocus
          required
          error={error ? t(error) : null}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('unlock.submit')}
          </button>
        </div>
        {busy ? <p role="status">{t('unlock.working')}</p> : null}
      </form>
      <details open={forgot} onToggle={(event) => setForgot(event.currentTarget.open)}>
        <summary>{t('unlock.forgot')}</summary>
        <p>{t('unlock.forgotBody')}</p>
        <button type="button" className="danger" onClick={() => setConfirmErase(true)}>
          {t('settings.erase.button')}
        </button>
      </details>
      {confirmErase ? (
        <ConfirmDialog
          title={t('settings.erase.confirmTitle')}
          confirmLabel={t('settings.erase.confirm')}
          cancelLabel={t('settings.erase.cancel')}
          danger
          onCancel={() => setConfirmErase(false)}
          onConfirm={() => {
            setConfirmErase(false);
            void eraseWallet();
          }}
        >
          <p>{t('settings.erase.confirmBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
