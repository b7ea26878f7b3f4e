import { z } from 'zod';
import type { Did } from '../brand.ts';
import { failed, ok, type Result } from '../result.ts';
import {
  createIssuerKeyFile,
  type IssuerKeyFile,
  type JwsAlgorithm,
  type JwsCrypto,
  type JwsSign,
  type PublicJwk,
} from '../jose/index.ts';
import { createStatusList, type StatusListFile } from '../status-list/index.ts';
import { checkPasscode, type PasscodeProblem } from '../holder/passcode-policy.ts';
import {
  createKeyedVault,
  publicKeyFacts,
  readVaultKeyFile,
  unlockKeyedVault,
  withVaultSigner,
} from '../desk/index.ts';
import type { UnlockedVault, VaultDeps } from '../vault/index.ts';
import { isStatusListUri } from '../status-list/status-list-uri.ts';
import { ISSUER_KINDS, type IssuerKind } from './issuer-kind.ts';

/**
 * The issuer desk's own encrypted vault (a database of its own, beside the wallet's): the issuer
 * key file is the vault's secret (decrypted only to sign), the profile, the register of subjects,
 * the status list and the log of issued and revoked credentials are encrypted records.
 */
export { ISSUER_KINDS, type IssuerKind };

export const PROFILE_ID = 'desk-profile';
export const STATUS_LIST_ID = 'status-list';

const profileSchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(ISSUER_KINDS),
  registration: z.string().trim().max(100),
  createdAt: z.string(),
});
export type DeskProfile = z.infer<typeof profileSchema>;

export const statusListFileSchema = z.object({
  uri: z.string(),
  size: z.number().int().positive(),
  bits: z.literal(1),
  lst: z.string(),
  used: z.string(),
  revoked: z.number().int().min(0),
});

export interface IssuerDesk {
  readonly vault: UnlockedVault;
  readonly profile: DeskProfile;
  /** Public facts of the issuer key: safe to show and to keep in UI state. */
  readonly issuer: { readonly did: Did; readonly alg: JwsAlgorithm; readonly publicJwk: PublicJwk };
}

export interface DeskDeps extends VaultDeps {
  readonly jws: JwsCrypto;
}

export type CreateDeskProblem =
  PasscodeProblem | 'invalid-profile' | 'invalid-status-uri' | 'exists' | 'weak-kdf';

export { isStatusListUri } from '../status-list/status-list-uri.ts';

export async function createDesk(
  deps: DeskDeps,
  options: {
    passcode: string;
    profile: Omit<DeskProfile, 'createdAt'>;
    alg?: JwsAlgorithm;
    /** Import an existing key instead of generating one. */
    keyFile?: IssuerKeyFile;
    statusListUri: string;
    statusListSize?: number;
    now: Date;
  },
): Promise<Result<IssuerDesk, CreateDeskProblem>> {
  const passcode = checkPasscode(options.passcode);
  if (!passcode.ok) return passcode;
  const profile = profileSchema.safeParse({
    ...options.profile,
    createdAt: options.now.toISOString(),
  });
  if (!profile.success) return failed('invalid-profile');
  if (!isStatusListUri(options.statusListUri)) return failed('invalid-status-uri');

  const keyFile = options.keyFile ?? (await createIssuerKeyFile(deps.jws, options.alg ?? 'ES256'));
  const list = createStatusList({
    uri: options.statusListUri,
    ...(options.statusListSize ? { size: options.statusListSize } : {}),
  });
  const created = await createKeyedVault(deps, {
    passcode: options.passcode,
    keyFile,
    records: [
      { id: PROFILE_ID, value: profile.data },
      { id: STATUS_LIST_ID, value: list },
    ],
  });
  if (!created.ok) return created;
  return ok({ vault: created.value, profile: profile.data, issuer: publicKeyFacts(keyFile) });
}

export async function unlockDesk(
  deps: DeskDeps,
  passcode: string,
): Promise<Result<IssuerDesk, 'no-vault' | 'wrong-passcode' | 'corrupt'>> {
  const unlocked = await unlockKeyedVault(deps, { passcode, profileId: PROFILE_ID, profileSchema });
  if (!unlocked.ok) return unlocked;
  return ok({
    vault: unlocked.value.vault,
    profile: unlocked.value.profile,
    issuer: unlocked.value.key,
  });
}

/** Lend a signer over the issuer key; the key file is decrypted for this call only. */
export async function withIssuerSigner<T>(
  desk: IssuerDesk,
  deps: { jws: JwsCrypto },
  use: (issuer: { did: Did; alg: JwsAlgorithm; sign: JwsSign }) => Promise<T>,
): Promise<T> {
  return withVaultSigner(desk.vault, deps.jws, use);
}

export async function readStatusList(desk: IssuerDesk): Promise<StatusListFile> {
  const list = await desk.vault.readRecord(STATUS_LIST_ID, statusListFileSchema);
  if (!list.ok || !list.value)
    throw new Error('issuer desk: the status list record is missing or corrupt');
  return list.value;
}

/** The plain issuer key file, for the passphrase-encrypted export (see key-file-export.ts). */
export async function exportIssuerKeyFile(desk: IssuerDesk): Promise<IssuerKeyFile> {
  return readVaultKeyFile(desk.vault);
}
