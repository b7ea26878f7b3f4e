import { create } from 'zustand';
import type {
  CachedStatusList,
  HistoryEntry,
  ImportedTrustList,
  OwnTrustList,
  VerifiedResponse,
  VerifierPolicy,
  VerifierProfile,
} from '../../core/verifier/index.ts';
import type { QrFrames } from '../../core/transport/index.ts';
import type { PendingRequest } from '../../core/verifier/index.ts';
import type { DeskReceipt } from '../../core/desk/receipts.ts';
import type { MessageKey } from '../i18n/index.ts';

/** UI state of the verifier desk: public facts, never the verifier's private key. */
export type VerifierPhase = 'loading' | 'setup' | 'locked' | 'unlocked' | 'failed';
export type VerifierTab =
  'request' | 'applications' | 'check' | 'trust' | 'status' | 'history' | 'settings';

/** The request on screen: its QR frames, its text, and a link for a wallet on this device. */
export interface ShownRequest {
  readonly pending: PendingRequest;
  readonly frames: QrFrames;
  readonly text: string;
  readonly link: string;
  /** Made through the desk's server: its id, its `openid4vp://` URI and when it expires. */
  readonly online?: { readonly id: string; readonly uri: string; readonly expiresAt: string };
}

/** Where the wait for a server answer stands (see result-poll.ts). */
export type OnlineState = 'waiting' | 'paused' | 'expired' | 'stopped' | 'done';

/** A cached status list without its JWT (the desk shows where, whose and how old). */
export type StatusListSummary = Omit<CachedStatusList, 'jwt'>;

export interface VerifierUiState {
  phase: VerifierPhase;
  tab: VerifierTab;
  profile: VerifierProfile | null;
  did: string | null;
  clientId: string | null;
  ownTrustList: OwnTrustList | null;
  trustLists: ImportedTrustList[];
  /** Signer keys the clerk confirmed by their fingerprint words (public facts only). */
  trustAnchors: { thumbprint: string; did: string; confirmedAt: string; words: string[] }[];
  statusLists: StatusListSummary[];
  policy: VerifierPolicy | null;
  history: HistoryEntry[];
  shownRequest: ShownRequest | null;
  /** The verdict on screen (request tab or check tab). */
  verdict: VerifiedResponse | null;
  /** The verdict came from the server (it checked the status itself; nothing to re-check here). */
  verdictFromServer: boolean;
  /** The desk's `vouch serve` (public URL only; the token stays in the vault), or null: offline. */
  serverUrl: string | null;
  onlineState: OnlineState | null;
  /** Why the last look at the server's result failed, while still waiting. */
  onlineProblem: MessageKey | null;
  failure: MessageKey | null;
  notice: MessageKey | null;
  /** "Give signed receipts" (issue 14): requests say vouch.receipts; on unless switched off. */
  giveReceipts: boolean;
  /** The desk's copies of the receipts it countersigned (public facts: keys and hashes). */
  deskReceipts: DeskReceipt[];
  /** The receipt of the answer on screen: its text for the citizen to scan, or why there is none. */
  answerReceipt: { text: string } | { problem: MessageKey } | null;
}

export const initialVerifierUiState: VerifierUiState = {
  phase: 'loading',
  tab: 'request',
  profile: null,
  did: null,
  clientId: null,
  ownTrustList: null,
  trustLists: [],
  trustAnchors: [],
  statusLists: [],
  policy: null,
  history: [],
  shownRequest: null,
  verdict: null,
  verdictFromServer: false,
  serverUrl: null,
  onlineState: null,
  onlineProblem: null,
  failure: null,
  notice: null,
  giveReceipts: true,
  deskReceipts: [],
  answerReceipt: null,
};

export const useVerifierStore = create<VerifierUiState>(() => initialVerifierUiState);
