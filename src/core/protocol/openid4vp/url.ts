/**
 * URLs and `application/x-www-form-urlencoded` text without DOM types: src/core compiles with the
 * ES library only, but every runtime Vouch runs in (browsers, Node ≥ 20) has the WHATWG `URL`
 * global, reached here through `globalThis`. All functions are total: bad input gives undefined.
 */

/** The parts of a WHATWG URL that Vouch reads. */
export interface ParsedUrl {
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

type UrlConstructor = new (input: string) => ParsedUrl;

export function parseUrl(text: string): ParsedUrl | undefined {
  const Url = (globalThis as unknown as { URL?: UrlConstructor }).URL;
  if (typeof text !== 'string' || Url === undefined) return undefined;
  try {
    return new Url(text);
  } catch {
    return undefined;
  }
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * An address the wallet may send personal data to: https, or http to this machine only (loopback,
 * for development and tests), no user:password@. Plain text over the network never.
 */
export function isSafeHttpUrl(text: string, maxLength = 2048): boolean {
  if (typeof text !== 'string' || text.length > maxLength) return false;
  if (!/^https?:\/\/[^\s/?#]+[^\s]*$/.test(text)) return false;
  const url = parseUrl(text);
  if (!url || url.username !== '' || url.password !== '') return false;
  return (
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname))
  );
}

/** One name or value in form encoding (the WHATWG urlencoded serializer: space → "+"). */
function encodeFormComponent(text: string): string {
  return encodeURIComponent(text)
    .replace(/%20/g, '+')
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `application/x-www-form-urlencoded` of name/value pairs, in the order given. */
export function formEncode(fields: readonly (readonly [string, string])[]): string {
  return fields
    .map(([name, value]) => `${encodeFormComponent(name)}=${encodeFormComponent(value)}`)
    .join('&');
}

/**
 * Parses form-encoded text into pairs. Undefined when a component is not valid percent-encoded
 * UTF-8 (a lenient parser would silently turn it into U+FFFD).
 */
export function formDecode(text: string): [string, string][] | undefined {
  if (typeof text !== 'string') return undefined;
  const pairs: [string, string][] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    try {
      pairs.push([
        decodeURIComponent(name.replace(/\+/g, ' ')),
        decodeURIComponent(value.replace(/\+/g, ' ')),
      ]);
    } catch {
      return undefined;
    }
  }
  return pairs;
}

/** The query of a URI (between the first "?" and "#"), decoded; undefined when it is not valid. */
export function queryOf(uri: string): [string, string][] | undefined {
  if (typeof uri !== 'string') return undefined;
  const question = uri.indexOf('?');
  if (question === -1) return [];
  const hash = uri.indexOf('#', question);
  return formDecode(uri.slice(question + 1, hash === -1 ? undefined : hash));
}
