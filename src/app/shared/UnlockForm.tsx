import { useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';
import { Field } from './Field.tsx';

/** Passcode → unlock, for the wallet and the issuer desk. The passcode never enters React state. */
export function UnlockForm({
  onUnlock,
}: {
  onUnlock: (passcode: string) => Promise<MessageKey | null>;
}) {
  const t = useT();
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const passcode = String(new FormData(form).get('passcode') ?? '');
    setBusy(true);
    setError(null);
    const problem = await onUnlock(passcode);
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
  );
}
