/**
 * The pages' Content-Security-Policy and the other browser hardening headers, in one place: the
 * build writes the policy into each page as a meta tag, `vite preview` (what `npm start` runs)
 * sends it as a header, and the fetch gate (src/app/shared/user-fetch.ts) checks the same
 * connect-src allow-list before it asks the browser. Why each directive: docs/security.md.
 *
 * Pure and DOM-free, so vite.config.ts can import it.
 */

/** An origin an operator allows pages to fetch from, e.g. `https://status.example.org`. */
export type AllowedOrigin = string & { readonly __brand: 'AllowedOrigin' };

/**
 * Parse an operator's space-separated list of origins. Only plain https origins (or http on
 * localhost, for development) are accepted: a wildcard, a scheme alone (`https:`) or a path would
 * widen connect-src far beyond "what the user asked to fetch".
 */
export function connectAllowList(value: string): AllowedOrigin[] {
  const origins: AllowedOrigin[] = [];
  for (const item of value.split(/\s+/).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      throw new Error(
        `VOUCH_CONNECT_SRC: "${item}" is not an origin; expected e.g. https://status.example.org`,
      );
    }
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (
      (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) ||
      url.origin !== item.replace(/\/$/, '') ||
      item.includes('*')
    ) {
      throw new Error(
        `VOUCH_CONNECT_SRC: "${item}" is not a plain https origin (scheme://host[:port], no path, no wildcard)`,
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

/**
 * Whether connect-src lets a page at `pageOrigin` fetch `target`: its own origin, or an allowed one.
 * The fetch gate asks this first, so a refusal is a reason code rather than a CSP error.
 */
export function isConnectAllowed(
  target: URL,
  pageOrigin: string,
  connectSrc: readonly string[],
): boolean {
  return target.origin === pageOrigin || connectSrc.includes(target.origin);
}
