import { z } from 'zod';
import { bytesToHex } from '../encoding/index.ts';
import { decodeCompactJws, type JwsCrypto } from '../jose/index.ts';
import { failed, failedWith, ok, type Result } from '../result.ts';
import { verifyStatusListJwt, type StatusListProblem } from '../status-list/index.ts';
import type { VerifierDesk } from './desk.ts';
import { presentationStatusUri } from './presentation-peek.ts';

/**
 * The desk's copies of issuers' status lists, one per URI, each with the moment it was fetched or
 * imported: verification works offline from these, and says how old they are. Two kinds:
 * an IETF Token Status List (`statuslist+jwt`, for SD-JWT VCs) and a W3C
 * BitstringStatusListCredential VC-JWT (for W3C VC-JWTs, docs/w3c-vc.md "Status"; its code is
 * loaded with `import()` only when such a list arrives). verifyPresentation gets either by URI.
 */
export const STATUS_PREFIX = 'status:';
export const POLICY_ID = 'policy';

const cachedSchema = z.object({
  id: z.string(),
  uri: z.string(),
  issuer: z.string(),
  jwt: z.string(),
  /** When the desk got this copy (fetched or imported). */
  fetchedAt: z.string(),
  /** The list's own iat (a W3C list credential: its iat, else nbf / validFrom), as an ISO date-time. */
  issuedAt: z.string(),
  source: z.enum(['import', 'fetch']),
  /** Which kind of list (absent in copies kept before issue 10: those are statuslist+jwt). */
  kind: z.enum(['statuslist+jwt', 'bitstring']).optional(),
});
export type CachedStatusList = z.infer<typeof cachedSchema>;

export const policySchema = z.object({
  /** What a stale or unreachable status list means for the verdict. */
  whenUnavailable: z.enum(['reject', 'warn']),
  /** A cached list older than this is stale. */
  maxAgeSeconds: z
    .number()
    .int()
    .positive()
    .max(366 * 86_400),
});
export type VerifierPolicy = z.infer<typeof policySchema>;
export const DEFAULT_POLICY: VerifierPolicy = { whenUnavailable: 'reject', maxAgeSeconds: 86_400 };

export async function readPolicy(desk: VerifierDesk): Promise<VerifierPolicy> {
  const read = await desk.vault.readRecord(POLICY_ID, policySchema);
  return read.ok && read.value ? read.value : DEFAULT_POLICY;
}

export async function savePolicy(
  desk: VerifierDesk,
  policy: VerifierPolicy,
): Promise<Result<VerifierPolicy, 'invalid-policy'>> {
  const parsed = policySchema.safeParse(policy);
  if (!parsed.success) return failed('invalid-policy');
  await desk.vault.writeRecords([{ id: POLICY_ID, value: parsed.data }]);
  return ok(parsed.data);
}

export async function listCachedStatusLists(desk: VerifierDesk): Promise<CachedStatusList[]> {
  const ids = await desk.vault.listRecordIds(STATUS_PREFIX);
  const lists: CachedStatusList[] = [];
  for (const id of ids) {
    const read = await desk.vault.readRecord(id, cachedSchema);
    if (read.ok && read.value) lists.push(read.value);
  }
  return lists.sort((a, b) => a.uri.localeCompare(b.uri));
}

export type StatusImportProblem = StatusListProblem | 'older-than-cached';

/** What the desk needs of a verified list of either kind. */
interface VerifiedList {
  readonly kind: NonNullable<CachedStatusList['kind']>;
  readonly uri: string;
  readonly issuer: string;
  /** Seconds. */
  readonly iat: number;
}

/** A W3C BitstringStatusListCredential is a VC-JWT (a JWS whose payload has `vc`). */
function isBitstringListCredential(jwt: string): boolean {
  const decoded = decodeCompactJws(jwt);
  if (!decoded.ok) return false;
  const vc = decoded.value.payload.vc;
  return typeof vc === 'object' && vc !== null && decoded.value.header.typ !== 'statuslist+jwt';
}

async function verifyEitherList(
  jwt: string,
  options: { jws: JwsCrypto; now: Date; expectedUri?: string },
): Promise<Result<VerifiedList, StatusListProblem, { message: string }>> {
  const { jws, now, expectedUri } = options;
  if (isBitstringListCredential(jwt)) {
    // did-jwt-vc and the DID resolver: loaded only now (never on the desk's first screen).
    const w3c = await import('../w3c/index.ts');
    const verified = await w3c.verifyBitstringStatusListCredential(jwt, {
      now,
      resolver: w3c.createDidResolver(),
      ...(expectedUri === undefined ? {} : { expectedUrl: expectedUri }),
    });
    if (!verified.ok) return verified;
    const { url, issuer, iat } = verified.value;
    if (url === '') {
      return failedWith('missing-claim', {
        message: 'the status list credential does not say its address (jti or id)',
      });
    }
    return ok({ kind: 'bitstring', uri: url, issuer, iat });
  }
  const verified = await verifyStatusListJwt(jwt, {
    crypto: jws,
    now,
    ...(expectedUri === undefined ? {} : { expectedUri }),
  });
  if (!verified.ok) return verified;
  const { uri, issuer, iat } = verified.value;
  return ok({ kind: 'statuslist+jwt', uri, issuer, iat });
}

/**
 * Check a status list and keep it under its URI, replacing an older copy: a statuslist+jwt
 * (signature by its issuer's did:key, typ, time; URI = `sub`) or a BitstringStatusListCredential
 * VC-JWT (signature by its issuer's DID, validity; URI = its `jti` / `id`). `expectedUri` is set
 * when it was fetched from that address.
 */
export async function storeStatusList(
  desk: VerifierDesk,
  deps: { jws: JwsCrypto; randomBytes: (n: number) => Uint8Array },
  options: { jwt: string; now: Date; source: 'import' | 'fetch'; expectedUri?: string },
): Promise<Result<CachedStatusList, StatusImportProblem, { message: string }>> {
  const jwt = options.jwt.trim();
  const verified = await verifyEitherList(jwt, {
    jws: deps.jws,
    now: options.now,
    ...(options.expectedUri === undefined ? {} : { expectedUri: options.expectedUri }),
  });
  if (!verified.ok) return verified;
  const { kind, uri, issuer, iat } = verified.value;
  const cached = (await listCachedStatusLists(desk)).filter((list) => list.uri === uri);
  if (cached.some((list) => Date.parse(list.issuedAt) > iat * 1000)) {
    return failedWith('older-than-cached', {
      message: 'the desk already holds a newer edition of this status list',
    });
  }
  const record: CachedStatusList = {
    id: bytesToHex(deps.randomBytes(8)),
    uri,
    issuer,
    jwt,
    fetchedAt: options.now.toISOString(),
    issuedAt: new Date(iat * 1000).toISOString(),
    source: options.source,
    kind,
  };
  await desk.vault.writeRecords([
    ...cached.map((old) => ({ delete: `${STATUS_PREFIX}${old.id}` })),
    { id: `${STATUS_PREFIX}${record.id}`, value: record },
  ]);
  return ok(record);
}

export type StatusFetchProblem = StatusImportProblem | 'unreachable';

/** Fetch the list at `uri` through the caller's `fetchText` (the network is the caller's, on demand). */
export async function fetchStatusList(
  desk: VerifierDesk,
  deps: {
    jws: JwsCrypto;
    randomBytes: (n: number) => Uint8Array;
    fetchText: (uri: string) => Promise<string>;
  },
  options: { uri: string; now: Date },
): Promise<Result<CachedStatusList, StatusFetchProblem, { message: string }>> {
  let jwt: string;
  try {
    jwt = await deps.fetchText(options.uri);
  } catch (error) {
    return failedWith('unreachable', {
      message: `could not fetch ${options.uri}: ${error instanceof Error ? error.message : 'network error'}`,
    });
  }
  return storeStatusList(desk, deps, {
    jwt,
    now: options.now,
    source: 'fetch',
    expectedUri: options.uri,
  });
}

export async function removeStatusList(desk: VerifierDesk, id: string): Promise<void> {
  await desk.vault.writeRecords([{ delete: `${STATUS_PREFIX}${id}` }]);
}

/** Age of a cached copy in whole seconds (never negative), and whether the policy calls it stale. */
export function statusAge(
  list: Pick<CachedStatusList, 'fetchedAt'>,
  options: { now: Date; policy: VerifierPolicy },
): { ageSeconds: number; stale: boolean } {
  const ageSeconds = Math.max(
    0,
    Math.floor((options.now.getTime() - Date.parse(list.fetchedAt)) / 1000),
  );
  return { ageSeconds, stale: ageSeconds > options.policy.maxAgeSeconds };
}

/** The lookup verifyPresentation takes: URI → the cached JWT and when it was fetched. */
export function statusLookup(
  lists: readonly CachedStatusList[],
): (uri: string) => { jwt: string; fetchedAt: Date } | undefined {
  const byUri = new Map(lists.map((list) => [list.uri, list]));
  return (uri) => {
    const list = byUri.get(uri);
    return list ? { jwt: list.jwt, fetchedAt: new Date(list.fetchedAt) } : undefined;
  };
}

/**
 * The status list URI a presentation's credential points to, read without verifying: only to offer
 * "fetch status lists" (an SD-JWT VC's `status.status_list.uri`, a VP-JWT credential's
 * BitstringStatusListEntry `statusListCredential`: presentation-peek.ts).
 */
export const statusUriOf = presentationStatusUri;
