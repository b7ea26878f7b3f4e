/**
 * "Paste the agency's application link" (docs/ux.md §Application links): which flow a pasted text
 * belongs to, decided before anything is fetched. An application link is an OpenID4VP request by
 * reference; the request screen then names the agency's host and asks before contacting it, and
 * opens the consent screen of the request it fetched. A Vouch request text (offline) goes there too;
 * a credential offer goes to Receive. Anything else is a clear message, never an exception.
 */
import type { MessageKey } from '../../i18n/index.ts';
import { recogniseIncoming } from '../incoming-link.ts';
import { pendingKindOf } from '../pending-link-kind.ts';
import type { PendingKind } from '../pending-link.ts';

export type ApplicationLinkTarget =
  { ok: true; kind: PendingKind; text: string } | { ok: false; message: MessageKey };

export function applicationLinkTarget(input: string): ApplicationLinkTarget {
  const link = recogniseIncoming(input);
  if (link.kind === 'unknown') {
    if (link.problem === 'empty') return { ok: false, message: 'benefits.apply.linkEmpty' };
    if (link.problem === 'too-large') return { ok: false, message: 'benefits.apply.linkTooLarge' };
    return { ok: false, message: 'benefits.apply.linkUnknown' };
  }
  if (link.kind === 'openid-request') return { ok: true, kind: 'request', text: link.uri };
  if (link.kind === 'openid-offer') return { ok: true, kind: 'offer', text: link.uri };
  const kind = pendingKindOf(link.text);
  return kind === null
    ? { ok: false, message: 'benefits.apply.linkUnknown' }
    : { ok: true, kind, text: link.text };
}
