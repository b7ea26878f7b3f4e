/**
 * Issuer desk use cases as module-level actions over core/issuer; results as i18n message keys.
 */
import type { CredentialTypeId } from '../../core/credentials/index.ts';
import {
  createDesk,
  exportEncryptedKeyFile,
  exportIssuerKeyFile,
  importEncryptedKeyFile,
  issueToSubject,
  listIssued,
  listSubjects,
  publishDeskStatusList,
  readStatusList,
  registerSubject,
  revokeIssued,
  unlockDesk,
  type DeskProfile,
  type IssueOutcome,
  type IssuerDesk,
} from '../../core/issuer/index.ts';
import type { IssuerKeyFile, JwsAlgorithm } from '../../core/jose/index.ts';
import { eraseVault, readVaultStatus } from '../../core/vault/index.ts';
import { deskVaultDeps, randomBytes } from '../composition.ts';
import type { MessageKey } from '../i18n/index.ts';
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
    failure: null,
    notice: null,
  });
  await refreshDesk();
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

export async function registerFromConnect(
  connectRequest: string,
  name: string,
  number: string,
): Promise<RegisterOutcome> {
  const desk = getDeskSession();
  if (!desk) return { ok: false, message: 'error.unexpected' };
  const result = await registerSubject(desk, {
    connectRequest,
    name,
    number,
    now: new Date(),
    randomBytes,
  });
  if (result.ok) {
    await refreshDesk();
    return { ok: true, name: result.value.name };
  }
  if (result.reason === 'invalid-name') return { ok: false, message: 'desk.register.invalidName' };
  if (result.reason === 'already-registered') {
    return { ok: false, message: 'desk.register.already', detail: result.subject.name };
  }
  return {
    ok: false,
    message: CONNECT_MESSAGES[result.code] ?? 'desk.register.invalid',
    detail: result.message,
  };
}

export type IssueResult =
  | { ok: true; value: IssueOutcome }
  | { ok: false; message: MessageKey; issues?: { claim: string; message: string }[] };

export async function issueCredential(
  subjectId: string,
  typeId: CredentialTypeId,
  claims: Record<string, unknown>,
  decoys: number,
): Promise<IssueResult> {
  const desk = getDeskSession();
  if (!desk) return { ok: false, message: 'error.unexpected' };
  const deps = deskVaultDeps();
  const result = await issueToSubject(
    desk,
    { jws: deps.jws, randomBytes },
    { subjectId, typeId, claims, now: new Date(), decoys },
  );
  if (!result.ok) {
    if (result.reason === 'invalid-claims')
      return { ok: false, message: 'desk.issue.invalidClaims', issues: result.issues };
    if (result.reason === 'list-full') return { ok: false, message: 'desk.issue.listFull' };
    return { ok: false, message: 'desk.issue.unknownSubject' };
  }
  await refreshDesk();
  return { ok: true, value: result.value };
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

export async function publishStatusList(): Promise<{ uri: string; jwt: string } | null> {
  const desk = getDeskSession();
  if (!desk) return null;
  return publishDeskStatusList(desk, { jws: deskVaultDeps().jws }, { now: new Date() });
}

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
