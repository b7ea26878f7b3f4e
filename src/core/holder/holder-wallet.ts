import { z } from 'zod';
import { COPY_POLICIES } from './copies.ts';
import type { Did, ExtendedPublicKey } from '../brand.ts';
import { checkMnemonic, describeKey, mnemonicToSeed, type MnemonicProblem } from '../keys/index.ts';
import { failed, ok, type Ok, type Result } from '../result.ts';
import { createVault, unlockVault, type UnlockedVault, type VaultDeps } from '../vault/index.ts';
import { CREDENTIAL_INDEX } from './credential-store-summary.ts';
import { checkPasscode, type PasscodeProblem } from './passcode-policy.ts';
import { encodeWalletSecret, mnemonicOf } from './wallet-secret.ts';

/**
 * The citizen's wallet: create or restore from 24 words, unlock with the passcode, settings.
 * Public facts about the wallet (its identity DID, the root xpub) live in the encrypted `profile`
 * record; the seed lives only in the vault's `secret` record.
 */

export const PROFILE_ID = 'profile';
export const SETTINGS_ID = 'settings';

export const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15, 30, 60] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 5;

const profileSchema = z.object({
  walletDid: z.string().startsWith('did:key:'),
  rootXpub: z.string().min(1),
  createdAt: z.string(),
  restored: z.boolean(),
});
export interface WalletProfile {
  readonly walletDid: Did;
  readonly rootXpub: ExtendedPublicKey;
  readonly createdAt: string;
  readonly restored: boolean;
}

const settingsSchema = z.object({
  autoLockMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Which copy of a batch-issued credential is shown (copies.ts); absent: one-per-verifier. */
  copyPolicy: z.enum(COPY_POLICIES).optional(),
});
export type WalletSettings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: WalletSettings = { autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES };

export interface HolderWallet {
  readonly vault: UnlockedVault;
  readonly profile: WalletProfile;
  readonly settings: WalletSettings;
}

export type CreateWalletProblem =
  | MnemonicProblem
  | { ok: false; reason: PasscodeProblem }
  | { ok: false; reason: 'exists' | 'weak-kdf' };

export interface CreateWalletOptions {
  readonly mnemonic: string;
  readonly passphrase?: string;
  readonly passcode: string;
  /** `restored` when the words came from the citizen rather than from a fresh generation. */
  readonly origin: 'created' | 'restored';
  readonly iterations?: number;
}

/** Create a wallet from 24 words (fresh or restored), encrypted under the passcode. */
export async function createHolderWallet(
  deps: VaultDeps,
  options: CreateWalletOptions,
): Promise<Ok<HolderWallet> | CreateWalletProblem> {
  const words = checkMnemonic(options.mnemonic);
  if (!words.ok) return words;
  const passcode = checkPasscode(options.passcode);
  if (!passcode.ok) return passcode;

  const seed = await mnemonicToSeed(words.value, options.passphrase ?? '');
  const secret = encodeWalletSecret(seed, words.value);
  try {
    const root = describeKey(seed);
    const profile: WalletProfile = {
      walletDid: root.did,
      rootXpub: root.xpub,
      createdAt: (deps.now?.() ?? new Date()).toISOString(),
      restored: options.origin === 'restored',
    };
    const created = await createVault(deps, {
      passcode: options.passcode,
      secret,
      ...(options.iterations === undefined ? {} : { iterations: options.iterations }),
    });
    if (!created.ok) return failed(created.reason);
    const vault = created.value;
    vault.addIndex(CREDENTIAL_INDEX);
    await vault.writeRecords([
      { id: PROFILE_ID, value: profile },
      { id: SETTINGS_ID, value: DEFAULT_SETTINGS },
    ]);
    return ok({ vault, profile, settings: DEFAULT_SETTINGS });
  } finally {
    seed.fill(0);
    secret.fill(0);
  }
}

export type UnlockProblem = 'no-vault' | 'wrong-passcode' | 'corrupt';

export async function unlockHolderWallet(
  deps: VaultDeps,
  passcode: string,
): Promise<Result<HolderWallet, UnlockProblem>> {
  const unlocked = await unlockVault(deps, passcode);
  if (!unlocked.ok) return unlocked;
  return openHolderWallet(unlocked.value);
}

/** The wallet in a vault unlocked by any means (passcode or device): its profile and settings. */
export async function openHolderWallet(
  vault: UnlockedVault,
): Promise<Result<HolderWallet, 'corrupt'>> {
  const profile = await vault.readRecord(PROFILE_ID, profileSchema);
  if (!profile.ok || profile.value === undefined) {
    vault.lock();
    return failed('corrupt');
  }
  const settings = await vault.readRecord(SETTINGS_ID, settingsSchema);
  // Every credential written in this session keeps its summary in step (the list reads those).
  vault.addIndex(CREDENTIAL_INDEX);
  return ok({
    vault,
    profile: profile.value as WalletProfile,
    // Unreadable settings fall back to the defaults: they hold nothing the citizen would lose.
    settings: settings.ok && settings.value ? settings.value : DEFAULT_SETTINGS,
  });
}

export async function saveWalletSettings(
  wallet: HolderWallet,
  settings: WalletSettings,
): Promise<Result<HolderWallet, 'invalid-settings'>> {
  const parsed = settingsSchema.safeParse(settings);
  if (!parsed.success) return failed('invalid-settings');
  await wallet.vault.writeRecords([{ id: SETTINGS_ID, value: parsed.data }]);
  return ok({ ...wallet, settings: parsed.data });
}

/** The recovery words, for a "show my words" screen behind the passcode. */
export async function readRecoveryWords(wallet: HolderWallet): Promise<string> {
  return wallet.vault.withSecret((secret) => mnemonicOf(secret));
}
