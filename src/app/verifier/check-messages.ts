/**
 * Verification codes as words: the one place where a check's name and code become a sentence a
 * clerk reads (in nl, fr, en). The English `message` from core is for the CLI and never shown alone.
 */
import type {
  Check,
  CheckCode,
  CheckName,
  VerificationResult,
} from '../../core/verification/index.ts';
import type { VerifiedResponse } from '../../core/verifier/index.ts';
import type { MessageKey } from '../i18n/index.ts';

type CredentialFormat = NonNullable<VerificationResult['format']>;

export const checkNameKey = (name: CheckName): MessageKey => `verifier.checkName.${name}`;

export const checkCodeKey = (code: CheckCode): MessageKey => `verifier.code.${code}`;

/** The name of a credential format, e.g. "W3C VC-JWT". */
export const formatKey = (format: CredentialFormat): MessageKey => `verifier.format.${format}`;

/**
 * The plain-language reason for one check: why it passed, passed with a warning, or failed. A
 * W3C VC-JWT has no selective disclosure: its passed disclosures check says every field was shown.
 */
export function checkReasonKey(check: Check, format?: CredentialFormat): MessageKey {
  if (check.code === 'ok') {
    return check.name === 'disclosures' && format === 'jwt_vc_json'
      ? 'verifier.pass.disclosures.w3c'
      : `verifier.pass.${check.name}`;
  }
  if (check.code === 'warning') return 'verifier.code.warning';
  return checkCodeKey(check.code);
}

/** The names of the checks that failed, each once, in the order they first failed. */
export function failedCheckNames(verdict: VerifiedResponse): CheckName[] {
  const names = new Set<CheckName>();
  for (const presentation of verdict.presentations) {
    for (const check of presentation.result.checks) if (!check.ok) names.add(check.name);
  }
  return [...names];
}
