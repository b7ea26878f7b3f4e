import { create } from 'zustand';
import type { Did } from '../../core/brand.ts';
import type { BenefitChange, CredentialSummary, PasscodeKind } from '../../core/holder/index.ts';
import type { MessageKey } from '../i18n/index.ts';

/**
 * UI state of the wallet role. Public facts only (phase, which screen, the wallet's DID, the
 * auto-lock choice): never a key, seed, word or passcode — those stay in ./session.ts or in the
 * vault.
 */
export type WalletPhase =
  'loading' | 'welcome' | 'create' | 'restore' | 'locked' | 'unlocked' | 'failed';

export type WalletView =
  'home' | 'settings' | 'connect' | 'receive' | 'credential' | 'request' | 'history' | 'benefits';

/**
 * What the views show of a credential: its facts and claims, without the signed compact form. In
 * `credentials` (the list) these are summaries, with only the claims the list and the rules read;
 * an opened card reads its full record (readCredentialView).
 */
export type CredentialView = CredentialSummary;

export interface RelationshipView {
  index: number;
  issuerName: string;
  createdAt: string;
}

export interface WalletUiState {
  phase: WalletPhase;
  view: WalletView;
  walletDid: Did | null;
  autoLockMinutes: number;
  /** Whether a new copy of a batch-issued credential is used for every presentation (copies.ts). */
  freshCopyEveryTime: boolean;
  /** Which keyboard the lock screen brings up (digits only or not; the vault keeps it, in clear). */
  passcodeKind: PasscodeKind;
  /** Shown once on the lock screen, e.g. after the idle timer locked the wallet. */
  notice: MessageKey | null;
  /** Why the wallet cannot be shown (phase `failed`). */
  failure: MessageKey | null;
  credentials: CredentialView[];
  relationships: RelationshipView[];
  selectedCredentialId: string | null;
  /** A one-line announcement on home, e.g. "Income statement received". */
  announcement: { key: MessageKey; params?: Record<string, string> } | null;
  /** Benefit results that changed since the citizen last acknowledged them (cards on home). */
  benefitChanges: BenefitChange[];
}

export const initialWalletUiState: WalletUiState = {
  phase: 'loading',
  view: 'home',
  walletDid: null,
  autoLockMinutes: 5,
  freshCopyEveryTime: false,
  passcodeKind: 'passphrase',
  notice: null,
  failure: null,
  credentials: [],
  relationships: [],
  selectedCredentialId: null,
  announcement: null,
  benefitChanges: [],
};

export const useWalletStore = create<WalletUiState>(() => initialWalletUiState);

export function resetWalletStore(): void {
  useWalletStore.setState(initialWalletUiState, true);
}
