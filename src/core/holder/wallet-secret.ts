import { bytesToUtf8, utf8ToBytes } from '../encoding/index.ts';

/**
 * The one secret in the vault's `secret` record, as bytes so it can be wiped:
 *
 *   byte 0       format (1)
 *   bytes 1..64  BIP39 seed (64 bytes: mnemonic + passphrase through PBKDF2-HMAC-SHA512)
 *   bytes 65..   the normalised mnemonic, UTF-8 (kept so the citizen can be shown it again)
 *
 * Keys are derived from the seed; the mnemonic is decoded only when it is to be shown.
 */
const FORMAT = 1;
const SEED_LENGTH = 64;

export function encodeWalletSecret(seed: Uint8Array, mnemonic: string): Uint8Array {
  if (seed.length !== SEED_LENGTH) {
    throw new RangeError(`"seed" expected ${SEED_LENGTH} bytes, got ${seed.length}`);
  }
  const words = utf8ToBytes(mnemonic);
  const out = new Uint8Array(1 + SEED_LENGTH + words.length);
  out[0] = FORMAT;
  out.set(seed, 1);
  out.set(words, 1 + SEED_LENGTH);
  words.fill(0);
  return out;
}

/** A view of the seed inside `secret` (no copy: it is wiped with the secret). */
export function seedOf(secret: Uint8Array): Uint8Array {
  if (secret[0] !== FORMAT || secret.length < 1 + SEED_LENGTH) {
    throw new RangeError(
      `wallet secret: unknown format ${String(secret[0])} or length ${secret.length}`,
    );
  }
  return secret.subarray(1, 1 + SEED_LENGTH);
}

export function mnemonicOf(secret: Uint8Array): string {
  seedOf(secret);
  const words = bytesToUtf8(secret.subarray(1 + SEED_LENGTH));
  if (!words.ok) throw new RangeError('wallet secret: the mnemonic is not valid UTF-8');
  return words.value;
}
