import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { bytesToHex, utf8ToBytes } from '../encoding/index.ts';
import type { CredentialTypeId } from '../credentials/index.ts';
import type { HolderWallet } from './holder-wallet.ts';

/**
 * The wallet's credentials, one encrypted record each (`credential:<id>`). The record keeps the
 * credential exactly as received (every signed byte, for presentation later) next to what the
 * views need: the type, the issuer, the claims, dates and the last status check.
 *
 * Two formats (docs/w3c-vc.md §Wallet): an SD-JWT VC in issuance form (`dc+sd-jwt`, the default:
 * records written before issue 10 have no `format` and are SD-JWT VCs), or a W3C VC-JWT
 * (`jwt_vc_json`: `compact` is the JWT, `claims` its credentialSubject without `id`, `types` its
 * `type` array, `vct` the Vouch type's vct it maps to).
 */
export const CREDENTIAL_PREFIX = 'credential:';

export const CREDENTIAL_FORMATS = ['dc+sd-jwt', 'jwt_vc_json'] as const;
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

/** What a status list said about a credential, at the last check that succeeded. */
export type StatusState = 'valid' | 'revoked' | 'suspended';

/**
 * The last check that succeeded: the list was fetched (or opened), signed by the issuer, and read.
 * `unknown` is only found in records written before issue 11, when a failed check was recorded
 * here too; it is read as a failure (see statusOf), and never written any more.
 */
const statusCheckSchema = z.object({
  checkedAt: z.string(),
  state: z.enum(['valid', 'revoked', 'suspended', 'unknown']),
  listIssuedAt: z.string().optional(),
  problem: z.string().optional(),
});
export type StatusCheck = z.infer<typeof statusCheckSchema>;

/** Why a check failed: no answer, an address this wallet may not contact, or a list that failed its checks. */
export const STATUS_FAILURES = ['unreachable', 'not-allowed', 'invalid-list'] as const;
export type StatusFailureReason = (typeof STATUS_FAILURES)[number];

/** The last check that failed. It never changes `statusCheck` ("Last checked" moves only on success). */
const statusFailureSchema = z.object({
  at: z.string(),
  reason: z.enum(STATUS_FAILURES),
  detail: z.string().max(200),
});
export type StatusFailure = z.infer<typeof statusFailureSchema>;

const statusEntrySchema = z.object({ idx: z.number().int().min(0), uri: z.string() });

/**
 * One copy of a batch-issued credential (docs/credentials.md §Copies): the same claims, its own
 * child key, salts and status index. `usedWith` is the verifier it was shown to (the request's
 * client_id / audience): a copy is shown to at most one verifier (copies.ts).
 */
export const storedCopySchema = z.object({
  compact: z.string().min(1),
  childIndex: z.number().int().min(0),
  status: statusEntrySchema.optional(),
  usedWith: z.string().max(2048).optional(),
  usedAt: z.string().optional(),
});
export type StoredCopy = z.infer<typeof storedCopySchema>;

/** At most this many copies are kept in one record (the issuer's policy allows 1…50 a batch). */
export const MAX_STORED_COPIES = 200;

/**
 * How to get more copies: `offline` through the connect relationship (a signed copies-request to
 * the issuer desk, docs/protocol.md §Copies request), or `openid4vci` (refresh_token grant at the
 * issuer's token endpoint, then a batch credential request; docs/openid4vci.md).
 */
export const refreshSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offline') }),
  z.object({
    kind: z.literal('openid4vci'),
    credentialIssuer: z.string(),
    configurationId: z.string(),
    refreshToken: z.string(),
  }),
]);
export type CopyRefresh = z.infer<typeof refreshSchema>;

/** A credential record as stored (checked when read back). */
export const storedCredentialSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  /** Absent on records written before W3C VCs: those are SD-JWT VCs. */
  format: z.enum(CREDENTIAL_FORMATS).optional(),
  compact: z.string().min(1),
  /** A W3C VC's `type` array (jwt_vc_json only), for DCQL `meta.type_values`. */
  types: z.array(z.string()).max(16).optional(),
  typeId: z.enum(['income-statement', 'medical-attestation', 'diploma', 'household']),
  vct: z.string(),
  issuer: z.string(),
  issuerName: z.string(),
  relationshipIndex: z.number().int().min(0),
  childIndex: z.number().int().min(0),
  claims: z.record(z.string(), z.unknown()),
  /** The credential's `iat`; absent when the issuer left it out (SD-JWT VC §3.2.2.2 allows it). */
  issuedAt: z.string().optional(),
  expiresAt: z.string().optional(),
  receivedAt: z.string(),
  status: statusEntrySchema.optional(),
  statusCheck: statusCheckSchema.optional(),
  statusFailure: statusFailureSchema.optional(),
  /**
   * Every copy of a batch-issued credential, the first one included (it is also `compact`,
   * `childIndex` and `status` above, so readers that ignore copies keep working). Absent: the
   * credential came as one copy (before issue 13, a v1 offer, a W3C VC-JWT).
   */
  copies: z.array(storedCopySchema).min(1).max(MAX_STORED_COPIES).optional(),
  /** How to ask the issuer for more copies; absent: the wallet does not know a way. */
  refresh: refreshSchema.optional(),
});
export type StoredCredential = z.infer<typeof storedCredentialSchema> & {
  typeId: CredentialTypeId;
};

/** The format of a stored credential: a record without one is an SD-JWT VC. */
export function formatOf(credential: Pick<StoredCredential, 'format'>): CredentialFormat {
  return credential.format ?? 'dc+sd-jwt';
}

/** The id is derived from the credential itself, so receiving the same one twice is detected. */
export function credentialIdFor(compact: string): string {
  return bytesToHex(sha256(utf8ToBytes(compact))).slice(0, 32);
}

/**
 * Every credential in full (with its signed compact form), newest first: read in getAll batches,
 * each batch decrypted in parallel. For what needs the signed bytes of many (choosing what to
 * present); a list of cards reads the summaries instead (listCredentialSummaries).
 */
export async function listCredentials(wallet: HolderWallet): Promise<StoredCredential[]> {
  const credentials: StoredCredential[] = [];
  for await (const batch of wallet.vault.readRecordBatches(
    CREDENTIAL_PREFIX,
    storedCredentialSchema,
  )) {
    for (const { read } of batch) if (read.ok) credentials.push(read.value as StoredCredential);
  }
  const when = (c: StoredCredential) => c.issuedAt ?? c.receivedAt;
  return credentials.sort((a, b) => compareCodeUnits(when(b), when(a)));
}

export async function readCredential(
  wallet: HolderWallet,
  id: string,
): Promise<StoredCredential | undefined> {
  const read = await wallet.vault.readRecord(`${CREDENTIAL_PREFIX}${id}`, storedCredentialSchema);
  return read.ok ? read.value : undefined;
}

export async function hasCredential(wallet: HolderWallet, id: string): Promise<boolean> {
  return (await wallet.vault.listRecordIds(`${CREDENTIAL_PREFIX}${id}`)).length > 0;
}

export async function saveCredential(
  wallet: HolderWallet,
  credential: StoredCredential,
): Promise<void> {
  await wallet.vault.writeRecords([
    { id: `${CREDENTIAL_PREFIX}${credential.id}`, value: credential },
  ]);
}

export async function deleteCredential(wallet: HolderWallet, id: string): Promise<void> {
  await wallet.vault.writeRecords([{ delete: `${CREDENTIAL_PREFIX}${id}` }]);
}

/**
 * Where a credential's status stands, in the words a card uses: no status entry (it cannot be
 * revoked); not checked yet; or the last successful check. A failure is reported beside it only
 * when it is newer than that check (an older failure was superseded).
 */
export type StatusSummary =
  | { kind: 'none' }
  | { kind: 'not-checked'; failure?: StatusFailure }
  | {
      kind: 'checked';
      state: StatusState;
      checkedAt: string;
      listIssuedAt?: string;
      failure?: StatusFailure;
    };

export function statusOf(
  credential: Pick<StoredCredential, 'status' | 'statusCheck' | 'statusFailure'>,
): StatusSummary {
  if (!credential.status) return { kind: 'none' };
  const check = credential.statusCheck;
  // Before issue 11 a failed check was kept as the check itself, with state `unknown`.
  const legacyFailure: StatusFailure | undefined =
    check?.state === 'unknown'
      ? { at: check.checkedAt, reason: 'unreachable', detail: (check.problem ?? '').slice(0, 200) }
      : undefined;
  const failures = [credential.statusFailure, legacyFailure].filter(
    (failure): failure is StatusFailure => failure !== undefined,
  );
  const latestFailure = failures.sort((a, b) => b.at.localeCompare(a.at))[0];
  if (!check || check.state === 'unknown') {
    return latestFailure
      ? { kind: 'not-checked', failure: latestFailure }
      : { kind: 'not-checked' };
  }
  const newer =
    latestFailure && Date.parse(latestFailure.at) > Date.parse(check.checkedAt)
      ? latestFailure
      : undefined;
  return {
    kind: 'checked',
    state: check.state,
    checkedAt: check.checkedAt,
    ...(check.listIssuedAt === undefined ? {} : { listIssuedAt: check.listIssuedAt }),
    ...(newer === undefined ? {} : { failure: newer }),
  };
}

/**
 * What a card shows: expiry wins over everything, then the last successful status check.
 * `status-unknown`: the credential names a status list and no check of it has succeeded yet.
 */
export type CredentialState = 'valid' | 'expired' | 'revoked' | 'suspended' | 'status-unknown';

export function credentialState(
  credential: Pick<StoredCredential, 'expiresAt' | 'status' | 'statusCheck' | 'statusFailure'>,
  now: Date,
): CredentialState {
  if (credential.expiresAt && Date.parse(credential.expiresAt) <= now.getTime()) return 'expired';
  // statusOf's kinds, without building its failure (a failure never changes the state): this runs
  // for every credential whenever the rules are evaluated.
  if (!credential.status) return 'valid';
  const check = credential.statusCheck;
  return !check || check.state === 'unknown' ? 'status-unknown' : check.state;
}

/**
 * Order of ISO 8601 timestamps, months and hex ids: by UTF-16 code unit, as IndexedDB orders keys
 * (the same order as localeCompare for these ASCII strings, at a fraction of the cost).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The month a card belongs to (`YYYY-MM`): the month a monthly credential is about (its `period`
 * claim), else the month it was issued, else the month it was received.
 */
export function cardMonth(
  credential: Pick<StoredCredential, 'claims' | 'issuedAt' | 'receivedAt'>,
): string {
  const period = credential.claims.period;
  if (typeof period === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return period;
  return (credential.issuedAt ?? credential.receivedAt).slice(0, 7);
}

/**
 * The wallet's cards in order: by month, newest first; within a month, the most recently issued
 * (or received) first; ties by id, so the order never depends on how the vault listed them.
 */
export function orderByMonth<
  T extends Pick<StoredCredential, 'id' | 'claims' | 'issuedAt' | 'receivedAt'>,
>(credentials: readonly T[]): T[] {
  // Each key is worked out once (not at every comparison): 10,000 cards sort in a few ms.
  return credentials
    .map((credential) => ({
      credential,
      month: cardMonth(credential),
      when: credential.issuedAt ?? credential.receivedAt,
    }))
    .sort(
      (a, b) =>
        compareCodeUnits(b.month, a.month) ||
        compareCodeUnits(b.when, a.when) ||
        compareCodeUnits(a.credential.id, b.credential.id),
    )
    .map(({ credential }) => credential);
}
