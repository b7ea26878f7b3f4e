/**
 * The verifier desk's registration certificate (Settings): add it from a file or pasted text,
 * show it, remove it. The desk signs it into every request's verifier_info (core/verifier/desk.ts).
 * Results come back as i18n message keys; only public facts reach the UI.
 */
import type { RegisteredName } from '../../core/trust/index.ts';
import {
  readDeskRegistration,
  removeDeskRegistration,
  saveDeskRegistration,
  type SaveRegistrationProblem,
} from '../../core/verifier/index.ts';
import { jwsCrypto } from '../composition.ts';
import type { MessageKey } from '../i18n/index.ts';
import { getVerifierSession } from './verifier-session.ts';

/** What the Settings section shows of the certificate. */
export interface RegistrationView {
  readonly name: RegisteredName;
  readonly authority: string;
  readonly expiresAt: string;
  readonly valid: boolean;
}

const MESSAGES: Record<SaveRegistrationProblem, MessageKey> = {
  malformed: 'consent.desk.malformed',
  'unsupported-alg': 'consent.desk.malformed',
  'bad-signature': 'consent.desk.badSignature',
  expired: 'consent.desk.expired',
  'not-yet-valid': 'consent.desk.notYetValid',
  'other-verifier': 'consent.desk.otherVerifier',
};

export async function loadRegistration(): Promise<RegistrationView | null> {
  const desk = getVerifierSession();
  if (!desk) return null;
  try {
    const held = await readDeskRegistration(desk, { jws: jwsCrypto(), now: new Date() });
    if (!held) return null;
    return {
      name: held.certificate.name,
      authority: held.certificate.authority,
      expiresAt: new Date(held.certificate.exp * 1000).toISOString(),
      valid: held.valid,
    };
  } catch {
    return null;
  }
}

/** Keep the certificate given as text; null when saved. */
export async function saveRegistration(text: string): Promise<MessageKey | null> {
  const desk = getVerifierSession();
  if (!desk) return 'error.unexpected';
  try {
    const saved = await saveDeskRegistration(desk, text, { jws: jwsCrypto(), now: new Date() });
    return saved.ok ? null : MESSAGES[saved.reason];
  } catch {
    return 'error.unexpected';
  }
}

export async function removeRegistration(): Promise<void> {
  const desk = getVerifierSession();
  if (desk) await removeDeskRegistration(desk);
}
