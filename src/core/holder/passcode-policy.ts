import { failed, ok, type Result } from '../result.ts';
import type { PasscodeKind } from '../vault/index.ts';
import { passcodeKind } from '../vault/passcode.ts';

export { passcodeKind, type PasscodeKind };

/**
 * What a passcode must be: at least 6 digits, or a passphrase of at least 8 characters.
 * The passcode only wraps the vault's data key (PBKDF2, ≥ 600,000 iterations); see docs/vault.md
 * for what a short numeric code means against someone who copies the browser profile.
 */
export const MIN_DIGITS = 6;
export const MIN_PASSPHRASE_LENGTH = 8;

export type PasscodeProblem = 'too-short-digits' | 'too-short-passphrase';
export type PasscodeStrength = 'weak' | 'fair' | 'strong';

export function checkPasscode(passcode: string): Result<PasscodeKind, PasscodeProblem> {
  const kind = passcodeKind(passcode);
  const length = [...passcode].length;
  if (kind === 'digits' && length < MIN_DIGITS) return failed('too-short-digits');
  if (kind === 'passphrase' && length < MIN_PASSPHRASE_LENGTH)
    return failed('too-short-passphrase');
  return ok(kind);
}

/** Runs of one digit, or steps of ±1 (123456, 987654), are guessed first. */
function isPredictableDigits(code: string): boolean {
  const digits = [...code].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - (digits[i] as number)));
  if (steps.size !== 1) return false;
  const [step] = [...steps];
  return step === 0 || step === 1 || step === -1;
}

/** A rough estimate of guessing entropy in bits, for the hint only (not a security guarantee). */
export function estimateEntropyBits(passcode: string): number {
  const chars = [...passcode];
  if (chars.length === 0) return 0;
  if (passcodeKind(passcode) === 'digits') {
    return isPredictableDigits(passcode) ? 4 : chars.length * Math.log2(10);
  }
  let alphabet = 0;
  if (/[a-z]/.test(passcode)) alphabet += 26;
  if (/[A-Z]/.test(passcode)) alphabet += 26;
  if (/[0-9]/.test(passcode)) alphabet += 10;
  if (/[^a-zA-Z0-9]/.test(passcode)) alphabet += 33;
  const distinct = new Set(chars).size;
  // Repeated characters add little: count distinct ones fully and repeats at a quarter.
  const effectiveLength = distinct + (chars.length - distinct) / 4;
  return effectiveLength * Math.log2(Math.max(alphabet, 2));
}

/**
 * The hint shown while typing. Thresholds: below 30 bits weak (any 6–8 digit code), below 50 fair,
 * else strong (a 16-digit code, or a passphrase of several words).
 */
export function estimatePasscodeStrength(passcode: string): PasscodeStrength {
  const bits = estimateEntropyBits(passcode);
  if (bits < 30) return 'weak';
  if (bits < 50) return 'fair';
  return 'strong';
}
