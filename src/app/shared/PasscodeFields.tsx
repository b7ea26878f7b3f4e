import { useState } from 'react';
import {
  checkPasscode,
  estimatePasscodeStrength,
  passcodeKind,
  type PasscodeKind,
  type PasscodeStrength,
} from '../../core/holder/passcode-policy.ts';
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
  /** 'digits': a PIN, typed on the numeric keypad; otherwise any passcode (the full keyboard). */
  kind?: PasscodeKind;
}

/** Errors shown under the first field (the others under the repeat field, or below both). */
const FIRST_FIELD_ERRORS: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'passcode.tooShortDigits',
  'passcode.tooShortPassphrase',
  'shell.pin.digitsOnly',
]);

/** What a PIN's inputs add: the numeric keypad, and no password manager offering a password. */
export function pinInputProps(kind: PasscodeKind | undefined) {
  return kind === 'digits'
    ? ({ inputMode: 'numeric', pattern: '[0-9]*', autoComplete: 'off' } as const)
    : {};
}

/**
 * "New passcode" + "repeat" with a live strength hint. The inputs are uncontrolled: the passcode
 * itself never enters React state; only its strength level does.
 */
export function PasscodeFields({ newLabel, repeatLabel, error, kind }: PasscodeFieldsProps) {
  const t = useT();
  const [strength, setStrength] = useState<PasscodeStrength | 'none'>('none');
  return (
    <>
      <Field
        label={newLabel}
        name={NEW_NAME}
        type="password"
        autoComplete="new-password"
        {...pinInputProps(kind)}
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
        error={error && FIRST_FIELD_ERRORS.has(error) ? t(error) : null}
      />
      <Field
        label={repeatLabel}
        name={REPEAT_NAME}
        type="password"
        autoComplete="new-password"
        {...pinInputProps(kind)}
        required
        error={error === 'passcode.mismatch' ? t(error) : null}
      />
      {error && !FIRST_FIELD_ERRORS.has(error) && error !== 'passcode.mismatch' ? (
        <p className="error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </>
  );
}

export type ReadPasscode = { ok: true; passcode: string } | { ok: false; message: MessageKey };

/** Read and check the two fields; with kind 'digits', anything but digits is refused too. */
export function readPasscodeFields(form: HTMLFormElement, kind?: PasscodeKind): ReadPasscode {
  const data = new FormData(form);
  const passcode = String(data.get(NEW_NAME) ?? '');
  const repeat = String(data.get(REPEAT_NAME) ?? '');
  if (kind === 'digits' && passcodeKind(passcode) !== 'digits') {
    return { ok: false, message: 'shell.pin.digitsOnly' };
  }
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
