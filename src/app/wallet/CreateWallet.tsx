import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { generateMnemonic } from '../../core/keys/index.ts';
import { useT } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { ChoosePasscode } from './ChoosePasscode.tsx';
import { clearWords, heldMnemonic, heldWords, holdWords } from './pending-words.ts';
import { cancelOnboarding, finishOnboarding } from './wallet-actions.ts';

type Step = 'words' | 'confirm' | 'passcode';
const CONFIRM_COUNT = 3;

/** Three distinct positions (0-based), chosen with the platform's CSPRNG, in ascending order. */
function pickPositions(total: number): number[] {
  const picked = new Set<number>();
  const random = new Uint32Array(1);
  while (picked.size < CONFIRM_COUNT) {
    crypto.getRandomValues(random);
    picked.add((random[0] as number) % total);
  }
  return [...picked].sort((a, b) => a - b);
}

export function CreateWallet() {
  const [step, setStep] = useState<Step>('words');
  // The words live in ./pending-words.ts, not in React state; fresh ones on every visit of this
  // screen, wiped when it is left (StrictMode's extra mount and unmount regenerate, consistently).
  const [count, setCount] = useState(0);
  useEffect(() => {
    holdWords(generateMnemonic().split(' '));
    setCount(heldWords().length);
    return clearWords;
  }, []);
  if (count === 0) return null;

  if (step === 'words') return <ShowWords count={count} onNext={() => setStep('confirm')} />;
  if (step === 'confirm') {
    return <ConfirmWords onBack={() => setStep('words')} onConfirmed={() => setStep('passcode')} />;
  }
  return (
    <ChoosePasscode
      onBack={() => setStep('confirm')}
      onChosen={async (passcode) => {
        const { mnemonic } = heldMnemonic();
        const result = await finishOnboarding({ mnemonic, passcode, origin: 'created' });
        if (result.ok) clearWords();
        return result.ok ? null : result.message;
      }}
    />
  );
}

function ShowWords({ count, onNext }: { count: number; onNext: () => void }) {
  const t = useT();
  const [written, setWritten] = useState(false);
  const words = heldWords();
  return (
    <section className="card" aria-labelledby="words-title">
      <h1 id="words-title">{t('create.words.title')}</h1>
      <p>{t('create.words.intro')}</p>
      <p className="warning">{t('create.words.once')}</p>
      <ol
        className="recovery-words"
        role="list"
        aria-label={t('create.words.listLabel')}
        data-count={count}
      >
        {words.map((word, index) => (
          <li key={index}>
            <span className="word">{word}</span>
          </li>
        ))}
      </ol>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={written}
          onChange={(event) => setWritten(event.target.checked)}
        />
        {t('create.words.written')}
      </label>
      <div className="actions">
        <button type="button" onClick={cancelOnboarding}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={!written} onClick={onNext}>
          {t('common.continue')}
        </button>
      </div>
    </section>
  );
}

function ConfirmWords({ onBack, onConfirmed }: { onBack: () => void; onConfirmed: () => void }) {
  const t = useT();
  const positions = useMemo(() => pickPositions(heldWords().length), []);
  const [wrong, setWrong] = useState<number[]>([]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const words = heldWords();
    const mismatched = positions.filter(
      (position) =>
        String(data.get(`word-${position}`) ?? '')
          .trim()
          .toLowerCase() !== words[position],
    );
    setWrong(mismatched);
    if (mismatched.length === 0) onConfirmed();
  };

  return (
    <section className="card" aria-labelledby="confirm-title">
      <h1 id="confirm-title">{t('create.confirm.title')}</h1>
      <p>{t('create.confirm.intro')}</p>
      <form onSubmit={submit} noValidate>
        {positions.map((position) => (
          <Field
            key={position}
            label={t('create.confirm.wordLabel', { n: position + 1 })}
            name={`word-${position}`}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            error={
              wrong.includes(position) ? t('create.confirm.mismatch', { n: position + 1 }) : null
            }
          />
        ))}
        <div className="actions">
          <button type="button" onClick={onBack}>
            {t('create.confirm.back')}
          </button>
          <button type="submit" className="primary">
            {t('common.continue')}
          </button>
        </div>
      </form>
    </section>
  );
}
