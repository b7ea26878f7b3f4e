/**
 * What both encodings of a hosted status list share (store.ts for the IETF list, w3c-store.ts for
 * its W3C twin): where a list lives, how long it may be cached, and the context they run in.
 */
import type { ServerContext } from '../context.ts';

export const DEFAULT_STATUS_CACHE_SECONDS = 300;

export type StatusContext = Pick<
  ServerContext,
  'publicUrl' | 'issuer' | 'randomBytes' | 'now' | 'statusLists'
>;

/** The IETF status list URI of list `id` on this server. */
export function statusListUri(ctx: Pick<ServerContext, 'publicUrl'>, id: string): string {
  return `${ctx.publicUrl}/status/${id}`;
}

/** `Cache-Control: max-age` of hosted lists and the `ttl` of the ones this server signs. */
export const cacheSecondsOf = (ctx: Pick<ServerContext, 'statusLists'>) =>
  ctx.statusLists?.cacheSeconds ?? DEFAULT_STATUS_CACHE_SECONDS;
