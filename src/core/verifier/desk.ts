import { z } from 'zod';
import type { Did } from '../brand.ts';
import { checkPasscode, type PasscodeProblem } from '../holder/passcode-policy.ts';
import {
  createIssuerKeyFile,
  type JwsAlgorithm,
  type JwsCrypto,
  type JwsSign,
  type PublicJwk,
} from '../jose/index.ts';
import { failed, failedWith, ok, type Result } from '../result.ts';
import {
  readRegistrationCertificate,
  type RegistrationCertificate,
  type RegistrationProblem,
} from '../trust/verifier-registration.ts';
import {
  createKeyedVault,
  publicKeyFacts,
  unlockKeyedVault,
  withVaultSigner,
  type PublicKeyFacts,
} from '../desk/index.ts';
import type { UnlockedVault, VaultDeps } from '../vault/index.ts';
import { mutexFor, type NonceStore, type RunExclusive } from './nonce-store.ts';
import { createVaultNonceStore } from './nonce-store.vault.ts';
import { VERIFIER_KINDS, type VerifierKind } from './verifier-kind.ts';

/**
 * The verifier desk's own encrypted vault (IndexedDB `vouch-verifier`, beside the wallet's and the
 * issuer desk's): the verifier key file (ES256 did:key) is the vault's secret, decrypted only to
 * sign a request or the desk's own trust list; everything else is an encrypted record.
 */
export { VERIFIER_KINDS, type VerifierKind };

export const VERIFIER_PROFILE_ID = 'verifier-profile';

/**
 * OpenID4VP 1.0 §5.9: a client identifier with the `decentralized_identifier` prefix. It is the
 * request's `client_id`, and the `aud` a wallet must put in the key binding JWT (§B.3.6).
 */
export const CLIENT_ID_PREFIX = 'decentralized_identifier:';

export function clientIdOf(did: string): string {
  return `${CLIENT_ID_PREFIX}${did}`;
}

const profileSchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(VERIFIER_KINDS),
  createdAt: z.string(),
});
export type VerifierProfile = z.infer<typeof profileSchema>;

export interface VerifierDesk {
  readonly vault: UnlockedVault;
  /** The desk's one nonce store: requests it waits for, and the nonces answers have spent. */
  readonly nonces: NonceStore;
  readonly profile: VerifierProfile;
  /** Public facts of the verifier key: safe to show and to keep in UI state. */
  readonly verifier: {
    readonly did: Did;
    readonly alg: JwsAlgorithm;
    readonly publicJwk: PublicJwk;
    /** `decentralized_identifier:<did>`: the request's client_id and the KB-JWT's expected aud. */
    readonly clientId: string;
  };
}

export interface VerifierDeskDeps extends VaultDeps {
  readonly jws: JwsCrypto;
  /**
   * The lock around the nonce store's read-then-write (nonce-store.vault.ts). Default: an
   * in-process mutex per vault storage; the browser may pass one that spans tabs (Web Locks).
   */
  readonly nonceLock?: RunExclusive;
}

function nonceStoreOf(deps: VerifierDeskDeps, vault: UnlockedVault): NonceStore {
  return createVaultNonceStore(vault, { exclusive: deps.nonceLock ?? mutexFor(deps.storage) });
}

export type CreateVerifierDeskProblem = PasscodeProblem | 'invalid-profile' | 'exists' | 'weak-kdf';

export async function createVerifierDesk(
  deps: VerifierDeskDeps,
  options: { passcode: string; profile: Omit<VerifierProfile, 'createdAt'>; now: Date },
): Promise<Result<VerifierDesk, CreateVerifierDeskProblem>> {
  const passcode = checkPasscode(options.passcode);
  if (!passcode.ok) return passcode;
  const profile = profileSchema.safeParse({
    ...options.profile,
    createdAt: options.now.toISOString(),
  });
  if (!profile.success) return failed('invalid-profile');
  const keyFile = await createIssuerKeyFile(deps.jws, 'ES256');
  const created = await createKeyedVault(deps, {
    passcode: options.passcode,
    keyFile,
    records: [{ id: VERIFIER_PROFILE_ID, value: profile.data }],
  });
  if (!created.ok) return created;
  return ok({
    vault: created.value,
    nonces: nonceStoreOf(deps, created.value),
    profile: profile.data,
    verifier: withClientId(publicKeyFacts(keyFile)),
  });
}

function withClientId(key: PublicKeyFacts): VerifierDesk['verifier'] {
  return { ...key, clientId: clientIdOf(key.did) };
}

export async function unlockVerifierDesk(
  deps: VerifierDeskDeps,
  passcode: string,
): Promise<Result<VerifierDesk, 'no-vault' | 'wrong-passcode' | 'corrupt'>> {
  const unlocked = await unlockKeyedVault(deps, {
    passcode,
    profileId: VERIFIER_PROFILE_ID,
    profileSchema,
  });
  if (!unlocked.ok) return unlocked;
  return ok({
    vault: unlocked.value.vault,
    nonces: nonceStoreOf(deps, unlocked.value.vault),
    profile: unlocked.value.profile,
    verifier: withClientId(unlocked.value.key),
  });
}

/** Lend a signer over the verifier key; the key file is decrypted for this call only. */
export async function withVerifierSigner<T>(
  desk: VerifierDesk,
  deps: { jws: JwsCrypto },
  use: (verifier: { did: Did; alg: JwsAlgorithm; sign: JwsSign }) => Promise<T>,
): Promise<T> {
  return withVaultSigner(desk.vault, deps.jws, use);
}

/**
 * The desk's registration certificate (docs/ux.md §Consent and who asks): one encrypted record with
 * the certificate as given; createRequest signs it into every request's `verifier_info`.
 */
export const VERIFIER_REGISTRATION_ID = 'verifier-registration';
const registrationRecordSchema = z.object({
  jwt: z
    .string()
    .min(1)
    .max(8 * 1024),
  savedAt: z.string(),
});

export type SaveRegistrationProblem = RegistrationProblem | 'other-verifier';

/**
 * Keep a registration certificate for this desk: it must verify (any authority: which ones a
 * wallet trusts is the wallet's business), be valid now, and register this desk's DID.
 */
export async function saveDeskRegistration(
  desk: VerifierDesk,
  jwt: string,
  deps: { jws: JwsCrypto; now: Date },
): Promise<Result<RegistrationCertificate, SaveRegistrationProblem, { message: string }>> {
  const text = typeof jwt === 'string' ? jwt.trim() : '';
  const read = await readRegistrationCertificate(text, { crypto: deps.jws, now: deps.now });
  if (!read.ok) return read;
  if (read.value.verifier !== desk.verifier.did) {
    return failedWith('other-verifier', {
      message: `the certificate registers ${read.value.verifier}, not this desk (${desk.verifier.did})`,
    });
  }
  await desk.vault.writeRecords([
    { id: VERIFIER_REGISTRATION_ID, value: { jwt: text, savedAt: deps.now.toISOString() } },
  ]);
  return ok(read.value);
}

export interface DeskRegistration {
  readonly jwt: string;
  readonly certificate: RegistrationCertificate;
  /** False once it has expired (it is then no longer sent). */
  readonly valid: boolean;
}

/** The desk's certificate, if it keeps one that still reads (signature, fields, this desk). */
export async function readDeskRegistration(
  desk: VerifierDesk,
  deps: { jws: JwsCrypto; now: Date },
): Promise<DeskRegistration | undefined> {
  const record = await desk.vault.readRecord(VERIFIER_REGISTRATION_ID, registrationRecordSchema);
  if (!record.ok || record.value === undefined) return undefined;
  const read = await readRegistrationCertificate(record.value.jwt, { crypto: deps.jws });
  if (!read.ok || read.value.verifier !== desk.verifier.did) return undefined;
  const now = deps.now.getTime() / 1000;
  return {
    jwt: record.value.jwt,
    certificate: read.value,
    valid: now < read.value.exp && now >= read.value.iat - 60,
  };
}

export async function removeDeskRegistration(desk: VerifierDesk): Promise<void> {
  await desk.vault.writeRecords([{ delete: VERIFIER_REGISTRATION_ID }]);
}
