/** The CLI's composition root: the platform services core receives as parameters. */
import { webJwsCrypto } from '../../platform/crypto/jws-crypto.ts';
import type { JwsCrypto } from '../../core/jose/index.ts';

export { parseIsoDate } from './iso-date.ts';

let crypto: JwsCrypto | undefined;

/** WebCrypto for ES256/EdDSA (keys imported once, non-extractable), noble for ES256K. */
export function jwsCrypto(): JwsCrypto {
  crypto ??= webJwsCrypto();
  return crypto;
}

export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}
