import { useState, type FormEvent } from 'react';
import type { PasscodeKind } from '../../core/holder/index.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import { PasscodeFields, readPasscodeFields } from '../shared/PasscodeFields.tsx';

interface ChoosePasscodeProps {
  onChosen: (passcode: string) => Promise<MessageKey | null>;
  onBack: () => void;
}

const WORDS = {
  digits: {
    intro: 'shell.pin.intro',
    label: 'shell.pin.label',
    repeat: 'shell.pin.repeat',
    other: 'shell.pin.usePassphrase',
  },
  passphrase: {
    intro: 'shell.passphrase.intro',
    label: 'shell.passphrase.label',
    repeat: 'shell.passphrase.repeat',
    other: 'shell.passphrase.usePin',
  },
} as const satisfies Record<PasscodeKind, Record<string, MessageKey>>;

/**
 * The wallet's passcode: a PIN of at least 6 digits by default (numeric keypad), or a passphrase
 * when the citizen asks for one. The vault keeps which kind it is, for the lock screen's keyboard.
 */
export function ChoosePasscode({ onChosen, onBack }: ChoosePasscodeProps) {
  const t = useT();
  const [kind, setKind] = useState<PasscodeKind>('digits');
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const words = WORDS[kind];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readPasscodeFields(event.currentTarget, kind);
    if (!read.ok) return setError(read.message);
    setBusy(true);
    setError(null);
    const problem = await onChosen(read.passcode);
    setBusy(false);
    if (problem) setError(problem);
  };

  const switchKind = () => {
    setError(null);
    setKind(kind === 'digits' ? 'passphrase' : 'digits');
  };

  return (
    <section className="card" aria-labelledby="passcode-title">
      <h1 id="passcode-title">{t('passcode.title')}</h1>
      <p>{t(words.intro)}</p>
      <form onSubmit={submit} noValidate>
        {/* A new key per kind: the other kind's fields start empty. */}
        <PasscodeFields
          key={kind}
          kind={kind}
          newLabel={t(words.label)}
          repeatLabel={t(words.repeat)}
          error={error}
        />
        <button type="button" className="link-button" onClick={switchKind} disabled={busy}>
          {t(words.other)}
        </button>
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
