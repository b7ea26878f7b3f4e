import { bytesToHex } from '../encoding/index.ts';
import type { JwsCrypto } from '../jose/index.ts';
import { parsePresentationResponse } from '../protocol/response.ts';
import { failedWith, ok, type Result } from '../result.ts';
import type { RuleResult } from '../rules/index.ts';
import { verifyPresentation, type VerificationResult } from '../verification/index.ts';
import { checkNonce } from '../verification/kb-claims.ts';
import { runRuleForVerdict } from './benefit-check.ts';
import type { VerifierDesk } from './desk.ts';
import { addHistoryEntry, type HistoryEntry } from './history.ts';
import type { NonceState } from './nonce-store.ts';
import type { PendingRequest } from './pending-request.ts';
import { presentationNonce } from './presentation-peek.ts';
import {
  listCachedStatusLists,
  readPolicy,
  statusLookup,
  statusUriOf,
  type CachedStatusList,
} from './status-cache.ts';
import { trustAt } from './trust-lists.ts';
import type { VerifiedTrustList } from '../trust/index.ts';

/** Longest a key binding JWT may be old when it reaches the desk (issue 4 item 5). */
export const RESPONSE_MAX_AGE_SECONDS = 300;

export interface PresentationVerdict {
  readonly queryId: string;
  readonly result: VerificationResult;
  /** What the desk knew of the presentation's nonce (KB-JWT or VP-JWT) when the response arrived. */
  readonly nonceState: 'pending' | 'used' | 'unknown';
  /** Where the credential's status list lives (offered for "fetch status lists"). */
  readonly statusUri?: string;
  /** The desk's copy of that list, when it has one. */
  readonly statusList?: Pick<CachedStatusList, 'fetchedAt' | 'issuedAt'>;
  /** Not trusted because the issuer is only on an imported list that has expired: which one. */
  readonly expiredTrustList?: { readonly name: string; readonly expiredAt: string };
}

export interface VerifiedResponse {
  readonly id: string;
  readonly at: string;
  /** Every presentation valid (and at least one). */
  readonly valid: boolean;
  readonly presentations: readonly PresentationVerdict[];
  /** The request this response answers, when the desk was still waiting for it. */
  readonly request?: PendingRequest;
  /** Facts the citizen declared in the response: shown as declared, never as verified. */
  readonly declared?: Readonly<Record<string, unknown>>;
  /**
   * The benefit check: the request's rule run on the verified claims and the declared facts
   * (only when the answer is valid and its request named a rule).
   */
  readonly benefit?: RuleResult;
  /**
   * The nonces this verification spent (pending until then): empty unless the answer is valid.
   * A recheck of the same response lists them again (they were spent by this response).
   */
  readonly spentNonces: readonly string[];
}

/** No request of ours has this nonce: verification then fails on it with wrong-nonce. */
const NO_NONCE = 'no-request-of-this-desk';

/**
 * The whole pipeline for a scanned or linked response: parse it, find the pending request by the
 * nonce in each presentation (an SD-JWT VC's key binding JWT, a W3C VP-JWT's `nonce`), verify every presentation against this desk's client_id, that
 * nonce, the trust lists, the status list cache and the policy; then, only when every check of
 * every presentation passed, consume the nonce in one atomic step (nonce-store.ts) before calling
 * the answer valid. Whoever loses that step (the same answer submitted twice at once) gets
 * `replayed`. An answer that fails any check spends nothing. The verdict goes into the history.
 */
export async function verifyResponse(
  desk: VerifierDesk,
  deps: { jws: JwsCrypto; randomBytes: (n: number) => Uint8Array },
  options: {
    payload: Uint8Array;
    now: Date;
    /**
     * Check the SAME response again (after fetching a status list): the nonces the first
     * verification spent count as still pending for it, so it is not called a replay of itself.
     */
    recheckOf?: VerifiedResponse;
  },
): Promise<Result<VerifiedResponse, 'malformed', { message: string }>> {
  const { now } = options;
  const parsed = parsePresentationResponse(options.payload);
  if (!parsed.ok) return parsed;
  const entries = Object.entries(parsed.value.vpToken).flatMap(([queryId, list]) =>
    list.map((presentation) => ({ queryId, presentation })),
  );
  if (entries.length === 0)
    return failedWith('malformed', { message: 'the response holds no presentation' });

  const [trust, cached, policy, pending] = await Promise.all([
    trustAt(desk, deps, now),
    listCachedStatusLists(desk),
    readPolicy(desk),
    desk.nonces.listPending(),
  ]);
  const lookup = statusLookup(cached);
  let verdicts: PresentationVerdict[] = [];
  /** Pending nonces of this response, and the ones a first check of it already spent. */
  const toSpend = new Set<string>();
  const spentBefore = new Set<string>();
  let answered: PendingRequest | undefined;

  for (const { queryId, presentation } of entries) {
    const nonce = presentationNonce(presentation);
    const previous = options.recheckOf;
    const ownSpend =
      nonce !== undefined &&
      previous?.request !== undefined &&
      previous.spentNonces.includes(nonce);
    const known: NonceState =
      nonce === undefined
        ? { state: 'unknown' }
        : ownSpend && previous?.request
          ? { state: 'pending', request: previous.request }
          : await desk.nonces.lookup(nonce);
    const request = known.state === 'pending' ? known.request : undefined;
    answered ??= request;
    // A credential the request asked for optionally (the household credential) has its own claims.
    const optional = request?.optionalCredentials?.find((query) => query.id === queryId);
    const result = await verifyPresentation(presentation, {
      crypto: deps.jws,
      now,
      audience: desk.verifier.clientId,
      // An unknown nonce is checked against our newest request, so it fails as wrong-nonce.
      nonce: known.state === 'unknown' ? (pending[0]?.nonce ?? NO_NONCE) : (nonce ?? NO_NONCE),
      maxAgeSeconds: RESPONSE_MAX_AGE_SECONDS,
      nonceAlreadyUsed: known.state === 'used',
      trustLists: trust.active,
      statusList: lookup,
      statusPolicy: {
        whenUnavailable: policy.whenUnavailable,
        maxAgeSeconds: policy.maxAgeSeconds,
      },
      ...(request ? { requiredClaims: optional?.required ?? request.required } : {}),
      // A request about one month asked for that month's statement (DCQL values): hold it to it.
      ...(request?.month && optional === undefined && request.required.includes('period')
        ? { requiredValues: { period: [request.month] } }
        : {}),
    });
    if (nonce !== undefined && known.state === 'pending') {
      (ownSpend ? spentBefore : toSpend).add(nonce);
    }
    const typed = request ? withRequestedCredential(result, request, queryId) : result;
    const expiredList = onlyOnExpiredList(typed, trust.expired);
    const checked = expiredList ? withExpiredTrust(typed, expiredList) : typed;
    const statusUri = statusUriOf(presentation);
    const copy = statusUri === undefined ? undefined : cached.find((c) => c.uri === statusUri);
    verdicts.push({
      queryId,
      result: checked,
      nonceState: known.state,
      ...(statusUri === undefined ? {} : { statusUri }),
      ...(copy ? { statusList: { fetchedAt: copy.fetchedAt, issuedAt: copy.issuedAt } } : {}),
      ...(expiredList
        ? {
            expiredTrustList: {
              name: expiredList.name,
              expiredAt: new Date(expiredList.exp * 1000).toISOString(),
            },
          }
        : {}),
    });
  }

  // Spend the nonce only for an answer that passed everything else, and only as one atomic step:
  // of two checks of the same answer at the same moment, exactly one wins here.
  const spent = new Set(spentBefore);
  if (verdicts.every((v) => v.result.valid)) {
    const lost = new Set<string>();
    for (const nonce of toSpend) {
      if (await desk.nonces.consume(nonce, now)) spent.add(nonce);
      else lost.add(nonce);
    }
    if (lost.size > 0) {
      verdicts = verdicts.map((verdict, index) => {
        const nonce = presentationNonce(entries[index]?.presentation ?? '');
        return nonce !== undefined && lost.has(nonce)
          ? { ...verdict, nonceState: 'used', result: asReplayed(verdict.result, nonce) }
          : verdict;
      });
    }
  }

  const valid = verdicts.every((v) => v.result.valid);
  const benefit = runRuleForVerdict({
    request: answered,
    verification: { valid, presentations: verdicts },
    declared: parsed.value.declared,
    now,
  });
  const verified: VerifiedResponse = {
    id: bytesToHex(deps.randomBytes(8)),
    at: now.toISOString(),
    valid,
    presentations: verdicts,
    ...(answered ? { request: answered } : {}),
    ...(parsed.value.declared ? { declared: parsed.value.declared } : {}),
    ...(benefit ? { benefit } : {}),
    spentNonces: [...spent],
  };
  await addHistoryEntry(desk, historyEntryOf(verified));
  return ok(verified);
}

/**
 * What the desk's history keeps of a verdict (its own or a server's): when, the purpose, the
 * verdict, of a benefit the rule, status and amount, and per presentation its type, issuer, failed
 * checks and the names of the claims (never their values).
 */
export function historyEntryOf(verified: VerifiedResponse): HistoryEntry {
  const { benefit } = verified;
  return {
    id: verified.id,
    at: verified.at,
    valid: verified.valid,
    ...(verified.request ? { purpose: verified.request.purpose } : {}),
    ...(benefit
      ? {
          benefit: {
            ruleId: benefit.ruleId,
            status: benefit.status,
            amountCents: benefit.amountCents,
          },
        }
      : {}),
    items: verified.presentations.map(({ result }) => ({
      ...(result.vct === undefined ? {} : { vct: result.vct }),
      ...(result.format === undefined ? {} : { format: result.format }),
      ...(result.issuer === undefined ? {} : { issuer: result.issuer }),
      ...(result.issuerName === undefined ? {} : { issuerName: result.issuerName }),
      valid: result.valid,
      failed: result.checks.filter((check) => !check.ok).map((check) => check.code),
      claimNames: Object.keys(result.claims),
    })),
  };
}

/** The expired list that names this issuer for this type, when that is why it is untrusted. */
function onlyOnExpiredList(
  result: VerificationResult,
  expired: readonly VerifiedTrustList[],
): VerifiedTrustList | undefined {
  const untrusted = result.checks.some(
    (check) => check.name === 'issuer-trusted' && check.code === 'untrusted-issuer',
  );
  if (!untrusted || result.issuer === undefined || result.vct === undefined) return undefined;
  const { issuer, vct } = result;
  return expired.find((list) =>
    list.entries.some((entry) => entry.did === issuer && entry.vct.includes(vct)),
  );
}

function withExpiredTrust(result: VerificationResult, list: VerifiedTrustList): VerificationResult {
  const when = new Date(list.exp * 1000).toISOString();
  const message = `Not trusted: this issuer is only on the trust list "${list.name}", which expired at ${when}. Import a current edition of the list`;
  return {
    ...result,
    checks: result.checks.map((check) =>
      check.name === 'issuer-trusted' && check.code === 'untrusted-issuer'
        ? { ...check, message }
        : check,
    ),
  };
}

/** The same answer was accepted by another check a moment ago: this one is a replay. */
function asReplayed(result: VerificationResult, nonce: string): VerificationResult {
  const replayed = checkNonce({ nonce }, nonce, true);
  return {
    ...result,
    valid: false,
    checks: result.checks.map((check) => (check.name === 'nonce' ? replayed : check)),
  };
}

/**
 * A credential of another type than the request asked for does not answer it; nor does one under a
 * query id the request did not send, or in another format than that query asked for (a request for
 * a diploma in either format: `diploma` is an SD-JWT VC, `diploma_w3c` a W3C VC-JWT; any other
 * request asks for an SD-JWT VC only).
 */
function withRequestedCredential(
  result: VerificationResult,
  request: PendingRequest,
  queryId: string,
): VerificationResult {
  const problem = requestedCredentialProblem(result, request, queryId);
  if (problem === undefined) return result;
  const checks = result.checks.map((check) =>
    check.name === 'requested-claims'
      ? { ...check, ok: false, code: 'missing-claim' as const, message: problem }
      : check,
  );
  if (!checks.some((check) => check.name === 'requested-claims')) {
    checks.push({ name: 'requested-claims', ok: false, code: 'missing-claim', message: problem });
  }
  return { ...result, valid: false, checks };
}

function requestedCredentialProblem(
  result: VerificationResult,
  request: PendingRequest,
  queryId: string,
): string | undefined {
  const optional = request.optionalCredentials?.find((query) => query.id === queryId);
  if (optional !== undefined) {
    if (result.vct !== undefined && result.vct !== optional.vct) {
      return `the request asked for ${optional.vct} under ${JSON.stringify(queryId)}, the credential is ${result.vct}`;
    }
    if (result.format !== undefined && result.format !== 'dc+sd-jwt') {
      return `the request asked for ${JSON.stringify(queryId)} as dc+sd-jwt, the answer is ${result.format}`;
    }
    return undefined;
  }
  if (result.vct !== undefined && result.vct !== request.vct) {
    return `the request asked for ${request.vct}, the credential is ${result.vct}`;
  }
  // A request with one query kept no `queries`: that query asked for an SD-JWT VC.
  const queries = request.queries ?? [{ id: request.queryId, format: 'dc+sd-jwt' as const }];
  const query = queries.find((candidate) => candidate.id === queryId);
  if (query === undefined) {
    const asked = [...queries, ...(request.optionalCredentials ?? [])];
    return `the answer is for ${JSON.stringify(queryId)}, which the request did not ask for (it asked for ${asked.map((q) => JSON.stringify(q.id)).join(' or ')})`;
  }
  if (result.format !== undefined && result.format !== query.format) {
    return `the request asked for ${JSON.stringify(queryId)} as ${query.format}, the answer is ${result.format}`;
  }
  return undefined;
}
