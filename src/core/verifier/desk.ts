import { z } from 'zod';
import type { Did } from '../brand.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/index.ts';
import { checkPasscode, type PasscodeProblem } from '../holder/passcode-policy.ts';
import {
  createIssuerKeyFile,
  issuerSigner,
  parseIssuerKeyFile,
  type IssuerKeyFile,
  type JwsAlgorithm,
  type JwsCrypto,
  type JwsSign,
  type PublicJwk,
} from '../jose/index.ts';
import { failed, ok, type Result } from '../result.ts';
import { createVault, unlockVault, type UnlockedVault, type VaultDeps } from '../vault/index.ts';

/**
 * The verifier desk's own encrypted vault (IndexedDB `vouch-verifier`, beside the wallet's and the
 * issuer desk's): the verifier key file (ES256 did:key) is the vault's secret, decrypted only to
 * sign a request or the desk's own trust list; everything else is an encrypted record.
 */
export const VERIFIER_KINDS = ['agency', 'employer', 'other'] as const;
export type VerifierKind = (typeof VERIFIER_KINDS)[number];

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
  const secret = utf8ToBytes(JSON.stringify(keyFile));
  try {
    const created = await createVault(deps, { passcode: options.passcode, secret });
    if (!created.ok) return failed(created.reason);
    await created.value.writeRecords([{ id: VERIFIER_PROFILE_ID, value: profile.data }]);
    return ok({ vault: created.value, profile: profile.data, verifier: publicPart(keyFile) });
  } finally {
    secret.fill(0);
  }
}

function publicPart(keyFile: IssuerKeyFile): VerifierDesk['verifier'] {
  return {
    did: keyFile.did,
    alg: keyFile.alg,
    publicJwk: keyFile.publicJwk,
    clientId: clientIdOf(keyFile.did),
  };
}

async function readKeyFile(vault: UnlockedVault): Promise<IssuerKeyFile> {
  return vault.withSecret((secret) => {
    const text = bytesToUtf8(secret);
    if (!text.ok) throw new Error('verifier desk: the key file in the vault is not UTF-8');
    const parsed = parseIssuerKeyFile(JSON.parse(text.value));
    if (!parsed.ok) throw new Error('verifier desk: the key file in the vault is not valid');
    return parsed.value;
  });
}

export async function unlockVerifierDesk(
  deps: VerifierDeskDeps,
  passcode: string,
): Promise<Result<VerifierDesk, 'no-vault' | 'wrong-passcode' | 'corrupt'>> {
  const unlocked = await unlockVault(deps, passcode);
  if (!unlocked.ok) return unlocked;
  const vault = unlocked.value;
  const profile = await vault.readRecord(VERIFIER_PROFILE_ID, profileSchema);
  if (!profile.ok || !profile.value) {
    vault.lock();
    return failed('corrupt');
  }
  try {
    return ok({ vault, profile: profile.value, verifier: publicPart(await readKeyFile(vault)) });
  } catch {
    vault.lock();
    return failed('corrupt');
  }
}

/** Lend a signer over the verifier key; the key file is decrypted for this call only. */
export async function withVerifierSigner<T>(
  desk: VerifierDesk,
  deps: { jws: JwsCrypto },
  use: (verifier: { did: Did; alg: JwsAlgorithm; sign: JwsSign }) => Promise<T>,
): Promise<T> {
  const keyFile = await readKeyFile(desk.vault);
  return use({ did: keyFile.did, alg: keyFile.alg, sign: issuerSigner(deps.jws, keyFile) });
}
