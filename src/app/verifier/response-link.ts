/**
 * A response that came back by link on this device (`/verifier#response=…`, OpenID4VP fragment
 * mode). It is taken out of the address bar at once and kept here until the desk is unlocked.
 */
let pending: string | null = null;

export const RESPONSE_FRAGMENT = '#response=';

export function takeResponseFromLocation(): void {
  const { hash, pathname, search } = window.location;
  if (!hash.startsWith(RESPONSE_FRAGMENT)) return;
  try {
    pending = decodeURIComponent(hash.slice(RESPONSE_FRAGMENT.length));
  } catch {
    pending = hash.slice(RESPONSE_FRAGMENT.length);
  }
  window.history.replaceState(null, '', `${pathname}${search}`);
}

export function pendingResponse(): string | null {
  return pending;
}

export function clearPendingResponse(): void {
  pending = null;
}
