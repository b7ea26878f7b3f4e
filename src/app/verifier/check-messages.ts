/**
 * Verification codes as words: the one place where a check's name and code become a sentence a
 * clerk reads (in nl, fr, en). The English `message` from core is for the CLI and never shown alone.
 */
import type { Check, CheckCode, CheckName } from '../../core/verification/index.ts';
import type { MessageKey } from '../i18n/index.ts';

export const checkNameKey = (name: CheckName): MessageKey => `verifier.checkName.${name}`;

export const checkCodeKey = (code: CheckCode): MessageKey => `verifier.code.${code}`;

/** The plain-language reason for one check: why it passed, passed with a warning, or failed. */
export function checkReasonKey(check: Check): MessageKey {
  if (check.code === 'ok') return `verifier.pass.${check.name}`;
  if (check.code === 'warning') return 'verifier.code.warning';
  return checkCodeKey(check.code);
}
