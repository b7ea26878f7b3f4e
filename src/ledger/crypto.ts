/** The signature checks a ledger node and `vouch evidence verify` make: WebCrypto, noble for ES256K. */
import type { ReceiptVerifier } from '../core/evidence/index.ts';
import { webJwsCrypto } from '../platform/crypto/jws-crypto.ts';

let shared: ReceiptVerifier | undefined;

export function verifyOnlyCrypto(): ReceiptVerifier {
  shared ??= webJwsCrypto();
  return shared;
}
