import type { JwsCrypto } from '../jose/index.ts';
import { credentialPath, describeKey, es256kSigner, withPrivateKey } from '../keys/index.ts';
import { createPresentation } from '../presentation/index.ts';
import {
  encodePresentationResponse,
  matchDcql,
  readDcqlCredentialSets,
  readDcqlNeeds,
  selectDcqlCredentials,
  verifierIdOf,
  verifierLabel,
  verifyPresentationRequest,
  resolvePresentationRequest,
  submitPresentationResponse,
  type DcqlCredentialNeed,
  type FetchLike,
  type PresentationRequest,
  type PresentationResponse,
} from '../protocol/index.ts';
import { bytesToUtf8 } from '../encoding/index.ts';
import {
  asCopy,
  DEFAULT_COPY_POLICY,
  hasCopies,
  markCopyUsed,
  pickCopy,
  type CopyPolicy,
} from './copies.ts';
import {
  CREDENTIAL_PREFIX,
  credentialState,
  formatOf,
  readCredential,
  type StoredCredential,
} from './credential-store.ts';
import { listCredentialSummaries } from './credential-store-summary.ts';
import { hasPresentedTo, recordPresentation, type HistoryEntry } from './history.ts';
import type { HolderWallet } from './holder-wallet.ts';
import type { VerifierStanding } from '../trust/verifier-registration.ts';
import { standingFor } from './verifier-trust.ts';
import { seedOf } from './wallet-secret.ts';

/**
 * A verifier's request, from scan to answer: check its signature, find the credentials that fit
 * each DCQL query, and — once the citizen consented — present exactly the chosen claims with a key
 * binding JWT for this verifier and nonce. Declining sends nothing and records nothing.
 *
 * A W3C VC-JWT (jwt_vc_json) has no selective disclosure: it is presented whole, as a VP-JWT signed
 * by its child key with `aud` = the verifier's client_id and `nonce` = the request's
 * (docs/w3c-vc.md §The presentation), and the history records every field as shown.
 */
export interface NeedMatch {
  readonly need: DcqlCredentialNeed;
  /** Usable credentials (not expired, not known revoked) that hold every required claim. */
  readonly candidates: readonly StoredCredential[];
  /**
   * A query of an optional credential set (DCQL §6.2 `required: false`, e.g. the household
   * credential with the income supplement): offered only when the wallet holds a candidate, and
   * sent only when the citizen adds it (left out, the answer is complete without it).
   */
  readonly optional?: true;
}

export interface ReadRequest {
  readonly request: PresentationRequest;
  readonly matches: readonly NeedMatch[];
  readonly seenBefore: boolean;
  /**
   * Who asks, by what this wallet trusts: registered (a registration certificate in
   * `verifier_info` by a trusted authority), listed (a verifier trust list), or not verified.
   */
  readonly standing: VerifierStanding;
}

/** What reading a request needs besides the wallet. */
export interface ReadRequestDeps {
  crypto: JwsCrypto;
  now: Date;
  /** Registration authorities the build trusts (VOUCH_VERIFIER_AUTHORITIES), besides the wallet's. */
  verifierAuthorities?: readonly string[];
}

export type ReadRequestProblem = 'malformed' | 'invalid-request' | 'unsupported-query';

export type ReadRequestResult =
  { ok: true; value: ReadRequest } | { ok: false; reason: ReadRequestProblem; detail: string };

/** The audience the verifier expects in the key binding JWT: its client_id (OpenID4VP). */
export function audienceOf(request: PresentationRequest): string {
  return request.clientId;
}

export async function readPresentationRequest(
  wallet: HolderWallet,
  payload: Uint8Array,
  deps: ReadRequestDeps,
): Promise<ReadRequestResult> {
  const text = bytesToUtf8(payload);
  if (!text.ok) return { ok: false, reason: 'malformed', detail: 'not UTF-8' };
  const verified = await verifyPresentationRequest(text.value.trim(), {
    crypto: deps.crypto,
    now: deps.now,
  });
  if (!verified.ok)
    return {
      ok: false,
      reason: 'invalid-request',
      detail: `${verified.reason}: ${verified.detail.message}`,
    };
  return matchRequest(wallet, verified.value, deps);
}

export type ReadRequestUriProblem =
  | ReadRequestProblem
  /** The verifier's request_uri could not be fetched (offline, an error status, too large). */
  | 'unreachable';

export type ReadRequestUriResult =
  { ok: true; value: ReadRequest } | { ok: false; reason: ReadRequestUriProblem; detail: string };

/**
 * The same for an authorization request URI (`openid4vp://?client_id=…&request_uri=…`, scanned,
 * pasted or opened as a link): the request object is fetched with the injected fetch (the browser's
 * gated fetch, called from the citizen's action) and verified; parameters by value are read.
 */
export async function readPresentationRequestUri(
  wallet: HolderWallet,
  uri: string,
  deps: ReadRequestDeps & { fetch: FetchLike; walletNonce?: string },
): Promise<ReadRequestUriResult> {
  const resolved = await resolvePresentationRequest(uri, deps);
  if (!resolved.ok) {
    return {
      ok: false,
      reason: resolved.reason === 'fetch-failed' ? 'unreachable' : 'invalid-request',
      detail: `${resolved.reason}: ${resolved.detail.message}`,
    };
  }
  return matchRequest(wallet, resolved.value, deps);
}

/**
 * The credentials that could answer any of the needs, in full: the summaries (one index read) pick
 * those of a fitting format and type, and only those are decrypted, so a request to a wallet of
 * thousands of credentials reads a handful (issue 12). The claims are matched on the full records.
 */
async function heldForNeeds(
  wallet: HolderWallet,
  needs: readonly DcqlCredentialNeed[],
): Promise<StoredCredential[]> {
  const summaries = await listCredentialSummaries(wallet);
  const typeOnly = summaries.map((summary) => ({
    id: summary.id,
    format: formatOf(summary),
    vct: summary.vct,
    ...(summary.types === undefined ? {} : { types: summary.types }),
    claims: {},
  }));
  const ids = new Set(needs.flatMap((need) => matchDcql({ ...need, required: [] }, typeOnly)));
  const read = await Promise.all(
    summaries.filter((summary) => ids.has(summary.id)).map((s) => readCredential(wallet, s.id)),
  );
  return read.filter((credential): credential is StoredCredential => credential !== undefined);
}

async function matchRequest(
  wallet: HolderWallet,
  request: PresentationRequest,
  deps: ReadRequestDeps,
): Promise<ReadRequestResult> {
  const { now } = deps;
  const needs = readDcqlNeeds(request.dcql);
  if (!needs.ok) return { ok: false, reason: 'unsupported-query', detail: needs.detail.message };

  const held = (await heldForNeeds(wallet, needs.value)).filter((credential) => {
    const state = credentialState(credential, now);
    return state !== 'expired' && state !== 'revoked' && state !== 'suspended';
  });
  const all = needs.value.map((need) => {
    const ids = new Set(
      matchDcql(
        need,
        held.map((credential) => ({
          id: credential.id,
          format: formatOf(credential),
          vct: credential.vct,
          ...(credential.types === undefined ? {} : { types: credential.types }),
          claims: credential.claims,
        })),
      ),
    );
    return { need, candidates: held.filter((credential) => ids.has(credential.id)) };
  });
  // With credential_sets, only the credentials of the first answerable option of each required set
  // are asked (never the optional sets: the least the verifier accepts).
  const sets = readDcqlCredentialSets(request.dcql);
  const chosen = new Set(
    selectDcqlCredentials(request.dcql, sets.ok ? sets.value : undefined, (queryId) =>
      all.some((match) => match.need.queryId === queryId && match.candidates.length > 0),
    ),
  );
  // Optional sets the wallet can answer are offered too, for the citizen to add (off by default):
  // the first answerable option of each, unless a required set already asks for its queries.
  const offered = new Set<string>();
  if (sets.ok) {
    for (const set of sets.value ?? []) {
      if (set.required) continue;
      const option = set.options.find((ids) =>
        ids.every((id) =>
          all.some((match) => match.need.queryId === id && match.candidates.length > 0),
        ),
      );
      for (const id of option ?? []) if (!chosen.has(id)) offered.add(id);
    }
  }
  const matches: NeedMatch[] = all.flatMap((match) => {
    if (chosen.has(match.need.queryId)) return [match];
    return offered.has(match.need.queryId) ? [{ ...match, optional: true as const }] : [];
  });
  return {
    ok: true,
    value: {
      request,
      matches,
      seenBefore: await hasPresentedTo(wallet, verifierIdOf(request)),
      standing: await standingFor(wallet, request, {
        crypto: deps.crypto,
        now,
        buildAuthorities: deps.verifierAuthorities ?? [],
      }),
    },
  };
}

/** One credential query answered; a query the wallet holds nothing for may be left out. */
export interface Choice {
  readonly queryId: string;
  readonly credentialId: string;
  /** Claims to disclose: every required claim of the query plus the optional ones left switched on. */
  readonly disclose: readonly string[];
}

export type AnswerProblem =
  | 'incomplete'
  | 'not-requested'
  | 'unknown-credential'
  | 'presentation-failed'
  /** Every copy of a chosen credential was shown to other verifiers (copies.ts): get new copies. */
  | 'no-copy-left';

/**
 * The copy of `credential` this request would be shown under `policy` (copies.ts pickCopy), for
 * the consent screen: `no-copy-left` when none may be shown to this verifier.
 */
export function copyForRequest(
  request: PresentationRequest,
  credential: StoredCredential,
  policy: CopyPolicy = DEFAULT_COPY_POLICY,
): ReturnType<typeof pickCopy> {
  return pickCopy(credential, verifierIdOf(request), policy);
}

export type AnswerResult =
  | {
      ok: true;
      value: {
        /** The response as UTF-8 JSON (for the QR code, the text form or the fragment). */
        response: Uint8Array;
        /** The same response, for sendPresentationAnswer (direct_post, direct_post.jwt). */
        presentationResponse: PresentationResponse;
        entry: HistoryEntry;
      };
    }
  | { ok: false; reason: AnswerProblem; detail: string };

export async function answerPresentationRequest(
  wallet: HolderWallet,
  read: ReadRequest,
  choices: readonly Choice[],
  deps: {
    now: Date;
    randomBytes: (n: number) => Uint8Array;
    /** Which copy of a batch is shown (copies.ts); default one-per-verifier. */
    copyPolicy?: CopyPolicy;
  },
  /** Facts the citizen declares with the answer (the request's `declare` list); sent as declared, not verified. */
  declared: Readonly<Record<string, string | number | boolean>> = {},
): Promise<AnswerResult> {
  const asked = new Set(read.request.declare ?? []);
  const notAsked = Object.keys(declared).filter((name) => !asked.has(name));
  // Never more than asked, for declared facts too.
  if (notAsked.length > 0)
    return { ok: false, reason: 'not-requested', detail: notAsked.join(', ') };
  const vpToken: Record<string, string[]> = {};
  const items: HistoryEntry['items'] = [];
  const verifierId = verifierIdOf(read.request);
  // Batch credentials whose shown copy is marked used: written with the history entry.
  const used = new Map<string, StoredCredential>();
  for (const { need, candidates, optional } of read.matches) {
    const choice = choices.find((c) => c.queryId === need.queryId);
    // An optional credential the citizen did not add is not part of the answer.
    if (!choice && optional) continue;
    // An incomplete application: the citizen holds nothing for this query and chose to share the
    // rest anyway (the consent screen warned and asked to confirm). The verifier sees it missing.
    if (!choice && candidates.length === 0) continue;
    if (!choice)
      return {
        ok: false,
        reason: 'incomplete',
        detail: `no credential chosen for ${need.queryId}`,
      };
    const missing = need.required.filter((claim) => !choice.disclose.includes(claim));
    if (missing.length > 0)
      return {
        ok: false,
        reason: 'incomplete',
        detail: `required claims off: ${missing.join(', ')}`,
      };
    const extra = choice.disclose.filter(
      (claim) => !need.required.includes(claim) && !need.optional.includes(claim),
    );
    // Never more than asked: a claim the verifier did not request is not disclosed.
    if (extra.length > 0) return { ok: false, reason: 'not-requested', detail: extra.join(', ') };
    const held =
      used.get(choice.credentialId) ?? (await readCredential(wallet, choice.credentialId));
    if (!held) return { ok: false, reason: 'unknown-credential', detail: choice.credentialId };
    // Never a copy another verifier saw; with none left, nothing is sent (the wallet offers more).
    const picked = pickCopy(held, verifierId, deps.copyPolicy);
    if (!picked.ok) return { ok: false, reason: 'no-copy-left', detail: held.id };
    const credential = asCopy(held, picked.value.index);
    if (hasCopies(held)) {
      used.set(
        held.id,
        markCopyUsed(held, { index: picked.value.index, verifierId, at: deps.now }),
      );
    }

    const w3c = formatOf(credential) === 'jwt_vc_json';
    const presentation = w3c
      ? await presentVcJwt(wallet, credential, {
          audience: audienceOf(read.request),
          nonce: read.request.nonce,
          issuedAt: deps.now,
          randomBytes: deps.randomBytes,
        })
      : await presentSdJwtVc(wallet, credential, {
          disclose: choice.disclose,
          audience: audienceOf(read.request),
          nonce: read.request.nonce,
          issuedAt: deps.now,
        });
    if (!presentation.ok)
      return { ok: false, reason: 'presentation-failed', detail: presentation.detail };
    vpToken[need.queryId] = [presentation.value];
    items.push({
      credentialId: credential.id,
      typeId: credential.typeId,
      issuerName: credential.issuerName,
      // A W3C credential is shown whole: every field is recorded as shown.
      claims: w3c ? Object.keys(credential.claims) : [...choice.disclose],
    });
  }
  // A response carries at least one presentation (response.ts): with none, there is no answer.
  if (items.length === 0) return { ok: false, reason: 'incomplete', detail: 'nothing to share' };
  const presentationResponse: PresentationResponse = {
    vpToken,
    ...(read.request.state ? { state: read.request.state } : {}),
    ...(Object.keys(declared).length > 0 ? { declared: { ...declared } } : {}),
  };
  const response = encodePresentationResponse(presentationResponse);
  const entry = await recordPresentation(
    wallet,
    {
      at: deps.now.toISOString(),
      verifierId,
      verifierName: verifierLabel(read.request),
      purpose: read.request.purpose ?? '',
      items,
      ...(Object.keys(declared).length > 0 ? { declared: Object.keys(declared) } : {}),
    },
    deps.randomBytes,
    [...used.values()].map((credential) => ({
      id: `${CREDENTIAL_PREFIX}${credential.id}`,
      value: credential,
    })),
  );
  return { ok: true, value: { response, presentationResponse, entry } };
}

type Presented = { ok: true; value: string } | { ok: false; detail: string };

/** An SD-JWT VC with the chosen disclosures and a key binding JWT by its child key. */
async function presentSdJwtVc(
  wallet: HolderWallet,
  credential: StoredCredential,
  opts: { disclose: readonly string[]; audience: string; nonce: string; issuedAt: Date },
): Promise<Presented> {
  const path = credentialPath(credential.relationshipIndex, credential.childIndex);
  const presentation = await wallet.vault.withSecret((secret) =>
    withPrivateKey(seedOf(secret), path, async (privateKey) => {
      const signer = es256kSigner(privateKey);
      try {
        return await createPresentation({
          credential: credential.compact,
          disclose: opts.disclose,
          audience: opts.audience,
          nonce: opts.nonce,
          issuedAt: opts.issuedAt,
          holder: { alg: 'ES256K', sign: signer },
        });
      } finally {
        signer.wipe();
      }
    }),
  );
  return presentation.ok
    ? { ok: true, value: presentation.value }
    : { ok: false, detail: presentation.detail.message };
}

/**
 * A W3C VC-JWT, whole, in a VP-JWT signed by its child key (`iss` = that key's did:key, which is
 * the VC's `sub`). src/core/w3c is loaded only now.
 */
async function presentVcJwt(
  wallet: HolderWallet,
  credential: StoredCredential,
  opts: {
    audience: string;
    nonce: string;
    issuedAt: Date;
    randomBytes: (n: number) => Uint8Array;
  },
): Promise<Presented> {
  const { createVpJwt } = await import('../w3c/index.ts');
  const path = credentialPath(credential.relationshipIndex, credential.childIndex);
  try {
    const vp = await wallet.vault.withSecret((secret) => {
      const seed = seedOf(secret);
      const did = describeKey(seed, path).did;
      return withPrivateKey(seed, path, async (privateKey) => {
        const signer = es256kSigner(privateKey);
        try {
          return await createVpJwt({
            holder: { did, alg: 'ES256K', sign: signer },
            credential: credential.compact,
            audience: opts.audience,
            nonce: opts.nonce,
            issuedAt: opts.issuedAt,
            randomBytes: opts.randomBytes,
          });
        } finally {
          signer.wipe();
        }
      });
    });
    return { ok: true, value: vp };
  } catch (error) {
    // createVpJwt throws only on bad input (an empty audience or nonce); say which, no stack.
    return { ok: false, detail: error instanceof Error ? error.message : 'the VP-JWT failed' };
  }
}

/**
 * Sends an answer to a `direct_post` or `direct_post.jwt` request: POSTs it (encrypted to the
 * verifier's key for direct_post.jwt) to `response_uri` with the injected fetch. On success the
 * wallet follows `redirectUri` when there is one. Other response modes are answered by QR code
 * (`vouch_qr`) or by redirect (`fragment`) and say `not-direct-post`.
 */
export function sendPresentationAnswer(
  request: PresentationRequest,
  response: PresentationResponse,
  deps: Parameters<typeof submitPresentationResponse>[2],
): ReturnType<typeof submitPresentationResponse> {
  return submitPresentationResponse(request, response, deps);
}
