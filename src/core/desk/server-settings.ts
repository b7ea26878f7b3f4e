import { z } from 'zod';
import type { UnlockedVault } from '../vault/index.ts';

/**
 * A desk's `vouch serve` connection (issue 9 item 2): the server's URL and its admin token, one
 * encrypted record in the desk's vault. The token is a secret like the desk's key: it is read
 * from the vault for the one admin call that needs it and never kept in UI state; the URL alone
 * (public) may be shown. Both desks use this record; a desk without it works offline.
 */
export const SERVER_SETTINGS_ID = 'server-settings';

/** https, or http on this machine (a server tried out locally). No URL parser in core. */
const SERVER_URL =
  /^(https:\/\/[a-z0-9.-]+(:\d{1,5})?|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?)(\/[\x21-\x22\x24-\x3e\x40-\x7e]*)?$/i;

const settingsSchema = z.object({
  url: z
    .string()
    .max(2048)
    .regex(SERVER_URL)
    .refine((url) => !url.endsWith('/')),
  token: z
    .string()
    .min(1)
    .max(512)
    .regex(/^[\x21-\x7e]+$/),
  savedAt: z.string().max(64),
  /**
   * The server's issuer DID as its /admin/info said when the clerk last saved or tested the
   * connection (null: it has none; absent: not known yet). Only when it is the desk's own DID can
   * the desk's status list be hosted there, so only then do new credentials point at it.
   */
  issuer: z.string().min(1).max(2048).nullable().optional(),
});
export type ServerSettings = z.infer<typeof settingsSchema>;

export function isServerSettings(value: unknown): value is ServerSettings {
  return settingsSchema.safeParse(value).success;
}

/** The saved connection, or undefined (none saved, or a record that does not read back). */
export async function readServerSettings(
  vault: UnlockedVault,
): Promise<ServerSettings | undefined> {
  const read = await vault.readRecord(SERVER_SETTINGS_ID, settingsSchema);
  return read.ok ? read.value : undefined;
}

/** Save (replace) the connection; false when the URL or token is not acceptable. */
export async function writeServerSettings(
  vault: UnlockedVault,
  settings: { url: string; token: string; now: Date; issuer?: string | null },
): Promise<boolean> {
  const parsed = settingsSchema.safeParse({
    url: settings.url,
    token: settings.token,
    savedAt: settings.now.toISOString(),
    ...(settings.issuer === undefined ? {} : { issuer: settings.issuer }),
  });
  if (!parsed.success) return false;
  await vault.writeRecords([{ id: SERVER_SETTINGS_ID, value: parsed.data }]);
  return true;
}

/** Forget the server: the desk is offline-only again. */
export async function clearServerSettings(vault: UnlockedVault): Promise<void> {
  await vault.writeRecords([{ delete: SERVER_SETTINGS_ID }]);
}
