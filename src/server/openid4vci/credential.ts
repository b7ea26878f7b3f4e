/**
 * The nonce endpoint (OpenID4VCI 1.0 §7) and the credential endpoint (§8): the decisions are
 * core's (src/core/oid4vci/credential.ts: token, request, key proofs, the one shared c_nonce,
 * issuing), the storage is store.ts (atomic spends), and each credential gets its own status
 * index from the server's atomic allocator (src/server/status/store.ts), in the same transaction
 * as the spends.
 */
import { Hono } from 'hono';
import { handleCredentialRequest, handleNonceRequest } from '../../core/oid4vci/credential.ts';
import { oauthError } from '../../core/oid4vci/endpoint.ts';
import type { ServerContext } from '../context.ts';
import { allocateStatusIndex, statusListIdOf } from '../status/store.ts';
import { createIssuanceStore, recordIssuedStatus } from './store.ts';
import { sendEndpointResponse } from './token.ts';

export function credentialRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const store = createIssuanceStore(ctx.db, ctx.now);

  app.post('/nonce', async (c) =>
    sendEndpointResponse(
      c,
      await handleNonceRequest({ store, now: ctx.now(), randomBytes: ctx.randomBytes }),
    ),
  );

  app.post('/credential', async (c) => {
    const issuer = ctx.issuer;
    if (issuer === null) {
      return sendEndpointResponse(
        c,
        oauthError(404, 'invalid_request', 'this server has no issuer key, so it issues nothing'),
      );
    }
    // One transaction: the access token and the c_nonce are spent together with the status
    // indices the credentials get, so a failure in between leaves the token unspent.
    const body = await c.req.text();
    const authorization = c.req.header('authorization');
    const response = await ctx.db.transaction((tx) =>
      handleCredentialRequest(
        { authorization, body },
        {
          store: createIssuanceStore(tx, ctx.now),
          crypto: ctx.crypto,
          issuer,
          credentialIssuer: ctx.publicUrl,
          now: ctx.now(),
          randomBytes: ctx.randomBytes,
          ...(ctx.copies === undefined ? {} : { batchSize: ctx.copies }),
          allocateStatus: async (count, offerId) => {
            // Each copy its own random index, remembered with its offer (revoking one revokes all).
            const entries = [];
            for (let i = 0; i < count; i++) entries.push(await allocateStatusIndex(tx, ctx));
            await recordIssuedStatus(
              tx,
              offerId,
              entries.map((entry) => ({
                listId: statusListIdOf(ctx, entry.uri) as string,
                idx: entry.idx,
              })),
            );
            return entries;
          },
        },
      ),
    );
    const issued = response.body.credentials;
    ctx.log('vci.credential', {
      status: response.status,
      ...(typeof response.body.error === 'string' ? { error: response.body.error } : {}),
      ...(Array.isArray(issued) ? { count: issued.length } : {}),
    });
    return sendEndpointResponse(c, response);
  });

  return app;
}
