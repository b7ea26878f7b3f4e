/**
 * What a text that came by link is: which screen takes it, and what the lock screen may say is
 * waiting. Apart from pending-link.ts because it decodes (core/transport), which the lock screen
 * loads only when a link is waiting (issue 12).
 */
import { decodeFromText } from '../../core/transport/index.ts';
import { recogniseIncoming } from './incoming-link.ts';
import { pendingLink, vouchTextOf, type PendingKind } from './pending-link.ts';

/** Which screen takes a text: offers to Receive, requests to Show; null when neither. */
export function pendingKindOf(text: string): PendingKind | null {
  const link = recogniseIncoming(text);
  if (link.kind === 'openid-offer') return 'offer';
  if (link.kind === 'openid-request') return 'request';
  if (link.kind !== 'vouch') return null;
  const decoded = decodeFromText(vouchTextOf(link.text));
  if (!decoded.ok) return null;
  return decoded.value.kind === 'offer' || decoded.value.kind === 'request'
    ? decoded.value.kind
    : null;
}

/**
 * What the lock screen may say is waiting: the pending link's kind when its text reads as that kind
 * (an offer, a request), else null, so a mangled link does not promise a credential.
 */
export function waitingLinkKind(): PendingKind | null {
  const pending = pendingLink();
  if (!pending) return null;
  return pendingKindOf(pending.text) === pending.kind ? pending.kind : null;
}
