/**
 * The text form of a payload, for paste, `*.vouch` files and links:
 *
 *   VOUCH1:<base64url of the single frame, no padding>
 *
 * (the same bytes a static QR code carries). `decodeFromText` also takes a whole link
 * `<origin>/#receive=VOUCH1:…`, and ignores surrounding whitespace.
 */
import { decodeBase64Url } from '../encoding/base64url.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { encodeSingleFrame, FORMAT_VERSION, parseFrame } from './frame.ts';
import { singleFrameText, TEXT_PREFIX } from './frame-write.ts';
import { MAX_TEXT_CHARS } from './limits.ts';
import type { PayloadKind } from './payload-kind.ts';
import type { TransportFailureDetail, TransportProblem } from './transport-problem.ts';

export { singleFrameText, TEXT_PREFIX } from './frame-write.ts';

const LINK_MARKER = '#receive=';

export function encodeForText(kind: PayloadKind, payload: Uint8Array): string {
  return singleFrameText(encodeSingleFrame(kind, payload));
}

export interface DecodeFromTextOptions {
  /** Kinds the caller expects; anything else is 'wrong-kind'. Default: all. */
  accept?: readonly PayloadKind[];
}

export function decodeFromText(
  text: string,
  opts: DecodeFromTextOptions = {},
): Result<{ kind: PayloadKind; payload: Uint8Array }, TransportProblem, TransportFailureDetail> {
  const fail = (reason: TransportProblem, message: string) => failedWith(reason, { message });
  if (typeof text !== 'string') return fail('not-vouch', `expected text, got ${typeof text}`);
  if (text.length > MAX_TEXT_CHARS) {
    return fail('too-large', `the text is ${text.length} characters; at most ${MAX_TEXT_CHARS}`);
  }
  let body = text.trim();
  const link = body.indexOf(LINK_MARKER);
  if (link !== -1) body = body.slice(link + LINK_MARKER.length);
  const header = /^VOUCH(\d{1,6}):/.exec(body);
  if (!header) {
    return fail('not-vouch', `this is not Vouch text (it does not start with "${TEXT_PREFIX}")`);
  }
  if (Number(header[1]) !== FORMAT_VERSION) {
    return fail(
      'unsupported-version',
      `format version ${header[1]} is not supported (this version reads ${FORMAT_VERSION})`,
    );
  }
  const bytes = decodeBase64Url(body.slice(header[0].length));
  if (!bytes.ok) return fail('corrupt', `the text is damaged: ${bytes.detail.message}`);
  const frame = parseFrame(bytes.value);
  if (!frame.ok) {
    return frame.reason === 'not-vouch'
      ? fail('corrupt', 'the text is damaged: the frame does not start with "V"')
      : frame;
  }
  if (frame.value.type !== 'single') {
    return fail('corrupt', 'the text holds one frame of an animated code, not a whole payload');
  }
  const { kind, payload } = frame.value;
  if (opts.accept && !opts.accept.includes(kind)) {
    return fail('wrong-kind', `this text holds a ${kind}, expected ${opts.accept.join(' or ')}`);
  }
  return ok({ kind, payload });
}
