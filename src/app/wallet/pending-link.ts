/**
 * A credential offer that arrived by link (`/#receive=…`). It is taken out of the address bar at
 * once (so it does not linger in history) and kept here until the wallet is unlocked.
 */
let pending: string | null = null;

export const RECEIVE_FRAGMENT = '#receive=';

export function takeOfferFromLocation(): void {
  const { hash, pathname, search } = window.location;
  if (!hash.startsWith(RECEIVE_FRAGMENT)) return;
  pending = decodeURIComponent(hash.slice(RECEIVE_FRAGMENT.length));
  window.history.replaceState(null, '', `${pathname}${search}`);
}

export function pendingOffer(): string | null {
  return pending;
}

export function clearPendingOffer(): void {
  pending = null;
}
