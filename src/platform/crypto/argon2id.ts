/**
 * Argon2id (RFC 9106) through hash-wasm, a maintained WASM build of the reference implementation.
 * The module (its WASM is embedded, so the page's CSP needs 'wasm-unsafe-eval') is imported on first
 * use: it stays out of the first paint and is fetched only when a passcode is derived.
 */
import type * as HashWasm from 'hash-wasm';

export interface Argon2idInput {
  readonly password: Uint8Array;
  readonly salt: Uint8Array;
  /** Memory cost in KiB. */
  readonly memoryKiB: number;
  /** Time cost (passes). */
  readonly iterations: number;
  readonly parallelism: number;
  /** Output length in bytes. */
  readonly hashLength: number;
}

/** Raw Argon2id output; the caller owns (and wipes) it. */
export type Argon2idFunction = (input: Argon2idInput) => Promise<Uint8Array>;

let loading: Promise<typeof HashWasm> | undefined;

/** Argon2id v1.3 (0x13) over hash-wasm, loaded lazily. */
export const argon2idHashWasm: Argon2idFunction = async (input) => {
  loading ??= import('hash-wasm');
  loading.catch(() => {
    loading = undefined; // a failed chunk load (offline before precache) may succeed later
  });
  const { argon2id } = await loading;
  return argon2id({
    password: input.password,
    salt: input.salt,
    memorySize: input.memoryKiB,
    iterations: input.iterations,
    parallelism: input.parallelism,
    hashLength: input.hashLength,
    outputType: 'binary',
  });
};
