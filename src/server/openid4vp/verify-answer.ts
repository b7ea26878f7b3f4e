/**
 * The verdict on an answer to one of our requests: the verifier pipeline of `vouch verify`
 * (src/core/verification, docs/verification.md), run through the Vouch agent's
 * `verifyVouchPresentation` (verifier-agent.ts), with
 *
 * - audience: the request's `client_id` (`decentralized_identifier:<verifier DID>`, the KB-JWT
 *   `aud` of OpenID4VP 1.0 Appendix B.3.6), nonce: the request's (already spent by claimAnswer);
 * - trust: this server's own issuer for every Vouch type plus the imported trust lists (loadTrust);
 * - status: this server's own lists read from the database (authoritative, so no age limit); lists
 *   hosted elsewhere fetched over https (capped, with a timeout), only for a credential whose
 *   issuer signature verified and whose issuer is trusted, with the list's own `ttl` as the age
 *   limit; a status that cannot be read fails (`status-unavailable`);
 * - the requested claims must all be disclosed, and the credential must be of the requested type.
 *
 * A diploma is asked for in either format (requestDcql): `vp_token` then holds one presentation
 * under `diploma` (an SD-JWT VC) or under `diploma_w3c` (a W3C VP-JWT, docs/w3c-vc.md), never
 * both, and a presentation under the other format's id does not answer. A VP-JWT's nonce, `aud`
 * and holder binding are checked by the same verifyPresentation; its BitstringStatusListEntry on
 * this server (`/status/<list>.w3c`) is read from the database like the IETF list.
 *
 * The verdict has exactly the JSON shape `vouch verify` prints (src/cli/commands/verify.ts).
 */
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import type { PresentationResponse } from '../../core/protocol/response.ts';
import type { TrustList } from '../../core/trust/index.ts';
import type { Check, VerificationResult } from '../../core/verification/index.ts';
import { looksLikeVpJwt } from '../../core/verifier/presentation-peek.ts';
import { FORMAT_JWT_VC_JSON } from '../../core/verifier/request-query.ts';
import { statusUriOf } from '../../core/verifier/status-cache.ts';
import type { ServerContext } from '../context.ts';
import { readStatusList, statusListIdOf } from '../status/store.ts';
import { freshW3cStatusList } from '../status/w3c-store.ts';
import { loadTrust } from '../trust/store.ts';
import { requestDcql } from './request-dcql.ts';
import { verifierAgent } from './verifier-agent.ts';
import type { VerifierRequest } from './store.ts';

/** Longest a key binding JWT may be old when it reaches the server. */
export const ANSWER_MAX_AGE_SECONDS = 300;
/** Own lists are read from the database at the moment of the check: never stale. */
const OWN_LIST_MAX_AGE_SECONDS = 100 * 365 * 86_400;
const MAX_STATUS_LIST_BYTES = 2 * 1024 * 1024;
const STATUS_FETCH_TIMEOUT_MS = 5_000;

/** The JSON `vouch verify` prints, members in its order. */
export interface Verdict {
  valid: boolean;
  checks: { name: string; ok: boolean; code: string; message: string }[];
  issuer: string | null;
  vct: string | null;
  claims: Record<string, unknown>;
  issuerName?: string;
  status?: VerificationResult['status'];
  /** `dc+sd-jwt` or `jwt_vc_json` (OpenID4VP 1.0 Appendix B), when the presentation was read. */
  format?: VerificationResult['format'];
}

export function verdictOf(result: VerificationResult): Verdict {
  const { valid, checks, issuer, vct, claims, issuerName, status, format } = result;
  return {
    valid,
    checks: checks.map(({ name, ok, code, message }) => ({ name, ok, code, message })),
    issuer: issuer ?? null,
    vct: vct ?? null,
    claims,
    ...(issuerName === undefined ? {} : { issuerName }),
    ...(status === undefined ? {} : { status }),
    ...(format === undefined ? {} : { format }),
  };
}

/** A verdict for an answer that holds no presentation we can check. */
export function unreadableVerdict(message: string): Verdict {
  return verdictOf({
    valid: false,
    checks: [{ name: 'encoding', ok: false, code: 'bad-encoding', message }],
    claims: {},
  });
}

export type StatusFetch = (uri: string) => Promise<string | undefined>;

/** GETs a status list hosted elsewhere: https only, capped, with a timeout; undefined on failure. */
export const fetchRemoteStatusList: StatusFetch = async (uri) => {
  if (!/^https:\/\/[^\s]+$/.test(uri) || uri.length > 2048) return undefined;
  try {
    const response = await fetch(uri, {
      headers: { accept: 'application/statuslist+jwt, application/vc+jwt, application/jwt' },
      redirect: 'error',
      signal: AbortSignal.timeout(STATUS_FETCH_TIMEOUT_MS),
    });
    const declared = Number(response.headers.get('content-length') ?? 'NaN');
    if (!response.ok || declared > MAX_STATUS_LIST_BYTES) return undefined;
    const text = await response.text();
    return text.length > MAX_STATUS_LIST_BYTES ? undefined : text.trim();
  } catch {
    return undefined;
  }
};

const W3C_SUFFIX = '.w3c';

/** This server's own list for `uri`, read from the database; undefined when the URI is not ours. */
async function ownStatusList(
  ctx: ServerContext,
  uri: string | undefined,
): Promise<{ list?: { jwt: string; fetchedAt: Date } } | undefined> {
  if (uri === undefined || !uri.startsWith(`${ctx.publicUrl}/status/`)) return undefined;
  const w3c = uri.endsWith(W3C_SUFFIX);
  const id = statusListIdOf(ctx, w3c ? uri.slice(0, -W3C_SUFFIX.length) : uri);
  const row =
    id === undefined
      ? undefined
      : w3c
        ? await freshW3cStatusList(ctx.db, ctx, id)
        : await readStatusList(ctx.db, id);
  return row === undefined ? {} : { list: { jwt: row.jwt, fetchedAt: ctx.now() } };
}

const passed = (result: VerificationResult, name: Check['name']) =>
  result.checks.some((check) => check.name === name && check.ok);

/** The request named one type: a credential of another type does not answer it. */
function withRequestedType(result: VerificationResult, vct: string): VerificationResult {
  if (result.vct === undefined || result.vct === vct) return result;
  const failed: Check = {
    name: 'requested-claims',
    ok: false,
    code: 'missing-claim',
    message: `The request asked for ${vct}, the credential is ${result.vct}`,
  };
  const checks = result.checks.some((check) => check.name === 'requested-claims')
    ? result.checks.map((check) => (check.name === 'requested-claims' ? failed : check))
    : [...result.checks, failed];
  return { ...result, valid: false, checks };
}

/**
 * Verifies the presentation that answers one of the request's credential queries (`diploma` or
 * `diploma_w3c`; other types have one, the type id). More than one presentation, none, or one in
 * another format than its query's is not an answer to this request.
 */
export async function verifyAnswer(
  ctx: ServerContext,
  request: VerifierRequest,
  response: PresentationResponse,
  options: { clientId: string; fetchStatusList?: StatusFetch },
): Promise<Verdict> {
  const { queries } = requestDcql(request.type, request.claims);
  const answered = Object.keys(response.vpToken);
  const query = queries.find((candidate) => candidate.id === answered[0]);
  const presentations = query === undefined ? undefined : response.vpToken[query.id];
  if (answered.length !== 1 || presentations === undefined || presentations.length !== 1) {
    return unreadableVerdict(
      `This is not an answer to the request: "vp_token" must hold exactly one presentation for ${queries
        .map((candidate) => `"${candidate.id}"`)
        .join(' or ')}`,
    );
  }
  const presentation = presentations[0] as string;
  if (looksLikeVpJwt(presentation) !== (query?.format === FORMAT_JWT_VC_JSON)) {
    return unreadableVerdict(
      `This is not an answer to the request: "${query?.id ?? ''}" asks for ${query?.format ?? ''}, the presentation is another format`,
    );
  }
  const now = ctx.now();
  const uri = statusUriOf(presentation);
  const own = await ownStatusList(ctx, uri);
  const agent = await verifierAgent(ctx);
  const verify = (list: { jwt: string; fetchedAt: Date } | undefined, trustLists: TrustList[]) =>
    agent.verifyVouchPresentation({
      presentation,
      now,
      audience: options.clientId,
      nonce: request.nonce,
      maxAgeSeconds: ANSWER_MAX_AGE_SECONDS,
      trustLists,
      statusLists:
        list === undefined || uri === undefined
          ? []
          : [{ uri, jwt: list.jwt, fetchedAt: list.fetchedAt.toISOString() }],
      statusPolicy: {
        whenUnavailable: 'reject',
        ...(own === undefined ? {} : { maxAgeSeconds: OWN_LIST_MAX_AGE_SECONDS }),
      },
      requiredClaims: [...request.claims],
    });
  const trustLists = await loadTrust(ctx);
  let result = await verify(own?.list, trustLists);
  // A list hosted elsewhere is fetched only for a credential whose signature verified and whose
  // issuer is trusted: an unknown party's presentation never makes this server fetch a URL.
  if (
    own === undefined &&
    uri !== undefined &&
    passed(result, 'issuer-signature') &&
    passed(result, 'issuer-trusted')
  ) {
    const jwt = await (options.fetchStatusList ?? fetchRemoteStatusList)(uri);
    if (jwt !== undefined) result = await verify({ jwt, fetchedAt: ctx.now() }, trustLists);
  }
  return verdictOf(withRequestedType(result, CREDENTIAL_TYPES[request.type].vct));
}
