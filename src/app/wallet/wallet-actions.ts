/**
 * Wallet use cases as module-level actions: they call core (through the composition), keep the
 * unlocked wallet in the session, and put only public facts into the store.
 */
import {
  createHolderWallet,
  saveWalletSettings,
  unlockHolderWallet,
  type CreateWalletOptions,
  type HolderWallet,
} from '../../core/holder/index.ts';
import { eraseVault, readVaultStatus } from '../../core/vault/index.ts';
import { requestStoragePersistence, walletVaultDeps } from '../composition.ts';
import type { MessageKey } from '../i18n/index.ts';
import { refreshCredentials } from './credential-actions.ts';
import { pendingLink } from './pending-link.ts';
import { endSession, getSession, setSession } from './session.ts';
import { useWalletStore, type WalletUiState, type WalletView } from './wallet-store.ts';

/** A link that brought the citizen here decides the first screen after unlocking. */
function viewForLink(): WalletView {
  const link = pendingLink();
  if (!link) return 'home';
  return link.kind === 'offer' ? 'receive' : 'request';
}

function enter(wallet: HolderWallet): void {
  setSession(wallet);
  useWalletStore.setState({
    phase: 'unlocked',
    // An offer that came by link is received right after unlocking.
    view: viewForLink(),
    walletDid: wallet.profile.walletDid,
    autoLockMinutes: wallet.settings.autoLockMinutes,
    notice: null,
    failure: null,
  });
  void refreshCredentials();
}

/** What the store may show only while unlocked: claims and relationships go with the lock. */
const LOCKED_VIEW: Partial<WalletUiState> = {
  view: 'home',
  credentials: [],
  relationships: [],
  selectedCredentialId: null,
  announcement: null,
  benefitChanges: [],
};

function fail(failure: MessageKey): void {
  useWalletStore.setState({ phase: 'failed', failure });
}

export async function loadWallet(): Promise<void> {
  try {
    const status = await readVaultStatus(walletVaultDeps());
    if (!status.ok) return fail('error.vault-corrupt');
    useWalletStore.setState({ phase: status.value === 'empty' ? 'welcome' : 'locked' });
  } catch {
    fail('error.storage-unavailable');
  }
}

export function startOnboarding(phase: 'create' | 'restore'): void {
  useWalletStore.setState({ phase });
}

export function cancelOnboarding(): void {
  useWalletStore.setState({ phase: 'welcome' });
}

export type FinishOnboarding = { ok: true } | { ok: false; message: MessageKey };

export async function finishOnboarding(options: CreateWalletOptions): Promise<FinishOnboarding> {
  const result = await createHolderWallet(walletVaultDeps(), options);
  if (result.ok) {
    enter(result.value);
    // Ask the browser not to evict the wallet under storage pressure; Settings shows the answer.
    void requestStoragePersistence();
    return { ok: true };
  }
  switch (result.reason) {
    case 'too-short-digits':
      return { ok: false, message: 'passcode.tooShortDigits' };
    case 'too-short-passphrase':
      return { ok: false, message: 'passcode.tooShortPassphrase' };
    case 'bad-checksum':
      return { ok: false, message: 'restore.badChecksum' };
    default:
      return { ok: false, message: 'error.unexpected' };
  }
}

export async function unlockWallet(passcode: string): Promise<MessageKey | null> {
  const result = await unlockHolderWallet(walletVaultDeps(), passcode);
  if (result.ok) {
    enter(result.value);
    return null;
  }
  if (result.reason === 'wrong-passcode') return 'unlock.wrong';
  if (result.reason === 'no-vault') {
    useWalletStore.setState({ phase: 'welcome' });
    return null;
  }
  return 'error.vault-corrupt';
}

export function lockWallet(notice: MessageKey | null = null): void {
  if (!getSession()) return;
  endSession();
  useWalletStore.setState({ ...LOCKED_VIEW, phase: 'locked', notice });
}

export async function changePasscode(current: string, next: string): Promise<MessageKey> {
  const wallet = getSession();
  if (!wallet) return 'error.unexpected';
  const result = await wallet.vault.changePasscode(current, next);
  return result.ok ? 'settings.passcode.done' : 'settings.passcode.wrong';
}

export async function saveAutoLock(minutes: number): Promise<boolean> {
  const wallet = getSession();
  if (!wallet) return false;
  const saved = await saveWalletSettings(wallet, { ...wallet.settings, autoLockMinutes: minutes });
  if (!saved.ok) return false;
  setSession(saved.value);
  useWalletStore.setState({ autoLockMinutes: minutes });
  return true;
}

export async function eraseWallet(): Promise<void> {
  endSession();
  await eraseVault(walletVaultDeps());
  useWalletStore.setState({ ...LOCKED_VIEW, phase: 'welcome', walletDid: null, notice: null });
}
