import { useState } from 'react';
import {
  checkPasscode,
  estimatePasscodeStrength,
  type PasscodeStrength,
} from '../../core/holder/index.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import { Field } from './Field.tsx';

const NEW_NAME = 'passcode-new';
const REPEAT_NAME = 'passcode-repeat';

const STRENGTH_TEXT: Record<PasscodeStrength | 'none', MessageKey> = {
  none: 'passcode.strength.none',
  weak: 'passcode.strength.weak',
  fair: 'passcode.strength.fair',
  strong: 'passcode.strength.strong',
};

interface PasscodeFieldsProps {
  newLabel: string;
  repeatLabel: string;
  error: MessageKey | null;
}

/**
 * "New passcode" + "repeat" with a live strength hint. The inputs are uncontrolled: the passcode
 * itself never enters React state; only its strength level does.
 */
export function PasscodeFields({ newLabel, repeatLabel, error }: PasscodeFieldsProps) {
  const t = useT();
  const [strength, setStrength] = useState<PasscodeStrength | 'none'>('none');
  return (
    <>
      <Field
        label={newLabel}
        name={NEW_NAME}
        type="password"
        autoComplete="new-password"
        required
        onInput={(event) => {
          const value = event.currentTarget.value;
          setStrength(value ? estimatePasscodeStrength(value) : 'none');
        }}
        hint={
          <span className={`strength strength-${strength}`} aria-live="polite">
            {t('passcode.strength.label')}: {t(STRENGTH_TEXT[strength])}
          </span>
        }
        error={
          error === 'passcode.tooShortDigits' || error === 'passcode.tooShortPassphrase'
            ? t(error)
            : null
        }
      />
      <Field
        label={repeatLabel}
        name={REPEAT_NAME}
        type="password"
        autoComplete="new-password"
        required
        error={error === 'passcode.mismatch' ? t(error) : null}
      />
      {error &&
      error !== 'passcode.tooShortDigits' &&
      error !== 'passcode.tooShortPassphrase' &&
      error !== 'passcode.mismatch' ? (
        <p className="error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </>
  );
}

export type ReadPasscode = { ok: true; passcode: string } | { ok: false; message: MessageKey };

export function readPasscodeFields(form: HTMLFormElement): ReadPasscode {
  const data = new FormData(form);
  const passcode = String(data.get(NEW_NAME) ?? '');
  const repeat = String(data.get(REPEAT_NAME) ?? '');
  const policy = checkPasscode(passcode);
  if (!policy.ok) {
    return {
      ok: false,
      message:
        policy.reason === 'too-short-digits'
          ? 'passcode.tooShortDigits'
          : 'passcode.tooShortPassphrase',
    };
  }
  if (passcode !== repeat) return { ok: false, message: 'passcode.mismatch' };
  return { ok: true, passcode };
}
