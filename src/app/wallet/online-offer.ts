/**
 * The wallet's side of an OpenID4VCI offer (issue 9, item 3), thin over core: after the citizen
 * chose "Contact", the offer, the issuer's metadata and its authorization server's are fetched
 * (resolveCredentialOffer); after "Accept", the pre-authorized code flow runs with key proofs from
 * fresh child keys of the issuer's relationship and the credential is checked and stored like an
 * offline one (receiveOpenid4vciCredential). Every request goes through the fetch gate, created
 * in the handler of the button that asked.
 *
 * The resolved offer holds the pre-authorized code, a bearer secret: it stays in this module (one
 * offer at a time), never in React state or the store; the screen holds only what it shows.
 */
import { credentialTypeByVct, credentialTypeByW3cTypes } from '../../core/credentials/index.ts';
import {
  copiesOf,
  offerIssuerName,
  readCredential,
  receiveOpenid4vciCredential,
  refreshCopies,
  storeOpenid4vciCredentials,
  type IssuerChange,
  type PendingOpenid4vciCredentials,
  type ReceiveOpenid4vciProblem,
} from '../../core/holder/index.ts';
import {
  resolveCredentialOffer,
  type ClientProblem,
  type ResolvedCredentialOffer,
  type TxCodeDescription,
} from '../../core/oid4vci/index.ts';
import { jwsCrypto } from '../composition.ts';
import type { Language, MessageKey } from '../i18n/index.ts';
import { createUserFetch, type GatedFetch } from '../shared/user-fetch.ts';
import { RECEIVE_MESSAGES, refreshCredentials, toView } from './credential-actions.ts';
import { gateMessage, type OnlineMessage } from './online-request.ts';
import { requestIssuanceReceipts } from './receipts-actions.ts';
import { getSession } from './session.ts';
import type { CredentialView } from './wallet-store.ts';

/** What the offer screen shows: public facts the issuer states about itself and the credential. */
export interface OfferSummary {
  /** The issuer's display name in the citizen's language (its own words), else its host. */
  issuerName: string;
  /** The host of the Credential Issuer Identifier, to check against expectations. */
  issuerHost: string;
  /** The credential's name: Vouch's own type name when the vct is known, else the issuer's display. */
  typeName: string;
  /** Present when the citizen must type a transaction code. */
  txCode?: { numeric: boolean; length?: number; description?: string };
  /** A W3C VC-JWT (jwt_vc_json): no selective disclosure, said before it is accepted. */
  w3c?: true;
}

const CLIENT_MESSAGES: Record<ClientProblem, MessageKey> = {
  offline: 'online.offline',
  'bad-offer': 'online.offer.badOffer',
  'bad-metadata': 'online.offer.badMetadata',
  unsupported: 'online.offer.unsupported',
  'tx-code-required': 'online.offer.txCodeRequired',
  'tx-code-wrong': 'online.offer.txCodeWrong',
  'offer-expired': 'online.offer.expired',
  'issuer-error': 'online.offer.issuerError',
  'bad-credential': 'online.offer.badCredential',
  'refresh-refused': 'online.copies.refused',
};

/** Problems after which the same offer may be tried again (the code was not spent). */
const RETRYABLE: readonly ReceiveOpenid4vciProblem[] = [
  'offline',
  'tx-code-wrong',
  'tx-code-required',
];

let current: { resolved: ResolvedCredentialOffer; pending?: PendingOpenid4vciCredentials } | null =
  null;

/** Forget the offer (declined, saved, or the screen left). */
export function forgetOnlineOffer(): void {
  current = null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 80);
  }
}

function messageFor(
  reason: ReceiveOpenid4vciProblem,
  gate: GatedFetch,
  host: string,
): OnlineMessage {
  const refused = gateMessage(gate);
  if (refused) return refused;
  const key =
    reason in CLIENT_MESSAGES
      ? CLIENT_MESSAGES[reason as ClientProblem]
      : RECEIVE_MESSAGES[reason as Exclude<ReceiveOpenid4vciProblem, ClientProblem>];
  return { key, params: { host } };
}

function txCodeOf(description: TxCodeDescription | undefined): OfferSummary['txCode'] {
  if (description === undefined) return undefined;
  return {
    numeric: (description.input_mode ?? 'numeric') === 'numeric',
    ...(description.length === undefined ? {} : { length: description.length }),
    ...(description.description === undefined
      ? {}
      : { description: description.description.slice(0, 300) }),
  };
}

/** The offer as the citizen sees it, in their language. */
export function summariseOffer(
  resolved: ResolvedCredentialOffer,
  language: Language,
): OfferSummary {
  const configuration = resolved.configurations[0]?.configuration;
  const w3cTypes = configuration?.credential_definition?.type;
  const known =
    configuration?.vct !== undefined
      ? credentialTypeByVct(configuration.vct)
      : w3cTypes !== undefined
        ? credentialTypeByW3cTypes(w3cTypes)
        : undefined;
  const display = configuration?.credential_metadata?.display ?? [];
  const displayName = (
    display.find((entry) => entry.locale?.toLowerCase().startsWith(language)) ?? display[0]
  )?.name;
  const txCode = txCodeOf(resolved.txCode);
  return {
    issuerName: offerIssuerName(resolved, language),
    issuerHost: hostOf(resolved.offer.credential_issuer),
    typeName: (known?.name[language] ?? displayName ?? resolved.configurations[0]?.id ?? '').slice(
      0,
      200,
    ),
    ...(txCode === undefined ? {} : { txCode }),
    ...(resolved.configurations[0]?.format === 'jwt_vc_json' ? { w3c: true as const } : {}),
  };
}

export type ResolveOutcome =
  { ok: true; summary: OfferSummary } | { ok: false; message: OnlineMessage };

/** Fetch what the offer link points at (on the citizen's "Contact"). */
export async function resolveOnlineOffer(
  uri: string,
  language: Language,
  host: string,
  gate: GatedFetch = createUserFetch(),
): Promise<ResolveOutcome> {
  current = null;
  try {
    const resolved = await resolveCredentialOffer(uri, { fetch: gate });
    if (!resolved.ok) return { ok: false, message: messageFor(resolved.reason, gate, host) };
    current = { resolved: resolved.value };
    return { ok: true, summary: summariseOffer(resolved.value, language) };
  } catch {
    return { ok: false, message: { key: 'error.unexpected' } };
  }
}

export type AcceptOutcome =
  | { ok: true; credential: CredentialView }
  | {
      ok: false;
      message: OnlineMessage;
      /** The citizen can try again with the same offer (e.g. retype the code). */
      retry: boolean;
      /** Set for 'issuer-changed': what the citizen must see before trusting the new issuer. */
      issuerChange?: IssuerChange;
    };

async function stored(
  result: Awaited<ReturnType<typeof receiveOpenid4vciCredential>>,
  gate: GatedFetch,
  host: string,
): Promise<AcceptOutcome> {
  if (result.ok) {
    current = null;
    await refreshCredentials();
    const [first] = result.value;
    if (!first) return { ok: false, message: { key: 'error.unexpected' }, retry: false };
    return { ok: true, credential: toView(first) };
  }
  if (result.reason === 'issuer-changed' && result.pending && current) {
    current = { ...current, pending: result.pending };
    return {
      ok: false,
      message: { key: RECEIVE_MESSAGES['issuer-changed'] },
      retry: false,
      ...(result.issuerChange === undefined ? {} : { issuerChange: result.issuerChange }),
    };
  }
  const retry = RETRYABLE.includes(result.reason);
  if (!retry) current = null;
  return { ok: false, message: messageFor(result.reason, gate, host), retry };
}

/** Run the pre-authorized code flow and store the credential (on the citizen's "Accept"). */
export async function acceptOnlineOffer(
  txCode: string | undefined,
  gate: GatedFetch = createUserFetch(),
): Promise<AcceptOutcome> {
  const wallet = getSession();
  const offer = current;
  if (!wallet || !offer) return { ok: false, message: { key: 'error.unexpected' }, retry: false };
  const host = hostOf(offer.resolved.offer.credential_issuer);
  try {
    const result = await receiveOpenid4vciCredential(wallet, offer.resolved, {
      fetch: gate,
      crypto: jwsCrypto(),
      now: new Date(),
      ...(txCode === undefined ? {} : { txCode }),
    });
    // The ISSUE/RECEIVE receipt pair, co-signed with the issuer (receipts-actions.ts).
    if (result.ok)
      await requestIssuanceReceipts(result.value, offer.resolved.offer.credential_issuer, gate);
    return await stored(result, gate, host);
  } catch {
    current = null;
    return { ok: false, message: { key: 'error.unexpected' }, retry: false };
  }
}

/** After an 'issuer-changed' warning the citizen chose to trust the new issuer: store, no network. */
export async function trustChangedIssuer(issuerDid: string): Promise<AcceptOutcome> {
  const wallet = getSession();
  const pending = current?.pending;
  if (!wallet || !pending) return { ok: false, message: { key: 'error.unexpected' }, retry: false };
  const host = hostOf(pending.credentialIssuer);
  try {
    const result = await storeOpenid4vciCredentials(wallet, pending, {
      crypto: jwsCrypto(),
      now: new Date(),
      trustNewIssuer: issuerDid,
    });
    const gate = createUserFetch();
    if (result.ok) await requestIssuanceReceipts(result.value, pending.credentialIssuer, gate);
    return await stored(result, gate, host);
  } catch {
    current = null;
    return { ok: false, message: { key: 'error.unexpected' }, retry: false };
  }
}

export type CopiesOutcome = { ok: true; added: number } | { ok: false; message: OnlineMessage };

/**
 * "Get new copies" of a credential received online (issue 13): the refresh_token grant at its
 * issuer, then a batch on fresh keys, joined to the same card (core refreshCopies). The refresh
 * token is read from the encrypted record inside core and written back there; nothing of it comes
 * out of this function. The gate is made in the handler of the button that asked.
 */
export async function getNewCopiesOnline(
  credentialId: string,
  gate: GatedFetch = createUserFetch(),
): Promise<CopiesOutcome> {
  const wallet = getSession();
  if (!wallet) return { ok: false, message: { key: 'error.unexpected' } };
  try {
    const before = await readCredential(wallet, credentialId);
    const issuer = before?.refresh?.kind === 'openid4vci' ? before.refresh.credentialIssuer : '';
    const result = await refreshCopies(wallet, credentialId, {
      fetch: gate,
      crypto: jwsCrypto(),
      now: new Date(),
    });
    await refreshCredentials();
    if (!result.ok) return { ok: false, message: messageFor(result.reason, gate, hostOf(issuer)) };
    const [after] = result.value;
    const added = after && before ? copiesOf(after).length - copiesOf(before).length : 0;
    return { ok: true, added: Math.max(added, 0) };
  } catch {
    return { ok: false, message: { key: 'error.unexpected' } };
  }
}
