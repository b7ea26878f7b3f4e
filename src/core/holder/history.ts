import { z } from 'zod';
import { bytesToHex } from '../encoding/index.ts';
import type { RecordWrite } from '../vault/index.ts';
import type { HolderWallet } from './holder-wallet.ts';

/**
 * What the citizen showed, to whom and why: one encrypted record per presentation. It keeps the
 * names of the claims shared, not their values (the credentials hold those), so the history
 * itself reveals as little as possible. The citizen can read it, export it as JSON and delete it.
 */
export const HISTORY_PREFIX = 'history:';

const historyEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  verifierId: z.string(),
  verifierName: z.string(),
  purpose: z.string(),
  items: z.array(
    z.object({
      credentialId: z.string(),
      typeId: z.string(),
      issuerName: z.string(),
      claims: z.array(z.string()),
    }),
  ),
  /** Names of the facts the citizen declared with the answer (not their values). */
  declared: z.array(z.string()).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export async function recordPresentation(
  wallet: HolderWallet,
  entry: Omit<HistoryEntry, 'id'>,
  randomBytes: (n: number) => Uint8Array,
  /** Written in the same transaction (the copies shown, marked used: copies.ts). */
  alsoWrite: readonly RecordWrite[] = [],
): Promise<HistoryEntry> {
  // Ids sort by time: the timestamp first, then randomness against collisions.
  const full: HistoryEntry = {
    ...entry,
    id: `${entry.at.replace(/\D/g, '')}-${bytesToHex(randomBytes(4))}`,
  };
  await wallet.vault.writeRecords([
    { id: `${HISTORY_PREFIX}${full.id}`, value: full },
    ...alsoWrite,
  ]);
  return full;
}

export async function listHistory(wallet: HolderWallet): Promise<HistoryEntry[]> {
  const ids = await wallet.vault.listRecordIds(HISTORY_PREFIX);
  const entries: HistoryEntry[] = [];
  for (const id of ids) {
    const read = await wallet.vault.readRecord(id, historyEntrySchema);
    if (read.ok && read.value) entries.push(read.value);
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}

/** Has this wallet shown anything to this verifier before? (Shown on the consent screen.) */
export async function hasPresentedTo(wallet: HolderWallet, verifierId: string): Promise<boolean> {
  return (await listHistory(wallet)).some((entry) => entry.verifierId === verifierId);
}

/** The whole history as a JSON document for the citizen to keep. */
export async function exportHistory(wallet: HolderWallet, now: Date): Promise<string> {
  return JSON.stringify(
    {
      format: 'vouch-presentation-history',
      v: 1,
      exportedAt: now.toISOString(),
      entries: await listHistory(wallet),
    },
    null,
    2,
  );
}

export async function deleteHistory(wallet: HolderWallet, id?: string): Promise<void> {
  const ids = id ? [`${HISTORY_PREFIX}${id}`] : await wallet.vault.listRecordIds(HISTORY_PREFIX);
  if (ids.length > 0)
    await wallet.vault.writeRecords(ids.map((recordId) => ({ delete: recordId })));
}
