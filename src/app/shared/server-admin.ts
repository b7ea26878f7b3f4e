/**
 * The desks' client of `vouch serve`'s admin API (docs/server.md, "Admin"): server info, offers,
 * requests, results, application links, revocation and status-list publishing. Both desks use it; only the clerk's
 * own actions call it (a button, or the result poll of a request the clerk just created), and
 * every call goes through the one fetch gate (./user-fetch.ts).
 *
 * Every answer is outside input: parsed totally with bounded sizes, and a refusal is a problem
 * code the UI turns into words. The admin token is passed in per call by the desk action that
 * read it from the desk's vault; it goes into the Authorization header and nowhere else — never
 * into a URL, a result, a problem or a log.
 */
import { z } from 'zod';
import {
  CREDENTIAL_TYPE_IDS,
  CREDENTIAL_TYPES,
  type CredentialTypeId,
} from '../../core/credentials/index.ts';
import { RULES, type RuleId } from '../../core/rules/index.ts';
import {
  CHECK_CODES,
  CHECK_NAMES,
  type VerificationResult,
} from '../../core/verification/index.ts';
import { createUserFetch, UserFetchRefused } from './user-fetch.ts';

/** Where the desk's server is, and the bearer token for its admin API. */
export interface ServerConnection {
  /** The server's base URL as normalised by `normaliseServerUrl` (no trailing slash). */
  readonly url: string;
  readonly token: string;
}

export type AdminProblem =
  /** The URL is not an https address (or http on this machine). */
  | 'bad-url'
  /** This build may not contact that origin (VOUCH_CONNECT_SRC). */
  | 'origin-not-allowed'
  /** Plain http to another machine. */
  | 'insecure'
  /** No answer (network, CORS, server down). */
  | 'unreachable'
  /** 401 or 403: the admin token is wrong or missing. */
  | 'unauthorized'
  /** 404: unknown offer, request, result or list. */
  | 'not-found'
  /** Another 4xx: the server refused what was sent (its `error` code is in `code`). */
  | 'rejected'
  /** 5xx. */
  | 'server-error'
  /** A 2xx whose body is not what the contract says. */
  | 'malformed-answer';

export type AdminResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: AdminProblem; readonly code?: string };

/** One HTTP exchange with the admin API; `status` and `text` of any answer, 2xx or not. */
export interface AdminRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly token: string;
  readonly body?: string;
  readonly contentType?: string;
}
export type AdminResponse =
  | { readonly ok: true; readonly status: number; readonly text: string }
  | {
      readonly ok: false;
      readonly reason:
        'not-a-url' | 'insecure' | 'origin-not-allowed' | 'unreachable' | 'too-large';
    };
export type AdminHttp = (request: AdminRequest) => Promise<AdminResponse>;

/** Longest server URL the desk keeps. */
export const MAX_SERVER_URL_LENGTH = 2048;
/** Admin tokens are a few dozen characters; anything longer is a paste gone wrong. */
export const MAX_ADMIN_TOKEN_LENGTH = 512;
/** Largest admin answer read (a verdict with its claims is a few KiB). */
export const MAX_ADMIN_ANSWER_CHARS = 256 * 1024;
/** Longest offer or request URI accepted from the server (it becomes a QR code). */
export const MAX_URI_LENGTH = 4096;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The server's base URL as the desk keeps it: https, or http on this machine (a server tried out
 * locally); no credentials, query or fragment; no trailing slash. `undefined` when not acceptable.
 */
export function normaliseServerUrl(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_SERVER_URL_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  const secure = url.protocol === 'https:';
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (!secure && !local) return undefined;
  if (url.username || url.password || url.search || url.hash) return undefined;
  if (trimmed.includes('?') || trimmed.includes('#')) return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Admin tokens: printable ASCII without spaces (it becomes one HTTP header value). */
export function isAdminToken(text: string): boolean {
  return text.length > 0 && text.length <= MAX_ADMIN_TOKEN_LENGTH && /^[\x21-\x7e]+$/.test(text);
}

// ── Answers ─────────────────────────────────────────────────────────────────────────────────────

const did = z.string().min(1).max(2048);
const httpUrl = z
  .string()
  .max(MAX_SERVER_URL_LENGTH)
  .refine((value) => /^https?:\/\//.test(value));

const infoSchema = z.object({
  url: httpUrl,
  issuer: did.nullable(),
  verifier: did.nullable(),
  statusList: httpUrl.nullable().optional(),
});
export interface ServerInfo {
  readonly url: string;
  readonly issuer: string | null;
  readonly verifier: string | null;
  /** The URL of the list the server keeps for the credentials it issues, when it says. */
  readonly statusList: string | null;
}

const id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.~-]+$/);

const offerSchema = z.object({
  id,
  uri: z
    .string()
    .max(MAX_URI_LENGTH)
    .refine((value) => value.startsWith('openid-credential-offer://')),
  txCode: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\x21-\x7e]+$/)
    .optional(),
});
export type ServerOffer = z.infer<typeof offerSchema>;

const requestSchema = z.object({
  id,
  uri: z
    .string()
    .max(MAX_URI_LENGTH)
    .refine((value) => value.startsWith('openid4vp://')),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type ServerRequest = z.infer<typeof requestSchema>;

const checkSchema = z.object({
  name: z.enum(CHECK_NAMES as readonly [string, ...string[]]),
  ok: z.boolean(),
  code: z.enum(['ok', 'warning', ...CHECK_CODES] as [string, ...string[]]),
  message: z.string().max(2000),
});

const verdictSchema = z.object({
  valid: z.boolean(),
  checks: z.array(checkSchema).max(CHECK_NAMES.length),
  issuer: did.nullable(),
  vct: z.string().max(2048).nullable(),
  claims: z.record(z.string().max(200), z.unknown()),
  issuerName: z.string().max(500).optional(),
  status: z
    .object({
      state: z.enum(['valid', 'revoked', 'unavailable', 'none']),
      listIssuedAt: z.string().max(64).optional(),
      ageSeconds: z.number().nonnegative().optional(),
      stale: z.boolean().optional(),
    })
    .optional(),
});

export type ServerResult =
  { readonly pending: true } | { readonly pending: false; readonly verdict: VerificationResult };

const revokedSchema = z.object({
  list: z.string().max(MAX_SERVER_URL_LENGTH),
  index: z.number().int().nonnegative(),
  status: z.number().int(),
});

// ── Calls ───────────────────────────────────────────────────────────────────────────────────────

export interface AdminOptions {
  /** The transport; default: the fetch gate. Tests pass their own. */
  readonly http?: AdminHttp;
}

/** `GET /admin/info`: who the server is (its issuer and verifier DIDs). */
export function readServerInfo(
  server: ServerConnection,
  options: AdminOptions = {},
): Promise<AdminResult<ServerInfo>> {
  return call(server, options, { method: 'GET', path: '/admin/info' }, (json) => {
    const parsed = infoSchema.safeParse(json);
    return parsed.success ? { ...parsed.data, statusList: parsed.data.statusList ?? null } : null;
  });
}

/** `POST /admin/offers`: a pre-authorized offer of a credential the server signs. */
export function createServerOffer(
  server: ServerConnection,
  offer: {
    type: CredentialTypeId;
    claims: Record<string, unknown>;
    txCode: boolean;
    /** `jwt_vc_json`: the server issues a W3C VC-JWT (the types its metadata offers so). */
    format?: 'dc+sd-jwt' | 'jwt_vc_json';
  },
  options: AdminOptions = {},
): Promise<AdminResult<ServerOffer>> {
  const body = {
    type: offer.type,
    claims: offer.claims,
    ...(offer.format === 'jwt_vc_json' ? { format: offer.format } : {}),
    ...(offer.txCode ? { txCode: true } : {}),
  };
  return call(server, options, { method: 'POST', path: '/admin/offers', body }, (json) => {
    const parsed = offerSchema.safeParse(json);
    if (!parsed.success) return null;
    // Asked for a transaction code and got none: the citizen would be stuck at "enter the code".
    if (offer.txCode && parsed.data.txCode === undefined) return null;
    return parsed.data;
  });
}

/** `POST /admin/requests`: an OpenID4VP request by reference, answered to the server. */
export function createServerRequest(
  server: ServerConnection,
  request: {
    type: CredentialTypeId;
    claims: readonly string[];
    purpose: string;
    verifierName?: string;
    /** `vouch.rule` and `vouch.declare` of the request object (the server takes both). */
    rule?: RuleId;
    declare?: readonly string[];
    /** `vouch.period`: the month the request is about (`YYYY-MM`). */
    period?: string;
  },
  options: AdminOptions = {},
): Promise<AdminResult<ServerRequest>> {
  const body = {
    type: request.type,
    claims: request.claims,
    purpose: request.purpose,
    ...(request.verifierName === undefined ? {} : { verifierName: request.verifierName }),
    ...(request.rule === undefined ? {} : { rule: request.rule }),
    ...(request.declare === undefined ? {} : { declare: request.declare }),
    ...(request.period === undefined ? {} : { period: request.period }),
  };
  return call(server, options, { method: 'POST', path: '/admin/requests', body }, (json) => {
    const parsed = requestSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  });
}

/** `GET /admin/results/:id`: the verdict of a request's answer, or pending. */
export function readServerResult(
  server: ServerConnection,
  requestId: string,
  options: AdminOptions = {},
): Promise<AdminResult<ServerResult>> {
  if (!id.safeParse(requestId).success) return Promise.resolve({ ok: false, problem: 'not-found' });
  const path = `/admin/results/${encodeURIComponent(requestId)}`;
  return call(server, options, { method: 'GET', path }, parseResult);
}

/** A result as /admin/results/:id gives it: pending, or a verdict (null when neither). */
function parseResult(json: unknown): ServerResult | null {
  if (isPending(json)) return { pending: true };
  const parsed = verdictSchema.safeParse(json);
  if (!parsed.success) return null;
  const { issuer, vct, issuerName, status, ...rest } = parsed.data;
  const verdict: VerificationResult = {
    ...rest,
    checks: rest.checks as VerificationResult['checks'],
    ...(issuer === null ? {} : { issuer }),
    ...(vct === null ? {} : { vct }),
    ...(issuerName === undefined ? {} : { issuerName }),
    ...(status === undefined ? {} : { status: withoutUndefined(status) }),
  };
  return { pending: false, verdict };
}

// ── Application links (docs/ux.md "Application links") ─────────────────────────────────────────

/** Most application links and answers a listing holds (the server lists at most 200). */
export const MAX_LISTED = 200;

const linkSchema = z
  .string()
  .max(MAX_URI_LENGTH)
  .refine((value) => value.startsWith('openid4vp://'));
const purposeText = z.string().min(1).max(500);
const applicationSchema = z.object({
  id,
  name: z.string().min(1).max(100),
  link: linkSchema,
  type: z.enum(CREDENTIAL_TYPE_IDS as unknown as [CredentialTypeId, ...CredentialTypeId[]]),
  claims: z.array(z.string().max(100)).min(1).max(50),
  purpose: z
    .union([
      purposeText,
      z.object({
        nl: purposeText.optional(),
        fr: purposeText.optional(),
        en: purposeText.optional(),
      }),
    ])
    .optional(),
  rule: z.string().max(100).optional(),
  declare: z.array(z.string().max(41)).max(20).optional(),
  createdAt: z.iso.datetime({ offset: true }),
  answers: z.number().int().nonnegative(),
});

/** A published application link as the server lists it. */
export interface ServerApplication {
  readonly id: string;
  readonly name: string;
  /** `openid4vp://?client_id=…&request_uri=…&request_uri_method=post`. */
  readonly link: string;
  readonly type: CredentialTypeId;
  readonly claims: readonly string[];
  readonly purpose?: string | Partial<Record<'nl' | 'fr' | 'en', string>>;
  /** The eligibility rule the desk runs on each answer (a rule this build knows). */
  readonly rule?: RuleId;
  readonly declare?: readonly string[];
  readonly createdAt: string;
  /** Answers received so far. */
  readonly answers: number;
}

const declaredSchema = z
  .record(z.string().max(41), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
  .refine((value) => Object.keys(value).length <= 20);

const answerSchema = z.object({
  id,
  answeredAt: z.iso.datetime({ offset: true }),
  result: z.unknown(),
  declared: declaredSchema.optional(),
});

/** One answer to an application link: its result (pending while verified) and declared facts. */
export interface ApplicationAnswer {
  readonly id: string;
  readonly answeredAt: string;
  readonly result: ServerResult;
  readonly declared?: Readonly<Record<string, string | number | boolean | null>>;
}

const isRuleId = (value: string | undefined): value is RuleId =>
  value !== undefined && Object.prototype.hasOwnProperty.call(RULES, value);

/** `POST /admin/applications`: publish an application link; the server mints a request per fetch. */
export function publishServerApplication(
  server: ServerConnection,
  application: {
    name: string;
    type: CredentialTypeId;
    claims: readonly string[];
    purpose: string | Partial<Record<'nl' | 'fr' | 'en', string>>;
    verifierName?: string;
    rule?: RuleId;
    declare?: readonly string[];
  },
  options: AdminOptions = {},
): Promise<AdminResult<{ id: string; link: string }>> {
  const body = {
    name: application.name,
    type: application.type,
    claims: application.claims,
    purpose: application.purpose,
    ...(application.verifierName === undefined ? {} : { verifierName: application.verifierName }),
    ...(application.rule === undefined ? {} : { rule: application.rule }),
    ...(application.declare === undefined ? {} : { declare: application.declare }),
  };
  return call(server, options, { method: 'POST', path: '/admin/applications', body }, (json) => {
    const parsed = z.object({ id, link: linkSchema }).safeParse(json);
    return parsed.success ? parsed.data : null;
  });
}

/** `GET /admin/applications`: the published links, newest first. */
export function listServerApplications(
  server: ServerConnection,
  options: AdminOptions = {},
): Promise<AdminResult<ServerApplication[]>> {
  return call(server, options, { method: 'GET', path: '/admin/applications' }, (json) => {
    const parsed = z
      .object({ applications: z.array(applicationSchema).max(MAX_LISTED) })
      .safeParse(json);
    if (!parsed.success) return null;
    return parsed.data.applications.map(({ rule, purpose, declare, ...rest }) => ({
      ...rest,
      ...(isRuleId(rule) ? { rule } : {}),
      ...(purpose === undefined ? {} : { purpose: withoutUndefined(purpose as object) as never }),
      ...(declare === undefined ? {} : { declare }),
    }));
  });
}

/** `GET /admin/applications/:id/results`: the answers a link received, newest first. */
export function readApplicationAnswers(
  server: ServerConnection,
  applicationId: string,
  options: AdminOptions = {},
): Promise<AdminResult<ApplicationAnswer[]>> {
  if (!id.safeParse(applicationId).success)
    return Promise.resolve({ ok: false, problem: 'not-found' });
  const path = `/admin/applications/${encodeURIComponent(applicationId)}/results`;
  return call(server, options, { method: 'GET', path }, (json) => {
    const parsed = z.object({ answers: z.array(answerSchema).max(MAX_LISTED) }).safeParse(json);
    if (!parsed.success) return null;
    const answers: ApplicationAnswer[] = [];
    for (const answer of parsed.data.answers) {
      const result = parseResult(answer.result);
      if (result === null) return null;
      answers.push({
        id: answer.id,
        answeredAt: answer.answeredAt,
        result,
        ...(answer.declared === undefined ? {} : { declared: answer.declared }),
      });
    }
    return answers;
  });
}

/** `DELETE /admin/applications/:id`: withdraw a link (later fetches of it get 404). */
export function withdrawServerApplication(
  server: ServerConnection,
  applicationId: string,
  options: AdminOptions = {},
): Promise<AdminResult<true>> {
  if (!id.safeParse(applicationId).success)
    return Promise.resolve({ ok: false, problem: 'not-found' });
  const path = `/admin/applications/${encodeURIComponent(applicationId)}`;
  return call(server, options, { method: 'DELETE', path }, () => true, { ignoreBody: true });
}

/** `POST /admin/status/revoke`: revoke a credential the server issued, by its status index. */
export function revokeAtServer(
  server: ServerConnection,
  index: number,
  options: AdminOptions = {},
): Promise<AdminResult<z.infer<typeof revokedSchema>>> {
  const body = { index };
  return call(server, options, { method: 'POST', path: '/admin/status/revoke', body }, (json) => {
    const parsed = revokedSchema.safeParse(json);
    return parsed.success && parsed.data.index === index ? parsed.data : null;
  });
}

/**
 * `PUT /admin/status/:list`: host the desk's signed status list at `/status/:list`; with
 * `encoding: 'w3c'`, `PUT /admin/status/:list.w3c`: the same list's W3C
 * BitstringStatusListCredential (signed for `<list address>.w3c`), for the desk's VC-JWTs
 * (docs/w3c-vc.md).
 */
export function publishStatusListAtServer(
  server: ServerConnection,
  list: string,
  jwt: string,
  options: AdminOptions & { encoding?: 'ietf' | 'w3c' } = {},
): Promise<AdminResult<true>> {
  if (!isListName(list)) return Promise.resolve({ ok: false, problem: 'bad-url' });
  const w3c = options.encoding === 'w3c';
  return call(
    server,
    options,
    {
      method: 'PUT',
      path: `/admin/status/${list}${w3c ? '.w3c' : ''}`,
      raw: jwt,
      contentType: w3c ? 'application/jwt' : 'application/statuslist+jwt',
    },
    () => true,
    { ignoreBody: true },
  );
}

/** A list name the desk may use in `/status/:list`. */
export function isListName(list: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(list);
}

/** The public URL of a list the server hosts. */
export function hostedStatusListUrl(serverUrl: string, list: string): string {
  return `${serverUrl}/status/${list}`;
}

/** The claim names a request may ask of a type: the type's own, nothing else. */
export function claimsOfType(type: CredentialTypeId, claims: readonly string[]): string[] {
  const known = new Set(CREDENTIAL_TYPES[type].claims.map((c) => c.name));
  return claims.filter((claim) => known.has(claim));
}

// ── Plumbing ────────────────────────────────────────────────────────────────────────────────────

function isPending(json: unknown): boolean {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { pending?: unknown }).pending === true &&
    Object.keys(json).length === 1
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const errorSchema = z.object({
  error: z
    .string()
    .max(100)
    .regex(/^[\w.-]+$/),
});

async function call<T>(
  server: ServerConnection,
  options: AdminOptions,
  request: {
    method: AdminRequest['method'];
    path: string;
    body?: unknown;
    raw?: string;
    contentType?: string;
  },
  parse: (json: unknown) => T | null,
  behaviour: { ignoreBody?: boolean } = {},
): Promise<AdminResult<T>> {
  const base = normaliseServerUrl(server.url);
  if (!base) return { ok: false, problem: 'bad-url' };
  if (!isAdminToken(server.token)) return { ok: false, problem: 'unauthorized' };
  const http = options.http ?? gateHttp;
  const body =
    request.raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  const contentType =
    request.contentType ?? (request.body === undefined ? undefined : 'application/json');
  const answer = await http({
    method: request.method,
    url: `${base}${request.path}`,
    token: server.token,
    ...(body === undefined ? {} : { body }),
    ...(contentType === undefined ? {} : { contentType }),
  });
  if (!answer.ok) {
    return { ok: false, problem: transportProblem(answer.reason) };
  }
  if (answer.status < 200 || answer.status > 299) return refusal(answer.status, answer.text);
  if (answer.text.length > MAX_ADMIN_ANSWER_CHARS)
    return { ok: false, problem: 'malformed-answer' };
  // A write whose answer the desk does not need: any 2xx is done, whatever its body.
  if (behaviour.ignoreBody) return okOrMalformed(parse(undefined));
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    return { ok: false, problem: 'malformed-answer' };
  }
  return okOrMalformed(parse(json));
}

function transportProblem(reason: Extract<AdminResponse, { ok: false }>['reason']): AdminProblem {
  if (reason === 'not-a-url') return 'bad-url';
  if (reason === 'too-large') return 'malformed-answer';
  return reason;
}

function okOrMalformed<T>(value: T | null): AdminResult<T> {
  return value === null ? { ok: false, problem: 'malformed-answer' } : { ok: true, value };
}

function refusal(status: number, text: string): AdminResult<never> {
  const problem: AdminProblem =
    status === 401 || status === 403
      ? 'unauthorized'
      : status === 404
        ? 'not-found'
        : status >= 500
          ? 'server-error'
          : 'rejected';
  let code: string | undefined;
  if (text.length <= 4096) {
    try {
      const parsed = errorSchema.safeParse(JSON.parse(text));
      if (parsed.success) code = parsed.data.error;
    } catch {
      // Not JSON: the status alone says enough.
    }
  }
  return { ok: false, problem, ...(code === undefined ? {} : { code }) };
}

/** The default transport: the app's one fetch gate (a gated fetch per call, as a clerk's action). */
const gateHttp: AdminHttp = async (request) => {
  const gated = createUserFetch({ maxBytes: MAX_ADMIN_ANSWER_CHARS });
  try {
    const response = await gated(request.url, {
      method: request.method,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${request.token}`,
        ...(request.contentType ? { 'content-type': request.contentType } : {}),
      },
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    return { ok: true, status: response.status, text: await response.text() };
  } catch (error) {
    if (error instanceof UserFetchRefused) {
      return { ok: false, reason: error.reason };
    }
    return { ok: false, reason: 'unreachable' };
  }
};
