/**
 * Limits for the passcode KDF.
 *
 * - Argon2id (RFC 9106) for every new vault: memory-hard, so a GPU or ASIC gains little over the
 *   phone that unlocks. Defaults m = 64 MiB, t = 2, p = 1: the reference implementation's own
 *   test parameters (phc-winner-argon2 src/test.c) and libsodium's "interactive" limits, and close
 *   to RFC 9106 §4's second recommended option (64 MiB, t = 3, p = 4); t = 2 keeps unlock under a
 *   second on a mid-range phone (figures in docs/vault.md). p = 1 because the WASM implementation
 *   runs one thread: more lanes would cost the phone the same and the attacker nothing extra.
 * - PBKDF2-HMAC-SHA256 only to unlock (then migrate) format-1 vaults. OWASP's 2023 password storage
 *   guidance asks for at least 600,000 iterations:
 *   https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2
 */
import type { Argon2idParams, KdfParams } from './ports.ts';

/** The floor for PBKDF2 vaults we agree to create (tests) or unlock (format 1). */
export const MIN_PBKDF2_ITERATIONS = 600_000;

/**
 * The ceiling we accept from storage. Higher values would mean an unlock that takes minutes, which
 * only foreign or tampered data would ask for; such meta is reported as 'corrupt'.
 */
export const MAX_PBKDF2_ITERATIONS = 20_000_000;

/** Argon2id parameters of new vaults (and of every re-wrap: migration, passcode change). */
export const ARGON2ID_DEFAULTS = {
  memoryKiB: 65_536,
  iterations: 2,
  parallelism: 1,
} as const satisfies Pick<Argon2idParams, 'memoryKiB' | 'iterations' | 'parallelism'>;

/** Argon2id floor: 64 MiB and two passes. Less is 'weak-kdf' at creation, 'corrupt' when stored. */
export const MIN_ARGON2_MEMORY_KIB = 65_536;
export const MIN_ARGON2_ITERATIONS = 2;
/**
 * Argon2id ceilings we accept from storage: a tampered header must not make a phone allocate
 * gigabytes or grind for minutes before it fails.
 */
export const MAX_ARGON2_MEMORY_KIB = 262_144;
export const MAX_ARGON2_ITERATIONS = 10;
export const MAX_ARGON2_PARALLELISM = 4;

/** Salt length for new vaults (bytes). Stored salts may be 16–64 bytes. */
export const SALT_BYTES = 16;
export const MIN_SALT_BYTES = 16;
export const MAX_SALT_BYTES = 64;

/** PRF input length for a device wrap (bytes). */
export const PRF_SALT_BYTES = 32;
/** Bounds on a stored WebAuthn credential id (the spec allows up to 1023 bytes). */
export const MIN_CREDENTIAL_ID_BYTES = 16;
export const MAX_CREDENTIAL_ID_BYTES = 1023;

/** AES-GCM IV length (bytes), as the ports require. */
export const IV_BYTES = 12;
/** AES-GCM tag length (bytes), appended to every ciphertext. */
export const TAG_BYTES = 16;

/** Why KDF parameters are refused; undefined when they meet the floor and the ceiling. */
export function kdfPolicyProblem(kdf: KdfParams): string | undefined {
  const range = (field: string, value: number, min: number, max: number, unit = '') =>
    Number.isSafeInteger(value) && value >= min && value <= max
      ? undefined
      : `"kdf.${field}" expected an integer ${min}–${max}${unit}, got ${value}`;
  if (kdf.name === 'PBKDF2') {
    return range('iterations', kdf.iterations, MIN_PBKDF2_ITERATIONS, MAX_PBKDF2_ITERATIONS);
  }
  return (
    range('memoryKiB', kdf.memoryKiB, MIN_ARGON2_MEMORY_KIB, MAX_ARGON2_MEMORY_KIB, ' KiB') ??
    range('iterations', kdf.iterations, MIN_ARGON2_ITERATIONS, MAX_ARGON2_ITERATIONS) ??
    range('parallelism', kdf.parallelism, 1, MAX_ARGON2_PARALLELISM) ??
    // RFC 9106 §3.1: m ≥ 8·p.
    (kdf.memoryKiB >= 8 * kdf.parallelism
      ? undefined
      : `"kdf.memoryKiB" expected at least 8 × parallelism, got ${kdf.memoryKiB}`)
  );
}
