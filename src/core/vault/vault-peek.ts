/**
 * What a lock screen shows before anything is unlocked, read from the stored header without
 * validating it: whether a vault exists, which keyboard its passcode wants, whether the device can
 * open it. It needs neither zod nor crypto, so the first screen loads neither (issue 12): the full
 * check (checkVaultMeta) runs at unlock, which reports a malformed header as 'corrupt'.
 */
import type { PasscodeKind, VaultStorage } from './ports.ts';

export interface VaultPeek {
  /** 'empty' when no header is stored; 'present' says nothing of whether it is valid. */
  readonly status: 'empty' | 'present';
  /** The lock screen's keyboard: 'digits' only when a format-2 header says so. */
  readonly passcodeKind: PasscodeKind;
  /** Whether the header carries a device (WebAuthn PRF) wrap worth offering. */
  readonly deviceUnlock: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Read a raw stored header the way the lock screen needs it; anything unexpected reads as plain. */
export function peekVaultMeta(raw: unknown): VaultPeek {
  if (raw === undefined)
    return { status: 'empty', passcodeKind: 'passphrase', deviceUnlock: false };
  const v2 = isRecord(raw) && raw.format === 2;
  return {
    status: 'present',
    passcodeKind: v2 && raw.passcodeKind === 'digits' ? 'digits' : 'passphrase',
    deviceUnlock: v2 && isRecord(raw.device),
  };
}

/** peekVaultMeta of what `storage` holds. */
export async function peekVault(storage: Pick<VaultStorage, 'readMeta'>): Promise<VaultPeek> {
  return peekVaultMeta(await storage.readMeta());
}
