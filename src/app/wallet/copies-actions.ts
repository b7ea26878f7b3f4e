/**
 * Getting new copies of a credential offline (docs/protocol.md §Copies request): the wallet signs a
 * copies request with the relationship key; the citizen shows it to the issuer desk like a connect
 * code, and receives the desk's answer like any offer (it joins the credential's card).
 */
import { createCopiesRequestFor } from '../../core/holder/index.ts';
import { encodeBase64Url, utf8ToBytes } from '../../core/encoding/index.ts';
import { encodeForQr, encodeForText, type QrFrames } from '../../core/transport/index.ts';
import { randomBytes } from '../composition.ts';
import type { MessageKey } from '../i18n/index.ts';
import { getSession } from './session.ts';

export type CopiesRequestOutcome =
  { ok: true; frames: QrFrames; text: string } | { ok: false; message: MessageKey };

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
    const bytes = utf8ToBytes(made.value);
    return {
      ok: true,
      frames: encodeForQr('connect', bytes),
      text: encodeForText('connect', bytes),
    };
  } catch {
    return { ok: false, message: 'error.unexpected' };
  }
}
