/**
 * The wallet's side of an online OpenID4VP request (issue 9, item 3), as thin as it can be: the
 * citizen opened or scanned `openid4vp://…`, and after they chose "Contact", the request object is
 * fetched from its request_uri; after they chose "Share", the answer is POSTed to the response_uri
 * (direct_post, or direct_post.jwt encrypted to the verifier) and the wallet follows the
 * redirect_uri the verifier returns. Every request goes through the fetch gate, created in the
 * handler of the button that asked. Results come back as i18n message keys.
 */
import {
  readDeclaredFactsFor,
  readPresentationRequestUri,
  sendPresentationAnswer,
  type Choice,
  type DeclaredFacts,
  type ReadRequest,
  type ReadRequestUriProblem,
} from '../../core/holder/index.ts';
import { bytesToHex } from '../../core/encoding/index.ts';
import { verifierLabel } from '../../core/protocol/index.ts';
import { jwsCrypto, randomBytes } from '../composition.ts';
import type { MessageKey } from '../i18n/index.ts';
import { createUserFetch, type GatedFetch, type UserFetchRefused } from '../shared/user-fetch.ts';
import { answerRequest } from './present-actions.ts';
import { finishReceipt, startReceipt } from './receipts-actions.ts';
import { getSession } from './session.ts';
import { buildVerifierAuthorities } from './trusted-authorities-actions.ts';

/** A message and what it names (a host, a verifier): never a URL's query, a key or a claim. */
export interface OnlineMessage {
  key: MessageKey;
  params?: Record<string, string>;
}

const GATE_MESSAGES: Record<UserFetchRefused['reason'], MessageKey> = {
  'not-a-url': 'online.badAddress',
  insecure: 'online.insecure',
  'origin-not-allowed': 'online.notAllowed',
  'too-large': 'online.tooLarge',
  unreachable: 'online.offline',
};

/** Why the gate refused, when it did: said before anything else (nothing left the wallet). */
export function gateMessage(gate: GatedFetch): OnlineMessage | null {
  const refusal = gate.refusal();
  if (!refusal) return null;
  return { key: GATE_MESSAGES[refusal.reason], params: { host: hostOf(refusal.detail) } };
}

function hostOf(detail: string): string {
  try {
    return new URL(detail).host;
  } catch {
    return '?';
  }
}

const READ_MESSAGES: Record<ReadRequestUriProblem, MessageKey> = {
  malformed: 'present.refused.malformed',
  'invalid-request': 'present.refused.invalid',
  'unsupported-query': 'present.refused.unsupported',
  unreachable: 'online.request.unreachable',
};

export type OnlineReadOutcome =
  { ok: true; read: ReadRequest; facts: DeclaredFacts } | { ok: false; message: OnlineMessage };

/** Fetch and verify the request behind an `openid4vp://` URI (on the citizen's "Contact"). */
export async function readOnlineRequest(
  uri: string,
  gate: GatedFetch = createUserFetch(),
): Promise<OnlineReadOutcome> {
  const wallet = getSession();
  if (!wallet) return { ok: false, message: { key: 'error.unexpected' } };
  try {
    const read = await readPresentationRequestUri(wallet, uri, {
      crypto: jwsCrypto(),
      now: new Date(),
      fetch: gate,
      walletNonce: bytesToHex(randomBytes(16)),
      verifierAuthorities: buildVerifierAuthorities(),
    });
    if (!read.ok)
      return { ok: false, message: gateMessage(gate) ?? { key: READ_MESSAGES[read.reason] } };
    const facts = await readDeclaredFactsFor(wallet, read.value.request.period);
    return { ok: true, read: read.value, facts };
  } catch {
    return { ok: false, message: { key: 'error.unexpected' } };
  }
}

export type OnlineSendOutcome =
  { ok: true; verifierName: string; redirectUri?: string } | { ok: false; message: OnlineMessage };

/**
 * Make the answer from the citizen's choices (recorded in History) and POST it to the verifier's
 * response_uri (on the citizen's "Share").
 */
export async function sendOnlineAnswer(
  read: ReadRequest,
  choices: readonly Choice[],
  declared: DeclaredFacts,
  gate: GatedFetch = createUserFetch(),
): Promise<OnlineSendOutcome> {
  const answer = await answerRequest(read, choices, declared);
  if (!answer.ok) return { ok: false, message: { key: answer.message } };
  const verifierName = verifierLabel(read.request);
  // The wallet's half of a signed receipt rides beside the answer (receipts-actions.ts).
  const receipt = await startReceipt(read, answer.presentationResponse);
  try {
    const sent = await sendPresentationAnswer(read.request, answer.presentationResponse, {
      fetch: gate,
      ...(receipt ? { vouchReceipt: receipt.half } : {}),
    });
    if (!sent.ok) {
      const refused = gateMessage(gate);
      if (refused) return { ok: false, message: refused };
      return {
        ok: false,
        message: {
          key: sent.reason === 'rejected' ? 'online.answer.rejected' : 'online.answer.unreachable',
          params: { verifier: verifierName },
        },
      };
    }
    await finishReceipt(receipt, sent.value.vouchReceipt, verifierName);
    return {
      ok: true,
      verifierName,
      ...(sent.value.redirectUri === undefined ? {} : { redirectUri: sent.value.redirectUri }),
    };
  } catch {
    return { ok: false, message: { key: 'error.unexpected' } };
  }
}

/** Whether a request is answered online (POSTed) rather than by QR code or fragment redirect. */
export function isAnsweredOnline(read: ReadRequest): boolean {
  const mode = read.request.responseMode;
  return (mode === 'direct_post' || mode === 'direct_post.jwt') && !!read.request.responseUri;
}
