/**
 * Something that arrived by link: a credential offer or a verifier's request. Taken out of the
 * address bar at once (so it does not linger in history) and kept here, in memory only, until the
 * wallet is unlocked. What arrives:
 *
 *   /#receive=VOUCH1:…        an offline credential offer (the issuer desk's link)
 *   /#request=VOUCH1:…        a verifier's request (same-device flow)
 *   /#link=<percent-encoded>  the protocol handler (`web+vouch:` → manifest and Settings), whose
 *                             %s is the whole `web+vouch:openid4vp://…` or
 *                             `web+vouch:openid-credential-offer://…` URI
 *   /?credential_offer_uri=…, /?client_id=…&request_uri=…   an https link to the wallet carrying
 *                             the OpenID4VCI / OpenID4VP query itself
 *
 * Nothing is fetched here: the flow asks the citizen before it contacts anyone. Reading what a
 * text is (pending-link-kind.ts) needs the transport's decoder, loaded when a link is there.
 */
import { recogniseIncoming } from './incoming-link.ts';

export type PendingKind = 'offer' | 'request';

const FRAGMENTS: Record<PendingKind, string> = { offer: '#receive=', request: '#request=' };
export const RECEIVE_FRAGMENT = FRAGMENTS.offer;
/** Where the protocol handler puts the URI it was given (`/#link=%s`). */
export const HANDLER_FRAGMENT = '#link=';

let pending: { kind: PendingKind; text: string } | null = null;

/** The `VOUCH1:…` text of a Vouch link or text (`…/#receive=VOUCH1:…`, `…/#request=VOUCH1:…`). */
export function vouchTextOf(text: string): string {
  const at = /#(receive|request)=/.exec(text);
  if (!at) return text;
  const rest = text.slice(at.index + at[0].length);
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

/** Keep a text for the screen that takes it (e.g. a request pasted on the Receive screen). */
export function setPendingLink(kind: PendingKind, text: string): void {
  pending = { kind, text };
}

function decodeOnce(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function takeLinkFromLocation(): void {
  const { hash, pathname, search } = window.location;
  const clear = (keepSearch: boolean) =>
    window.history.replaceState(null, '', `${pathname}${keepSearch ? search : ''}`);
  for (const kind of Object.keys(FRAGMENTS) as PendingKind[]) {
    const prefix = FRAGMENTS[kind];
    if (!hash.startsWith(prefix)) continue;
    const text = decodeOnce(hash.slice(prefix.length));
    if (text !== null) pending = { kind, text };
    clear(true);
    return;
  }
  if (hash.startsWith(HANDLER_FRAGMENT)) {
    const text = decodeOnce(hash.slice(HANDLER_FRAGMENT.length));
    const link = text === null ? null : recogniseIncoming(text);
    if (link?.kind === 'openid-offer') pending = { kind: 'offer', text: link.uri };
    else if (link?.kind === 'openid-request') pending = { kind: 'request', text: link.uri };
    clear(true);
    return;
  }
  if (search.length > 1) {
    const link = recogniseIncoming(`${window.location.origin}${pathname}${search}`);
    if (link.kind === 'openid-offer' || link.kind === 'openid-request') {
      pending = { kind: link.kind === 'openid-offer' ? 'offer' : 'request', text: link.uri };
      clear(false);
    }
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
