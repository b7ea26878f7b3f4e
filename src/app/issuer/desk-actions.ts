/**
 * Issuer desk use cases as module-level actions over core/issuer; results as i18n message keys.
 */
import { checkClaims, type CredentialTypeId } from '../../core/credentials/index.ts';
import {
  createDesk,
  exportEncryptedKeyFile,
  exportIssuerKeyFile,
  importEncryptedKeyFile,
  issueToSubject,
  listIssued,
  listSubjects,
  publishDeskBitstringStatusList,
  publishDeskStatusList,
  issueCopiesOnRequest,
  readCopiesPolicy,
  readStatusList,
  registerSubject,
  revokeIssued,
  saveCopiesPolicy,
  setSubjectBirthDate,
  signDeskIssuerProfile,
  unlockDesk,
  type CopiesRequestRefusal,
  type DeskProfile,
  type IssueFormat,
  type IssueOutcome,
  type IssuerDesk,
} from '../../core/issuer/index.ts';
import type { IssuerKeyFile, JwsAlgorithm } from '../../core/jose/index.ts';
import { issuerProfileFileName, keyFingerprint } from '../../core/trust/index.ts';
import { eraseVault, readVaultStatus } from '../../core/vault/index.ts';
import { deskVaultDeps, randomBytes } from '../composition.ts';
import type { MessageKey } from '../i18n/index.ts';
import {
  deskServerActions,
  deskServerFacts,
  serverProblemMessage,
  withDeskServer,
} from '../shared/desk-server.ts';
import {
  createServerOffer,
  hostedStatusListUrl,
  publishStatusListAtServer,
  revokeAtServer,
  type ServerInfo,
  type ServerOffer,
} from '../shared/server-admin.ts';
import { noteIssuedOffer } from './desk-receipts-actions.ts';
import { endDeskSession, getDeskSession, setDeskSession } from './desk-session.ts';
import { useDeskStore, type DeskTab } from './desk-store.ts';

async function enter(desk: IssuerDesk): Promise<void> {
  setDeskSession(desk);
  const list = await readStatusList(desk);
  useDeskStore.setState({
    phase: 'unlocked',
    tab: 'register',
    profile: desk.profile,
    issuerDid: desk.issuer.did,
    issuerAlg: desk.issuer.alg,
    statusListUri: list.uri,
    copies: await readCopiesPolicy(desk),
    failure: null,
    notice: null,
  });
  await refreshServerFacts();
  await refreshDesk();
}

async function refreshServerFacts(): Promise<void> {
  const desk = getDeskSession();
  if (!desk) return;
  const facts = await deskServerFacts(desk.vault);
  useDeskStore.setState({ serverUrl: facts?.url ?? null, serverIssuer: facts?.issuer });
  useDeskStore.setState({ hostedStatusUri: hostedListUri(desk) ?? null });
}

export async function refreshDesk(): Promise<void> {
  const desk = getDeskSession();
  if (!desk) return;
  const [subjects, issued] = await Promise.all([listSubjects(desk), listIssued(desk)]);
  useDeskStore.setState({ subjects, issued });
}

export async function loadDesk(): Promise<void> {
  try {
    const status = await readVaultStatus(deskVaultDeps());
    if (!status.ok)
      return useDeskStore.setState({ phase: 'failed', failure: 'error.vault-corrupt' });
    useDeskStore.setState({ phase: status.value === 'empty' ? 'setup' : 'locked' });
  } catch {
    useDeskStore.setState({ phase: 'failed', failure: 'error.storage-unavailable' });
  }
}

export function showTab(tab: DeskTab, issueFor: string | null = null): void {
  useDeskStore.setState({ tab, issueFor });
}

export interface SetupInput {
  profile: Omit<DeskProfile, 'createdAt'>;
  alg: JwsAlgorithm;
  statusListUri: string;
  passcode: string;
  keyFile?: IssuerKeyFile;
}

export async function setUpDesk(input: SetupInput): Promise<MessageKey | null> {
  const result = await createDesk(deskVaultDeps(), {
    passcode: input.passcode,
    profile: input.profile,
    alg: input.alg,
    statusListUri: input.statusListUri,
    now: new Date(),
    ...(input.keyFile ? { keyFile: input.keyFile } : {}),
  });
  if (!result.ok) {
    const messages: Record<string, MessageKey> = {
      'too-short-digits': 'passcode.tooShortDigits',
      'too-short-passphrase': 'passcode.tooShortPassphrase',
      'invalid-profile': 'desk.setup.invalidProfile',
      'invalid-status-uri': 'desk.setup.invalidStatusUri',
    };
    return messages[result.reason] ?? 'error.unexpected';
  }
  await enter(result.value);
  return null;
}

export type ImportedKey = Awaited<ReturnType<typeof importEncryptedKeyFile>>;

export async function readKeyFileForImport(text: string, passphrase: string): Promise<ImportedKey> {
  return importEncryptedKeyFile(deskVaultDeps(), { text, passphrase });
}

export async function unlockDeskWith(passcode: string): Promise<MessageKey | null> {
  const result = await unlockDesk(deskVaultDeps(), passcode);
  if (result.ok) {
    await enter(result.value);
    return null;
  }
  if (result.reason === 'wrong-passcode') return 'unlock.wrong';
  if (result.reason === 'no-vault') {
    useDeskStore.setState({ phase: 'setup' });
    return null;
  }
  return 'error.vault-corrupt';
}

export function lockDesk(notice: MessageKey | null = null): void {
  if (!getDeskSession()) return;
  endDeskSession();
  useDeskStore.setState({ ...initialDeskFacts, phase: 'locked', notice });
}

const initialDeskFacts = {
  subjects: [],
  issued: [],
  profile: null,
  issuerDid: null,
  issueFor: null,
  serverUrl: null,
  serverIssuer: undefined,
  hostedStatusUri: null,
};

export async function eraseDesk(): Promise<void> {
  endDeskSession();
  await eraseVault(deskVaultDeps());
  useDeskStore.setState({ ...initialDeskFacts, phase: 'setup', notice: null });
}

export type RegisterOutcome =
  { ok: true; name: string } | { ok: false; message: MessageKey; detail?: string };

const CONNECT_MESSAGES: Record<string, MessageKey> = {
  stale: 'desk.register.stale',
  'from-the-future': 'desk.register.stale',
  'bad-signature': 'desk.register.badSignature',
};

export async function registerFromConnect(entry: {
  connectRequest: string;
  name: string;
  number: string;
  /** YYYY-MM-DD, or empty when the clerk did not enter it. */
  birthDate: string;
}): Promise<RegisterOutcome> {
  const desk = getDeskSession();
  if (!desk) return { ok: false, message: 'error.unexpected' };
  const result = await registerSubject(desk, {
    ...entry,
    now: new Date(),
    randomBytes,
  });
  if (result.ok) {
    await refreshDesk();
    return { ok: true, name: result.value.name };
  }
  if (result.reason === 'invalid-name') return { ok: false, message: 'desk.register.invalidName' };
  if (result.reason === 'invalid-birth-date')
    return { ok: false, message: 'issuerDesk.register.invalidBirthDate' };
  if (result.reason === 'already-registered') {
    return { ok: false, message: 'desk.register.already', detail: result.subject.name };
  }
  return {
    ok: false,
    message: CONNECT_MESSAGES[result.code] ?? 'desk.register.invalid',
    detail: result.message,
  };
}

/**
 * Set (or, empty, clear) the date of birth of someone already in the register: null when saved,
 * else the message to show.
 */
export async function editBirthDate(
  subjectId: string,
  birthDate: string,
): Promise<MessageKey | null> {
  const desk = getDeskSession();
  if (!desk) return 'error.unexpected';
  const result = await setSubjectBirthDate(desk, { subjectId, birthDate, now: new Date() });
  if (!result.ok) {
    return result.reason === 'invalid-birth-date'
      ? 'issuerDesk.register.invalidBirthDate'
      : 'issuerDesk.register.notFound';
  }
  await refreshDesk();
  return null;
}

export type IssueResult =
  | { ok: true; value: IssueOutcome }
  | { ok: false; message: MessageKey; issues?: { claim: string; message: string }[] };

export async function issueCredential(
  subjectId: string,
  typeId: CredentialTypeId,
  claims: Record<string, unknown>,
  decoys: number,
  format: IssueFormat = 'dc+sd-jwt',
): Promise<IssueResult> {
  const desk = getDeskSession();
  if (!desk) return { ok: false, message: 'error.unexpected' };
  const deps = deskVaultDeps();
  const statusUri = hostedListUri(desk);
  const result = await issueToSubject(
    desk,
    { jws: deps.jws, randomBytes },
    {
      subjectId,
      typeId,
      claims,
      now: new Date(),
      decoys,
      format,
      copies: await readCopiesPolicy(desk),
      ...(statusUri === undefined ? {} : { statusUri }),
    },
  );
  if (!result.ok) {
    if (result.reason === 'invalid-claims')
      return { ok: false, message: 'desk.issue.invalidClaims', issues: result.issues };
    if (result.reason === 'list-full') return { ok: false, message: 'desk.issue.listFull' };
    return { ok: false, message: 'desk.issue.unknownSubject' };
  }
  await noteIssuedOffer(result.value.record.id, result.value.offer);
  await refreshDesk();
  return { ok: true, value: result.value };
}

const COPIES_REQUEST_MESSAGES: Record<CopiesRequestRefusal, MessageKey> = {
  malformed: 'issuerDesk.copiesRequest.invalid',
  'unknown-relationship': 'issuerDesk.copiesRequest.unknownPerson',
  'bad-signature': 'desk.register.badSignature',
  stale: 'desk.register.stale',
  'not-our-credential': 'issuerDesk.copiesRequest.notOurs',
  'not-bound-to-subject': 'issuerDesk.copiesRequest.notOurs',
  'unknown-credential': 'issuerDesk.copiesRequest.notOurs',
  revoked: 'issuerDesk.copiesRequest.revoked',
  'list-full': 'desk.issue.listFull',
};

export type CopiesAnswer =
  | {
      ok: true;
      offer: Uint8Array;
      typeId: CredentialTypeId;
      subjectName: string;
      fileBase: string;
      listProblem?: MessageKey;
    }
  | { ok: false; message: MessageKey };

/**
 * A wallet's copies request (scanned or pasted at the Register tab): checked, then answered with a
 * fresh batch of the same credential (issuer/copies-request.ts).
 */
export async function answerCopiesRequest(request: string): Promise<CopiesAnswer> {
  const desk = getDeskSession();
  if (!desk) return { ok: false, message: 'error.unexpected' };
  const statusUri = hostedListUri(desk);
  const result = await issueCopiesOnRequest(
    desk,
    { jws: deskVaultDeps().jws, randomBytes },
    { request, now: new Date(), ...(statusUri === undefined ? {} : { statusUri }) },
  );
  if (!result.ok) return { ok: false, message: COPIES_REQUEST_MESSAGES[result.reason] };
  const synced = await syncHostedStatusList();
  await refreshDesk();
  const { record, subject, offer } = result.value;
  await noteIssuedOffer(record.id, offer);
  return {
    ok: true,
    offer,
    typeId: record.typeId,
    subjectName: subject.name,
    fileBase: `${record.typeId}-${subject.number || subject.id}`,
    ...(synced && !synced.ok ? { listProblem: synced.message } : {}),
  };
}

/** Set how many copies of each credential the desk issues (1…50). */
export async function saveCopies(copies: number): Promise<MessageKey> {
  const desk = getDeskSession();
  if (!desk) return 'error.unexpected';
  if (!(await saveCopiesPolicy(desk, copies))) return 'issuerDesk.copies.invalid';
  useDeskStore.setState({ copies });
  return 'issuerDesk.copies.saved';
}

export async function revokeCredential(
  issuedId: string,
  reason: string,
): Promise<MessageKey | null> {
  const desk = getDeskSession();
  if (!desk) return 'error.unexpected';
  const result = await revokeIssued(desk, { issuedId, reason, now: new Date() });
  await refreshDesk();
  if (result.ok) return null;
  return result.reason === 'missing-reason' ? 'desk.revoke.reasonMissing' : 'desk.revoke.failed';
}

export interface Published {
  uri: string;
  jwt: string;
  /**
   * The same bits as a W3C BitstringStatusListCredential, for the desk's VC-JWTs: only once the
   * desk has issued one (an employer's desk never needs it).
   */
  w3c?: { uri: string; jwt: string };
  /** The same list at the desk's server, when the server hosts it. */
  server?: { ok: true; uri: string } | { ok: false; message: MessageKey };
}

/**
 * Sign the status list for its own address (to download and host), in both encodings (the IETF
 * statuslist+jwt, and — once the desk issued a VC-JWT — the W3C BitstringStatusListCredential at
 * the same address + ".w3c"), and —
 * when the desk's server signs with the desk's key — sign it for its address at the server and
 * PUT it there.
 */
export async function publishStatusList(): Promise<Published | null> {
  const desk = getDeskSession();
  if (!desk) return null;
  const now = new Date();
  const deps = { jws: deskVaultDeps().jws };
  const own = await publishDeskStatusList(desk, deps, { now });
  const issuedW3c = (await listIssued(desk)).some((item) => item.format === 'jwt_vc_json');
  const w3c = issuedW3c ? await publishDeskBitstringStatusList(desk, deps, { now }) : undefined;
  const server = await putHostedList(desk, now);
  return { ...own, ...(w3c ? { w3c } : {}), ...(server === null ? {} : { server }) };
}

/**
 * Keep the server's copy of the desk's list current after the clerk issued or revoked (nothing
 * when the server does not host it): null, or how sending it went.
 */
export async function syncHostedStatusList(): Promise<Published['server'] | null> {
  const desk = getDeskSession();
  if (!desk) return null;
  return putHostedList(desk, new Date());
}

/**
 * The `iat` (seconds) of the last list this page sent to the server. The server keeps a list
 * only when it is newer than the hosted one, and `iat` counts whole seconds: a revocation and a
 * "Sign" in the same second would be refused. So each list sent is dated at least one second
 * after the previous one (at most a second or two ahead of the clock, within verifiers' skew).
 */
let lastHostedIat = 0;

async function putHostedList(desk: IssuerDesk, now: Date): Promise<Published['server'] | null> {
  const hosted = hostedListUri(desk);
  if (hosted === undefined) return null;
  const iat = Math.max(Math.floor(now.getTime() / 1000), lastHostedIat + 1);
  lastHostedIat = iat;
  const signed = await publishDeskStatusList(
    desk,
    { jws: deskVaultDeps().jws },
    { now: new Date(iat * 1000), uri: hosted },
  );
  const name = hostedListName(desk.issuer.did);
  const sent = await withDeskServer(desk.vault, (server) =>
    publishStatusListAtServer(server, name, signed.jwt),
  );
  if (!sent.ok) return { ok: false, message: serverProblemMessage(sent.problem) };
  // The desk's VC-JWTs point at the same list + ".w3c": the server hosts that encoding too.
  if ((await listIssued(desk)).some((item) => item.format === 'jwt_vc_json')) {
    const w3c = await publishDeskBitstringStatusList(
      desk,
      { jws: deskVaultDeps().jws },
      { now: new Date(iat * 1000), uri: hosted },
    );
    const sentW3c = await withDeskServer(desk.vault, (server) =>
      publishStatusListAtServer(server, name, w3c.jwt, { encoding: 'w3c' }),
    );
    if (!sentW3c.ok) return { ok: false, message: serverProblemMessage(sentW3c.problem) };
  }
  return { ok: true, uri: hosted };
}

// ── The desk's server (issue 9 item 2) ──────────────────────────────────────────────────────────

/**
 * The id of this desk's own list at its server: fixed per issuer key, and never one of the lists
 * the server keeps for the credentials it issues itself.
 */
export function hostedListName(did: string): string {
  const tail = did.replace(/[^A-Za-z0-9]/g, '').slice(-24);
  return `desk-${tail}`;
}

/**
 * Where new credentials' status points: the desk's list at its server when the server signs with
 * the desk's key (so it can host the list the desk signs); else the list's own address.
 */
function hostedListUri(desk: IssuerDesk): string | undefined {
  const { serverUrl, serverIssuer } = useDeskStore.getState();
  if (!serverUrl || serverIssuer !== desk.issuer.did) return undefined;
  return hostedStatusListUrl(serverUrl, hostedListName(desk.issuer.did));
}

export const {
  save: saveServer,
  test: testServer,
  forget: forgetServer,
} = deskServerActions(() => getDeskSession()?.vault, refreshServerFacts);

export type OnlineOfferResult =
  | { ok: true; offer: ServerOffer }
  | { ok: false; message: MessageKey; issues?: { claim: string; message: string }[] };

/** Issue through the server: the claims are checked here first, then POST /admin/offers. */
export async function offerOnline(
  typeId: CredentialTypeId,
  claims: Record<string, unknown>,
  txCode: boolean,
  format: IssueFormat = 'dc+sd-jwt',
): Promise<OnlineOfferResult> {
  const desk = getDeskSession();
  if (!desk) return { ok: false, message: 'error.unexpected' };
  const checked = checkClaims(typeId, claims);
  if (!checked.ok)
    return { ok: false, message: 'desk.issue.invalidClaims', issues: checked.detail.issues };
  const offer = await withDeskServer(desk.vault, (server) =>
    createServerOffer(server, { type: typeId, claims: checked.value, txCode, format }),
  );
  return offer.ok
    ? { ok: true, offer: offer.value }
    : { ok: false, message: serverProblemMessage(offer.problem) };
}

/** Revoke a credential the server issued, by its index on the server's own list. */
export async function revokeServerIssued(
  index: number,
): Promise<{ ok: true; list: string } | { ok: false; message: MessageKey }> {
  const desk = getDeskSession();
  if (!desk) return { ok: false, message: 'error.unexpected' };
  if (!Number.isSafeInteger(index) || index < 0)
    return { ok: false, message: 'deskServer.revoke.invalid' };
  const revoked = await withDeskServer(desk.vault, (server) => revokeAtServer(server, index));
  return revoked.ok
    ? { ok: true, list: revoked.value.list }
    : { ok: false, message: serverProblemMessage(revoked.problem) };
}

export type { ServerInfo };

export async function exportKeyFile(
  passphrase: string,
): Promise<{ ok: true; text: string } | { ok: false; message: MessageKey }> {
  const desk = getDeskSession();
  if (!desk) return { ok: false, message: 'error.unexpected' };
  const keyFile = await exportIssuerKeyFile(desk);
  const exported = await exportEncryptedKeyFile(deskVaultDeps(), {
    keyFile,
    profile: {
      name: desk.profile.name,
      kind: desk.profile.kind,
      registration: desk.profile.registration,
    },
    passphrase,
  });
  return exported.ok
    ? { ok: true, text: exported.value }
    : { ok: false, message: 'desk.export.weak' };
}

export interface PublishedProfile {
  /** The signed profile (compact JWS): the QR's text and the file's content. */
  jws: string;
  fileName: string;
  /** The desk key's fingerprint words, for the issuer to read out to a verifier. */
  words: string[];
}

/**
 * Sign the desk's issuer profile now (docs/ux.md §Issuer profile): its name, the types it issues,
 * its status list and, when its server hosts the list, that address too.
 */
export async function publishIssuerProfile(): Promise<PublishedProfile | null> {
  const desk = getDeskSession();
  if (!desk) return null;
  const hosted = hostedListUri(desk);
  const jws = await signDeskIssuerProfile(
    desk,
    { jws: deskVaultDeps().jws },
    { now: new Date(), ...(hosted === undefined ? {} : { otherStatusLists: [hosted] }) },
  );
  return {
    jws,
    fileName: issuerProfileFileName(desk.profile.name),
    words: keyFingerprint(desk.issuer.publicJwk).words,
  };
}
