/**
 * The copies request as text, file and link (docs/protocol.md §Copies request): besides its QR
 * code, the wallet hands the request over as the Vouch text of kind `connect` (docs/transport.md),
 * saved as a `.vouch` file or sent as a link to the issuer desk's page,
 * `<desk>/issuer#copies=<URL-encoded VOUCH1:…>`. The desk reads all three with
 * `readRelationshipMessageText`, which gives the `connect` payload (a connect request or a copies
 * request: the Register tab tells them apart by `typ`); every check of the request itself
 * (shape, signature, the copy) follows at the desk (issuer/copies-request.ts).
 */
import { decodeFromText, encodeForText } from '../transport/index.ts';
import { utf8ToBytes } from '../encoding/index.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { MAX_COPIES_REQUEST_LENGTH } from './copies-request.ts';
import { COPIES_LINK_FRAGMENT } from '../copies-link-fragment.ts';

export { COPIES_LINK_FRAGMENT };

/**
 * The longest text (or file) read: a request at its largest, deflated or not, in base64url inside
 * a URL-encoded link, with room to spare. Anything longer is refused before it is decoded.
 */
export const MAX_RELATIONSHIP_MESSAGE_TEXT = 4 * MAX_COPIES_REQUEST_LENGTH;

export type RelationshipMessageTextProblem = 'too-large' | 'not-vouch' | 'damaged' | 'wrong-kind';

/** The copies request's Vouch text (for a `.vouch` file, or the text to paste). */
export function copiesRequestText(request: string): string {
  return encodeForText('connect', utf8ToBytes(request));
}

/** The link that opens the desk's page (`deskPage`, e.g. `https://vouch.example/issuer`) with it. */
export function copiesRequestLink(deskPage: string, request: string): string {
  return `${deskPage}${COPIES_LINK_FRAGMENT}${encodeURIComponent(copiesRequestText(request))}`;
}

/**
 * The `connect` payload in a pasted text, a `.vouch` file's content or a copies-request link.
 * Refused: longer than MAX_RELATIONSHIP_MESSAGE_TEXT (`too-large`), not Vouch text (`not-vouch`),
 * text that does not decode (`damaged`), another kind of code, e.g. an offer (`wrong-kind`).
 */
export function readRelationshipMessageText(
  input: string,
): Result<Uint8Array, RelationshipMessageTextProblem, { message: string }> {
  if (typeof input !== 'string') {
    return failedWith('not-vouch', { message: `expected text, got ${typeof input}` });
  }
  if (input.length > MAX_RELATIONSHIP_MESSAGE_TEXT) {
    return failedWith('too-large', {
      message: `the text is ${input.length} characters; at most ${MAX_RELATIONSHIP_MESSAGE_TEXT}`,
    });
  }
  let body = input.trim();
  const at = body.indexOf(COPIES_LINK_FRAGMENT);
  if (at !== -1) {
    try {
      body = decodeURIComponent(body.slice(at + COPIES_LINK_FRAGMENT.length));
    } catch {
      return failedWith('damaged', { message: 'the link is damaged (bad %-encoding)' });
    }
  }
  const decoded = decodeFromText(body, { accept: ['connect'] });
  if (!decoded.ok) {
    const reason =
      decoded.reason === 'not-vouch' || decoded.reason === 'wrong-kind'
        ? decoded.reason
        : 'damaged';
    return failedWith(reason, { message: decoded.detail.message });
  }
  return ok(decoded.value.payload);
}
