/** The CLI's composition root: the platform services core receives as parameters. */
import { webJwsCrypto } from '../../platform/crypto/jws-crypto.ts';
import type { JwsCrypto } from '../../core/jose/index.ts';

let crypto: JwsCrypto | undefined;

/** WebCrypto for ES256/EdDSA (keys imported once, non-extractable), noble for ES256K. */
export function jwsCrypto(): JwsCrypto {
  crypto ??= webJwsCrypto();
  return crypto;
}

export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** Parses --expires / --now style ISO dates; undefined when the text is not one. */
export function parseIsoDate(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
