/**
 * A copies request sent as a link (`<desk>/issuer#copies=VOUCH1:…`, docs/protocol.md §Copies
 * request): the desk's page takes it from the address bar as it opens (so it is not left in the
 * history or a bookmark) and keeps it until the Register tab, after unlocking, reads it.
 */
import { COPIES_LINK_FRAGMENT } from '../../core/copies-link-fragment.ts';

let pending: string | null = null;

/** Take a copies-request link out of the address bar, if there is one. */
export function takeCopiesLinkFromLocation(): void {
  const { hash, pathname, search } = window.location;
  if (!hash.startsWith(COPIES_LINK_FRAGMENT)) return;
  pending = hash;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

/** The link's text, once (null when none came). */
export function takePendingCopiesLink(): string | null {
  const text = pending;
  pending = null;
  return text;
}
