/**
 * The pages' Content-Security-Policy and the other browser hardening headers, in one place: the
 * build writes the policy into each page as a meta tag, `vite preview` (what `npm start` runs)
 * sends it as a header, and the fetch gate (src/app/shared/user-fetch.ts) checks the same
 * connect-src allow-list before it asks the browser. Why each directive: docs/security.md.
 *
 * Pure and DOM-free, so vite.config.ts can import it.
 */

/**
 * A source an operator allows pages to fetch from: a plain origin (`https://status.example.org`),
 * a loopback origin with any port (`http://127.0.0.1:*`, for a `vouch serve` on this machine), or
 * the explicit opt-in `https:` (a wallet that must answer any conformant verifier).
 */
export type AllowedOrigin = string & { readonly __brand: 'AllowedOrigin' };

/** Any https origin: only when the operator writes exactly this token (docs/security.md). */
export const ANY_HTTPS = 'https:' as AllowedOrigin;

/**
 * What a build allows when the operator sets nothing: the status-list host the demo's issuer desk
 * proposes, and a `vouch serve` on this machine (any port, http or https) for development and
 * tests. A deployment sets VOUCH_CONNECT_SRC to its own servers.
 */
export const DEFAULT_CONNECT_SRC =
  'https://status.example.org http://localhost:* http://127.0.0.1:* https://localhost:* https://127.0.0.1:*';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a host name is this machine (plain http to it cannot be read or altered on the way). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

const LOOPBACK_ANY_PORT = /^(https?):\/\/(localhost|127\.0\.0\.1|\[::1\]):\*$/;

/**
 * Parse an operator's space-separated list of sources. Accepted: plain https origins; http or
 * https origins on loopback, with a port or `:*`; and the lone token `https:` as an explicit
 * opt-in to every https origin. Anything else — `*`, `http:`, host wildcards, paths, plain http
 * off loopback — is refused, so a typo cannot open connect-src to the whole web.
 */
export function connectAllowList(value: string): AllowedOrigin[] {
  const origins: AllowedOrigin[] = [];
  for (const item of value.split(/\s+/).filter(Boolean)) {
    if (item === ANY_HTTPS || LOOPBACK_ANY_PORT.test(item)) {
      origins.push(item as AllowedOrigin);
      continue;
    }
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      throw new Error(
        `VOUCH_CONNECT_SRC: "${item}" is not an origin; expected e.g. https://status.example.org`,
      );
    }
    const local = isLoopbackHost(url.hostname);
    if (
      (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) ||
      url.origin !== item.replace(/\/$/, '') ||
      item.includes('*')
    ) {
      throw new Error(
        `VOUCH_CONNECT_SRC: "${item}" is not a plain https origin (scheme://host[:port], no path, no wildcard; "https:" alone allows every https origin)`,
      );
    }
    origins.push(url.origin as AllowedOrigin);
  }
  return origins;
}

export interface PolicyOptions {
  connectSrc: readonly AllowedOrigin[];
  /** A meta tag cannot carry frame-ancestors (browsers ignore it there, with a console error). */
  delivery: 'header' | 'meta';
}

/** The Content-Security-Policy of every page. */
export function contentSecurityPolicy({ connectSrc, delivery }: PolicyOptions): string {
  const directives: string[][] = [
    ['default-src', "'none'"],
    // No inline script anywhere (Vite emits external module scripts only); WebAssembly for Argon2id.
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    // React's style props go through the CSSOM, which style-src does not govern.
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...connectSrc],
    ['manifest-src', "'self'"],
    ['worker-src', "'self'"],
    ['media-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
  ];
  if (delivery === 'header') directives.push(['frame-ancestors', "'none'"]);
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/**
 * Powerful features: the camera for the page itself (QR scanning), nothing else. Passkeys
 * (publickey-credentials-*) keep their default, the page's own origin.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'bluetooth=()',
  'midi=()',
  'display-capture=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
].join(', ');

/** The response headers every page is served with. */
export function browserSecurityHeaders(
  connectSrc: readonly AllowedOrigin[],
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ connectSrc, delivery: 'header' }),
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** Whether one allow-list source (as `connectAllowList` keeps it) covers a URL's origin. */
function sourceCovers(source: string, target: URL): boolean {
  if (source === ANY_HTTPS) return target.protocol === 'https:';
  const anyPort = LOOPBACK_ANY_PORT.exec(source);
  if (anyPort) return target.protocol === `${anyPort[1]}:` && target.hostname === anyPort[2];
  return source === target.origin;
}

/**
 * Whether connect-src lets a page at `pageOrigin` fetch `target`: its own origin, or an allowed one.
 * The fetch gate asks this first, so a refusal is a reason code rather than a CSP error.
 */
export function isConnectAllowed(
  target: URL,
  pageOrigin: string,
  connectSrc: readonly string[],
): boolean {
  return target.origin === pageOrigin || connectSrc.some((source) => sourceCovers(source, target));
}
