/**
 * Wallet use cases as module-level actions: they call core (through the composition), keep the
 * unlocked wallet in the session, and put only public facts into the store. The lock screen needs
 * only the vault's header (vault-peek); the wallet's code (holder, vault, crypto, zod) is imported
 * when the citizen unlocks or sets up (issue 12).
 */

/** The wallet's core and its platform wiring, loaded on first use. */
const loadHolder = () => import('../../core/holder/index.ts');
const loadVault = () => import('../../core/vault/index.ts');
const loadComposition = () => import('../composition.ts');
import type { CreateWalletOptions, HolderWallet } from '../../core/holder/index.ts';
import type { DeviceUnlockProblem } from '../../core/vault/index.ts';
import { passcodeKind } from '../../core/vault/passcode.ts';
import { peekVault } from '../../core/vault/vault-peek.ts';
import type { DeviceUnlockSupport } from '../composition.ts';
import { walletVaultStorage } from '../vault-storage.ts';
import type { MessageKey } from '../i18n/index.ts';
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
    freshCopyEveryTime: wallet.settings.copyPolicy === 'fresh-every-time',
    notice: null,
    failure: null,
  });
  void import('./credential-actions.ts').then(({ refreshCredentials }) => refreshCredentials());
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
    // A header that is there but malformed is told at unlock ('error.vault-corrupt').
    const peek = await peekVault(walletVaultStorage());
    if (peek.status === 'empty') return useWalletStore.setState({ phase: 'welcome' });
    useWalletStore.setState({ phase: 'locked', passcodeKind: peek.passcodeKind });
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
  const [{ createHolderWallet }, { requestStoragePersistence, walletVaultDeps }] =
    await Promise.all([loadHolder(), loadComposition()]);
  const result = await createHolderWallet(walletVaultDeps(), options);
  if (result.ok) {
    useWalletStore.setState({ passcodeKind: passcodeKind(options.passcode) });
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
  const [{ unlockHolderWallet }, { walletVaultDeps }] = await Promise.all([
    loadHolder(),
    loadComposition(),
  ]);
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

/** Whether the lock screen offers "Unlock with this device" (a device wrap is stored). */
export async function walletHasDeviceUnlock(): Promise<boolean> {
  try {
    return (await peekVault(walletVaultStorage())).deviceUnlock;
  } catch {
    return false;
  }
}

const DEVICE_UNLOCK_PROBLEM: Record<DeviceUnlockProblem, MessageKey> = {
  'no-vault': 'error.unexpected',
  corrupt: 'error.vault-corrupt',
  'no-device-unlock': 'unlock.device.rejected',
  'device-rejected': 'unlock.device.rejected',
  'prf-unsupported': 'unlock.device.noPrf',
  cancelled: 'unlock.device.cancelled',
  failed: 'unlock.device.failed',
};

/** Unlock with the platform authenticator (WebAuthn PRF); null when the wallet opened. */
export async function unlockWalletWithDevice(): Promise<MessageKey | null> {
  const [{ openHolderWallet }, { unlockVaultWithDevice }, composition] = await Promise.all([
    loadHolder(),
    loadVault(),
    loadComposition(),
  ]);
  const deps = composition.walletVaultDeps();
  const unlocked = await unlockVaultWithDevice(deps, composition.walletDeviceAuthenticator());
  if (!unlocked.ok) {
    if (unlocked.reason === 'no-vault') useWalletStore.setState({ phase: 'welcome' });
    return unlocked.reason === 'no-vault' ? null : DEVICE_UNLOCK_PROBLEM[unlocked.reason];
  }
  const wallet = await openHolderWallet(unlocked.value);
  if (!wallet.ok) return 'error.vault-corrupt';
  enter(wallet.value);
  return null;
}

/** Device unlock in Settings: what to show before anything is tried. */
export type DeviceUnlockState =
  { readonly enabled: true } | { readonly enabled: false; readonly support: DeviceUnlockSupport };

export async function readDeviceUnlockState(): Promise<DeviceUnlockState | null> {
  const wallet = getSession();
  if (!wallet) return null;
  if (wallet.vault.deviceUnlock) return { enabled: true };
  const { probeDeviceUnlock } = await loadComposition();
  return { enabled: false, support: await probeDeviceUnlock() };
}

export type EnableDeviceUnlockOutcome =
  | 'settings.device.enabled'
  | 'settings.device.wrong'
  | 'settings.device.noPrf'
  | 'settings.device.cancelled'
  | 'settings.device.failed';

/** Check the passcode, create a PRF credential and store the device wrap beside the passcode wrap. */
export async function enableDeviceUnlock(passcode: string): Promise<EnableDeviceUnlockOutcome> {
  const wallet = getSession();
  if (!wallet) return 'settings.device.failed';
  const { walletDeviceAuthenticator } = await loadComposition();
  const result = await wallet.vault.enableDeviceUnlock(passcode, walletDeviceAuthenticator());
  if (result.ok) return 'settings.device.enabled';
  switch (result.reason) {
    case 'wrong-passcode':
      return 'settings.device.wrong';
    case 'prf-unsupported':
      return 'settings.device.noPrf';
    case 'cancelled':
      return 'settings.device.cancelled';
    default:
      return 'settings.device.failed';
  }
}

export async function disableDeviceUnlock(): Promise<boolean> {
  const wallet = getSession();
  if (!wallet) return false;
  await wallet.vault.disableDeviceUnlock();
  return true;
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
  if (!result.ok) return 'settings.passcode.wrong';
  useWalletStore.setState({ passcodeKind: passcodeKind(next) });
  return 'settings.passcode.done';
}

export async function saveAutoLock(minutes: number): Promise<boolean> {
  const wallet = getSession();
  if (!wallet) return false;
  const { saveWalletSettings } = await loadHolder();
  const saved = await saveWalletSettings(wallet, { ...wallet.settings, autoLockMinutes: minutes });
  if (!saved.ok) return false;
  setSession(saved.value);
  useWalletStore.setState({ autoLockMinutes: minutes });
  return true;
}

/** "Use a new copy for every presentation" (off: one copy per verifier; docs/credentials.md §Copies). */
export async function saveFreshCopyEveryTime(on: boolean): Promise<boolean> {
  const wallet = getSession();
  if (!wallet) return false;
  const { saveWalletSettings } = await loadHolder();
  const saved = await saveWalletSettings(wallet, {
    ...wallet.settings,
    copyPolicy: on ? 'fresh-every-time' : 'one-per-verifier',
  });
  if (!saved.ok) return false;
  setSession(saved.value);
  useWalletStore.setState({ freshCopyEveryTime: on });
  return true;
}

export async function eraseWallet(): Promise<void> {
  endSession();
  const [{ eraseVault }, { walletVaultDeps }] = await Promise.all([loadVault(), loadComposition()]);
  await eraseVault(walletVaultDeps());
  useWalletStore.setState({
    ...LOCKED_VIEW,
    phase: 'welcome',
    walletDid: null,
    notice: null,
    passcodeKind: 'passphrase',
  });
}
