import { describe, expect, it } from 'vitest';
import { utf8ToBytes } from '../encoding/index.ts';
import { createVault, unlockVault } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createMemoryVaultStorage } from '../vault/vault-storage.memory.ts';
import {
  clearServerSettings,
  readServerSettings,
  SERVER_SETTINGS_ID,
  writeServerSettings,
} from './server-settings.ts';

const PASSCODE = 'desk passcode 2026';
const TOKEN = 'vouch-admin-6f1c0e9b';
const NOW = new Date('2026-12-02T09:00:00Z');

async function deskVault() {
  const storage = createMemoryVaultStorage();
  const deps = { storage, crypto: createFakeVaultCrypto(), now: () => NOW };
  const created = await createVault(deps, { passcode: PASSCODE, secret: utf8ToBytes('{}') });
  if (!created.ok) throw new Error(created.reason);
  return { storage, deps, vault: created.value };
}

describe('a desk’s server settings', () => {
  it('Given a URL and a token, when saved, then they read back after a new unlock, and the stored bytes do not hold the token', async () => {
    const { storage, deps, vault } = await deskVault();
    expect(
      await writeServerSettings(vault, {
        url: 'https://vouch.example.org',
        token: TOKEN,
        now: NOW,
      }),
    ).toBe(true);
    vault.lock();
    const again = await unlockVault(deps, PASSCODE);
    if (!again.ok) throw new Error(again.reason);
    expect(await readServerSettings(again.value)).toEqual({
      url: 'https://vouch.example.org',
      token: TOKEN,
      savedAt: NOW.toISOString(),
    });
    const raw = JSON.stringify(await storage.readRecord(SERVER_SETTINGS_ID), (_k, v: unknown) =>
      v instanceof Uint8Array ? Array.from(v) : v,
    );
    expect(raw).not.toContain(TOKEN);
    expect(raw).not.toContain('vouch.example.org');
  });

  it('Given none saved, then undefined; when cleared, then undefined again', async () => {
    const { vault } = await deskVault();
    expect(await readServerSettings(vault)).toBeUndefined();
    await writeServerSettings(vault, { url: 'http://127.0.0.1:4500', token: TOKEN, now: NOW });
    expect(await readServerSettings(vault)).toMatchObject({ url: 'http://127.0.0.1:4500' });
    await writeServerSettings(vault, {
      url: 'http://127.0.0.1:4500',
      token: TOKEN,
      now: NOW,
      issuer: 'did:key:zDnaeDesk',
    });
    expect(await readServerSettings(vault)).toMatchObject({ issuer: 'did:key:zDnaeDesk' });
    await clearServerSettings(vault);
    expect(await readServerSettings(vault)).toBeUndefined();
  });

  it.each([
    ['plain http off this machine', 'http://vouch.example.org', TOKEN],
    ['a trailing slash', 'https://vouch.example.org/', TOKEN],
    ['a query', 'https://vouch.example.org/?a=1', TOKEN],
    ['a fragment', 'https://vouch.example.org/#a', TOKEN],
    ['no scheme', 'vouch.example.org', TOKEN],
    ['an oversized URL', `https://vouch.example.org/${'a'.repeat(2100)}`, TOKEN],
    ['an empty token', 'https://vouch.example.org', ''],
    ['a token with a space', 'https://vouch.example.org', 'two words'],
    ['a token with a line break', 'https://vouch.example.org', 'a\r\nX-Evil: 1'],
    ['an oversized token', 'https://vouch.example.org', 'x'.repeat(513)],
  ])('Given %s, then nothing is saved', async (_name, url, token) => {
    const { vault } = await deskVault();
    expect(await writeServerSettings(vault, { url, token, now: NOW })).toBe(false);
    expect(await readServerSettings(vault)).toBeUndefined();
  });
});
