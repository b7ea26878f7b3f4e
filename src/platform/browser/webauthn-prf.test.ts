/**
 * webauthn-prf against a stubbed navigator.credentials (Node has no WebAuthn): what is asked of the
 * browser, and how its answers and DOMExceptions become results. The real ceremony runs in
 * e2e/wallet-device-unlock.spec.ts with Chromium's virtual authenticator.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { probeDeviceUnlock, webAuthnPrfAuthenticator } from './webauthn-prf.ts';

class FakePublicKeyCredential {
  static isUserVerifyingPlatformAuthenticatorAvailable = vi.fn(async () => true);
  static getClientCapabilities = vi.fn(async (): Promise<Record<string, boolean>> => ({}));
  constructor(
    readonly rawId: ArrayBuffer,
    private readonly prf: AuthenticationExtensionsPRFOutputs | undefined,
  ) {}
  getClientExtensionResults() {
    return { prf: this.prf };
  }
}

const credentials = { create: vi.fn(), get: vi.fn() };
const SALT = Uint8Array.from({ length: 32 }, (_, i) => i);
const CREDENTIAL_ID = Uint8Array.from({ length: 16 }, (_, i) => 100 + i);
const output = (fill: number) => new Uint8Array(32).fill(fill).buffer;

beforeEach(() => {
  vi.stubGlobal('PublicKeyCredential', FakePublicKeyCredential);
  vi.stubGlobal('navigator', { credentials });
  credentials.create.mockReset();
  credentials.get.mockReset();
});
afterEach(() => vi.unstubAllGlobals());

const authenticator = () => webAuthnPrfAuthenticator({ rpName: 'Vouch', userName: 'Vouch wallet' });

describe('register', () => {
  it('Given an authenticator that evaluates PRF at creation, when registering, then a platform credential with user verification and the PRF extension is created and its output used, with no second prompt', async () => {
    credentials.create.mockResolvedValue(
      new FakePublicKeyCredential(CREDENTIAL_ID.slice().buffer, {
        enabled: true,
        results: { first: output(7) },
      }),
    );
    const result = await authenticator().register({ salt: SALT });
    expect(result).toEqual({
      ok: true,
      value: { credentialId: CREDENTIAL_ID, prfOutput: new Uint8Array(32).fill(7) },
    });
    const publicKey = credentials.create.mock.calls[0]?.[0].publicKey;
    expect(publicKey.authenticatorSelection).toMatchObject({
      authenticatorAttachment: 'platform',
      userVerification: 'required',
    });
    expect(publicKey.extensions.prf.eval.first).toEqual(SALT);
    expect(credentials.get).not.toHaveBeenCalled();
  });

  it('Given PRF enabled but not evaluated at creation, when registering, then one assertion with that credential evaluates it', async () => {
    credentials.create.mockResolvedValue(
      new FakePublicKeyCredential(CREDENTIAL_ID.slice().buffer, { enabled: true }),
    );
    credentials.get.mockResolvedValue(
      new FakePublicKeyCredential(CREDENTIAL_ID.slice().buffer, { results: { first: output(9) } }),
    );
    const result = await authenticator().register({ salt: SALT });
    expect(result.ok && result.value.prfOutput).toEqual(new Uint8Array(32).fill(9));
    const publicKey = credentials.get.mock.calls[0]?.[0].publicKey;
    expect(publicKey.allowCredentials[0].id).toEqual(CREDENTIAL_ID);
    expect(publicKey.userVerification).toBe('required');
    expect(publicKey.extensions.prf.eval.first).toEqual(SALT);
  });

  it('Given an authenticator without PRF (prf.enabled false), when registering, then it is prf-unsupported', async () => {
    credentials.create.mockResolvedValue(
      new FakePublicKeyCredential(CREDENTIAL_ID.slice().buffer, { enabled: false }),
    );
    expect(await authenticator().register({ salt: SALT })).toEqual({
      ok: false,
      reason: 'prf-unsupported',
    });
  });

  it.each([
    ['NotAllowedError', 'cancelled'],
    ['AbortError', 'cancelled'],
    ['NotSupportedError', 'prf-unsupported'],
    ['InvalidStateError', 'failed'],
    ['SecurityError', 'failed'],
  ])('Given the browser throws %s, when registering, then it is %s', async (name, reason) => {
    credentials.create.mockRejectedValue(new DOMException('no', name));
    expect(await authenticator().register({ salt: SALT })).toEqual({ ok: false, reason });
  });
});

describe('evaluate', () => {
  it('Given an assertion without PRF results, when evaluating, then it is prf-unsupported', async () => {
    credentials.get.mockResolvedValue(
      new FakePublicKeyCredential(CREDENTIAL_ID.slice().buffer, {}),
    );
    expect(await authenticator().evaluate({ credentialId: CREDENTIAL_ID, salt: SALT })).toEqual({
      ok: false,
      reason: 'prf-unsupported',
    });
  });
});

describe('probeDeviceUnlock', () => {
  it('Given no platform authenticator, then it says so; given no PRF in the client capabilities, then prf-unsupported; else available', async () => {
    FakePublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable.mockResolvedValueOnce(
      false,
    );
    expect(await probeDeviceUnlock()).toBe('no-platform-authenticator');
    FakePublicKeyCredential.getClientCapabilities.mockResolvedValueOnce({ 'extension:prf': false });
    expect(await probeDeviceUnlock()).toBe('prf-unsupported');
    expect(await probeDeviceUnlock()).toBe('available');
  });

  it('Given no WebAuthn at all, then no-webauthn', async () => {
    vi.stubGlobal('PublicKeyCredential', undefined);
    expect(await probeDeviceUnlock()).toBe('no-webauthn');
  });
});
