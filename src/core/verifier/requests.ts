import { z } from 'zod';
import { bytesToHex, encodeBase64Url } from '../encoding/index.ts';
import type { JwsCrypto } from '../jose/index.ts';
import { dcqlForClaims } from '../protocol/dcql.ts';
import {
  createPresentationRequest,
  REQUEST_RULE_IDS,
  type PurposeLocale,
} from '../protocol/request.ts';
import type { RuleId } from '../rules/index.ts';
import { withVerifierSigner, type VerifierDesk } from './desk.ts';
import type { RequestNeeds } from './templates.ts';

/**
 * Pending requests and used nonces. A request's nonce (32 random bytes, base64url: 256 bits) is
 * single use: the first response that carries it spends it, valid or not, and a later response
 * with the same nonce is a replay.
 */
export const PENDING_PREFIX = 'pending:';
export const USED_NONCES_ID = 'used-nonces';
export const NONCE_BYTES = 32;
/** How long a request is valid for the wallet (its `exp`). */
export const REQUEST_LIFETIME_SECONDS = 600;
/** Pending requests nobody answered are dropped after a day. */
export const PENDING_KEEP_SECONDS = 86_400;
/** Used nonces are remembered for 30 days (far beyond any KB-JWT freshness window). */
export const USED_NONCE_KEEP_SECONDS = 30 * 86_400;
export const MAX_USED_NONCES = 10_000;

const pendingSchema = z.object({
  id: z.string(),
  nonce: z.string(),
  queryId: z.string(),
  typeId: z.enum(['income-statement', 'medical-attestation', 'diploma', 'household']),
  vct: z.string(),
  required: z.array(z.string()),
  optional: z.array(z.string()),
  purpose: z.string(),
  /** The rule the request named (`vouch.rule`): the desk runs it on a valid answer. */
  rule: z.enum(REQUEST_RULE_IDS).optional(),
  /** The facts the request asked the citizen to declare (`vouch.declare`). */
  declare: z.array(z.string()).optional(),
  /** The month (`YYYY-MM`) the request is about: the period of a monthly rule. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type PendingRequest = z.infer<typeof pendingSchema>;

const usedNoncesSchema = z.object({
  entries: z.array(z.object({ nonce: z.string(), usedAt: z.string() })),
});
type UsedNonces = z.infer<typeof usedNoncesSchema>;

export interface CreatedRequest {
  readonly pending: PendingRequest;
  /** The signed request for the QR code: response_mode direct_post (the answer comes back as a QR). */
  readonly forQr: string;
  /** The same request for a link on this device: response_mode fragment back to `responseUri`. */
  readonly forLink?: string;
}

export function newNonce(randomBytes: (n: number) => Uint8Array): string {
  return encodeBase64Url(randomBytes(NONCE_BYTES));
}

export async function createRequest(
  desk: VerifierDesk,
  deps: { jws: JwsCrypto; randomBytes: (n: number) => Uint8Array },
  options: {
    needs: RequestNeeds;
    /** One text, or the same purpose per language (the wallet shows the citizen's language). */
    purpose: string | Partial<Record<PurposeLocale, string>>;
    /** Which language the desk keeps with the pending request (default: en, else nl, else fr). */
    deskLanguage?: PurposeLocale;
    now: Date;
    responseUri?: string;
    /** The rule module to run on a valid answer; sent as `vouch.rule`. */
    rule?: RuleId;
    /** Facts the citizen is asked to declare; sent as `vouch.declare`. */
    declare?: readonly string[];
    /** The month (`YYYY-MM`) asked about, kept with the pending request (a monthly rule's period). */
    month?: string;
  },
): Promise<CreatedRequest> {
  const { needs, now, rule, declare, month } = options;
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new TypeError(`createRequest: "month" expected YYYY-MM, got ${JSON.stringify(month)}`);
  }
  const purpose =
    typeof options.purpose === 'string'
      ? options.purpose.trim()
      : Object.fromEntries(
          Object.entries(options.purpose)
            .map(([locale, text]) => [locale, (text ?? '').trim()])
            .filter(([, text]) => text !== ''),
        );
  const shown =
    typeof purpose === 'string'
      ? purpose
      : (purpose[options.deskLanguage ?? 'en'] ?? purpose.en ?? purpose.nl ?? purpose.fr ?? '');
  if (!shown) throw new TypeError('createRequest: "purpose" must not be empty');
  const nonce = newNonce(deps.randomBytes);
  const queryId = needs.typeId;
  // A request about one month asks for that month's statement only (DCQL `values`), so the wallet
  // offers just the statement that answers it.
  const monthFilter =
    month !== undefined && needs.required.includes('period') ? { values: { period: [month] } } : {};
  const dcql = dcqlForClaims({
    id: queryId,
    vct: needs.vct,
    required: needs.required,
    optional: needs.optional,
    ...monthFilter,
  });
  const common = {
    verifierName: desk.profile.name,
    purpose,
    dcql,
    nonce,
    now,
    lifetimeSeconds: REQUEST_LIFETIME_SECONDS,
    ...(rule === undefined ? {} : { rule }),
    ...(declare === undefined ? {} : { declare }),
  };
  const [forQr, forLink] = await withVerifierSigner(desk, deps, async (verifier) => [
    await createPresentationRequest({ ...common, verifier, responseMode: 'direct_post' }),
    options.responseUri === undefined
      ? undefined
      : await createPresentationRequest({
          ...common,
          verifier,
          responseMode: 'fragment',
          responseUri: options.responseUri,
        }),
  ]);
  const pending: PendingRequest = {
    id: bytesToHex(deps.randomBytes(8)),
    nonce,
    queryId,
    typeId: needs.typeId,
    vct: needs.vct,
    required: [...needs.required],
    optional: [...needs.optional],
    purpose: shown,
    ...(rule === undefined ? {} : { rule }),
    ...(declare === undefined ? {} : { declare: [...declare] }),
    ...(month === undefined ? {} : { month }),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + REQUEST_LIFETIME_SECONDS * 1000).toISOString(),
  };
  const stale = (await listPendingRequests(desk)).filter(
    (old) => now.getTime() - Date.parse(old.createdAt) > PENDING_KEEP_SECONDS * 1000,
  );
  await desk.vault.writeRecords([
    ...stale.map((old) => ({ delete: `${PENDING_PREFIX}${old.id}` })),
    { id: `${PENDING_PREFIX}${pending.id}`, value: pending },
  ]);
  return { pending, forQr, ...(forLink === undefined ? {} : { forLink }) };
}

/** Newest first. Unreadable records are skipped (they can only be foreign or damaged data). */
export async function listPendingRequests(desk: VerifierDesk): Promise<PendingRequest[]> {
  const ids = await desk.vault.listRecordIds(PENDING_PREFIX);
  const found: PendingRequest[] = [];
  for (const id of ids) {
    const read = await desk.vault.readRecord(id, pendingSchema);
    if (read.ok && read.value) found.push(read.value);
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

async function readUsedNonces(desk: VerifierDesk): Promise<UsedNonces> {
  const read = await desk.vault.readRecord(USED_NONCES_ID, usedNoncesSchema);
  return read.ok && read.value ? read.value : { entries: [] };
}

export type NonceState =
  | { readonly state: 'pending'; readonly request: PendingRequest }
  | { readonly state: 'used'; readonly usedAt: string }
  | { readonly state: 'unknown' };

/** Which of our requests a response answers, by the nonce in its key binding JWT. */
export async function findNonce(desk: VerifierDesk, nonce: string): Promise<NonceState> {
  const used = (await readUsedNonces(desk)).entries.find((entry) => entry.nonce === nonce);
  if (used) return { state: 'used', usedAt: used.usedAt };
  const request = (await listPendingRequests(desk)).find((p) => p.nonce === nonce);
  return request ? { state: 'pending', request } : { state: 'unknown' };
}

/**
 * Spend a nonce: it joins the used list and its pending request is removed, in one transaction.
 * Spending an already used nonce changes nothing.
 */
export async function markNonceUsed(
  desk: VerifierDesk,
  options: { nonce: string; now: Date },
): Promise<void> {
  const { nonce, now } = options;
  const used = await readUsedNonces(desk);
  if (used.entries.some((entry) => entry.nonce === nonce)) return;
  const keepFrom = now.getTime() - USED_NONCE_KEEP_SECONDS * 1000;
  const entries = [
    ...used.entries.filter((entry) => Date.parse(entry.usedAt) >= keepFrom),
    { nonce, usedAt: now.toISOString() },
  ].slice(-MAX_USED_NONCES);
  const spent = (await listPendingRequests(desk)).filter((p) => p.nonce === nonce);
  await desk.vault.writeRecords([
    ...spent.map((p) => ({ delete: `${PENDING_PREFIX}${p.id}` })),
    { id: USED_NONCES_ID, value: { entries } },
  ]);
}

/** Forget a request the clerk no longer waits for ("new request"). */
export async function cancelPendingRequest(desk: VerifierDesk, id: string): Promise<void> {
  await desk.vault.writeRecords([{ delete: `${PENDING_PREFIX}${id}` }]);
}
