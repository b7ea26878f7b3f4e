/**
 * The issuer's public documents: Credential Issuer Metadata (OpenID4VCI 1.0 §12.2), the
 * authorization server's metadata (RFC 8414 §3) and each type's SD-JWT VC Type Metadata
 * (`GET /vct/:type`). Built by src/core/oid4vci/metadata.ts; cacheable for a few minutes.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import {
  AUTHORIZATION_SERVER_WELL_KNOWN,
  buildAuthorizationServerMetadata,
  buildCredentialIssuerMetadata,
  CREDENTIAL_ISSUER_WELL_KNOWN,
  vctTypeMetadata,
} from '../../core/oid4vci/metadata.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';

const METADATA_CACHE = 'public, max-age=300';

function requireIssuer(ctx: ServerContext): NonNullable<ServerContext['issuer']> {
  if (ctx.issuer === null) {
    throw new ApiError(404, 'not_found', 'this server has no issuer key, so it issues nothing');
  }
  return ctx.issuer;
}

export function metadataRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const cached = (c: Context, body: unknown) => {
    c.header('Cache-Control', METADATA_CACHE);
    return c.json(body);
  };

  app.get(CREDENTIAL_ISSUER_WELL_KNOWN, (c) => {
    const issuer = requireIssuer(ctx);
    return cached(
      c,
      buildCredentialIssuerMetadata({
        credentialIssuer: ctx.publicUrl,
        credentialSigningAlgs: [issuer.alg],
        ...(ctx.copies === undefined ? {} : { batchSize: ctx.copies }),
      }),
    );
  });

  app.get(AUTHORIZATION_SERVER_WELL_KNOWN, (c) => {
    requireIssuer(ctx);
    return cached(
      c,
      buildAuthorizationServerMetadata({ issuer: ctx.publicUrl, refreshTokens: true }),
    );
  });

  app.get('/vct/:type', (c) => {
    const metadata = vctTypeMetadata(c.req.param('type'));
    if (metadata === undefined) throw new ApiError(404, 'not_found', 'no such credential type');
    return cached(c, metadata);
  });

  return app;
}
