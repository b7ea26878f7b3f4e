import { useEffect, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import {
  checkMnemonic,
  isWordInList,
  MNEMONIC_WORDS,
  suggestWords,
} from '../../core/keys/index.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { ChoosePasscode } from './ChoosePasscode.tsx';
import { BackupRestoreField } from './BackupRestoreField.tsx';
import { heldBackupFile } from './backup-pending.ts';
import { clearWords, heldMnemonic, holdWords } from './pending-words.ts';
import { cancelOnboarding, finishOnboarding } from './wallet-actions.ts';

type WordProblem = { kind: 'unknown' | 'missing' | 'checksum' };

export function RestoreWallet() {
  const [step, setStep] = useState<'words' | 'passcode'>('words');
  useEffect(() => clearWords, []);
  if (step === 'words') return <EnterWords onValid={() => setStep('passcode')} />;
  return (
    <ChoosePasscode
      onBack={() => {
        clearWords();
        setStep('words');
      }}
      onChosen={async (passcode) => {
        const { mnemonic, passphrase } = heldMnemonic();
        // A backup file chosen beside the words is checked before anything is created.
        const backup = heldBackupFile() ? await import('./backup-actions.ts') : null;
        const problem = await backup?.checkHeldBackup(mnemonic, passphrase);
        if (problem) return problem;
        const result = await finishOnboarding({
          mnemonic,
          passphrase,
          passcode,
          origin: 'restored',
        });
        if (result.ok) clearWords();
        if (result.ok) void backup?.restoreHeldBackup();
        return result.ok ? null : result.message;
      }}
    />
  );
}

const normalise = (word: string) => word.normalize('NFKD').trim().toLowerCase();

function EnterWords({ onValid }: { onValid: () => void }) {
  const t = useT();
  const inputs = useRef<Array<HTMLInputElement | null>>([]);
  const [problems, setProblems] = useState<Map<number, WordProblem>>(new Map());
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const [formErrorCount, setFormErrorCount] = useState(0);
  const [active, setActive] = useState<{ index: number; suggestions: string[] } | null>(null);

  const setProblem = (index: number, problem: WordProblem | null) => {
    setProblems((previous) => {
      const next = new Map(previous);
      if (problem) next.set(index, problem);
      else next.delete(index);
      return next;
    });
  };

  const checkWord = (index: number) => {
    const word = normalise(inputs.current[index]?.value ?? '');
    setProblem(index, word && !isWordInList(word) ? { kind: 'unknown' } : null);
  };

  const fill = (start: number, words: readonly string[]) => {
    words.forEach((word, offset) => {
      const input = inputs.current[start + offset];
      if (input) input.value = normalise(word);
    });
    for (let i = start; i < Math.min(start + words.length, MNEMONIC_WORDS); i += 1) checkWord(i);
    inputs.current[Math.min(start + words.length, MNEMONIC_WORDS - 1)]?.focus();
  };

  const onPaste = (index: number, event: ClipboardEvent<HTMLInputElement>) => {
    const words = event.clipboardData.getData('text').split(/\s+/).filter(Boolean);
    if (words.length < 2) return;
    event.preventDefault();
    fill(index, words);
  };

  const suggest = (index: number, value: string) => {
    const prefix = normalise(value);
    setActive({ index, suggestions: prefix.length >= 1 ? suggestWords(prefix, 4) : [] });
    if (problems.get(index)) checkWord(index);
  };

  const choose = (index: number, word: string) => {
    const input = inputs.current[index];
    if (input) input.value = word;
    setProblem(index, null);
    setActive(null);
    inputs.current[index + 1]?.focus();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const words = inputs.current.map((input) => normalise(input?.value ?? ''));
    const found = new Map<number, WordProblem>();
    words.forEach((word, index) => {
      if (!word) found.set(index, { kind: 'missing' });
      else if (!isWordInList(word)) found.set(index, { kind: 'unknown' });
    });
    setFormErrorCount(words.filter(Boolean).length);
    if (found.size > 0) {
      setProblems(found);
      setFormError(null);
      inputs.current[[...found.keys()][0] as number]?.focus();
      return;
    }
    const checked = checkMnemonic(words);
    if (!checked.ok) {
      const last = MNEMONIC_WORDS - 1;
      setProblems(new Map([[last, { kind: 'checksum' }]]));
      setFormError(
        checked.reason === 'wrong-length' ? 'restore.wrongLength' : 'restore.badChecksum',
      );
      inputs.current[last]?.focus();
      return;
    }
    const passphrase = String(new FormData(event.currentTarget).get('bip39-passphrase') ?? '');
    holdWords(checked.value.split(' '), passphrase);
    inputs.current.forEach((input) => {
      if (input) input.value = '';
    });
    onValid();
  };

  const message = (index: number, problem: WordProblem | undefined): string | null => {
    if (!problem) return null;
    if (problem.kind === 'missing') return t('restore.missingWord', { n: index + 1 });
    if (problem.kind === 'unknown') return t('restore.unknownWord', { n: index + 1 });
    return t('restore.badChecksum');
  };

  return (
    <section className="card" aria-labelledby="restore-title">
      <h1 id="restore-title">{t('restore.title')}</h1>
      <p>{t('restore.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="word-grid">
          {Array.from({ length: MNEMONIC_WORDS }, (_, index) => (
            <div key={index} className="word-cell">
              <Field
                label={t('restore.wordLabel', { n: index + 1 })}
                name={`restore-word-${index}`}
                ref={(element: HTMLInputElement | null) => {
                  inputs.current[index] = element;
                }}
                autoComplete="off"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                onPaste={(event) => onPaste(index, event)}
                onInput={(event) => suggest(index, event.currentTarget.value)}
                onFocus={(event) => suggest(index, event.currentTarget.value)}
                onBlur={() => checkWord(index)}
                error={
                  problems.get(index)?.kind === 'checksum'
                    ? null
                    : message(index, problems.get(index))
                }
                aria-invalid={problems.has(index) ? true : undefined}
              />
              {active?.index === index && active.suggestions.length > 0 ? (
                <div
                  className="suggestions"
                  role="group"
                  aria-label={t('restore.suggestions', { n: index + 1 })}
                >
                  {active.suggestions.map((word) => (
                    <button
                      key={word}
                      type="button"
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => choose(index, word)}
                    >
                      {word}
                    </button>
                  ))}
                </div>
              ) : null}
            </div>
          ))}
        </div>
        {formError ? (
          <p className="error" role="alert">
            {t(formError, { count: formErrorCount })}
          </p>
        ) : null}
        <Field
          label={t('restore.passphrase')}
          hint={t('restore.passphraseHint')}
          name="bip39-passphrase"
          type="password"
          autoComplete="off"
        />
        <BackupRestoreField />
        <div className="actions">
          <button type="button" onClick={cancelOnboarding}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('restore.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
