/**
 * `POST /admin/offers` (docs/server.md): the desk or `vouch offer` asks for a credential offer.
 *
 *   {"type","claims","format"?,"txCode"?:true,"expiresAt"?,"byValue"?:true} → 201 {"id","uri","txCode"?}
 *
 * `format` is `dc+sd-jwt` (default) or `jwt_vc_json` (a W3C VC-JWT, for the types the metadata
 * offers so: the diploma). Instead of `type` and `format`, `credentialConfigurationId` may name the
 * configuration of the issuer metadata (`diploma`, `diploma-w3c`).
 *
 * The claims are checked against the type's schema before the offer exists: 400 `invalid_claims`
 * with every problem (`issues: [{claim, message}]`) otherwise. The answer's `uri` is
 * `openid-credential-offer://?credential_offer_uri=<public url>/offers/<id>` (with `byValue`, the
 * offer object itself: `openid-credential-offer://?credential_offer=<JSON>`); the transaction code
 * (6 digits) is in the answer only, to be sent to the citizen by another channel.
 */
import { Hono } from 'hono';
import { checkClaims, CREDENTIAL_TYPE_IDS } from '../../core/credentials/index.ts';
import type { CredentialTypeId } from '../../core/credentials/index.ts';
import {
  credentialConfigurationId,
  JWT_VC_JSON_FORMAT,
  parseCredentialConfigurationId,
  SD_JWT_VC_FORMAT,
  W3C_CREDENTIAL_TYPES,
} from '../../core/oid4vci/metadata.ts';
import type { CredentialFormat } from '../../core/oid4vci/metadata.ts';
import { buildCredentialOfferLink } from '../../core/oid4vci/offer.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { readJsonObject } from '../http/json-body.ts';
import { randomDigits, randomToken } from './random.ts';
import { insertOffer } from './store.ts';
import { offerObject, TX_CODE_LENGTH } from './offer-object.ts';

/** An offer is open for a day unless the desk says otherwise, and never longer than 30 days. */
export const DEFAULT_OFFER_SECONDS = 24 * 3600;
export const MAX_OFFER_SECONDS = 30 * 24 * 3600;

function parseType(value: unknown): CredentialTypeId {
  if (typeof value === 'string' && (CREDENTIAL_TYPE_IDS as readonly string[]).includes(value)) {
    return value as CredentialTypeId;
  }
  throw new ApiError(
    400,
    'invalid_request',
    `"type" must be one of ${CREDENTIAL_TYPE_IDS.join(', ')}`,
  );
}

/** The type and format an offer body names: `type` (+ `format`), or `credentialConfigurationId`. */
function parseConfiguration(body: Record<string, unknown>): {
  type: CredentialTypeId;
  format: CredentialFormat;
} {
  const { credentialConfigurationId: id, format } = body;
  let named: { type: CredentialTypeId; format: CredentialFormat };
  if (id !== undefined) {
    const parsed = typeof id === 'string' ? parseCredentialConfigurationId(id) : undefined;
    if (parsed === undefined) {
      throw new ApiError(
        400,
        'invalid_request',
        `"credentialConfigurationId" must be one of the issuer metadata's configurations (${[
          ...CREDENTIAL_TYPE_IDS,
          ...W3C_CREDENTIAL_TYPES.map((type) =>
            credentialConfigurationId(type, JWT_VC_JSON_FORMAT),
          ),
        ].join(', ')})`,
      );
    }
    if (body.type !== undefined && body.type !== parsed.type) {
      throw new ApiError(400, 'invalid_request', '"type" and "credentialConfigurationId" disagree');
    }
    if (format !== undefined && format !== parsed.format) {
      throw new ApiError(
        400,
        'invalid_request',
        '"format" and "credentialConfigurationId" disagree',
      );
    }
    named = parsed;
  } else {
    if (format !== undefined && format !== SD_JWT_VC_FORMAT && format !== JWT_VC_JSON_FORMAT) {
      throw new ApiError(
        400,
        'invalid_request',
        `"format" must be ${SD_JWT_VC_FORMAT} or ${JWT_VC_JSON_FORMAT}`,
      );
    }
    named = {
      type: parseType(body.type),
      format: (format as CredentialFormat) ?? SD_JWT_VC_FORMAT,
    };
  }
  if (named.format === JWT_VC_JSON_FORMAT && !W3C_CREDENTIAL_TYPES.includes(named.type)) {
    throw new ApiError(
      400,
      'invalid_request',
      `${named.type} is not offered as ${JWT_VC_JSON_FORMAT}; only ${W3C_CREDENTIAL_TYPES.join(', ')}`,
    );
  }
  return named;
}

function parseExpiry(value: unknown, now: Date): Date {
  if (value === undefined) return new Date(now.getTime() + DEFAULT_OFFER_SECONDS * 1000);
  const at = typeof value === 'string' && value.length <= 40 ? new Date(value) : undefined;
  if (at === undefined || Number.isNaN(at.getTime())) {
    throw new ApiError(400, 'invalid_request', '"expiresAt" must be an ISO 8601 date-time');
  }
  const seconds = (at.getTime() - now.getTime()) / 1000;
  if (seconds <= 0 || seconds > MAX_OFFER_SECONDS) {
    throw new ApiError(
      400,
      'invalid_request',
      `"expiresAt" must be in the future and at most ${MAX_OFFER_SECONDS / 86400} days away`,
    );
  }
  return at;
}

export function offerAdminRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.post('/offers', async (c) => {
    if (ctx.issuer === null) {
      throw new ApiError(409, 'no_issuer', 'this server has no issuer key, so it cannot offer');
    }
    const body = await readJsonObject(c);
    const { type, format } = parseConfiguration(body);
    if (body.txCode !== undefined && typeof body.txCode !== 'boolean') {
      throw new ApiError(400, 'invalid_request', '"txCode" must be true or false');
    }
    if (body.byValue !== undefined && typeof body.byValue !== 'boolean') {
      throw new ApiError(400, 'invalid_request', '"byValue" must be true or false');
    }
    const now = ctx.now();
    const expiresAt = parseExpiry(body.expiresAt, now);
    const claims = checkClaims(type, body.claims);
    if (!claims.ok) {
      return c.json(
        {
          error: 'invalid_claims',
          error_description: `the claims do not fit ${type}: ${claims.detail.issues
            .map((issue) => issue.message)
            .join('; ')}`.slice(0, 1000),
          issues: claims.detail.issues,
        },
        400,
      );
    }
    const id = randomToken(ctx, 16);
    const code = randomToken(ctx, 32);
    const txCode = body.txCode === true ? randomDigits(ctx, TX_CODE_LENGTH) : undefined;
    await insertOffer(ctx.db, {
      id,
      type,
      format,
      claims: claims.value,
      code,
      ...(txCode === undefined ? {} : { txCode }),
      createdAt: now,
      expiresAt,
    });
    ctx.log('vci.offer.created', { type, format, txCode: txCode !== undefined });
    const uri = buildCredentialOfferLink(
      body.byValue === true
        ? { offer: offerObject(ctx, { type, format, code, hasTxCode: txCode !== undefined }) }
        : { offerUri: `${ctx.publicUrl}/offers/${id}` },
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ id, uri, ...(txCode === undefined ? {} : { txCode }) }, 201);
  });
  return app;
}
