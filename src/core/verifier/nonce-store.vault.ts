/**
 * The nonce store in the desk's encrypted vault: pending requests under `pending:<id>`, spent
 * nonces in one record `used-nonces` ({ entries: [{ nonce, usedAt }] }, 30 days, at most 10,000).
 *
 * Why a mutex and not one IndexedDB transaction: every record is AES-GCM encrypted, so reading
 * the used list means decrypting it with WebCrypto, and an IndexedDB transaction commits on its
 * own as soon as the page awaits anything that is not an IndexedDB request (such as a decrypt).
 * Decrypt-check-encrypt-write therefore cannot live inside one readwrite transaction. Instead every
 * read-then-write of the store runs under one lock (`exclusive`): by default an in-process mutex
 * per vault storage (nonce-store.ts `mutexFor`), which covers every check made in this page; a
 * caller may pass a lock that spans more (the browser's Web Locks, across tabs of one origin). The
 * write itself is one vault commit (the pending request's deletion and the used list together), so
 * a crash leaves the nonce either pending or spent, never half.
 */
import { z } from 'zod';
import type { UnlockedVault } from '../vault/index.ts';
import {
  MAX_USED_NONCES,
  PENDING_KEEP_SECONDS,
  USED_NONCE_KEEP_SECONDS,
  type NonceStore,
  type RunExclusive,
} from './nonce-store.ts';
import { PENDING_PREFIX, pendingRequestSchema, type PendingRequest } from './pending-request.ts';

export const USED_NONCES_ID = 'used-nonces';

const usedNoncesSchema = z.object({
  entries: z.array(z.object({ nonce: z.string(), usedAt: z.string() })),
});
type UsedNonces = z.infer<typeof usedNoncesSchema>;

export function createVaultNonceStore(
  vault: UnlockedVault,
  options: { exclusive: RunExclusive },
): NonceStore {
  const { exclusive } = options;

  const readUsed = async (): Promise<UsedNonces> => {
    const read = await vault.readRecord(USED_NONCES_ID, usedNoncesSchema);
    return read.ok && read.value ? read.value : { entries: [] };
  };

  /** Newest first. Unreadable records are skipped (they can only be foreign or damaged data). */
  const listPending = async (): Promise<PendingRequest[]> => {
    const ids = await vault.listRecordIds(PENDING_PREFIX);
    const found: PendingRequest[] = [];
    for (const id of ids) {
      const read = await vault.readRecord(id, pendingRequestSchema);
      if (read.ok && read.value) found.push(read.value);
    }
    return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  };

  return {
    issue: (request, now) =>
      exclusive(async () => {
        const stale = (await listPending()).filter(
          (old) => now.getTime() - Date.parse(old.createdAt) > PENDING_KEEP_SECONDS * 1000,
        );
        await vault.writeRecords([
          ...stale.map((old) => ({ delete: `${PENDING_PREFIX}${old.id}` })),
          { id: `${PENDING_PREFIX}${request.id}`, value: request },
        ]);
      }),

    async lookup(nonce) {
      const used = (await readUsed()).entries.find((entry) => entry.nonce === nonce);
      if (used) return { state: 'used', usedAt: used.usedAt };
      const request = (await listPending()).find((p) => p.nonce === nonce);
      return request ? { state: 'pending', request } : { state: 'unknown' };
    },

    consume: (nonce, now) =>
      exclusive(async () => {
        const used = await readUsed();
        if (used.entries.some((entry) => entry.nonce === nonce)) return false;
        const spent = (await listPending()).filter((p) => p.nonce === nonce);
        if (spent.length === 0) return false;
        const keepFrom = now.getTime() - USED_NONCE_KEEP_SECONDS * 1000;
        const entries = [
          ...used.entries.filter((entry) => Date.parse(entry.usedAt) >= keepFrom),
          { nonce, usedAt: now.toISOString() },
        ].slice(-MAX_USED_NONCES);
        await vault.writeRecords([
          ...spent.map((p) => ({ delete: `${PENDING_PREFIX}${p.id}` })),
          { id: USED_NONCES_ID, value: { entries } },
        ]);
        return true;
      }),

    listPending,

    cancel: (requestId) =>
      exclusive(() => vault.writeRecords([{ delete: `${PENDING_PREFIX}${requestId}` }])),
  };
}
