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
import type { MessageKey } from '../i18n/index.ts';

/** UI state of the verifier desk: public facts, never the verifier's private key. */
export type VerifierPhase = 'loading' | 'setup' | 'locked' | 'unlocked' | 'failed';
export type VerifierTab = 'request' | 'check' | 'trust' | 'status' | 'history' | 'settings';

/** The request on screen: its QR frames, its text, and a link for a wallet on this device. */
export interface ShownRequest {
  readonly pending: PendingRequest;
  readonly frames: QrFrames;
  readonly text: string;
  readonly link: string;
}

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
  failure: MessageKey | null;
  notice: MessageKey | null;
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
  failure: null,
  notice: null,
};

export const useVerifierStore = create<VerifierUiState>(() => initialVerifierUiState);
