import type { z } from 'zod';
import type { Did } from '../brand.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/index.ts';
import {
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
 * A desk's vault (issuer desk, verifier desk): an encrypted vault whose secret is the desk's
 * signing key file, decrypted only for the moment a signature is made, beside a profile record.
 * One mechanism for both desks; each adds its own records.
 */
export interface PublicKeyFacts {
  readonly did: Did;
  readonly alg: JwsAlgorithm;
  readonly publicJwk: PublicJwk;
}

export function publicKeyFacts(keyFile: IssuerKeyFile): PublicKeyFacts {
  return { did: keyFile.did, alg: keyFile.alg, publicJwk: keyFile.publicJwk };
}

/** Create the vault with the key file as its secret and the first records, in one go. */
export async function createKeyedVault(
  deps: VaultDeps,
  options: {
    passcode: string;
    keyFile: IssuerKeyFile;
    records: ReadonlyArray<{ id: string; value: unknown }>;
  },
): Promise<Result<UnlockedVault, 'exists' | 'weak-kdf'>> {
  const secret = utf8ToBytes(JSON.stringify(options.keyFile));
  try {
    const created = await createVault(deps, { passcode: options.passcode, secret });
    if (!created.ok) return failed(created.reason);
    await created.value.writeRecords(options.records);
    return ok(created.value);
  } finally {
    secret.fill(0);
  }
}

/** The key file in the vault; throws (a bug or corruption) when it does not read back. */
export async function readVaultKeyFile(vault: UnlockedVault): Promise<IssuerKeyFile> {
  return vault.withSecret((secret) => {
    const text = bytesToUtf8(secret);
    if (!text.ok) throw new Error('desk vault: the key file is not UTF-8');
    const parsed = parseIssuerKeyFile(JSON.parse(text.value));
    if (!parsed.ok) throw new Error('desk vault: the key file is not valid');
    return parsed.value;
  });
}

/** Unlock, then read the profile and the public key facts; anything unreadable is `corrupt`. */
export async function unlockKeyedVault<P>(
  deps: VaultDeps,
  options: { passcode: string; profileId: string; profileSchema: z.ZodType<P> },
): Promise<
  Result<
    { vault: UnlockedVault; profile: P; key: PublicKeyFacts },
    'no-vault' | 'wrong-passcode' | 'corrupt'
  >
> {
  const unlocked = await unlockVault(deps, options.passcode);
  if (!unlocked.ok) return unlocked;
  const vault = unlocked.value;
  const profile = await vault.readRecord(options.profileId, options.profileSchema);
  if (!profile.ok || profile.value === undefined) {
    vault.lock();
    return failed('corrupt');
  }
  try {
    return ok({
      vault,
      profile: profile.value,
      key: publicKeyFacts(await readVaultKeyFile(vault)),
    });
  } catch {
    vault.lock();
    return failed('corrupt');
  }
}

/** Lend a signer over the desk's key; the key file is decrypted for this call only. */
export async function withVaultSigner<T>(
  vault: UnlockedVault,
  jws: JwsCrypto,
  use: (signer: { did: Did; alg: JwsAlgorithm; sign: JwsSign }) => Promise<T>,
): Promise<T> {
  const keyFile = await readVaultKeyFile(vault);
  return use({ did: keyFile.did, alg: keyFile.alg, sign: issuerSigner(jws, keyFile) });
}
