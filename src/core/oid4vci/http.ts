/**
 * The little HTTP that OpenID4VCI needs, without DOM or Node types (src/core has neither):
 *
 * - `HttpFetch`: the injected fetch. The platform's `fetch` fits it as is; tests pass an in-memory
 *   one. Core never reaches the network by itself.
 * - `parseHttpUrl`: a total check of an https URL (http only for loopback hosts, which the
 *   W3C Secure Contexts spec treats as potentially trustworthy, so `vouch serve` works locally).
 * - form bodies (application/x-www-form-urlencoded, WHATWG URL §5): parse and build.
 * - `readCapped`: a response body as text, refused past a size cap.
 */
import { shortValue } from '../jose/compact-jws.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

export interface HttpRequestInit {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** What core calls to reach an issuer. `globalThis.fetch` fits. */
export type HttpFetch = (url: string, init?: HttpRequestInit) => Promise<HttpResponse>;

/** Longest URL we read or write (offers by reference, endpoints in metadata). */
export const MAX_URL_LENGTH = 2048;

export interface ParsedHttpUrl {
  readonly href: string;
  readonly scheme: 'https' | 'http';
  /** host[:port], lower-case host. */
  readonly authority: string;
  /** The path, "" or starting with "/". */
  readonly path: string;
  /** The query without "?", or undefined. */
  readonly query?: string;
}

const URL_SHAPE = /^(https?):\/\/([^/?#\s]+)(\/[^?#\s]*)?(?:\?([^#\s]*))?$/i;
const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An absolute https URL with no user info and no fragment (OpenID4VCI §12.2.1: the Credential
 * Issuer Identifier "using the https scheme with no query or fragment"; endpoints likewise).
 * `http:` is accepted only for loopback hosts. `noQuery` refuses a query too.
 */
export function parseHttpUrl(
  value: unknown,
  what: string,
  options: { noQuery?: boolean } = {},
): Result<ParsedHttpUrl, 'bad-url', { message: string }> {
  const bad = (message: string) => failedWith('bad-url', { message: `${what} ${message}` });
  if (typeof value !== 'string') return bad(`must be a URL string, got ${shortValue(value)}`);
  if (value.length > MAX_URL_LENGTH) {
    return bad(`is ${value.length} characters, more than ${MAX_URL_LENGTH}`);
  }
  const match = URL_SHAPE.exec(value);
  if (!match)
    return bad(`must be an absolute https URL without a fragment, got ${shortValue(value)}`);
  const scheme = (match[1] as string).toLowerCase() as 'https' | 'http';
  const authority = (match[2] as string).toLowerCase();
  if (authority.includes('@')) return bad('must not carry user info ("user@")');
  const portAt = authority.lastIndexOf(':');
  const hasPort = portAt > authority.lastIndexOf(']');
  const host = hasPort ? authority.slice(0, portAt) : authority;
  const port = hasPort ? authority.slice(portAt + 1) : undefined;
  if (!HOST_NAME.test(host) && !IPV6.test(host))
    return bad(`has an invalid host ${shortValue(host)}`);
  if (port !== undefined && (!/^[0-9]{1,5}$/.test(port) || Number(port) > 65535)) {
    return bad(`has an invalid port ${shortValue(port)}`);
  }
  if (scheme === 'http' && !LOOPBACK.has(host)) {
    return bad(`must use https (http is allowed for localhost only), got ${shortValue(value)}`);
  }
  const query = match[4];
  if (options.noQuery && query !== undefined) return bad('must not have a query');
  return ok({
    href: value,
    scheme,
    authority,
    path: match[3] ?? '',
    ...(query === undefined ? {} : { query }),
  });
}

/** Decodes one form-urlencoded component ("+" is a space); undefined for bad %-escapes. */
function decodeFormComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * Parses `a=1&b=2` (application/x-www-form-urlencoded). A repeated name is refused (RFC 6749
 * §3.2: "Request and response parameters MUST NOT be included more than once").
 */
export function parseFormBody(
  text: string,
  what: string,
  maxLength: number,
): Result<Map<string, string>, 'malformed', { message: string }> {
  const bad = (message: string) => failedWith('malformed', { message: `${what}: ${message}` });
  if (typeof text !== 'string') return bad(`expected text, got ${typeof text}`);
  if (text.length > maxLength) return bad(`${text.length} characters, more than ${maxLength}`);
  const fields = new Map<string, string>();
  if (text === '') return ok(fields);
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = decodeFormComponent(at < 0 ? pair : pair.slice(0, at));
    const value = decodeFormComponent(at < 0 ? '' : pair.slice(at + 1));
    if (name === undefined || value === undefined) return bad('a parameter has a bad %-escape');
    if (fields.has(name)) return bad(`parameter "${name.slice(0, 60)}" appears more than once`);
    fields.set(name, value);
  }
  return ok(fields);
}

/** Builds an application/x-www-form-urlencoded body (undefined values are left out). */
export function formBody(fields: Record<string, string | undefined>): string {
  return Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
}

/** A response body as text, refused past `maxLength` characters (Content-Length is checked first). */
export async function readCapped(
  response: HttpResponse,
  maxLength: number,
): Promise<Result<string, 'too-large', { message: string }>> {
  const declared = Number(response.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxLength * 4) {
    return failedWith('too-large', {
      message: `the answer is ${declared} bytes, more than allowed`,
    });
  }
  const text = await response.text();
  if (text.length > maxLength) {
    return failedWith('too-large', {
      message: `the answer is ${text.length} characters, more than ${maxLength}`,
    });
  }
  return ok(text);
}
