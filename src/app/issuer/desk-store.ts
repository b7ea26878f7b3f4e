import { create } from 'zustand';
import type { DeskProfile, IssuedCredential, Subject } from '../../core/issuer/index.ts';
import type { MessageKey } from '../i18n/index.ts';

/** UI state of the issuer desk: public facts and the register, never the issuer's private key. */
export type DeskPhase = 'loading' | 'setup' | 'locked' | 'unlocked' | 'failed';
export type DeskTab = 'register' | 'issue' | 'issued' | 'settings';

export interface DeskUiState {
  phase: DeskPhase;
  tab: DeskTab;
  profile: DeskProfile | null;
  issuerDid: string | null;
  issuerAlg: string | null;
  statusListUri: string | null;
  /** The desk's `vouch serve` (public URL only; the token stays in the vault), or null: offline. */
  serverUrl: string | null;
  /** The server's issuer DID as last seen (null: none; undefined: not asked yet). */
  serverIssuer: string | null | undefined;
  /** Where new credentials' status points when the server hosts the desk's list, else null. */
  hostedStatusUri: string | null;
  /** Copies of each credential the desk issues (its policy, issue 13). */
  copies: number;
  subjects: Subject[];
  issued: IssuedCredential[];
  /** The subject pre-selected on the Issue tab (after "Issue a credential" in the register). */
  issueFor: string | null;
  failure: MessageKey | null;
  notice: MessageKey | null;
}

export const initialDeskUiState: DeskUiState = {
  phase: 'loading',
  tab: 'register',
  profile: null,
  issuerDid: null,
  issuerAlg: null,
  statusListUri: null,
  serverUrl: null,
  serverIssuer: undefined,
  hostedStatusUri: null,
  copies: 10,
  subjects: [],
  issued: [],
  issueFor: null,
  failure: null,
  notice: null,
};

export const useDeskStore = create<DeskUiState>(() => initialDeskUiState);
