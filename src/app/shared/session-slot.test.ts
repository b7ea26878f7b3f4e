import { describe, expect, it, vi } from 'vitest';
import { createDesk, withIssuerSigner } from '../../core/issuer/index.ts';
import { utf8ToBytes } from '../../core/encoding/index.ts';
import type { PrivateJwk } from '../../core/jose/index.ts';
import { createMemoryVaultStorage } from '../../core/vault/index.ts';
import { createFakeVaultCrypto } from '../../core/vault/vault-crypto.fake.ts';
import { jwsCrypto } from '../composition.ts';
import { createSessionSlot } from './session-slot.ts';

const DATA = utf8ToBytes('header.payload');

async function unlockedDesk() {
  const deps = {
    storage: createMemoryVaultStorage(),
    crypto: createFakeVaultCrypto(),
    jws: jwsCrypto(),
  };
  const created = await createDesk(deps, {
    passcode: '482916',
    profile: { name: 'Acme Rides BV', kind: 'employer', registration: 'KvK 12345678' },
    statusListUri: 'https://status.acme.example/1.jwt',
    now: new Date('2026-10-01T09:00:00Z'),
  });
  if (!created.ok) throw new Error(created.reason);
  return { desk: created.value, deps };
}

describe('createSessionSlot (issue 8.1: nothing signs after lock)', () => {
  it('Given an unlocked desk that has signed, when its session ends, then the vault is locked, the session is gone and its signer refuses', async () => {
    const { desk, deps } = await unlockedDesk();
    const slot = createSessionSlot<typeof desk>();
    slot.set(desk);
    const signature = await withIssuerSigner(desk, deps, (issuer) => issuer.sign(DATA));
    expect(await deps.jws.verify(desk.issuer.alg, desk.issuer.publicJwk, DATA, signature)).toBe(
      true,
    );

    slot.end();

    expect(slot.get()).toBeUndefined();
    expect(desk.vault.locked).toBe(true);
    await expect(withIssuerSigner(desk, deps, (issuer) => issuer.sign(DATA))).rejects.toThrow();
    // A script on the page that knows only the public key gets no issuer signature out of the cache.
    const stranger = await deps.jws.generateKeyPair(desk.issuer.alg);
    const guess = { ...desk.issuer.publicJwk, d: stranger.privateJwk.d } as PrivateJwk;
    const forged = await deps.jws.sign(desk.issuer.alg, guess, DATA).catch(() => undefined);
    if (forged !== undefined) {
      expect(await deps.jws.verify(desk.issuer.alg, desk.issuer.publicJwk, DATA, forged)).toBe(
        false,
      );
    }
  });

  it('Given a signing key imported on the page, when any session ends, then the page forgets every signing key', async () => {
    const forget = vi.spyOn(jwsCrypto(), 'forgetSigningKeys');
    const slot = createSessionSlot<{ vault: { lock(): void } }>();
    const lock = vi.fn();
    slot.set({ vault: { lock } });
    slot.end();
    expect(lock).toHaveBeenCalledOnce();
    expect(forget).toHaveBeenCalledOnce();
    slot.end(); // already locked: still forgets, never throws
    expect(forget).toHaveBeenCalledTimes(2);
    forget.mockRestore();
  });
});
