/**
 * The one door to the network for the app. The wallet makes no request the citizen did not ask
 * for, and a desk none the clerk did not ask for: every fetch in src/app and src/platform/browser
 * goes through `fetchAskedByUser`, called from the handler of the button that asked (lint forbids
 * `fetch` anywhere else). CSP cannot say "the user asked", so this module is where that rule lives;
 * connect-src is the backstop that bounds where any script could reach. See docs/security.md.
 */
import { isConnectAllowed } from '../../platform/browser/security-policy.ts';

declare const __VOUCH_CONNECT_SRC__: readonly string[] | undefined;

/** The connect-src allow-list this build was made with (vite.config.ts), beyond the page's origin. */
export const CONNECT_ALLOW_LIST: readonly string[] =
  typeof __VOUCH_CONNECT_SRC__ === 'undefined' ? [] : __VOUCH_CONNECT_SRC__;

export type UserFetchRefusal =
  /** Not an http(s) URL at all. */
  | 'not-a-url'
  /** Plain http to another origin: the answer could be altered on the way. */
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
  if (url.protocol === 'http:' && url.origin !== pageOrigin)
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
