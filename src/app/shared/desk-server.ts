/**
 * A desk's `vouch serve` connection as desk actions share it (issuer and verifier desk): save,
 * test and forget the connection in the desk's vault, and lend it to one admin call. The token
 * is read from the vault for that call and dropped after; what reaches UI state is the URL and
 * the server's public facts.
 */
import {
  clearServerSettings,
  readServerSettings,
  writeServerSettings,
} from '../../core/desk/index.ts';
import type { UnlockedVault } from '../../core/vault/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import {
  isAdminToken,
  normaliseServerUrl,
  readServerInfo,
  type AdminOptions,
  type AdminProblem,
  type AdminResult,
  type ServerConnection,
  type ServerInfo,
} from './server-admin.ts';

export type DeskServerProblem = AdminProblem | 'not-configured';

/** The words for a problem with the server (never the server's own text, never the token). */
export function serverProblemMessage(problem: DeskServerProblem): MessageKey {
  return `deskServer.problem.${problem}`;
}

export type SaveOutcome =
  { ok: false; message: MessageKey } | { ok: true; url: string; info: AdminResult<ServerInfo> };

/**
 * Save the connection (an empty token keeps the saved one), then ask the server who it is — the
 * clerk pressed Save, so this one request is theirs — and remember its issuer DID.
 */
export async function saveDeskServer(
  vault: UnlockedVault,
  input: { url: string; token: string; now: Date },
  options: AdminOptions = {},
): Promise<SaveOutcome> {
  const url = normaliseServerUrl(input.url);
  if (!url) return { ok: false, message: 'deskServer.invalidUrl' };
  const token = input.token.trim() || (await readServerSettings(vault))?.token || '';
  if (!isAdminToken(token)) return { ok: false, message: 'deskServer.invalidToken' };
  if (!(await writeServerSettings(vault, { url, token, now: input.now })))
    return { ok: false, message: 'deskServer.invalidUrl' };
  const info = await readServerInfo({ url, token }, options);
  if (info.ok) {
    await writeServerSettings(vault, { url, token, now: input.now, issuer: info.value.issuer });
  }
  return { ok: true, url, info };
}

/** "Test connection": GET /admin/info with the saved connection; remembers the issuer DID. */
export async function testDeskServer(
  vault: UnlockedVault,
  now: Date,
  options: AdminOptions = {},
): Promise<{ ok: true; value: ServerInfo } | { ok: false; problem: DeskServerProblem }> {
  const saved = await readServerSettings(vault);
  if (!saved) return { ok: false, problem: 'not-configured' };
  const info = await readServerInfo(saved, options);
  if (!info.ok) return { ok: false, problem: info.problem };
  await writeServerSettings(vault, { ...saved, now, issuer: info.value.issuer });
  return info;
}

export async function forgetDeskServer(vault: UnlockedVault): Promise<void> {
  await clearServerSettings(vault);
}

/** The saved URL and the server's issuer DID as last seen (public facts for UI state). */
export async function deskServerFacts(
  vault: UnlockedVault,
): Promise<{ url: string; issuer: string | null | undefined } | null> {
  const saved = await readServerSettings(vault);
  return saved ? { url: saved.url, issuer: saved.issuer } : null;
}

/** Lend the saved connection to one admin call. */
export async function withDeskServer<T>(
  vault: UnlockedVault,
  use: (server: ServerConnection) => Promise<AdminResult<T>>,
): Promise<{ ok: true; value: T } | { ok: false; problem: DeskServerProblem }> {
  const saved = await readServerSettings(vault);
  if (!saved) return { ok: false, problem: 'not-configured' };
  const result = await use({ url: saved.url, token: saved.token });
  return result.ok ? result : { ok: false, problem: result.problem };
}

/**
 * Settings' Save, Test and Forget for one desk: each on the unlocked desk's vault (none when the
 * desk is locked), then the desk's UI state refreshed from the vault (`refresh`).
 */
export function deskServerActions(
  vaultOf: () => UnlockedVault | undefined,
  refresh: () => Promise<void>,
) {
  return {
    async save(url: string, token: string): Promise<SaveOutcome> {
      const vault = vaultOf();
      if (!vault) return { ok: false, message: 'error.unexpected' };
      const outcome = await saveDeskServer(vault, { url, token, now: new Date() });
      await refresh();
      return outcome;
    },
    async test(): ReturnType<typeof testDeskServer> {
      const vault = vaultOf();
      if (!vault) return { ok: false, problem: 'not-configured' };
      const result = await testDeskServer(vault, new Date());
      await refresh();
      return result;
    },
    async forget(): Promise<void> {
      const vault = vaultOf();
      if (!vault) return;
      await forgetDeskServer(vault);
      await refresh();
    },
  };
}
