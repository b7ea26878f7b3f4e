/**
 * The HTTP the OpenID4VP holder functions need, as an injected port: the browser passes its gated
 * fetch (src/app/shared/user-fetch.ts), tests a stub or a Hono app's fetch. Only the members read
 * here are required, so `globalThis.fetch` fits as it is.
 */
import { bytesToUtf8 } from '../../encoding/utf8.ts';

export interface HttpResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  /** When present, the body is read chunk by chunk and cut off at the cap. */
  readonly body?: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array }>;
      cancel(): Promise<void>;
    };
  } | null;
}

export interface HttpRequestInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** A wallet does not follow redirects from request_uri or response_uri (OpenID4VP §13.2). */
  redirect?: 'error' | 'manual';
}

export type FetchLike = (url: string, init: HttpRequestInit) => Promise<HttpResponseLike>;

/**
 * The body as text, refused (undefined) past `maxBytes`: the Content-Length is checked first, then
 * the bytes as they arrive, so an endless body is cut off rather than buffered.
 */
export async function readCappedText(
  response: HttpResponseLike,
  maxBytes: number,
): Promise<string | undefined> {
  const declared = response.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) return undefined;
  const body = response.body;
  if (body && typeof body.getReader === 'function') {
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value) continue;
      length += value.length;
      if (length > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(value);
    }
    const joined = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      joined.set(chunk, offset);
      offset += chunk.length;
    }
    const text = bytesToUtf8(joined);
    return text.ok ? text.value : undefined;
  }
  const text = await response.text();
  return text.length > maxBytes ? undefined : text;
}
