/**
 * The desk's copies policy (issue 13, docs/credentials.md §Copies): how many copies of each
 * credential it issues, 1…MAX_COPIES, DEFAULT_COPIES (10) until set. Kept in the desk's vault.
 */
import { z } from 'zod';
import type { IssuerDesk } from './desk.ts';
import { DEFAULT_COPIES, isCopiesCount, MAX_COPIES } from './issuance.ts';

export const COPIES_POLICY_ID = 'desk-copies-policy';

const policySchema = z.object({ copies: z.number().int().min(1).max(MAX_COPIES) });

/** How many copies this desk issues of each credential. */
export async function readCopiesPolicy(desk: IssuerDesk): Promise<number> {
  const read = await desk.vault.readRecord(COPIES_POLICY_ID, policySchema);
  return read.ok && read.value ? read.value.copies : DEFAULT_COPIES;
}

/** Set it; refused (false) unless an integer in 1…MAX_COPIES. */
export async function saveCopiesPolicy(desk: IssuerDesk, copies: number): Promise<boolean> {
  if (!isCopiesCount(copies)) return false;
  await desk.vault.writeRecords([{ id: COPIES_POLICY_ID, value: { copies } }]);
  return true;
}
