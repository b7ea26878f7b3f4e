/**
 * The verifier's public endpoints (OpenID4VP 1.0):
 *
 * - `GET /requests/:id`, and `POST` for `request_uri_method=post` (§5.10): the signed request
 *   object, `application/oauth-authz-req+jwt`, made fresh by core's createPresentationRequest
 *   (client_id `decentralized_identifier:<did>`, DCQL, response_uri, and for direct_post.jwt the
 *   encryption key in client_metadata; a POSTed `wallet_nonce` is echoed; the server's registration
 *   certificate in `verifier_info` while it is valid, registration.ts). Answered or expired
 *   requests are 404.
 * - `POST /responses/:id`, the response_uri (§8.2, §8.3): a `direct_post` form or a
 *   `direct_post.jwt` `response=<JWE>`, read by core. The state must match; then the request is
 *   claimed in one atomic statement (its nonce is spent, a second answer is refused), the
 *   presentation verified (verify-answer.ts) and the verdict stored. Answers 200 `{}` or, for a
 *   same-device request, `{"redirect_uri": …?response_code=…}`.
 * - `GET /results/:id?response_code=…`: where a same-device redirect lands; says only whether the
 *   answer was valid (the desk reads the full verdict from /admin/results/:id).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import {
  decryptPresentationResponse,
  readDirectPostBody,
} from '../../core/protocol/openid4vp/direct-post.ts';
import { REQUEST_OBJECT_MEDIA_TYPE } from '../../core/protocol/openid4vp/authorization-request.ts';
import { formDecode } from '../../core/protocol/openid4vp/url.ts';
import { createPresentationRequest } from '../../core/protocol/request.ts';
import type { PresentationResponse } from '../../core/protocol/response.ts';
import type { ServerContext, SigningKey } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { clientIdOf, requireVerifier, VP_ID } from './admin.ts';
import { acknowledgeApplication } from './receipts.ts';
import { verifierInfoAt } from './registration.ts';
import { requestDcql } from './request-dcql.ts';
import { claimAnswer, readOpenRequest, readValidityByResponseCode, storeVerdict } from './store.ts';
import type { VerifierRequest } from './store.ts';
import { unreadableVerdict, verifyAnswer } from './verify-answer.ts';
import type { StatusFetch } from './verify-answer.ts';

const MAX_WALLET_NONCE_LENGTH = 256;
const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;

export interface VerifierRouteOptions {
  /** How status lists hosted elsewhere are fetched (tests replace it). */
  readonly fetchStatusList?: StatusFetch;
}

async function openRequest(ctx: ServerContext, id: string): Promise<VerifierRequest> {
  const request = VP_ID.test(id) ? await readOpenRequest(ctx.db, id, ctx.now()) : undefined;
  if (request === undefined) {
    throw new ApiError(
      404,
      'not_found',
      'no open request has this id (answered, expired or unknown)',
    );
  }
  return request;
}

/** The `vouch_receipt` parameter of a direct_post body (once, or it is ignored). */
function receiptHalfOf(text: string): string | undefined {
  const halves = (formDecode(text) ?? []).filter(([name]) => name === 'vouch_receipt');
  return halves.length === 1 ? halves[0]?.[1] : undefined;
}

/** The wallet_nonce of a request_uri POST (§5.10.1), if any; the rest of the form is ignored. */
export async function walletNonceOf(c: Context): Promise<string | undefined> {
  if (!FORM.test(c.req.header('content-type') ?? '')) return undefined;
  const pairs = formDecode(await c.req.text());
  if (pairs === undefined)
    throw new ApiError(400, 'invalid_request', 'the body is not a valid form');
  const nonces = pairs.filter(([name]) => name === 'wallet_nonce').map(([, value]) => value);
  if (nonces.length > 1)
    throw new ApiError(400, 'invalid_request', '"wallet_nonce" is given twice');
  const nonce = nonces[0];
  if (nonce !== undefined && (nonce === '' || nonce.length > MAX_WALLET_NONCE_LENGTH)) {
    throw new ApiError(400, 'invalid_request', '"wallet_nonce" is empty or too long');
  }
  return nonce;
}

/**
 * The signed request object of one open transaction (OpenID4VP 1.0 §5, JAR): a fresh JWT on
 * every call, carrying the transaction's nonce, state and response_uri.
 */
export async function signRequestObject(
  ctx: ServerContext,
  verifier: SigningKey,
  request: VerifierRequest,
  walletNonce: string | undefined,
): Promise<string> {
  const now = ctx.now();
  const lifetime = Math.floor((request.expiresAt.getTime() - now.getTime()) / 1000);
  const verifierInfo = verifierInfoAt(ctx.registration, now);
  return createPresentationRequest({
    verifier,
    ...(request.verifierName === undefined ? {} : { verifierName: request.verifierName }),
    ...(request.purpose === undefined ? {} : { purpose: request.purpose }),
    dcql: requestDcql(request.type, request.claims).dcql,
    responseMode: request.responseMode,
    responseUri: `${ctx.publicUrl}/responses/${request.id}`,
    nonce: request.nonce,
    state: request.state,
    ...(request.encryptionKey === undefined
      ? {}
      : {
          encryptionKey: {
            kty: 'EC',
            crv: 'P-256',
            x: request.encryptionKey.x,
            y: request.encryptionKey.y,
            kid: request.encryptionKey.kid ?? 'enc-1',
          },
          encValues: ['A128GCM', 'A256GCM'],
        }),
    ...(request.rule === undefined ? {} : { rule: request.rule }),
    ...(request.declare === undefined ? {} : { declare: request.declare }),
    ...(request.period === undefined ? {} : { period: request.period }),
    ...(walletNonce === undefined ? {} : { walletNonce }),
    ...(verifierInfo === undefined ? {} : { verifierInfo }),
    // This server countersigns a receipt of every answer it accepts (receipts.ts).
    receipts: true,
    now,
    lifetimeSeconds: Math.max(1, lifetime),
  });
}

/** A request object as the answer to a request_uri fetch: its media type, never cached. */
export function requestObjectResponse(c: Context, jwt: string): Response {
  c.header('Cache-Control', 'no-store');
  c.header('Content-Type', REQUEST_OBJECT_MEDIA_TYPE);
  return c.body(jwt, 200);
}

export function verifierRoutes(ctx: ServerContext, options: VerifierRouteOptions = {}): Hono {
  const app = new Hono();

  const requestObject = async (c: Context, walletNonce: string | undefined) => {
    const verifier = requireVerifier(ctx);
    const request = await openRequest(ctx, c.req.param('id') ?? '');
    return requestObjectResponse(c, await signRequestObject(ctx, verifier, request, walletNonce));
  };

  app.get('/requests/:id', (c) => requestObject(c, undefined));
  app.post('/requests/:id', async (c) => requestObject(c, await walletNonceOf(c)));

  app.post('/responses/:id', async (c) => {
    const verifier = requireVerifier(ctx);
    const request = await openRequest(ctx, c.req.param('id'));
    if (!FORM.test(c.req.header('content-type') ?? '')) {
      throw new ApiError(
        400,
        'invalid_request',
        'expected Content-Type: application/x-www-form-urlencoded',
      );
    }
    const text = await c.req.text();
    const body = readDirectPostBody(text);
    if (!body.ok) throw new ApiError(400, 'invalid_request', body.detail.message);

    let response: PresentationResponse | undefined;
    let declined: string | undefined;
    if (body.value.kind === 'encrypted') {
      if (request.encryptionKey === undefined) {
        throw new ApiError(
          400,
          'invalid_request',
          'this request asked for direct_post, not an encrypted response',
        );
      }
      const opened = await decryptPresentationResponse(body.value.jwe, request.encryptionKey);
      if (!opened.ok) throw new ApiError(400, 'invalid_request', opened.detail.message);
      response = opened.value;
    } else if (body.value.kind === 'response') {
      if (request.responseMode === 'direct_post.jwt') {
        throw new ApiError(
          400,
          'invalid_request',
          'this request asked for an encrypted response (direct_post.jwt)',
        );
      }
      response = body.value.response;
    } else {
      declined = body.value.error;
    }
    const state =
      response === undefined ? (body.value as { state?: string }).state : response.state;
    if (state !== request.state) {
      throw new ApiError(400, 'invalid_request', '"state" does not match the request');
    }
    // The one atomic step: this answer spends the request's nonce, or another already did.
    if (!(await claimAnswer(ctx.db, request.id, ctx.now()))) {
      throw new ApiError(400, 'invalid_request', 'this request has already been answered');
    }
    const verdict =
      response === undefined
        ? unreadableVerdict(`The wallet declined to answer (${declined ?? 'error'})`)
        : await verifyAnswer(ctx, request, response, {
            clientId: clientIdOf(verifier),
            ...(options.fetchStatusList === undefined
              ? {}
              : { fetchStatusList: options.fetchStatusList }),
          });
    await storeVerdict(ctx.db, request.id, { ...verdict }, response?.declared);
    ctx.log('vp.response', {
      valid: verdict.valid,
      failed:
        verdict.checks
          .filter((check) => !check.ok)
          .map((check) => check.code)
          .join(',') || 'none',
    });
    // An accepted application is acknowledged with a receipt the wallet co-signed (receipts.ts).
    const receipt =
      response === undefined || !verdict.valid
        ? undefined
        : await acknowledgeApplication(ctx, {
            verifier,
            requestId: request.id,
            response,
            half: receiptHalfOf(text),
          });
    c.header('Cache-Control', 'no-store');
    const extra = receipt === undefined ? {} : { vouch_receipt: receipt };
    if (request.redirectUri === undefined || request.responseCode === undefined)
      return c.json(extra);
    const separator = request.redirectUri.includes('?') ? '&' : '?';
    return c.json({
      redirect_uri: `${request.redirectUri}${separator}response_code=${encodeURIComponent(request.responseCode)}`,
      ...extra,
    });
  });

  app.get('/results/:id', async (c) => {
    const id = c.req.param('id');
    const code = c.req.query('response_code');
    const valid =
      VP_ID.test(id) && code !== undefined && code.length <= 128
        ? await readValidityByResponseCode(ctx.db, id, code)
        : undefined;
    if (valid === undefined)
      throw new ApiError(404, 'not_found', 'no answer with this response code');
    c.header('Cache-Control', 'no-store');
    return c.json({ valid });
  });

  return app;
}
