/**
 * When opening a card checks its status (docs/ux.md §Cards): the citizen opened it from the list
 * (that is the request; docs/security.md), once per opening, and only where the credential names a
 * status list at an address this wallet may contact. Landing on a card after receiving it, a
 * re-render or a language switch fetch nothing.
 */
import { checkUserFetchTarget, CONNECT_ALLOW_LIST } from '../shared/user-fetch.ts';

let opened: string | null = null;

/** The citizen opened this card: its detail may check once. */
export function markOpenedByCitizen(id: string): void {
  opened = id;
}

/** Any other navigation: nothing is waiting to be checked. */
export function forgetOpened(): void {
  opened = null;
}

/** True once for the card the citizen just opened; false afterwards, and for any other card. */
export function takeCheckOnOpen(id: string): boolean {
  const yes = opened === id;
  opened = null;
  return yes;
}

/** Whether opening this card may fetch its status list (https or this machine, an allowed origin). */
export function statusFetchable(
  credential: { status?: { uri: string } | undefined },
  options: { pageOrigin?: string; allowList?: readonly string[] } = {},
): boolean {
  if (!credential.status) return false;
  const pageOrigin = options.pageOrigin ?? globalThis.location?.origin ?? '';
  return checkUserFetchTarget(
    credential.status.uri,
    pageOrigin,
    options.allowList ?? CONNECT_ALLOW_LIST,
  ).ok;
}
