/**
 * Getting new copies of a credential offline (docs/protocol.md §Copies request): the wallet signs a
 * copies request with the relationship key; the citizen shows it to the issuer desk like a connect
 * code, and receives the desk's answer like any offer (it joins the credential's card).
 */
import { createCopiesRequestFor } from '../../core/holder/index.ts';
import { encodeBase64Url, utf8ToBytes } from '../../core/encoding/index.ts';
import { copiesRequestLink, copiesRequestText } from '../../core/protocol/copies-request-text.ts';
import { encodeForQr, type QrFrames } from '../../core/transport/index.ts';
import { randomBytes } from '../composition.ts';
import type { MessageKey } from '../i18n/index.ts';
import { getSession } from './session.ts';

export type CopiesRequestOutcome =
  | {
      ok: true;
      frames: QrFrames;
      /** The Vouch text: to paste, or saved as `fileName`. */
      text: string;
      /** Opens the issuer desk's page of this app (its Register tab reads it). */
      link: string;
      fileName: string;
    }
  | { ok: false; message: MessageKey };

export async function makeCopiesRequest(credentialId: string): Promise<CopiesRequestOutcome> {
  const wallet = getSession();
  if (!wallet) return { ok: false, message: 'error.unexpected' };
  try {
    const made = await createCopiesRequestFor(wallet, credentialId, {
      now: new Date(),
      jti: encodeBase64Url(randomBytes(16)),
    });
    if (!made.ok) return { ok: false, message: 'cards.copies.requestFailed' };
    // Kind `connect`: a relationship message to the desk (the desk reads it at its Register tab).
    return {
      ok: true,
      frames: encodeForQr('connect', utf8ToBytes(made.value)),
      text: copiesRequestText(made.value),
      link: copiesRequestLink(`${window.location.origin}/issuer`, made.value),
      fileName: 'copies-request.vouch',
    };
  } catch {
    return { ok: false, message: 'error.unexpected' };
  }
}
