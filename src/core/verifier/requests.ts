import { bytesToHex, encodeBase64Url } from '../encoding/index.ts';
import type { JwsCrypto } from '../jose/index.ts';
import { createPresentationRequest, type PurposeLocale } from '../protocol/request.ts';
import type { RuleId } from '../rules/index.ts';
import { readDeskRegistration, withVerifierSigner, type VerifierDesk } from './desk.ts';
import type { NonceState } from './nonce-store.ts';
import { MONTH_PATTERN, type PendingRequest } from './pending-request.ts';
import { dcqlForNeeds } from './request-query.ts';
import type { RequestNeeds } from './templates.ts';

/**
 * Requests the desk shows. A request's nonce (32 random bytes, base64url: 256 bits) is single use:
 * the desk's nonce store (nonce-store.ts) keeps it pending until the first answer that passes every
 * other check spends it, atomically; a later answer with the same nonce is a replay.
 */
export const NONCE_BYTES = 32;
/** How long a request is valid for the wallet (its `exp`). */
export const REQUEST_LIFETIME_SECONDS = 600;

export { PENDING_PREFIX, type PendingRequest } from './pending-request.ts';
export {
  MAX_USED_NONCES,
  PENDING_KEEP_SECONDS,
  USED_NONCE_KEEP_SECONDS,
  type NonceState,
} from './nonce-store.ts';
export { USED_NONCES_ID } from './nonce-store.vault.ts';

export interface CreatedRequest {
  readonly pending: PendingRequest;
  /** The signed request for the QR code: response_mode `vouch_qr` (the answer comes back as a QR). */
  readonly forQr: string;
  /** The same request for a link on this device: response_mode fragment back to `redirectUri`. */
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
    /** The desk page a same-device answer returns to (response_mode fragment, `redirect_uri`). */
    redirectUri?: string;
    /** @deprecated the old name of `redirectUri`. */
    responseUri?: string;
    /** The rule module to run on a valid answer; sent as `vouch.rule`. */
    rule?: RuleId;
    /** Facts the citizen is asked to declare; sent as `vouch.declare`. */
    declare?: readonly string[];
    /** The month (`YYYY-MM`) asked about, kept with the pending request (a monthly rule's period). */
    month?: string;
    /** `vouch.receipts`: the desk countersigns a receipt of every application it accepts. */
    receipts?: boolean;
  },
): Promise<CreatedRequest> {
  const { needs, now, rule, declare, month } = options;
  if (month !== undefined && !MONTH_PATTERN.test(month)) {
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
  // A diploma is asked for in either format (SD-JWT VC or W3C VC-JWT): request-query.ts.
  const { dcql, queries, optionalQueries } = dcqlForNeeds(needs, monthFilter);
  // The desk's registration certificate, while valid, goes in every request (OpenID4VP §5.1).
  const registration = await readDeskRegistration(desk, { jws: deps.jws, now });
  const common = {
    verifierName: desk.profile.name,
    ...(registration?.valid ? { verifierInfo: [{ format: 'jwt', data: registration.jwt }] } : {}),
    purpose,
    dcql,
    nonce,
    now,
    lifetimeSeconds: REQUEST_LIFETIME_SECONDS,
    ...(rule === undefined ? {} : { rule }),
    ...(declare === undefined ? {} : { declare }),
    // The month asked about, for the wallet: it answers the declared facts of that month.
    ...(month === undefined ? {} : { period: month }),
    ...(options.receipts === true ? { receipts: true } : {}),
  };
  const redirectUri = options.redirectUri ?? options.responseUri;
  const [forQr, forLink] = await withVerifierSigner(desk, deps, async (verifier) => [
    await createPresentationRequest({ ...common, verifier, responseMode: 'vouch_qr' }),
    redirectUri === undefined
      ? undefined
      : await createPresentationRequest({
          ...common,
          verifier,
          responseMode: 'fragment',
          redirectUri,
        }),
  ]);
  const pending: PendingRequest = {
    id: bytesToHex(deps.randomBytes(8)),
    nonce,
    queryId,
    ...(queries.length > 1 ? { queries: queries.map((query) => ({ ...query })) } : {}),
    typeId: needs.typeId,
    vct: needs.vct,
    required: [...needs.required],
    optional: [...needs.optional],
    ...(optionalQueries.length === 0
      ? {}
      : {
          optionalCredentials: optionalQueries.map((query) => ({
            id: query.id,
            typeId: query.typeId,
            vct: query.vct,
            required: [...query.required],
            optional: [...query.optional],
          })),
        }),
    purpose: shown,
    ...(rule === undefined ? {} : { rule }),
    ...(declare === undefined ? {} : { declare: [...declare] }),
    ...(month === undefined ? {} : { month }),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + REQUEST_LIFETIME_SECONDS * 1000).toISOString(),
  };
  await desk.nonces.issue(pending, now);
  return { pending, forQr, ...(forLink === undefined ? {} : { forLink }) };
}

/** The requests still waiting for an answer, newest first. */
export function listPendingRequests(desk: VerifierDesk): Promise<PendingRequest[]> {
  return desk.nonces.listPending();
}

/** Which of our requests a response answers, by the nonce in its key binding JWT (a read only). */
export function findNonce(desk: VerifierDesk, nonce: string): Promise<NonceState> {
  return desk.nonces.lookup(nonce);
}

/** Forget a request the clerk no longer waits for ("new request"). */
export function cancelPendingRequest(desk: VerifierDesk, id: string): Promise<void> {
  return desk.nonces.cancel(id);
}
