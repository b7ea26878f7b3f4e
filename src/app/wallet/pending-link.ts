/**
 * Something that arrived by link: a credential offer (`/#receive=…`) or a verifier's request
 * (`/#request=…`, same-device flow). It is taken out of the address bar at once (so it does not
 * linger in history) and kept here until the wallet is unlocked.
 */
export type PendingKind = 'offer' | 'request';

const FRAGMENTS: Record<PendingKind, string> = { offer: '#receive=', request: '#request=' };
export const RECEIVE_FRAGMENT = FRAGMENTS.offer;

let pending: { kind: PendingKind; text: string } | null = null;

export function takeLinkFromLocation(): void {
  const { hash, pathname, search } = window.location;
  for (const kind of Object.keys(FRAGMENTS) as PendingKind[]) {
    const prefix = FRAGMENTS[kind];
    if (!hash.startsWith(prefix)) continue;
    pending = { kind, text: decodeURIComponent(hash.slice(prefix.length)) };
    window.history.replaceState(null, '', `${pathname}${search}`);
    return;
  }
}

export function pendingLink(): { kind: PendingKind; text: string } | null {
  return pending;
}

/** Take the pending link of this kind, if any (it is handled once). */
export function takePendingLink(kind: PendingKind): string | null {
  if (pending?.kind !== kind) return null;
  const { text } = pending;
  pending = null;
  return text;
}
