/**
 * What a desk asks for, read from the JSON body of `POST /admin/requests` and
 * `POST /admin/applications` (docs/server.md "OpenID4VP"), and one transaction minted from it
 * (`mintRequest`): fresh id, nonce, state, response encryption key and response code. A one-off
 * request mints one transaction; an application link mints one on every fetch of its request_uri.
 */
import { CREDENTIAL_TYPE_IDS, CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import type { CredentialTypeId } from '../../core/credentials/index.ts';
import { generateResponseEncryptionKey } from '../../core/protocol/openid4vp/direct-post.ts';
import {
  FACT_NAME,
  MAX_DECLARE_FACTS,
  MAX_PURPOSE_LENGTH,
  MAX_VERIFIER_NAME_LENGTH,
  readRequestPeriod,
  REQUEST_RULE_IDS,
} from '../../core/protocol/request.ts';
import type { RuleId } from '../../core/rules/index.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { randomToken } from '../openid4vci/random.ts';
import { requestDcql } from './request-dcql.ts';
import { insertRequest } from './store.ts';
import type { PurposeTexts, ServerResponseMode, VerifierRequest } from './store.ts';

/** How long a request waits for its answer. */
export const REQUEST_SECONDS = 600;

export interface RequestSpec {
  readonly type: CredentialTypeId;
  readonly claims: readonly string[];
  /** One text, or one per language (the wallet shows the citizen's). */
  readonly purpose?: string | PurposeTexts;
  readonly verifierName?: string;
  readonly responseMode: ServerResponseMode;
  /** `true`: this server's result page; a URL: the desk's own page (OpenID4VP 1.0 §8.2). */
  readonly redirect?: true | string;
  /** The eligibility rule the desk runs on the answer (`vouch.rule`). */
  readonly rule?: RuleId;
  /** The facts the citizen is asked to declare (`vouch.declare`). */
  readonly declare?: readonly string[];
  /** The month the request is about, `YYYY-MM` (`vouch.period`: the wallet answers its facts). */
  readonly period?: string;
}

const bad = (description: string) => new ApiError(400, 'invalid_request', description);

function parseType(value: unknown): CredentialTypeId {
  if (typeof value === 'string' && (CREDENTIAL_TYPE_IDS as readonly string[]).includes(value)) {
    return value as CredentialTypeId;
  }
  throw bad(`"type" must be one of ${CREDENTIAL_TYPE_IDS.join(', ')}`);
}

function parseClaims(type: CredentialTypeId, value: unknown): string[] {
  const known = CREDENTIAL_TYPES[type].claims.map((claim) => claim.name);
  if (!Array.isArray(value) || value.length === 0 || value.length > known.length) {
    throw bad(`"claims" must be a non-empty array of claim names of ${type}`);
  }
  const claims: string[] = [];
  for (const name of value) {
    if (typeof name !== 'string' || !known.includes(name)) {
      throw bad(
        `"claims": ${JSON.stringify(String(name).slice(0, 40))} is not a claim of ${type} (${known.join(', ')})`,
      );
    }
    if (claims.includes(name)) throw bad(`"claims": "${name}" is asked for twice`);
    claims.push(name);
  }
  return claims;
}

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max;

export function optionalText(value: unknown, name: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (!isText(value, max)) throw bad(`"${name}" must be text of 1 to ${max} characters`);
  return value;
}

function parsePurpose(value: unknown): string | PurposeTexts | undefined {
  if (value === undefined || isText(value, MAX_PURPOSE_LENGTH)) return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    const ok =
      entries.length > 0 &&
      entries.every(
        ([language, text]) =>
          ['nl', 'fr', 'en'].includes(language) && isText(text, MAX_PURPOSE_LENGTH),
      );
    if (ok) return Object.fromEntries(entries) as PurposeTexts;
  }
  throw bad(
    `"purpose" must be text of 1 to ${MAX_PURPOSE_LENGTH} characters, or such a text per language {"nl","fr","en"}`,
  );
}

function parseResponseMode(value: unknown): ServerResponseMode {
  if (value === undefined) return 'direct_post';
  if (value === 'direct_post' || value === 'direct_post.jwt') return value;
  throw bad('"responseMode" must be "direct_post" or "direct_post.jwt"');
}

function parseRedirect(value: unknown): true | string | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return true;
  if (typeof value === 'string' && value.length <= 2048) {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    const loopback = url?.hostname === 'localhost' || url?.hostname === '127.0.0.1';
    if (url && !url.hash && (url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
      return value;
    }
  }
  throw bad('"redirect" must be true or an https URL without a fragment');
}

function parseRule(value: unknown): RuleId | undefined {
  if (value === undefined) return undefined;
  if ((REQUEST_RULE_IDS as readonly unknown[]).includes(value)) return value as RuleId;
  throw bad(`"rule" must be one of ${REQUEST_RULE_IDS.join(', ')}`);
}

function parseDeclare(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.length > MAX_DECLARE_FACTS ||
    !value.every((name) => typeof name === 'string' && FACT_NAME.test(name)) ||
    new Set(value).size !== value.length
  ) {
    throw bad(
      `"declare" must be 1 to ${MAX_DECLARE_FACTS} distinct fact names (a letter, then up to 40 letters or digits)`,
    );
  }
  return value as string[];
}

function parsePeriod(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const period = readRequestPeriod(value);
  if (period === undefined) throw bad('"period" must be a month YYYY-MM');
  return period;
}

/** The request a desk described, checked member by member (400 naming the member otherwise). */
export function parseRequestSpec(body: Record<string, unknown>): RequestSpec {
  const type = parseType(body.type);
  const claims = parseClaims(type, body.claims);
  const purpose = parsePurpose(body.purpose);
  const verifierName = optionalText(body.verifierName, 'verifierName', MAX_VERIFIER_NAME_LENGTH);
  const responseMode = parseResponseMode(body.responseMode);
  const redirect = parseRedirect(body.redirect);
  const rule = parseRule(body.rule);
  const declare = parseDeclare(body.declare);
  const period = parsePeriod(body.period);
  // The query these requests will carry: built now, so a bad one fails here, not at the wallet.
  requestDcql(type, claims);
  return {
    type,
    claims,
    ...(purpose === undefined ? {} : { purpose }),
    ...(verifierName === undefined ? {} : { verifierName }),
    responseMode,
    ...(redirect === undefined ? {} : { redirect }),
    ...(rule === undefined ? {} : { rule }),
    ...(declare === undefined ? {} : { declare }),
    ...(period === undefined ? {} : { period }),
  };
}

/** One transaction of `spec`, stored open for REQUEST_SECONDS. */
export async function mintRequest(
  ctx: ServerContext,
  spec: RequestSpec,
  options: { applicationId?: string } = {},
): Promise<VerifierRequest> {
  const id = randomToken(ctx, 16);
  const now = ctx.now();
  const encryption =
    spec.responseMode === 'direct_post.jwt'
      ? await generateResponseEncryptionKey('enc-1')
      : undefined;
  const redirectUri =
    spec.redirect === undefined
      ? undefined
      : spec.redirect === true
        ? `${ctx.publicUrl}/results/${id}`
        : spec.redirect;
  const request: VerifierRequest = {
    id,
    type: spec.type,
    claims: spec.claims,
    ...(spec.purpose === undefined ? {} : { purpose: spec.purpose }),
    ...(spec.verifierName === undefined ? {} : { verifierName: spec.verifierName }),
    responseMode: spec.responseMode,
    nonce: randomToken(ctx, 32),
    state: randomToken(ctx, 16),
    ...(encryption === undefined ? {} : { encryptionKey: encryption.privateJwk }),
    ...(redirectUri === undefined ? {} : { redirectUri, responseCode: randomToken(ctx, 32) }),
    ...(spec.rule === undefined ? {} : { rule: spec.rule }),
    ...(spec.declare === undefined ? {} : { declare: spec.declare }),
    ...(spec.period === undefined ? {} : { period: spec.period }),
    ...(options.applicationId === undefined ? {} : { applicationId: options.applicationId }),
    createdAt: now,
    expiresAt: new Date(now.getTime() + REQUEST_SECONDS * 1000),
  };
  await insertRequest(ctx.db, request);
  return request;
}
