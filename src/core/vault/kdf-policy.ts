/**
 * Limits for the passcode KDF. OWASP's 2023 password storage guidance asks for at least
 * 600,000 iterations of PBKDF2-HMAC-SHA256:
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2
 */

/** The floor for new vaults and for any stored vault we agree to unlock. */
export const MIN_PBKDF2_ITERATIONS = 600_000;

/**
 * The ceiling we accept from storage. Higher values would mean an unlock that takes minutes, which
 * only foreign or tampered data would ask for; such meta is reported as 'corrupt'.
 */
export const MAX_PBKDF2_ITERATIONS = 20_000_000;

/** Salt length for new vaults (bytes). Stored salts may be 16–64 bytes. */
export const SALT_BYTES = 16;
export const MIN_SALT_BYTES = 16;
export const MAX_SALT_BYTES = 64;

/** AES-GCM IV length (bytes), as the ports require. */
export const IV_BYTES = 12;
/** AES-GCM tag length (bytes), appended to every ciphertext. */
export const TAG_BYTES = 16;
