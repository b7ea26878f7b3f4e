/**
 * DID resolution for W3C VC-JWTs (did-resolver 4's `Resolvable`, what did-jwt and did-jwt-vc take):
 *
 * - did:key (https://w3c-ccg.github.io/did-method-key/ §3.1): P-256 `zDn…`, secp256k1 `zQ3s…`,
 *   Ed25519 `z6Mk…`, decoded by src/core/did (no network).
 * - did:jwk (https://github.com/quartzjer/did-jwk/blob/main/spec.md §2.3), no network.
 * - did:web (https://w3c-ccg.github.io/did-method-web/ §3.2.2 Read), ONLY when the caller passes
 *   `didWebFetch`; otherwise a did:web is `notFound` and no request is ever made. We do not use
 *   `web-did-resolver`: it imports cross-fetch and reads any body without a limit; this one goes
 *   through the injected `HttpFetch`, caps the document at 64 KiB, gives up after 5 s, and
 *   requires the document's `id` to be the DID.
 *
 * The document has one verification method of type JsonWebKey2020 with `publicKeyJwk`; its id is
 * the one did-jwt-vc, Veramo and our `issuerKid` put in a JWS `kid`: `did:key:z…#z…` (the
 * multibase value as fragment), `did:jwk:…#0`. It is listed under assertionMethod and
 * authentication (an issuer signs credentials, a holder signs presentations).
 */
import type {
  DIDDocument,
  DIDResolutionResult,
  Resolvable,
  VerificationMethod,
} from 'did-resolver';
import { DID_JWK_PREFIX } from '../did/did-jwk.ts';
import { resolveDidKey } from '../did/did-key.ts';
import { DID_KEY_PREFIX } from '../did/multikey.ts';
import { parseJsonObject, shortValue } from '../jose/compact-jws.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import type { HttpFetch } from '../oid4vci/http.ts';
import { readCapped } from '../oid4vci/http.ts';

export const DID_WEB_PREFIX = 'did:web:';
/** A did:web document larger than this is refused (a real one is a few KiB). */
export const MAX_DID_WEB_DOCUMENT_LENGTH = 64 * 1024;
export const DID_WEB_TIMEOUT_MS = 5000;

const DID_CONTEXT = [
  'https://www.w3.org/ns/did/v1',
  'https://w3id.org/security/suites/jws-2020/v1',
];

function notFound(message: string, error = 'notFound'): DIDResolutionResult {
  return {
    didResolutionMetadata: { error, message },
    didDocument: null,
    didDocumentMetadata: {},
  };
}

/** The DID document of a key DID: one JsonWebKey2020 method named `kid`. */
export function didDocumentForKey(did: string, kid: string, jwk: PublicJwk): DIDDocument {
  const method: VerificationMethod = {
    id: kid,
    type: 'JsonWebKey2020',
    controller: did,
    publicKeyJwk: { ...jwk },
  };
  return {
    '@context': DID_CONTEXT,
    id: did,
    verificationMethod: [method],
    assertionMethod: [kid],
    authentication: [kid],
  };
}

function resolveOffline(did: string): DIDResolutionResult {
  const key = resolveDidKey(did);
  if (!key.ok) return notFound(key.detail.message, 'invalidDid');
  const kid = did.startsWith(DID_JWK_PREFIX)
    ? `${did}#0`
    : `${did}#${did.slice(DID_KEY_PREFIX.length)}`;
  return {
    didResolutionMetadata: { contentType: 'application/did+ld+json' },
    didDocument: didDocumentForKey(did, kid, key.value),
    didDocumentMetadata: {},
  };
}

/** did:web:host[%3Aport][:path…] → https://host[:port]/.well-known/did.json or /path…/did.json. */
export function didWebUrl(did: string): string | undefined {
  if (!did.startsWith(DID_WEB_PREFIX) || did.length > 512) return undefined;
  const parts = did.slice(DID_WEB_PREFIX.length).split(':');
  if (parts.some((part) => part === '' || !/^[A-Za-z0-9._~%-]+$/.test(part))) return undefined;
  let decoded: string[];
  try {
    decoded = parts.map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
  const [host = '', ...path] = decoded;
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) return undefined;
  if (path.some((segment) => segment.includes('/') || segment === '.' || segment === '..')) {
    return undefined;
  }
  return path.length === 0
    ? `https://${host}/.well-known/did.json`
    : `https://${host}/${path.join('/')}/did.json`;
}

type Timers = {
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
};

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  // core has no DOM or Node types; every platform we run on has these globals.
  const { setTimeout: setTimer, clearTimeout: clearTimer } = globalThis as Timers;
  if (setTimer === undefined) return promise;
  let timer: unknown;
  try {
    return await Promise.race([
      promise,
      new Promise<'timeout'>((resolve) => {
        timer = setTimer(() => resolve('timeout'), ms);
      }),
    ]);
  } finally {
    // A pending timer would keep a CLI process alive until it fires.
    clearTimer?.(timer);
  }
}

async function resolveDidWeb(
  did: string,
  fetch: HttpFetch,
  timeoutMs: number,
): Promise<DIDResolutionResult> {
  const url = didWebUrl(did);
  if (url === undefined) return notFound(`${shortValue(did)} is not a did:web DID`, 'invalidDid');
  try {
    const answer = await withTimeout(
      (async () => {
        const response = await fetch(url, {
          method: 'GET',
          headers: { accept: 'application/json' },
        });
        if (response.status !== 200) return `${url} answered HTTP ${response.status}`;
        const body = await readCapped(response, MAX_DID_WEB_DOCUMENT_LENGTH);
        if (!body.ok) return `${url}: ${body.detail.message}`;
        const json = parseJsonObject(body.value, 'the DID document');
        if (!json.ok) return `${url}: ${json.detail.message}`;
        return json.value;
      })(),
      timeoutMs,
    );
    if (answer === 'timeout') return notFound(`${url} did not answer within ${timeoutMs} ms`);
    if (typeof answer === 'string') return notFound(answer);
    if (answer.id !== did) return notFound(`the DID document at ${url} is not for ${did}`);
    return {
      didResolutionMetadata: { contentType: 'application/did+ld+json' },
      didDocument: answer as unknown as DIDDocument,
      didDocumentMetadata: {},
    };
  } catch {
    return notFound(`${url} could not be reached`);
  }
}

/**
 * A resolver for did:key and did:jwk (offline), and did:web only with `didWebFetch`. Accepts a DID
 * URL too (`did:key:z…#z…`): the fragment is dropped, as did-resolver's own Resolver does. A
 * did:web is fetched once per resolver: make one per verification, not one per app.
 */
export function createDidResolver(
  opts: { didWebFetch?: HttpFetch; didWebTimeoutMs?: number } = {},
): Resolvable {
  const { didWebFetch, didWebTimeoutMs = DID_WEB_TIMEOUT_MS } = opts;
  const webCache = new Map<string, Promise<DIDResolutionResult>>();
  return {
    async resolve(didUrl: string): Promise<DIDResolutionResult> {
      if (typeof didUrl !== 'string' || !didUrl.startsWith('did:')) {
        return notFound(`expected a DID, got ${shortValue(didUrl)}`, 'invalidDid');
      }
      const did = didUrl.split(/[#?]/, 1)[0] ?? '';
      if (did.startsWith(DID_KEY_PREFIX) || did.startsWith(DID_JWK_PREFIX)) {
        return resolveOffline(did);
      }
      if (did.startsWith(DID_WEB_PREFIX)) {
        if (didWebFetch === undefined) {
          return notFound(
            `${shortValue(did)} is a did:web; it is resolved only when online lookups are allowed`,
          );
        }
        // One request per DID for this resolver's life (a verification resolves the issuer
        // twice: our gate, then did-jwt).
        let pending = webCache.get(did);
        if (pending === undefined) {
          pending = resolveDidWeb(did, didWebFetch, didWebTimeoutMs);
          webCache.set(did, pending);
        }
        return pending;
      }
      return notFound(
        `only did:key, did:jwk and (online) did:web are resolved, got ${shortValue(did.split(':').slice(0, 2).join(':'))}`,
        'unsupportedDidMethod',
      );
    },
  };
}
