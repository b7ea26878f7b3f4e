/**
 * A bare presentation (what `vouch present` prints: an SD-JWT VC with its key binding JWT, or a
 * W3C VP-JWT) as the `response` payload a wallet sends, so it travels as ONE compact frame that a
 * verifier desk scans like any wallet's answer (issue 12 goal 5). Bare, a typical presentation is
 * 1,600 characters: too much for one QR code as text. As a response, codec 2 packs it into ~600
 * bytes (docs/transport.md §Bare presentations).
 *
 * The response is `{"vp_token":{"<query id>":["<presentation>"]}}` with the query id a desk's
 * request uses for that credential type: the type's id (e.g. `income-statement`) for an SD-JWT VC,
 * the id + `_w3c` for a VP-JWT (dcqlForEitherFormat).
 */
import { credentialTypeByVct, credentialTypeByW3cTypes } from '../credentials/index.ts';
import { encodePresentationResponse, parsePresentationResponse } from '../protocol/response.ts';
import { isRecord, peekJwtPayload } from '../w3c/shape.ts';

const SD_JWT_PRESENTATION =
  /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(~[A-Za-z0-9_-]+)*~[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The query id of a presentation's credential type, or undefined when it is not one we know. */
export function presentationQueryId(presentation: string): string | undefined {
  if (SD_JWT_PRESENTATION.test(presentation)) {
    const payload = peekJwtPayload(presentation.slice(0, presentation.indexOf('~')));
    const vct = payload?.vct;
    return typeof vct === 'string' ? credentialTypeByVct(vct)?.id : undefined;
  }
  const vp = peekJwtPayload(presentation)?.vp;
  if (!isRecord(vp) || !Array.isArray(vp.verifiableCredential)) return undefined;
  if (vp.verifiableCredential.length !== 1) return undefined;
  const vc = peekJwtPayload(vp.verifiableCredential[0])?.vc;
  if (!isRecord(vc) || !Array.isArray(vc.type)) return undefined;
  const type = credentialTypeByW3cTypes(vc.type);
  return type ? `${type.id}_w3c` : undefined;
}

/**
 * The response payload carrying `presentation` (surrounding whitespace ignored), or undefined
 * when the text is not a presentation of a known credential type.
 */
export function responseForPresentation(text: string): Uint8Array | undefined {
  const presentation = text.trim();
  const queryId = presentationQueryId(presentation);
  if (queryId === undefined) return undefined;
  return encodePresentationResponse({ vpToken: { [queryId]: [presentation] } });
}

/**
 * The presentation a response payload carries when the payload is exactly what
 * responseForPresentation makes of it (one presentation, its type's query id, nothing else).
 */
export function presentationOfResponse(payload: Uint8Array): string | undefined {
  const parsed = parsePresentationResponse(payload);
  if (!parsed.ok) return undefined;
  const lists = Object.values(parsed.value.vpToken);
  const presentation = lists.length === 1 && lists[0]?.length === 1 ? lists[0][0] : undefined;
  if (presentation === undefined) return undefined;
  const again = responseForPresentation(presentation);
  return again !== undefined &&
    again.length === payload.length &&
    again.every((byte, i) => byte === payload[i])
    ? presentation
    : undefined;
}
