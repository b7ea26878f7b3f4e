/**
 * Device unlock over WebAuthn with the PRF extension (WebAuthn Level 3 §10.1.4; CTAP2.1
 * hmac-secret underneath): a platform authenticator (fingerprint, face, device PIN) holds a secret
 * per credential and, after user verification, returns PRF(secret, salt). The vault derives a
 * key-encryption key from that output (HKDF) and wraps its data key with it.
 *
 * No server takes part: the challenge is random and nothing verifies the attestation or the
 * assertion signature; what protects the vault is that only this authenticator can reproduce the
 * PRF output. The implementation of core's DeviceKeyAuthenticator port.
 */
import type { DeviceKeyAuthenticator, DeviceKeyProblem } from '../../core/vault/index.ts';
import { failed, ok, type Result } from '../../core/result.ts';

/** What this browser and device offer for device unlock, before trying it. */
export type DeviceUnlockSupport =
  | 'available'
  /** No WebAuthn at all (an old browser, or not a secure context). */
  | 'no-webauthn'
  /** WebAuthn, but no user-verifying platform authenticator (no fingerprint/face/PIN unlock). */
  | 'no-platform-authenticator'
  /** The browser says it does not implement the PRF extension. */
  | 'prf-unsupported';

const TIMEOUT_MS = 120_000;

/**
 * Whether device unlock can be offered. 'available' is a promise, not a guarantee: whether the
 * authenticator itself supports PRF is only known when a credential is created.
 */
export async function probeDeviceUnlock(): Promise<DeviceUnlockSupport> {
  if (typeof PublicKeyCredential === 'undefined' || !navigator.credentials) return 'no-webauthn';
  try {
    if (!(await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable())) {
      return 'no-platform-authenticator';
    }
    if (typeof PublicKeyCredential.getClientCapabilities === 'function') {
      const capabilities = await PublicKeyCredential.getClientCapabilities();
      if (capabilities['extension:prf'] === false) return 'prf-unsupported';
    }
    return 'available';
  } catch {
    return 'no-webauthn';
  }
}

export interface WebAuthnPrfOptions {
  /** The relying party's display name (the rp id is the page's own domain). */
  readonly rpName: string;
  /** The account name the platform shows in its prompt and credential list. */
  readonly userName: string;
}

export function webAuthnPrfAuthenticator(options: WebAuthnPrfOptions): DeviceKeyAuthenticator {
  return {
    async register({ salt }) {
      const created = await ceremony(() =>
        navigator.credentials.create({
          publicKey: {
            rp: { name: options.rpName },
            user: {
              id: random(16),
              name: options.userName,
              displayName: options.userName,
            },
            challenge: random(32),
            // ES256, EdDSA, RS256: whatever the platform authenticator signs with.
            pubKeyCredParams: [
              { type: 'public-key', alg: -7 },
              { type: 'public-key', alg: -8 },
              { type: 'public-key', alg: -257 },
            ],
            authenticatorSelection: {
              authenticatorAttachment: 'platform',
              residentKey: 'preferred',
              userVerification: 'required',
            },
            attestation: 'none',
            timeout: TIMEOUT_MS,
            // Ask for PRF, and for PRF(salt) right away where the authenticator can (one prompt).
            extensions: { prf: { eval: { first: copy(salt) } } },
          },
        }),
      );
      if (!created.ok) return created;
      const credential = created.value;
      const prf = credential.getClientExtensionResults().prf;
      if (!prf?.enabled) return failed('prf-unsupported');
      const credentialId = new Uint8Array(credential.rawId);
      const first = prf.results?.first;
      if (first) return ok({ credentialId, prfOutput: bytesOf(first) });
      // Most authenticators evaluate PRF only in an assertion: ask once more.
      const evaluated = await evaluate(credentialId, salt);
      return evaluated.ok ? ok({ credentialId, prfOutput: evaluated.value }) : evaluated;
    },

    evaluate: ({ credentialId, salt }) => evaluate(credentialId, salt),
  };
}

async function evaluate(
  credentialId: Uint8Array,
  salt: Uint8Array,
): Promise<Result<Uint8Array, DeviceKeyProblem>> {
  const asserted = await ceremony(() =>
    navigator.credentials.get({
      publicKey: {
        challenge: random(32),
        allowCredentials: [{ type: 'public-key', id: copy(credentialId) }],
        userVerification: 'required',
        timeout: TIMEOUT_MS,
        extensions: { prf: { eval: { first: copy(salt) } } },
      },
    }),
  );
  if (!asserted.ok) return asserted;
  const first = asserted.value.getClientExtensionResults().prf?.results?.first;
  return first ? ok(bytesOf(first)) : failed('prf-unsupported');
}

/** Run a WebAuthn call; map its DOMExceptions to reasons (the UI words them). */
async function ceremony(
  run: () => Promise<Credential | null>,
): Promise<Result<PublicKeyCredential, DeviceKeyProblem>> {
  try {
    const credential = await run();
    if (!(credential instanceof PublicKeyCredential)) return failed('failed');
    return ok(credential);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    // NotAllowedError: dismissed, timed out, or no authenticator answered (browsers do not say which).
    if (name === 'NotAllowedError' || name === 'AbortError') return failed('cancelled');
    if (name === 'NotSupportedError') return failed('prf-unsupported');
    return failed('failed');
  }
}

function random(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

/** A copy of a PRF output the caller may wipe. */
function bytesOf(source: BufferSource): Uint8Array {
  return source instanceof ArrayBuffer
    ? new Uint8Array(source.slice(0))
    : new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength));
}
