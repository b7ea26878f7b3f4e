/**
 * What the service worker keeps and answers, as pure functions (unit-tested without a worker).
 */
import { pageForNavigation } from '../platform/browser/role-pages.ts';

const PREFIX = 'vouch-';

/** One cache per build: a new build installs beside the old one and replaces it on activation. */
export function cacheNameFor(build: string): string {
  return `${PREFIX}${build}`;
}

/** Caches of earlier Vouch builds (never another app's caches on the same origin). */
export function staleCaches(keys: readonly string[], current: string): string[] {
  return keys.filter((key) => key.startsWith(PREFIX) && key !== current);
}

export type Route =
  /** Not ours to answer: another origin, or not a GET. The browser goes to the network. */
  | { kind: 'pass' }
  /** A page: answer with the role's precached HTML (`/issuer/x` → /issuer.html). */
  | { kind: 'page'; page: string }
  /** A file of the build: the precache, else the network. */
  | { kind: 'file' };

export function routeRequest(
  request: { method: string; mode: string; url: string },
  origin: string,
): Route {
  if (request.method !== 'GET') return { kind: 'pass' };
  const url = new URL(request.url);
  if (url.origin !== origin) return { kind: 'pass' };
  if (request.mode === 'navigate') {
    const page = pageForNavigation(url.pathname);
    if (page) return { kind: 'page', page };
  }
  return { kind: 'file' };
}

/** The one message a page sends: the citizen pressed "Reload" on the update prompt. */
export const SKIP_WAITING = 'SKIP_WAITING';

export function isSkipWaiting(data: unknown): boolean {
  return (
    typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SKIP_WAITING
  );
}
