import { useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';
import { PasscodeFields, readPasscodeFields } from '../shared/PasscodeFields.tsx';

interface ChoosePasscodeProps {
  onChosen: (passcode: string) => Promise<MessageKey | null>;
  onBack: () => void;
}

export function ChoosePasscode({ onChosen, onBack }: ChoosePasscodeProps) {
  const t = useT();
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readPasscodeFields(event.currentTarget);
    if (!read.ok) return setError(read.message);
    setBusy(true);
    setError(null);
    const problem = await onChosen(read.passcode);
    setBusy(false);
    if (problem) setError(problem);
  };

  return (
    <section className="card" aria-labelledby="passcode-title">
      <h1 id="passcode-title">{t('passcode.title')}</h1>
      <p>{t('passcode.intro')}</p>
      <form onSubmit={submit} noValidate>
        <PasscodeFields
          newLabel={t('passcode.label')}
          repeatLabel={t('passcode.repeat')}
          error={error}
        />
        <div className="actions">
          <button type="button" onClick={onBack} disabled={busy}>
            {t('common.back')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('passcode.submit')}
          </button>
        </div>
        {busy ? <p role="status">{t('passcode.working')}</p> : null}
      </form>
    </section>
  );
}
