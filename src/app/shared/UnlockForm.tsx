import { useState, type FormEvent } from 'react';
import type { PasscodeKind } from '../../core/holder/index.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import { Field } from './Field.tsx';
import { pinInputProps } from './PasscodeFields.tsx';

/**
 * Passcode → unlock, for the wallet and the desks. The passcode never enters React state. With
 * kind 'digits' (a PIN) the field is labelled PIN and brings up the numeric keypad; without a
 * kind it takes any passcode on the full keyboard.
 */
export function UnlockForm({
  onUnlock,
  kind,
}: {
  onUnlock: (passcode: string) => Promise<MessageKey | null>;
  kind?: PasscodeKind;
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
        label={t(kind === 'digits' ? 'shell.pin.label' : 'passcode.label')}
        name="passcode"
        type="password"
        autoComplete="current-password"
        {...pinInputProps(kind)}
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
