/**
 * The wallet's credential use cases: connect to an issuer, receive an offer, check status, delete.
 * Results come back as i18n message keys; only public facts and claims reach the store.
 */
import {
  applyStatusList,
  connectToIssuer,
  copiesLeft,
  deleteCredential,
  listCredentialSummaries,
  listRelationships,
  readCredential,
  receiveCredentialOffer,
  receiveVcJwt,
  recordStatusFailure,
  type IssuerChange,
  type CredentialSummary,
  type ReceiveProblem,
  type StoredCredential,
} from '../../core/holder/index.ts';
import { bytesToHex } from '../../core/encoding/index.ts';
import { jwsCrypto, randomBytes } from '../composition.ts';
import type { MessageKey } from '../i18n/index.ts';
import { fetchAskedByUser } from '../shared/user-fetch.ts';
import { refreshBenefitChanges } from './benefits/benefits-actions.ts';
import { forgetOpened, markOpenedByCitizen } from './check-on-open.ts';
import { getSession } from './session.ts';
import { useWalletStore, type CredentialView, type WalletView } from './wallet-store.ts';

/** What the views may hold of a credential: everything but the signed compact form. */
export function toView({
  compact: _compact,
  copies,
  refresh,
  ...view
}: CredentialSummary & {
  compact?: string;
  copies?: StoredCredential['copies'];
  refresh?: StoredCredential['refresh'];
}): CredentialView {
  // Never the copies' signed forms or a refresh token in the UI: their count and kind only.
  return {
    ...view,
    ...(copies ? { copyCount: { total: copies.length, left: copiesLeft({ copies }) } } : {}),
    ...(refresh ? { refreshKind: refresh.kind } : {}),
  };
}

/**
 * The list of cards, from the summary index (one read, a few dozen decryptions however many
 * credentials), and what changed in the benefits, evaluated over that same list: unlock lists the
 * credentials once.
 */
export async function refreshCredentials(): Promise<void> {
  const wallet = getSession();
  if (!wallet) return;
  const [credentials, relationships] = await Promise.all([
    listCredentialSummaries(wallet),
    listRelationships(wallet),
  ]);
  if (getSession() !== wallet) return;
  useWalletStore.setState({
    credentials: credentials.map(toView),
    relationships: relationships.map(({ index, issuerName, createdAt }) => ({
      index,
      issuerName,
      createdAt,
    })),
  });
  // Unlock, a received or deleted credential, a status check: any of them can change a benefit.
  await refreshBenefitChanges(credentials);
}

/**
 * One credential in full, decrypted from its own record: what an opened card shows (the list
 * holds summaries). Undefined when it is gone or unreadable.
 */
export async function readCredentialView(id: string): Promise<CredentialView | undefined> {
  const wallet = getSession();
  if (!wallet) return undefined;
  const credential = await readCredential(wallet, id);
  return credential && toView(credential);
}

export function openView(view: WalletView, selectedCredentialId: string | null = null): void {
  forgetOpened();
  useWalletStore.setState({ view, selectedCredentialId, announcement: null });
}

/** The citizen opens a card (from the list): show it and let it check its status once. */
export function openCard(id: string): void {
  openView('credential', id);
  markOpenedByCitizen(id);
}

/**
 * After a credential was received and saved: show its card, with "Saved in your wallet: <type>
 * from <issuer>" (role="status"; the detail fills in the type and issuer as its card names them).
 */
export function showSaved(credential: CredentialView): void {
  openView('credential', credential.id);
  useWalletStore.setState({ announcement: { key: 'cards.saved' } });
}

export type ConnectOutcome = { ok: true; request: string } | { ok: false; message: MessageKey };

export async function startConnect(issuerName: string): Promise<ConnectOutcome> {
  const wallet = getSession();
  if (!wallet) return { ok: false, message: 'error.unexpected' };
  const result = await connectToIssuer(wallet, {
    issuerName,
    now: new Date(),
    jti: bytesToHex(randomBytes(16)),
  });
  if (!result.ok) return { ok: false, message: 'connect.badName' };
  await refreshCredentials();
  return { ok: true, request: result.value.request };
}

export const RECEIVE_MESSAGES: Record<ReceiveProblem, MessageKey> = {
  'malformed-offer': 'receive.refused.malformed',
  'unknown-relationship': 'receive.refused.unknownRelationship',
  'invalid-credential': 'receive.refused.invalid',
  'not-bound-to-wallet': 'receive.refused.notBound',
  'unknown-type': 'receive.refused.unknownType',
  'invalid-claims': 'receive.refused.invalidClaims',
  'already-stored': 'receive.refused.alreadyStored',
  'issuer-changed': 'receive.refused.issuerChanged',
};

export type ReceiveOutcome =
  | { ok: true; credential: CredentialView }
  | {
      ok: false;
      message: MessageKey;
      detail: string;
      /** Set for 'issuer-changed': what the citizen must see before trusting the new issuer. */
      issuerChange?: IssuerChange;
    };

/**
 * Receive an offer. A credential from another issuer than the one its relationship is pinned to
 * is refused (with `issuerChange`); only calling again with `trustNewIssuer` set to exactly that
 * issuer's DID — the citizen's explicit choice — stores it and re-pins the relationship.
 */
export async function receiveOffer(
  offer: Uint8Array,
  options: { trustNewIssuer?: string } = {},
): Promise<ReceiveOutcome> {
  return receiveWith(
    (wallet, receiveOptions) => receiveCredentialOffer(wallet, offer, receiveOptions),
    options,
  );
}

/**
 * Receive a bare W3C VC-JWT (pasted, opened as a file, followed as a link): the wallet finds which
 * of its keys it is bound to; the same checks and issuer pinning as an offer.
 */
export async function receiveVcJwtText(
  text: string,
  options: { trustNewIssuer?: string } = {},
): Promise<ReceiveOutcome> {
  return receiveWith(
    (wallet, receiveOptions) => receiveVcJwt(wallet, text, receiveOptions),
    options,
  );
}

async function receiveWith(
  receive: (
    wallet: NonNullable<ReturnType<typeof getSession>>,
    options: Parameters<typeof receiveCredentialOffer>[2],
  ) => ReturnType<typeof receiveCredentialOffer>,
  options: { trustNewIssuer?: string },
): Promise<ReceiveOutcome> {
  const wallet = getSession();
  if (!wallet) return { ok: false, message: 'error.unexpected', detail: '' };
  try {
    const result = await receive(wallet, {
      crypto: jwsCrypto(),
      now: new Date(),
      ...(options.trustNewIssuer === undefined ? {} : { trustNewIssuer: options.trustNewIssuer }),
    });
    if (!result.ok) {
      return {
        ok: false,
        message: RECEIVE_MESSAGES[result.reason],
        detail: result.detail,
        ...(result.issuerChange === undefined ? {} : { issuerChange: result.issuerChange }),
      };
    }
    await refreshCredentials();
    return { ok: true, credential: toView(result.value) };
  } catch {
    return { ok: false, message: 'error.unexpected', detail: '' };
  }
}

export type StatusOutcome = { ok: true } | { ok: false; message: MessageKey; detail: string };

/**
 * Check the status online: fetch the list from the URI in the credential (the citizen asked: "Check
 * now", or opening the card). A failure is recorded as a failure with its time, never as a check.
 */
export async function checkStatusOnline(credential: CredentialView): Promise<StatusOutcome> {
  if (!credential.status) return { ok: false, message: 'credential.status.none', detail: '' };
  // A W3C credential's list is a BitstringStatusListCredential as a VC-JWT (docs/w3c-vc.md).
  const fetched = await fetchAskedByUser(credential.status.uri, {
    accept:
      credential.format === 'jwt_vc_json'
        ? 'application/vc+jwt, application/jwt'
        : 'application/statuslist+jwt',
  });
  if (!fetched.ok) {
    // Refused before anything left: an address this wallet may not contact (docs/security.md).
    const reached = fetched.reason === 'unreachable';
    await recordFailure(credential, reached ? 'unreachable' : 'not-allowed', fetched.detail);
    return {
      ok: false,
      message: reached ? 'credential.status.unreachable' : 'credential.status.notAllowed',
      detail: fetched.detail,
    };
  }
  const applied = await checkStatusWith(credential, fetched.text);
  if (!applied.ok) await recordFailure(credential, 'invalid-list', applied.detail);
  return applied;
}

async function recordFailure(
  credential: CredentialView,
  reason: 'unreachable' | 'not-allowed' | 'invalid-list',
  detail: string,
): Promise<void> {
  const wallet = getSession();
  if (wallet) await recordStatusFailure(wallet, credential.id, { reason, detail, now: new Date() });
  await refreshCredentials();
}

/** Apply a status list the citizen opened as a file (offline, or when the URI is unreachable). */
export async function checkStatusWith(
  credential: CredentialView,
  jwt: string,
): Promise<StatusOutcome> {
  const wallet = getSession();
  if (!wallet) return { ok: false, message: 'error.unexpected', detail: '' };
  const result = await applyStatusList(wallet, credential.id, jwt, {
    crypto: jwsCrypto(),
    now: new Date(),
  });
  await refreshCredentials();
  if (!result.ok)
    return { ok: false, message: 'credential.status.invalidList', detail: result.detail };
  return { ok: true };
}

export async function removeCredential(id: string): Promise<void> {
  const wallet = getSession();
  if (!wallet) return;
  await deleteCredential(wallet, id);
  await refreshCredentials();
  useWalletStore.setState({ view: 'home', selectedCredentialId: null });
}
