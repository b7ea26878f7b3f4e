import { z } from 'zod';
import { REQUEST_RULE_IDS } from '../protocol/request.ts';
import type { VerifierDesk } from './desk.ts';

/**
 * The desk's history of verifications, encrypted like everything in the vault: when, for which
 * purpose, the verdict, the issuer and type, the codes of failed checks, and which claims were
 * disclosed (their names, never their values: the desk keeps no more personal data than needed);
 * of a benefit check, only the rule, the status and the amount (no trace, no declared facts).
 */
export const HISTORY_PREFIX = 'history:';

const itemSchema = z.object({
  vct: z.string().optional(),
  /** What was presented (absent in entries kept before issue 10: those were SD-JWT VCs). */
  format: z.enum(['dc+sd-jwt', 'jwt_vc_json']).optional(),
  issuer: z.string().optional(),
  issuerName: z.string().optional(),
  valid: z.boolean(),
  failed: z.array(z.string()),
  claimNames: z.array(z.string()),
});

const benefitSchema = z.object({
  ruleId: z.enum(REQUEST_RULE_IDS),
  status: z.enum(['eligible', 'likely-eligible', 'not-eligible', 'needs-evidence', 'unknown']),
  amountCents: z.number().int().nullable(),
});

const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  valid: z.boolean(),
  purpose: z.string().optional(),
  benefit: benefitSchema.optional(),
  items: z.array(itemSchema),
});
export type HistoryEntry = z.infer<typeof entrySchema>;

export async function addHistoryEntry(desk: VerifierDesk, entry: HistoryEntry): Promise<void> {
  await desk.vault.writeRecords([{ id: `${HISTORY_PREFIX}${entry.id}`, value: entry }]);
}

/** Newest first. */
export async function listHistory(desk: VerifierDesk): Promise<HistoryEntry[]> {
  const ids = await desk.vault.listRecordIds(HISTORY_PREFIX);
  const entries: HistoryEntry[] = [];
  for (const id of ids) {
    const read = await desk.vault.readRecord(id, entrySchema);
    if (read.ok && read.value) entries.push(read.value);
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}

export async function clearHistory(desk: VerifierDesk): Promise<void> {
  const ids = await desk.vault.listRecordIds(HISTORY_PREFIX);
  if (ids.length > 0) await desk.vault.writeRecords(ids.map((id) => ({ delete: id })));
}
