/**
 * Presenting to a verifier: read its request, answer with the citizen's choices, and the history.
 * Results come back as i18n message keys.
 */
import {
  addDeclaredAnswers,
  answerPresentationRequest,
  copiesLeft,
  copyForRequest,
  hasCopies,
  DEFAULT_COPY_POLICY,
  deleteHistory,
  exportHistory,
  listHistory,
  readDeclaredFactsFor,
  readPresentationRequest,
  type Choice,
  type DeclaredFacts,
  type HistoryEntry,
  type ReadRequest,
  type ReadRequestProblem,
  type StoredCredential,
} from '../../core/holder/index.ts';
import type { PresentationResponse } from '../../core/protocol/index.ts';
import { jwsCrypto, randomBytes } from '../composition.ts';
import type { MessageKey } from '../i18n/index.ts';
import { getSession } from './session.ts';
import { buildVerifierAuthorities } from './trusted-authorities-actions.ts';

const READ_MESSAGES: Record<ReadRequestProblem, MessageKey> = {
  malformed: 'present.refused.malformed',
  'invalid-request': 'present.refused.invalid',
  'unsupported-query': 'present.refused.unsupported',
};

export type ReadOutcome =
  { ok: true; value: ReadRequest; facts: DeclaredFacts } | { ok: false; message: MessageKey };

export async function readRequest(payload: Uint8Array): Promise<ReadOutcome> {
  const wallet = getSession();
  if (!wallet) return { ok: false, message: 'error.unexpected' };
  try {
    const read = await readPresentationRequest(wallet, payload, {
      crypto: jwsCrypto(),
      now: new Date(),
      verifierAuthorities: buildVerifierAuthorities(),
    });
    if (!read.ok) return { ok: false, message: READ_MESSAGES[read.reason] };
    // The citizen's own answers (the Benefits questionnaire), offered for the facts it asks: those
    // of the month the request is about, when it names one (vouch.period).
    return {
      ok: true,
      value: read.value,
      facts: await readDeclaredFactsFor(wallet, read.value.request.period),
    };
  } catch {
    return { ok: false, message: 'error.unexpected' };
  }
}

export type AnswerOutcome =
  | {
      ok: true;
      /** The encoded answer (QR code, text, fragment). */
      response: Uint8Array;
      /** The same answer, for a POST to the verifier's response_uri (online-request.ts). */
      presentationResponse: PresentationResponse;
    }
  | { ok: false; message: MessageKey };

/**
 * Whether `credential` has a copy this request's verifier may see under the wallet's policy, and
 * how many unused copies are left (consent screen; undefined: a credential that came as one copy).
 */
export function copyStateFor(
  read: ReadRequest,
  credential: StoredCredential,
): { usable: boolean; left?: number } {
  const wallet = getSession();
  const policy = wallet?.settings.copyPolicy ?? DEFAULT_COPY_POLICY;
  const usable = copyForRequest(read.request, credential, policy).ok;
  return hasCopies(credential) ? { usable, left: copiesLeft(credential) } : { usable };
}

export async function answerRequest(
  read: ReadRequest,
  choices: readonly Choice[],
  declared: DeclaredFacts = {},
): Promise<AnswerOutcome> {
  const wallet = getSession();
  if (!wallet) return { ok: false, message: 'error.unexpected' };
  try {
    const answered = await answerPresentationRequest(
      wallet,
      read,
      choices,
      {
        now: new Date(),
        randomBytes,
        copyPolicy: wallet.settings.copyPolicy ?? DEFAULT_COPY_POLICY,
      },
      declared,
    );
    if (!answered.ok) {
      return {
        ok: false,
        message: answered.reason === 'no-copy-left' ? 'present.copies.noneShort' : 'present.failed',
      };
    }
    // The copies left changed on the cards.
    void import('./credential-actions.ts').then(({ refreshCredentials }) => refreshCredentials());
    return {
      ok: true,
      response: answered.value.response,
      presentationResponse: answered.value.presentationResponse,
    };
  } catch {
    return { ok: false, message: 'error.unexpected' };
  }
}

/**
 * Facts the citizen answered on the consent screen, added to the questionnaire's stored answers
 * (the others kept; for a request about a month, a partner's income is that month's answer).
 * False when they could not be saved (then nothing is shared).
 */
export async function saveConsentAnswers(
  answers: DeclaredFacts,
  period?: string,
): Promise<boolean> {
  const wallet = getSession();
  if (!wallet) return false;
  try {
    const saved = await addDeclaredAnswers(wallet, answers, { period });
    return saved.ok;
  } catch {
    return false;
  }
}

export async function loadHistory(): Promise<HistoryEntry[]> {
  const wallet = getSession();
  return wallet ? listHistory(wallet) : [];
}

export async function historyAsJson(): Promise<string | null> {
  const wallet = getSession();
  return wallet ? exportHistory(wallet, new Date()) : null;
}

export async function clearHistory(id?: string): Promise<void> {
  const wallet = getSession();
  if (wallet) await deleteHistory(wallet, id);
}
