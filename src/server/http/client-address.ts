/**
 * The client's address, for the rate limit only (it is never logged). Directly connected clients
 * are known by their socket; behind a load balancer (`trustProxy`), by the last entry of
 * X-Forwarded-For — the one the proxy itself appended, which a client cannot forge.
 */
import type { Context } from 'hono';

interface NodeBindings {
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string } };
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last !== undefined && last !== '' && last.length <= 64) return last;
  }
  const env = c.env as NodeBindings | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
