/**
 * The passcode wrap of the data key: choosing KDF parameters for a new wrap, and re-wrapping the
 * same data key under Argon2id (passcode change, migration of a PBKDF2 vault at unlock).
 */
import {
  ARGON2ID_DEFAULTS,
  MAX_PBKDF2_ITERATIONS,
  MIN_ARGON2_ITERATIONS,
  MIN_ARGON2_MEMORY_KIB,
  MIN_PBKDF2_ITERATIONS,
  SALT_BYTES,
  kdfPolicyProblem,
} from './kdf-policy.ts';
import { deriveKek } from './passcode.ts';
import type {
  Argon2idParams,
  KdfParams,
  Sealed,
  VaultCrypto,
  VaultMeta,
  VaultMetaV2,
  WrapBinding,
} from './ports.ts';
import { keyWrapAad } from './vault-meta.ts';

/** What a caller may ask of a new vault's KDF. Salts are always fresh and random. */
export type KdfChoice =
  | {
      readonly name: 'Argon2id';
      readonly memoryKiB: number;
      readonly iterations: number;
      readonly parallelism: number;
    }
  /** A legacy format-1 vault: only to test migration and old-data handling. */
  | { readonly name: 'PBKDF2'; readonly iterations: number };

export const DEFAULT_KDF: KdfChoice = { name: 'Argon2id', ...ARGON2ID_DEFAULTS };

/**
 * KDF parameters for `choice` with a fresh salt; 'weak' when below the floor. Values that are not
 * integers or above the ceiling are a caller bug and throw a RangeError naming the field.
 */
export function kdfParamsFor(crypto: VaultCrypto, choice: KdfChoice): KdfParams | 'weak' {
  const salt = crypto.randomBytes(SALT_BYTES);
  const kdf: KdfParams =
    choice.name === 'PBKDF2'
      ? { name: 'PBKDF2', hash: 'SHA-256', iterations: choice.iterations, salt }
      : {
          name: 'Argon2id',
          version: 19,
          memoryKiB: choice.memoryKiB,
          iterations: choice.iterations,
          parallelism: choice.parallelism,
          salt,
        };
  const problem = kdfPolicyProblem(kdf);
  if (!problem) return kdf;
  if (isBelowFloor(kdf)) return 'weak';
  throw new RangeError(problem);
}

function isBelowFloor(kdf: KdfParams): boolean {
  const ints = (...values: number[]) => values.every(Number.isSafeInteger);
  if (kdf.name === 'PBKDF2') {
    return (
      ints(kdf.iterations) &&
      kdf.iterations < MIN_PBKDF2_ITERATIONS &&
      kdf.iterations <= MAX_PBKDF2_ITERATIONS
    );
  }
  return (
    ints(kdf.memoryKiB, kdf.iterations, kdf.parallelism) &&
    (kdf.memoryKiB < MIN_ARGON2_MEMORY_KIB || kdf.iterations < MIN_ARGON2_ITERATIONS)
  );
}

/** Fresh Argon2id parameters at the current defaults (never weaker than policy). */
export function newArgon2idParams(crypto: VaultCrypto): Argon2idParams {
  const kdf = kdfParamsFor(crypto, DEFAULT_KDF);
  if (kdf === 'weak' || kdf.name !== 'Argon2id') throw new Error('ARGON2ID_DEFAULTS below policy');
  return kdf;
}

/** The passcode's wrap binding under the KDF a stored header names. */
export async function passcodeBinding(
  crypto: VaultCrypto,
  passcode: string,
  meta: Pick<VaultMeta, 'format' | 'kdf'>,
): Promise<WrapBinding> {
  return {
    kek: await deriveKek(crypto, passcode, meta.kdf),
    aad: keyWrapAad(meta.format, meta.kdf),
  };
}

/**
 * Re-wrap the data key held in `meta` (opened by `from`) under `passcode` with fresh Argon2id
 * parameters: the passcode part of a format-2 header. Null when `from` does not open the wrap.
 */
export async function rewrapUnderArgon2id(
  crypto: VaultCrypto,
  options: { wrapped: Sealed; from: WrapBinding; passcode: string },
): Promise<Pick<VaultMetaV2, 'kdf' | 'wrappedDataKey'> | null> {
  const kdf = newArgon2idParams(crypto);
  const to = await passcodeBinding(crypto, options.passcode, { format: 2, kdf });
  const wrappedDataKey = await crypto.rewrapDataKey({
    wrapped: options.wrapped,
    from: options.from,
    to,
  });
  return wrappedDataKey ? { kdf, wrappedDataKey } : null;
}
