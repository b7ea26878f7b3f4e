/**
 * The one file that wires platform implementations into core ports for the browser; the UI reaches
 * platform services only through here.
 */
import type { DeskDeps } from '../core/issuer/index.ts';
import type { DeviceKeyAuthenticator, VaultDeps } from '../core/vault/index.ts';
import type { VerifierDeskDeps } from '../core/verifier/index.ts';
import { webJwsCrypto, type WebJwsCrypto } from '../platform/crypto/jws-crypto.ts';
import { webCryptoVaultCrypto } from '../platform/crypto/index.ts';
import { webAuthnPrfAuthenticator } from '../platform/browser/webauthn-prf.ts';
import { registerSigningKeys } from './signing-keys.ts';
import { deskVaultStorage, verifierVaultStorage, walletVaultStorage } from './vault-storage.ts';

export { forgetSigningKeys } from './signing-keys.ts';

export {
  readStoragePersistence,
  requestStoragePersistence,
  type StoragePersistence,
} from '../platform/browser/storage-persistence.ts';

// QR codes: camera scanning, picture upload, and drawing. The encoder (qrcode) and the decoder
// (jsQR) are loaded on first use, as chunks of their own, never in the first paint.
export { grayToRgba, qrMatrixToGray, type QrMatrix } from '../platform/browser/qr-bitmap.ts';
export {
  startQrCameraScan,
  type CameraProblem,
  type QrCameraScan,
} from '../platform/browser/qr-camera.ts';
export { decodeQrImageFile, type QrImageProblem } from '../platform/browser/qr-image-file.ts';
export const loadQrEncoder = () => import('../platform/browser/qr-encode.ts');

// Device unlock (WebAuthn PRF): the platform authenticator wraps the wallet's data key.
export { probeDeviceUnlock, type DeviceUnlockSupport } from '../platform/browser/webauthn-prf.ts';

/** The wallet's device-unlock authenticator (the name is what the platform prompt shows). */
export function walletDeviceAuthenticator(): DeviceKeyAuthenticator {
  return webAuthnPrfAuthenticator({ rpName: 'Vouch', userName: 'Vouch wallet' });
}

let walletDeps: VaultDeps | undefined;
let deskDeps: DeskDeps | undefined;
let verifierDeps: VerifierDeskDeps | undefined;
let jws: WebJwsCrypto | undefined;

/** The citizen's wallet: IndexedDB database `vouch`. */
export function walletVaultDeps(): VaultDeps {
  walletDeps ??= { storage: walletVaultStorage(), crypto: webCryptoVaultCrypto() };
  return walletDeps;
}

/** The issuer desk: a database of its own (`vouch-issuer`), with its own passcode. */
export function deskVaultDeps(): DeskDeps {
  deskDeps ??= {
    storage: deskVaultStorage(),
    crypto: webCryptoVaultCrypto(),
    jws: jwsCrypto(),
  };
  return deskDeps;
}

/** The verifier desk: a database of its own (`vouch-verifier`), with its own passcode. */
export function verifierVaultDeps(): VerifierDeskDeps {
  verifierDeps ??= {
    storage: verifierVaultStorage(),
    crypto: webCryptoVaultCrypto(),
    jws: jwsCrypto(),
  };
  return verifierDeps;
}

/** JWS signatures: WebCrypto for ES256 and EdDSA, noble for ES256K. */
export function jwsCrypto(): WebJwsCrypto {
  if (!jws) {
    const created = webJwsCrypto();
    registerSigningKeys(() => created.forgetSigningKeys());
    jws = created;
  }
  return jws;
}

export { randomBytes } from './random.ts';
