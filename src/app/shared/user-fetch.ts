/**
 * The one door to the network for the app. The wallet makes no request the citizen did not ask
 * for, and a desk none the clerk did not ask for: every fetch in src/app and src/platform/browser
 * goes through `fetchAskedByUser`, called from the handler of the button that asked (lint forbids
 * `fetch` anywhere else). CSP cannot say "the user asked", so this module is where that rule lives;
 * connect-src is the backstop that bounds where any script could reach. See docs/security.md.
 */
import { isConnectAllowed, isLoopbackHost } from '../../platform/browser/security-policy.ts';

declare const __VOUCH_CONNECT_SRC__: readonly string[] | undefined;

/** The connect-src allow-list this build was made with (vite.config.ts), beyond the page's origin. */
export const CONNECT_ALLOW_LIST: readonly string[] =
  typeof __VOUCH_CONNECT_SRC__ === 'undefined' ? [] : __VOUCH_CONNECT_SRC__;

export type UserFetchRefusal =
  /** Not an http(s) URL at all. */
  | 'not-a-url'
  /** Plain http to another origin off this machine: the answer could be altered on the way. */
  | 'insecure'
  /** An origin the operator did not allow (connect-src would block it too). */
  | 'origin-not-allowed'
  /** The request went out but failed, or the answer was not 2xx. */
  | 'unreachable';

export type UserFetchResult =
  { ok: true; text: string } | { ok: false; reason: UserFetchRefusal; detail: string };

export interface UserFetchOptions {
  /** The media type asked for (`Accept`). */
  accept?: string;
  /** The page's origin and the allow-list; tests pass their own. */
  pageOrigin?: string;
  allowList?: readonly string[];
  fetchImpl?: typeof fetch;
}

/** Check a target against the policy without fetching (for a form that shows the reason early). */
export function checkUserFetchTarget(
  uri: string,
  pageOrigin: string,
  allowList: readonly string[],
): { ok: true; url: URL } | { ok: false; reason: UserFetchRefusal; detail: string } {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { ok: false, reason: 'not-a-url', detail: uri };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: 'not-a-url', detail: uri };
  if (url.protocol === 'http:' && url.origin !== pageOrigin && !isLoopbackHost(url.hostname))
    return { ok: false, reason: 'insecure', detail: url.origin };
  if (!isConnectAllowed(url, pageOrigin, allowList))
    return { ok: false, reason: 'origin-not-allowed', detail: url.origin };
  return { ok: true, url };
}

/**
 * Fetch a text document the user asked for: no cookies, no referrer, no cache, GET only.
 * Returns a result; never throws.
 */
export async function fetchAskedByUser(
  uri: string,
  options: UserFetchOptions = {},
): Promise<UserFetchResult> {
  const pageOrigin = options.pageOrigin ?? globalThis.location?.origin ?? '';
  const target = checkUserFetchTarget(uri, pageOrigin, options.allowList ?? CONNECT_ALLOW_LIST);
  if (!target.ok) return target;
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  try {
    const response = await fetchImpl(target.url, {
      method: 'GET',
      headers: options.accept ? { accept: options.accept } : {},
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
    });
    if (!response.ok)
      return { ok: false, reason: 'unreachable', detail: `HTTP ${response.status}` };
    return { ok: true, text: await response.text() };
  } catch (error) {
    return { ok: false, reason: 'unreachable', detail: String(error) };
  }
}

/** The most an answer may hold (a request object, an offer, metadata, a credential batch). */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** Why the gate refused, or why the answer could not be read; what a flow shows the citizen. */
export class UserFetchRefused extends Error {
  constructor(
    readonly reason: UserFetchRefusal | 'too-large',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'UserFetchRefused';
  }
}

/** A `fetch` for the protocol clients (OpenID4VCI, OpenID4VP) that goes through the gate. */
export interface GatedFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** The gate's last refusal in this flow (not allowed, insecure, too large), if any. */
  readonly refusal: () => UserFetchRefused | null;
}

async function readCapped(
  response: Response,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > max) return null;
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * A fetch for one flow the citizen started (receive an offer, answer a request), to hand to a
 * protocol client as its injected fetch. Every call is checked like `fetchAskedByUser` (http(s)
 * only, no plain http off this machine, only allowed origins) and sent without cookies, referrer
 * or cache; a refusal throws `UserFetchRefused` before anything leaves, and is kept for
 * `refusal()` so the screen can say why. Answers above `maxBytes` are refused too. Create it in
 * the handler of the button that asked, and drop it when the flow ends.
 */
export function createUserFetch(
  options: Omit<UserFetchOptions, 'accept'> & { maxBytes?: number } = {},
): GatedFetch {
  const pageOrigin = options.pageOrigin ?? globalThis.location?.origin ?? '';
  const allowList = options.allowList ?? CONNECT_ALLOW_LIST;
  const maxBytes = options.maxBytes ?? MAX_ANSWER_BYTES;
  let last: UserFetchRefused | null = null;
  const refuse = (error: UserFetchRefused): never => {
    last = error;
    throw error;
  };
  const gated = async (input: string | URL | Request, init: RequestInit = {}) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const target = checkUserFetchTarget(href, pageOrigin, allowList);
    if (!target.ok) return refuse(new UserFetchRefused(target.reason, target.detail));
    const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
    const request = input instanceof Request ? input : undefined;
    const response = await fetchImpl(target.url, {
      method: init.method ?? request?.method ?? 'GET',
      headers: init.headers ?? request?.headers ?? {},
      ...(init.body === undefined || init.body === null ? {} : { body: init.body }),
      ...(init.signal ? { signal: init.signal } : {}),
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      // A redirect would leave the origin the gate checked.
      redirect: 'error',
    });
    const body = await readCapped(response, maxBytes);
    if (!body) return refuse(new UserFetchRefused('too-large', target.url.origin));
    const nullBody = response.status === 204 || response.status === 304;
    return new Response(nullBody ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return Object.assign(gated, { refusal: () => last });
}
