/**
 * Verifier desk use cases as module-level actions over core/verifier; results as i18n message keys.
 */
import type { RuleId } from '../../core/rules/index.ts';
import { fingerprintWords, type TrustEntry } from '../../core/trust/index.ts';
import { decodeFromText, encodeForQr, encodeForText } from '../../core/transport/index.ts';
import { utf8ToBytes } from '../../core/encoding/index.ts';
import { eraseVault, readVaultStatus } from '../../core/vault/index.ts';
import {
  addOwnTrustEntry,
  clearHistory,
  createRequest,
  createVerifierDesk,
  fetchStatusList,
  importTrustList,
  listCachedStatusLists,
  listHistory,
  listImportedTrustLists,
  listTrustAnchors,
  readOwnTrustList,
  readPolicy,
  removeOwnTrustEntry,
  removeStatusList,
  removeTrustAnchor,
  removeTrustList,
  savePolicy,
  signOwnTrustList,
  storeStatusList,
  unlockVerifierDesk,
  verifyResponse,
  type RequestNeeds,
  type TrustListSigner,
  type VerifiedResponse,
  type VerifierDesk,
  type VerifierKind,
  type VerifierPolicy,
} from '../../core/verifier/index.ts';
import { webLock } from '../../platform/browser/web-locks.ts';
import { randomBytes, verifierVaultDeps } from '../composition.ts';
import type { Language, MessageKey } from '../i18n/index.ts';
import { fetchAskedByUser } from '../shared/user-fetch.ts';
import { receiptForAnswer, refreshDeskReceipts } from './desk-receipts-actions.ts';
import { clearPendingResponse, pendingResponse } from './response-link.ts';
import { refreshServerFacts, stopServerPoll } from './verifier-server.ts';
import { endVerifierSession, getVerifierSession, setVerifierSession } from './verifier-session.ts';
import {
  initialVerifierUiState,
  useVerifierStore,
  type ShownRequest,
  type VerifierTab,
} from './verifier-store.ts';

/** The response on screen, kept (in memory only) to check it again after fetching a status list. */
let lastChecked: { payload: Uint8Array; verdict: VerifiedResponse } | null = null;

/** The desk's deps, with a nonce lock that spans this origin's tabs where the browser has one. */
function deskDeps() {
  const lock = webLock('vouch-verifier-nonces');
  return { ...verifierVaultDeps(), ...(lock ? { nonceLock: lock } : {}) };
}

const deps = () => {
  const vault = verifierVaultDeps();
  return { jws: vault.jws, randomBytes };
};

async function enter(desk: VerifierDesk): Promise<void> {
  setVerifierSession(desk);
  useVerifierStore.setState({
    phase: 'unlocked',
    tab: 'request',
    profile: desk.profile,
    did: desk.verifier.did,
    clientId: desk.verifier.clientId,
    verdict: null,
    failure: null,
    notice: null,
  });
  await refreshServerFacts();
  await refreshVerifier();
  const linked = pendingResponse();
  if (linked) {
    clearPendingResponse();
    useVerifierStore.setState({ tab: 'check' });
    const problem = await checkResponseText(linked);
    if (problem) useVerifierStore.setState({ notice: problem });
  }
}

export async function refreshVerifier(): Promise<void> {
  const desk = getVerifierSession();
  if (!desk) return;
  const now = new Date();
  const [ownTrustList, trustLists, anchors, cached, policy, history] = await Promise.all([
    readOwnTrustList(desk),
    listImportedTrustLists(desk, deps(), now),
    listTrustAnchors(desk),
    listCachedStatusLists(desk),
    readPolicy(desk),
    listHistory(desk),
  ]);
  useVerifierStore.setState({
    ownTrustList,
    trustLists,
    trustAnchors: anchors.map((anchor) => ({
      ...anchor,
      words: fingerprintWords(anchor.thumbprint),
    })),
    statusLists: cached.map(({ jwt: _jwt, ...summary }) => summary),
    policy,
    history,
  });
  await refreshDeskReceipts();
}

export async function loadVerifier(): Promise<void> {
  try {
    const status = await readVaultStatus(verifierVaultDeps());
    if (!status.ok)
      return useVerifierStore.setState({ phase: 'failed', failure: 'error.vault-corrupt' });
    useVerifierStore.setState({ phase: status.value === 'empty' ? 'setup' : 'locked' });
  } catch {
    useVerifierStore.setState({ phase: 'failed', failure: 'error.storage-unavailable' });
  }
}

export function showVerifierTab(tab: VerifierTab): void {
  useVerifierStore.setState({ tab });
}

export async function setUpVerifier(input: {
  name: string;
  kind: VerifierKind;
  passcode: string;
}): Promise<MessageKey | null> {
  const result = await createVerifierDesk(deskDeps(), {
    passcode: input.passcode,
    profile: { name: input.name, kind: input.kind },
    now: new Date(),
  });
  if (!result.ok) {
    const messages: Record<string, MessageKey> = {
      'too-short-digits': 'passcode.tooShortDigits',
      'too-short-passphrase': 'passcode.tooShortPassphrase',
      'invalid-profile': 'verifier.setup.invalidProfile',
    };
    return messages[result.reason] ?? 'error.unexpected';
  }
  await enter(result.value);
  return null;
}

export async function unlockVerifierWith(passcode: string): Promise<MessageKey | null> {
  const result = await unlockVerifierDesk(deskDeps(), passcode);
  if (result.ok) {
    await enter(result.value);
    return null;
  }
  if (result.reason === 'wrong-passcode') return 'unlock.wrong';
  if (result.reason === 'no-vault') {
    useVerifierStore.setState({ phase: 'setup' });
    return null;
  }
  return 'error.vault-corrupt';
}

/** Locking forgets everything the unlocked desk knew; the tab stays, the phase and notice are set. */
const {
  phase: _phase,
  tab: _tab,
  failure: _failure,
  notice: _notice,
  ...lockedFacts
} = initialVerifierUiState;

export function lockVerifier(notice: MessageKey | null = null): void {
  if (!getVerifierSession()) return;
  stopServerPoll();
  endVerifierSession();
  lastChecked = null;
  useVerifierStore.setState({ ...lockedFacts, phase: 'locked', notice });
}

export async function eraseVerifier(): Promise<void> {
  stopServerPoll();
  endVerifierSession();
  lastChecked = null;
  await eraseVault(verifierVaultDeps());
  useVerifierStore.setState({ ...initialVerifierUiState, phase: 'setup' });
}

// ── Requests ────────────────────────────────────────────────────────────────────────────────────

export async function showRequest(options: {
  needs: RequestNeeds;
  /** The clerk's own text, or a template's purpose in every language. */
  purpose: string | Record<Language, string>;
  language: Language;
  /** A template's rule module and the facts it asks the citizen to declare. */
  rule?: RuleId;
  declare?: readonly string[];
  /** The month (`YYYY-MM`) asked about: the period of a monthly rule. */
  month?: string;
}): Promise<ShownRequest | null> {
  const desk = getVerifierSession();
  if (!desk) return null;
  const origin = window.location.origin;
  const created = await createRequest(desk, deps(), {
    needs: options.needs,
    purpose: options.purpose,
    deskLanguage: options.language,
    now: new Date(),
    responseUri: `${origin}/verifier`,
    ...(options.rule === undefined ? {} : { rule: options.rule }),
    ...(options.declare === undefined ? {} : { declare: options.declare }),
    ...(options.month === undefined ? {} : { month: options.month }),
    // The wallet adds its half of a receipt, and its consent screen promises one (issue 14).
    receipts: useVerifierStore.getState().giveReceipts,
  });
  const qrBytes = utf8ToBytes(created.forQr);
  const linkText = encodeForText('request', utf8ToBytes(created.forLink ?? created.forQr));
  const shown: ShownRequest = {
    pending: created.pending,
    frames: encodeForQr('request', qrBytes),
    text: encodeForText('request', qrBytes),
    // Same device: the wallet at this origin answers back to /verifier in the URL fragment.
    link: `${origin}/#request=${encodeURIComponent(linkText)}`,
  };
  lastChecked = null;
  stopServerPoll();
  useVerifierStore.setState({
    shownRequest: shown,
    answerReceipt: null,
    verdict: null,
    verdictFromServer: false,
    onlineState: null,
    onlineProblem: null,
  });
  return shown;
}

export function newRequest(): void {
  lastChecked = null;
  stopServerPoll();
  useVerifierStore.setState({
    shownRequest: null,
    answerReceipt: null,
    verdict: null,
    verdictFromServer: false,
    onlineState: null,
    onlineProblem: null,
  });
}

// ── Responses ───────────────────────────────────────────────────────────────────────────────────

export async function checkResponse(payload: Uint8Array): Promise<MessageKey | null> {
  const desk = getVerifierSession();
  if (!desk) return 'error.unexpected';
  const result = await verifyResponse(desk, deps(), { payload, now: new Date() });
  if (!result.ok) return 'verifier.check.malformed';
  lastChecked = { payload, verdict: result.value };
  useVerifierStore.setState({ verdict: result.value, verdictFromServer: false, notice: null });
  await receiptForAnswer(payload, result.value);
  await refreshVerifier();
  return null;
}

export async function checkResponseText(text: string): Promise<MessageKey | null> {
  const decoded = decodeFromText(text.trim());
  if (!decoded.ok) return 'verifier.check.malformed';
  if (decoded.value.kind !== 'response') return 'qr.expected.response';
  return checkResponse(decoded.value.payload);
}

/** Fetch the status lists the verdict's credentials point to, then check the same response again. */
export async function fetchStatusAndRecheck(): Promise<MessageKey | null> {
  const desk = getVerifierSession();
  if (!desk || !lastChecked) return 'error.unexpected';
  const uris = [
    ...new Set(
      lastChecked.verdict.presentations.flatMap((p) => (p.statusUri ? [p.statusUri] : [])),
    ),
  ];
  let problem: MessageKey | null = uris.length === 0 ? 'verifier.status.noUri' : null;
  for (const uri of uris) {
    const fetched = await fetchStatusList(desk, { ...deps(), fetchText }, { uri, now: new Date() });
    if (!fetched.ok) problem = statusProblem(fetched.reason);
  }
  const again = await verifyResponse(desk, deps(), {
    payload: lastChecked.payload,
    now: new Date(),
    recheckOf: lastChecked.verdict,
  });
  if (again.ok) {
    lastChecked = { payload: lastChecked.payload, verdict: again.value };
    useVerifierStore.setState({ verdict: again.value });
  }
  await refreshVerifier();
  return problem;
}

export function closeVerdict(): void {
  lastChecked = null;
  useVerifierStore.setState({ verdict: null, verdictFromServer: false, answerReceipt: null });
}

// ── Trust ───────────────────────────────────────────────────────────────────────────────────────

export type TrustImportOutcome =
  | { kind: 'imported'; name: string; signer: string }
  /** The signer is not trusted yet: show its words; import again with its thumbprint to confirm. */
  | { kind: 'confirm'; signer: TrustListSigner }
  | { kind: 'refused'; message: MessageKey; expiredAt?: string };

/** Import a trust list; `confirmedSigner` is the thumbprint whose words the clerk confirmed. */
export async function importTrustListText(
  text: string,
  confirmedSigner?: string,
): Promise<TrustImportOutcome> {
  const desk = getVerifierSession();
  if (!desk) return { kind: 'refused', message: 'error.unexpected' };
  const result = await importTrustList(desk, deps(), {
    jwt: text,
    now: new Date(),
    ...(confirmedSigner === undefined ? {} : { confirmedSigner }),
  });
  await refreshVerifier();
  if (result.ok && result.value.list)
    return { kind: 'imported', name: result.value.list.name, signer: result.value.list.issuer };
  if (!result.ok && result.reason === 'signer-not-confirmed' && result.detail.signer)
    return { kind: 'confirm', signer: result.detail.signer };
  const messages: Record<string, MessageKey> = {
    'bad-signature': 'verifier.trust.import.badSignature',
    'unsupported-alg': 'verifier.trust.import.unsupportedAlg',
    expired: 'verifier.trust.import.expired',
    'already-imported': 'verifier.trust.import.already',
  };
  return {
    kind: 'refused',
    message: (!result.ok && messages[result.reason]) || 'verifier.trust.import.malformed',
    ...(!result.ok && result.detail.expiredAt ? { expiredAt: result.detail.expiredAt } : {}),
  };
}

/** Forget a confirmed signer: its next list asks for the words again. */
export async function forgetTrustAnchor(thumbprint: string): Promise<void> {
  const desk = getVerifierSession();
  if (!desk) return;
  await removeTrustAnchor(desk, thumbprint);
  await refreshVerifier();
}

export async function removeImportedTrustList(id: string): Promise<void> {
  const desk = getVerifierSession();
  if (!desk) return;
  await removeTrustList(desk, id);
  await refreshVerifier();
}

export async function addTrustedIssuer(entry: TrustEntry): Promise<MessageKey | null> {
  const desk = getVerifierSession();
  if (!desk) return 'error.unexpected';
  const result = await addOwnTrustEntry(desk, entry);
  await refreshVerifier();
  if (result.ok) return null;
  const messages: Record<string, MessageKey> = {
    'invalid-did': 'verifier.trust.own.invalidDid',
    'invalid-name': 'verifier.trust.own.invalidName',
    'no-types': 'verifier.trust.own.noTypes',
    'invalid-type': 'verifier.trust.own.invalidType',
  };
  return messages[result.reason] ?? 'error.unexpected';
}

export async function removeTrustedIssuer(did: string): Promise<void> {
  const desk = getVerifierSession();
  if (!desk) return;
  await removeOwnTrustEntry(desk, did);
  await refreshVerifier();
}

/** Sign the own list; it expires at the end of `validUntil` (YYYY-MM-DD, UTC), else in a year. */
export async function signOwnList(name: string, validUntil?: string): Promise<string | null> {
  const desk = getVerifierSession();
  if (!desk) return null;
  const now = new Date();
  const until = validUntil ? new Date(`${validUntil}T23:59:59Z`) : undefined;
  const expiresAt = until && until.getTime() > now.getTime() ? until : undefined;
  const jwt = await signOwnTrustList(desk, deps(), {
    now,
    name,
    ...(expiresAt ? { expiresAt } : {}),
  });
  await refreshVerifier();
  return jwt;
}

// ── Status lists and policy ─────────────────────────────────────────────────────────────────────

/**
 * Only ever on the clerk's "Fetch" (see src/app/shared/user-fetch.ts). Either kind of list: an
 * IETF statuslist+jwt, or a W3C BitstringStatusListCredential as a VC-JWT.
 */
const STATUS_LIST_ACCEPT =
  'application/statuslist+jwt, application/vc+jwt;q=0.9, application/jwt;q=0.8';

async function fetchText(uri: string): Promise<string> {
  const fetched = await fetchAskedByUser(uri, { accept: STATUS_LIST_ACCEPT });
  if (!fetched.ok) throw new Error(`${fetched.reason}: ${fetched.detail}`);
  return fetched.text;
}

function statusProblem(reason: string): MessageKey {
  const messages: Record<string, MessageKey> = {
    unreachable: 'verifier.status.unreachable',
    'bad-signature': 'verifier.status.badSignature',
    'unknown-issuer-key': 'verifier.status.badSignature',
    'alg-not-allowed': 'verifier.status.badSignature',
    expired: 'verifier.status.expired',
    'wrong-uri': 'verifier.status.wrongUri',
    'older-than-cached': 'verifier.status.older',
  };
  return messages[reason] ?? 'verifier.status.malformed';
}

export async function importStatusListText(
  text: string,
): Promise<{ ok: true; uri: string } | { ok: false; message: MessageKey }> {
  const desk = getVerifierSession();
  if (!desk) return { ok: false, message: 'error.unexpected' };
  const result = await storeStatusList(desk, deps(), {
    jwt: text,
    now: new Date(),
    source: 'import',
  });
  await refreshVerifier();
  return result.ok
    ? { ok: true, uri: result.value.uri }
    : { ok: false, message: statusProblem(result.reason) };
}

export async function fetchStatusListFrom(
  uri: string,
): Promise<{ ok: true; uri: string } | { ok: false; message: MessageKey }> {
  const desk = getVerifierSession();
  if (!desk) return { ok: false, message: 'error.unexpected' };
  const result = await fetchStatusList(desk, { ...deps(), fetchText }, { uri, now: new Date() });
  await refreshVerifier();
  return result.ok
    ? { ok: true, uri: result.value.uri }
    : { ok: false, message: statusProblem(result.reason) };
}

export async function removeCachedStatusList(id: string): Promise<void> {
  const desk = getVerifierSession();
  if (!desk) return;
  await removeStatusList(desk, id);
  await refreshVerifier();
}

export async function savePolicySettings(policy: VerifierPolicy): Promise<MessageKey | null> {
  const desk = getVerifierSession();
  if (!desk) return 'error.unexpected';
  const result = await savePolicy(desk, policy);
  await refreshVerifier();
  return result.ok ? null : 'verifier.policy.invalid';
}

export async function clearVerifierHistory(): Promise<void> {
  const desk = getVerifierSession();
  if (!desk) return;
  await clearHistory(desk);
  await refreshVerifier();
}
