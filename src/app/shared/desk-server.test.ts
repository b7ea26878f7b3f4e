import { describe, expect, it, vi } from 'vitest';
import { readServerSettings } from '../../core/desk/index.ts';
import { utf8ToBytes } from '../../core/encoding/index.ts';
import { createVault } from '../../core/vault/index.ts';
import { createFakeVaultCrypto } from '../../core/vault/vault-crypto.fake.ts';
import { createMemoryVaultStorage } from '../../core/vault/vault-storage.memory.ts';
import {
  deskServerFacts,
  forgetDeskServer,
  saveDeskServer,
  testDeskServer,
  withDeskServer,
} from './desk-server.ts';
import type { AdminHttp } from './server-admin.ts';

const TOKEN = 'admin-token-for-desk-tests';
const NOW = new Date('2026-12-02T09:00:00Z');
const INFO = {
  url: 'https://vouch.example.org',
  issuer: 'did:key:zDnaeServerIssuer',
  verifier: 'did:key:zDnaeServerVerifier',
  statusList: 'https://vouch.example.org/status/1',
};

async function vault() {
  const created = await createVault(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), now: () => NOW },
    { passcode: 'desk passcode 2026', secret: utf8ToBytes('{}') },
  );
  if (!created.ok) throw new Error(created.reason);
  return created.value;
}

const answering = (status: number, body: unknown) =>
  vi.fn<AdminHttp>(async () => ({ ok: true, status, text: JSON.stringify(body) }));

describe('a desk’s server connection', () => {
  it('Given an address and a token, when saved, then the server is asked who it is once and its issuer DID is remembered', async () => {
    const desk = await vault();
    const http = answering(200, INFO);
    const saved = await saveDeskServer(
      desk,
      { url: ' https://vouch.example.org/ ', token: TOKEN, now: NOW },
      { http },
    );
    expect(saved).toEqual({
      ok: true,
      url: 'https://vouch.example.org',
      info: { ok: true, value: INFO },
    });
    expect(http).toHaveBeenCalledTimes(1);
    expect(await deskServerFacts(desk)).toEqual({
      url: 'https://vouch.example.org',
      issuer: INFO.issuer,
    });
  });

  it('Given a server that cannot be reached, when saved, then it is saved all the same and the problem is reported', async () => {
    const desk = await vault();
    const saved = await saveDeskServer(
      desk,
      { url: 'https://vouch.example.org', token: TOKEN, now: NOW },
      { http: vi.fn<AdminHttp>(async () => ({ ok: false, reason: 'unreachable' })) },
    );
    expect(saved).toEqual({
      ok: true,
      url: 'https://vouch.example.org',
      info: { ok: false, problem: 'unreachable' },
    });
    expect(await deskServerFacts(desk)).toEqual({
      url: 'https://vouch.example.org',
      issuer: undefined,
    });
  });

  it('Given a saved token, when saved again with an empty token, then the saved token is kept', async () => {
    const desk = await vault();
    const http = answering(200, INFO);
    await saveDeskServer(
      desk,
      { url: 'https://vouch.example.org', token: TOKEN, now: NOW },
      { http },
    );
    await saveDeskServer(desk, { url: 'https://other.example.org', token: '', now: NOW }, { http });
    expect(await readServerSettings(desk)).toMatchObject({
      url: 'https://other.example.org',
      token: TOKEN,
    });
    expect(http.mock.calls[1]?.[0]).toMatchObject({
      url: 'https://other.example.org/admin/info',
      token: TOKEN,
    });
  });

  it.each([
    ['a bad address', 'http://vouch.example.org', TOKEN, 'deskServer.invalidUrl'],
    ['no token and none saved', 'https://vouch.example.org', '', 'deskServer.invalidToken'],
    ['a token with a space', 'https://vouch.example.org', 'a b', 'deskServer.invalidToken'],
  ])('Given %s, then nothing is saved or asked', async (_name, url, token, message) => {
    const desk = await vault();
    const http = answering(200, INFO);
    expect(await saveDeskServer(desk, { url, token, now: NOW }, { http })).toEqual({
      ok: false,
      message,
    });
    expect(http).not.toHaveBeenCalled();
    expect(await deskServerFacts(desk)).toBeNull();
  });

  it('Given no server, then Test connection and admin calls say not-configured without asking anything', async () => {
    const desk = await vault();
    const http = answering(200, INFO);
    expect(await testDeskServer(desk, NOW, { http })).toEqual({
      ok: false,
      problem: 'not-configured',
    });
    const use = vi.fn();
    expect(await withDeskServer(desk, use)).toEqual({ ok: false, problem: 'not-configured' });
    expect(use).not.toHaveBeenCalled();
    expect(http).not.toHaveBeenCalled();
  });

  it('Given a saved server, when tested, then its DIDs come back; when the token is refused, then unauthorized; when forgotten, then offline', async () => {
    const desk = await vault();
    await saveDeskServer(
      desk,
      { url: 'https://vouch.example.org', token: TOKEN, now: NOW },
      { http: answering(200, INFO) },
    );
    expect(await testDeskServer(desk, NOW, { http: answering(200, INFO) })).toEqual({
      ok: true,
      value: INFO,
    });
    expect(
      await testDeskServer(desk, NOW, { http: answering(401, { error: 'unauthorized' }) }),
    ).toEqual({ ok: false, problem: 'unauthorized' });
    await forgetDeskServer(desk);
    expect(await deskServerFacts(desk)).toBeNull();
  });
});
