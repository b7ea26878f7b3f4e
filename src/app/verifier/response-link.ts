/**
 * A response that came back by link on this device (OpenID4VP fragment mode:
 * `/verifier#vp_token=…&state=…`, or `/verifier#response=VOUCH1…` from wallets before issue 9).
 * It is taken out of the address bar at once and kept here, as response text, until the desk is
 * unlocked.
 */
import { encodePresentationResponse, readFragmentResponse } from '../../core/protocol/index.ts';
import { encodeForText } from '../../core/transport/index.ts';

let pending: string | null = null;

export const RESPONSE_FRAGMENT = '#response=';

export function takeResponseFromLocation(): void {
  const { hash, pathname, search } = window.location;
  if (hash.startsWith(RESPONSE_FRAGMENT)) {
    try {
      pending = decodeURIComponent(hash.slice(RESPONSE_FRAGMENT.length));
    } catch {
      pending = hash.slice(RESPONSE_FRAGMENT.length);
    }
  } else if (/^#(.*&)?vp_token=/.test(hash)) {
    const read = readFragmentResponse(hash);
    // An unreadable answer still reaches the desk, which says it is malformed.
    pending =
      read.ok && read.value.kind === 'response'
        ? encodeForText('response', encodePresentationResponse(read.value.response))
        : 'VOUCH-unreadable-fragment-response';
  } else {
    return;
  }
  window.history.replaceState(null, '', `${pathname}${search}`);
}

export function pendingResponse(): string | null {
  return pending;
}

export function clearPendingResponse(): void {
  pending = null;
}
