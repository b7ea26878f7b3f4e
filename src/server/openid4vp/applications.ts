/**
 * Application links (docs/ux.md "Application links", docs/server.md): an agency publishes one
 * standard OpenID4VP request by reference whose request_uri mints a fresh request on every fetch
 * (OpenID4VP 1.0 §5.10, `request_uri_method=post`), so one link or QR on the agency's site serves
 * every citizen, each with their own nonce, state and response_uri; replay and single-use
 * protection are those of every request (routes.ts, claimAnswer).
 *
 *   POST   /admin/applications {"name", …the body of POST /admin/requests}
 *            → 201 {"id","link"}, link = openid4vp://?client_id=…&request_uri=<public>/applications/<id>/request&request_uri_method=post
 *   GET    /admin/applications → {"applications":[{"id","name","link","type","claims",…,"answers"}]}
 *   GET    /admin/applications/:id/results → {"answers":[{"id","answeredAt","result","declared"?}]}
 *            (result: the verdict as /admin/results/:id gives it, or {"pending":true})
 *   DELETE /admin/applications/:id → 204; later fetches of the link get 404
 *   GET|POST /applications/:id/request → a new request object (application/oauth-authz-req+jwt)
 *
 * A link keeps at most MAX_UNANSWERED_PER_APPLICATION unanswered requests: each fetch deletes the
 * oldest beyond that, so a crawler fetching the link in a loop (already slowed by the public rate
 * limit) cannot fill the database; the oldest fetched requests stop being answerable first.
 */
import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { readJsonObject } from '../http/json-body.ts';
import { randomToken } from '../openid4vci/random.ts';
import { clientIdOf, requireVerifier, VP_ID } from './admin.ts';
import {
  insertApplication,
  listAnswers,
  listApplications,
  pruneUnanswered,
  readApplication,
  withdrawApplication,
} from './application-store.ts';
import type { Application } from './application-store.ts';
import { mintRequest, optionalText, parseRequestSpec } from './request-spec.ts';
import { requestObjectResponse, signRequestObject, walletNonceOf } from './routes.ts';

/** Unanswered requests one link keeps; each fetch beyond deletes the oldest. */
export const MAX_UNANSWERED_PER_APPLICATION = 1000;
/** Longest name a clerk gives a link. */
export const MAX_APPLICATION_NAME_LENGTH = 100;
/** Links listed, answers listed per link (newest first). */
export const MAX_LISTED = 200;

export interface ApplicationRouteOptions {
  /** Unanswered requests kept per link (tests lower it). */
  readonly maxUnanswered?: number;
}

const notFound = () =>
  new ApiError(
    404,
    'not_found',
    'no published application link has this id (withdrawn or unknown)',
  );

export function applicationLinkOf(ctx: ServerContext, id: string): string {
  const verifier = requireVerifier(ctx);
  return (
    `openid4vp://?client_id=${encodeURIComponent(clientIdOf(verifier))}` +
    `&request_uri=${encodeURIComponent(`${ctx.publicUrl}/applications/${id}/request`)}` +
    '&request_uri_method=post'
  );
}

function describe(ctx: ServerContext, application: Application) {
  const { spec } = application;
  return {
    id: application.id,
    name: application.name,
    link: applicationLinkOf(ctx, application.id),
    type: spec.type,
    claims: spec.claims,
    ...(spec.purpose === undefined ? {} : { purpose: spec.purpose }),
    ...(spec.rule === undefined ? {} : { rule: spec.rule }),
    ...(spec.declare === undefined ? {} : { declare: spec.declare }),
    responseMode: spec.responseMode,
    createdAt: application.createdAt.toISOString(),
  };
}

/** The admin side, mounted at /admin. */
export function applicationAdminRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.post('/applications', async (c) => {
    requireVerifier(ctx);
    const body = await readJsonObject(c);
    const name = optionalText(body.name, 'name', MAX_APPLICATION_NAME_LENGTH);
    if (name === undefined) {
      throw new ApiError(
        400,
        'invalid_request',
        `"name" must be text of 1 to ${MAX_APPLICATION_NAME_LENGTH} characters`,
      );
    }
    const spec = parseRequestSpec(body);
    const id = randomToken(ctx, 16);
    await insertApplication(ctx.db, { id, name, spec, createdAt: ctx.now() });
    ctx.log('vp.application.published', { type: spec.type, claims: spec.claims.length });
    c.header('Cache-Control', 'no-store');
    return c.json({ id, link: applicationLinkOf(ctx, id) }, 201);
  });

  app.get('/applications', async (c) => {
    requireVerifier(ctx);
    const applications = await listApplications(ctx.db, MAX_LISTED);
    c.header('Cache-Control', 'no-store');
    return c.json({
      applications: applications.map((application) => ({
        ...describe(ctx, application),
        answers: application.answers,
      })),
    });
  });

  app.get('/applications/:id/results', async (c) => {
    const id = c.req.param('id');
    if (!VP_ID.test(id) || (await readApplication(ctx.db, id)) === undefined) throw notFound();
    const answers = await listAnswers(ctx.db, id, MAX_LISTED);
    c.header('Cache-Control', 'no-store');
    return c.json({
      answers: answers.map((answer) => ({
        id: answer.id,
        answeredAt: answer.answeredAt.toISOString(),
        result: answer.verdict ?? { pending: true },
        ...(answer.declared === null ? {} : { declared: answer.declared }),
      })),
    });
  });

  app.delete('/applications/:id', async (c) => {
    const id = c.req.param('id');
    if (!VP_ID.test(id) || !(await withdrawApplication(ctx.db, id, ctx.now()))) throw notFound();
    ctx.log('vp.application.withdrawn');
    c.header('Cache-Control', 'no-store');
    return c.body(null, 204);
  });

  return app;
}

/** The public side: the link's request_uri. */
export function applicationRoutes(ctx: ServerContext, options: ApplicationRouteOptions = {}): Hono {
  const app = new Hono();
  const keep = options.maxUnanswered ?? MAX_UNANSWERED_PER_APPLICATION;

  const mint = async (id: string, walletNonce: string | undefined) => {
    const verifier = requireVerifier(ctx);
    const application = VP_ID.test(id) ? await readApplication(ctx.db, id) : undefined;
    if (application === undefined) throw notFound();
    // Room for this one: the oldest unanswered requests beyond the cap go first.
    await pruneUnanswered(ctx.db, id, keep - 1);
    const request = await mintRequest(ctx, application.spec, { applicationId: id });
    ctx.log('vp.application.request', { type: application.spec.type });
    return signRequestObject(ctx, verifier, request, walletNonce);
  };

  app.get('/applications/:id/request', async (c) =>
    requestObjectResponse(c, await mint(c.req.param('id'), undefined)),
  );
  app.post('/applications/:id/request', async (c) => {
    const walletNonce = await walletNonceOf(c);
    return requestObjectResponse(c, await mint(c.req.param('id'), walletNonce));
  });

  return app;
}
