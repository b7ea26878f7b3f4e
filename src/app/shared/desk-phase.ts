/**
 * Which screen a desk opens on (setup or lock screen), read from its vault's header without
 * loading the desk's code (issue 12): the header is checked in full at unlock, which tells a
 * corrupt one.
 */
import type { VaultStorage } from '../../core/vault/index.ts';
import { peekVault } from '../../core/vault/vault-peek.ts';
import type { MessageKey } from '../i18n/index.ts';

export type DeskStart = { phase: 'setup' | 'locked' } | { phase: 'failed'; failure: MessageKey };

export async function readDeskStart(storage: VaultStorage): Promise<DeskStart> {
  try {
    const peek = await peekVault(storage);
    return { phase: peek.status === 'empty' ? 'setup' : 'locked' };
  } catch {
    return { phase: 'failed', failure: 'error.storage-unavailable' };
  }
}
