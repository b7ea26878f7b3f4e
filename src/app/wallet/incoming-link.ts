/**
 * What the citizen handed the wallet — a scanned code, pasted text, an opened link, a protocol
 * handler's URL — recognised before anything is fetched. Total and capped: any text gives an
 * answer, and nothing here touches the network.
 *
 *   openid-credential-offer://?credential_offer=…|credential_offer_uri=…   OpenID4VCI §4.1
 *   openid4vp://?client_id=…&request_uri=…|request=…|response_type=…       OpenID4VP §5
 *   https://<any host>/…?<the same query>                                  (a "universal link")
 *   web+vouch:<one of the above, percent-encoded or not>                   the wallet's handler
 *   VOUCH1:…, <origin>/#receive=VOUCH1:…, <origin>/#request=VOUCH1:…       Vouch's offline forms
 *
 * The protocol clients (src/core/oid4vci, src/core/protocol/openid4vp) parse the URI fully; this
 * only decides which flow it belongs to, so a pasted request on the "Receive" screen still goes
 * to the consent screen.
 */

/** Longer text is refused unread (an offer by value with its JSON, or a request by value, fits). */
export const MAX_INCOMING_CHARS = 32 * 1024;

/** The wallet's registered protocol (browsers allow only `web+` and lower-case letters). */
export const WALLET_PROTOCOL = 'web+vouch';

export type IncomingLink =
  /** An OpenID4VCI credential offer: run the pre-authorized code flow. */
  | { kind: 'openid-offer'; uri: string }
  /** An OpenID4VP authorization request: fetch it, ask for consent, answer. */
  | { kind: 'openid-request'; uri: string }
  /** Vouch's own text form (offline QR, file, `#receive=` / `#request=` link). */
  | { kind: 'vouch'; text: string }
  | { kind: 'unknown'; problem: 'empty' | 'too-large' | 'not-recognised' };

const OFFER_SCHEMES = ['openid-credential-offer:'];
/** The schemes peers use for the same request (OpenID4VP §5, HAIP, the EUDI wallet). */
const REQUEST_SCHEMES = ['openid4vp:', 'haip-vp:', 'eudi-openid4vp:', 'mdoc-openid4vp:'];
const OFFER_PARAMS = ['credential_offer', 'credential_offer_uri'];
const REQUEST_PARAMS = ['request_uri', 'request', 'response_type'];
const VOUCH_TEXT = /^VOUCH\d{1,6}:/;
const VOUCH_LINK = /#(receive|request)=/;

/** The names in a URI's query (between "?" and "#"), without decoding values; [] when none. */
function queryNames(uri: string): string[] {
  const question = uri.indexOf('?');
  if (question === -1) return [];
  const hash = uri.indexOf('#', question);
  return uri
    .slice(question + 1, hash === -1 ? undefined : hash)
    .split('&')
    .map((pair) => pair.split('=')[0] ?? '')
    .filter(Boolean);
}

function schemeOf(text: string): string | null {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
  return match ? `${(match[1] as string).toLowerCase()}:` : null;
}

/** `web+vouch:openid4vp%3A%2F%2F%3F…` (what a browser puts in %s) or `web+vouch:openid4vp://?…`. */
function unwrapHandler(text: string): string | null {
  const prefix = `${WALLET_PROTOCOL}:`;
  if (text.slice(0, prefix.length).toLowerCase() !== prefix) return text;
  let inner = text.slice(prefix.length).replace(/^\/\//, '');
  if (/^[a-z][a-z0-9+.-]*%3A/i.test(inner) || /^VOUCH\d{1,6}%3A/.test(inner)) {
    try {
      inner = decodeURIComponent(inner);
    } catch {
      return null;
    }
  }
  return inner;
}

export function recogniseIncoming(input: unknown): IncomingLink {
  if (typeof input !== 'string') return { kind: 'unknown', problem: 'not-recognised' };
  if (input.length > MAX_INCOMING_CHARS) return { kind: 'unknown', problem: 'too-large' };
  const trimmed = input.trim();
  if (trimmed === '') return { kind: 'unknown', problem: 'empty' };
  const text = unwrapHandler(trimmed);
  if (text === null || text.length === 0 || (/\s/.test(text) && !VOUCH_TEXT.test(text)))
    return { kind: 'unknown', problem: 'not-recognised' };
  if (VOUCH_TEXT.test(text)) return { kind: 'vouch', text };
  const scheme = schemeOf(text);
  if (scheme === null) return { kind: 'unknown', problem: 'not-recognised' };
  if (OFFER_SCHEMES.includes(scheme)) return { kind: 'openid-offer', uri: text };
  if (REQUEST_SCHEMES.includes(scheme)) return { kind: 'openid-request', uri: text };
  if (scheme === 'https:' || scheme === 'http:') {
    if (VOUCH_LINK.test(text)) return { kind: 'vouch', text };
    const names = queryNames(text);
    if (names.some((name) => OFFER_PARAMS.includes(name)))
      return { kind: 'openid-offer', uri: text };
    if (names.includes('client_id') && names.some((name) => REQUEST_PARAMS.includes(name)))
      return { kind: 'openid-request', uri: text };
  }
  return { kind: 'unknown', problem: 'not-recognised' };
}

/** Whether text is something the online flows take (for the scanner: raw QR text, not Vouch frames). */
export function isOnlineLink(text: string): boolean {
  const link = recogniseIncoming(text);
  return link.kind === 'openid-offer' || link.kind === 'openid-request';
}

/**
 * Whether reading a request needs a fetch (a `request_uri`); a request by value is read at once,
 * and only the citizen's Share sends anything.
 */
export function requestNeedsFetch(uri: string): boolean {
  return queryNames(uri).includes('request_uri');
}

/** The host a flow will contact first, to name it before anything leaves (undefined when unclear). */
export function hostToContact(uri: string): string | undefined {
  const names = new Map<string, string>();
  const question = uri.indexOf('?');
  if (question === -1) return undefined;
  const hash = uri.indexOf('#', question);
  for (const pair of uri.slice(question + 1, hash === -1 ? undefined : hash).split('&')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    try {
      names.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' ')));
    } catch {
      return undefined;
    }
  }
  const target =
    names.get('credential_offer_uri') ??
    names.get('request_uri') ??
    issuerOfOfferByValue(names.get('credential_offer')) ??
    // A request by value is fetched from nowhere; its answer goes to response_uri.
    names.get('response_uri');
  if (target === undefined) return undefined;
  try {
    const url = new URL(target);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.host : undefined;
  } catch {
    return undefined;
  }
}

function issuerOfOfferByValue(json: string | undefined): string | undefined {
  if (json === undefined || json.length > MAX_INCOMING_CHARS) return undefined;
  try {
    const offer: unknown = JSON.parse(json);
    if (typeof offer !== 'object' || offer === null) return undefined;
    const issuer = (offer as { credential_issuer?: unknown }).credential_issuer;
    return typeof issuer === 'string' ? issuer : undefined;
  } catch {
    return undefined;
  }
}
