/**
 * The server's registration certificate (registration.ts): checked at start (`--registration`),
 * signed into the `verifier_info` of every request object — online requests and application
 * links — while valid, and read by the holder's own request reader as "registered".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHolderWallet } from '../../core/holder/holder-wallet.ts';
import { readPresentationRequestUri } from '../../core/holder/presentation-flow.ts';
import { createIssuerKeyFile, issuerSigner } from '../../core/jose/index.ts';
import type { IssuerKeyFile } from '../../core/jose/index.ts';
import type { FetchLike } from '../../core/protocol/openid4vp/http.ts';
import { signRegistrationCertificate } from '../../core/trust/index.ts';
import { createMemoryVaultStorage } from '../../core/vault/index.ts';
import { createFakeVaultCrypto } from '../../core/vault/vault-crypto.fake.ts';
import { webJwsCrypto } from '../../platform/crypto/jws-crypto.ts';
import { signingKeyOf } from '../data-dir.ts';
import { startServer } from '../start.ts';
import { createTestServer } from '../test-server.fake.ts';
import type { TestServer } from '../test-server.fake.ts';
import { checkServerRegistration, loadRegistrationFile, verifierInfoAt } from './registration.ts';

const crypto = webJwsCrypto();
/** The test server's clock starts here (test-server.fake.ts). */
const START = new Date('2026-01-01T00:00:00Z');
const DAY = 86_400_000;

let authority: IssuerKeyFile;
let verifierKey: IssuerKeyFile;
let certificate: string;
let server: TestServer;
let dir: string;

const certify = (opts: { verifier?: string; issuedAt?: Date; expiresAt?: Date } = {}) =>
  signRegistrationCertificate({
    authority: { did: authority.did, alg: authority.alg, sign: issuerSigner(crypto, authority) },
    verifier: opts.verifier ?? verifierKey.did,
    name: { nl: 'Gemeente Testdorp', en: 'Municipality of Testdorp' },
    issuedAt: opts.issuedAt ?? new Date(START.getTime() - DAY),
    expiresAt: opts.expiresAt ?? new Date(START.getTime() + 30 * DAY),
  });

const checkAt = (jwt: string, now = START) =>
  checkServerRegistration(jwt, { verifier: signingKeyOf(verifierKey, crypto), crypto, now });

beforeAll(async () => {
  authority = await createIssuerKeyFile(crypto, 'ES256');
  verifierKey = await createIssuerKeyFile(crypto, 'ES256');
  certificate = await certify();
  const checked = await checkAt(certificate);
  if (!checked.ok) throw new Error(checked.detail.message);
  server = await createTestServer({ rateLimit: false, verifierKey, registration: checked.value });
  dir = await mkdtemp(join(tmpdir(), 'vouch-registration-'));
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('checking a certificate for this server', () => {
  it('Given a certificate for the server verifier, when checked, then it is kept with its name and authority', async () => {
    const checked = await checkAt(`  ${certificate}\n`);
    expect(checked).toMatchObject({
      ok: true,
      value: {
        jwt: certificate,
        certificate: { authority: authority.did, verifier: verifierKey.did },
      },
    });
  });

  it('Given a certificate for another verifier, when checked, then it is refused naming both client_ids', async () => {
    const other = await createIssuerKeyFile(crypto, 'ES256');
    const checked = await checkAt(await certify({ verifier: other.did }));
    expect(checked).toMatchObject({ ok: false, reason: 'other-verifier' });
    if (checked.ok) return;
    expect(checked.detail.message).toContain(`decentralized_identifier:${other.did}`);
    expect(checked.detail.message).toContain(
      `client_id decentralized_identifier:${verifierKey.did}`,
    );
  });

  it.each([
    ['expired', new Date(START.getTime() + 31 * DAY), 'expired'],
    ['not yet valid', new Date(START.getTime() - 2 * DAY), 'not-yet-valid'],
  ])('Given a certificate checked when it is %s, then it is refused', async (_, now, reason) => {
    expect(await checkAt(certificate, now)).toMatchObject({ ok: false, reason });
  });

  it('Given a malformed or tampered certificate, then it is refused', async () => {
    expect(await checkAt('not a certificate')).toMatchObject({ ok: false, reason: 'malformed' });
    const [header, payload, signature] = certificate.split('.');
    const flipped = `${header}.${payload}.${signature?.startsWith('A') ? 'B' : 'A'}${signature?.slice(1)}`;
    expect(await checkAt(flipped)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });
});

describe('vouch serve --registration <file>', () => {
  const load = (path: string) =>
    loadRegistrationFile(path, { verifier: signingKeyOf(verifierKey, crypto), crypto, now: START });

  it('Given a file with the certificate, when the server starts, then it is loaded', async () => {
    const path = join(dir, 'ok.jwt');
    await writeFile(path, `${certificate}\n`);
    expect((await load(path)).jwt).toBe(certificate);
  });

  it('Given a missing, expired or foreign certificate file, when the server starts, then it refuses with one clear line', async () => {
    await expect(load(join(dir, 'absent.jwt'))).rejects.toThrow(
      /^--registration: .*absent\.jwt does not exist$/,
    );
    const expired = join(dir, 'expired.jwt');
    await writeFile(expired, await certify({ expiresAt: new Date(START.getTime() - 1000) }));
    await expect(load(expired)).rejects.toThrow(
      /^--registration: .*expired\.jwt is refused: the certificate expired at .*; ask the registration authority for a new one$/,
    );
    const foreign = join(dir, 'foreign.jwt');
    const other = await createIssuerKeyFile(crypto, 'ES256');
    await writeFile(foreign, await certify({ verifier: other.did }));
    await expect(load(foreign)).rejects.toThrow(/this server's requests have client_id/);
    // startServer reads it after the keys and before it listens or opens a database.
    await expect(
      startServer({
        port: 0,
        host: '127.0.0.1',
        dataDir: join(dir, 'data'),
        registrationFile: foreign,
        envAdminToken: 'registration-test-token-0123456789',
        crypto,
        randomBytes: (length) => globalThis.crypto.getRandomValues(new Uint8Array(length)),
        log: () => undefined,
        announce: () => undefined,
        now: () => START,
      }),
    ).rejects.toThrow(/^--registration: .*foreign\.jwt is refused: the certificate registers/);
    const garbage = join(dir, 'garbage.jwt');
    await writeFile(garbage, '{"not":"a jwt"}');
    await expect(load(garbage)).rejects.toThrow(/is refused: not a registration certificate/);
  });
});

describe('request objects carry the certificate', () => {
  async function onlineRequest() {
    const response = await server.admin('/admin/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'income-statement', claims: ['period'] }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; uri: string };
  }

  async function applicationLink() {
    const response = await server.admin('/admin/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Diploma', type: 'diploma', claims: ['degree'] }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; link: string };
  }

  const payloadAt = async (path: string) => {
    const response = await server.app.request(path, { method: 'POST' });
    expect(response.status).toBe(200);
    return decodeJwt(await response.text());
  };

  it('Given a server with a certificate, when an online request and an application link are fetched, then both objects have it in verifier_info', async () => {
    const { id } = await onlineRequest();
    expect((await payloadAt(`/requests/${id}`)).verifier_info).toEqual([
      { format: 'jwt', data: certificate },
    ]);
    const link = await applicationLink();
    expect((await payloadAt(`/applications/${link.id}/request`)).verifier_info).toEqual([
      { format: 'jwt', data: certificate },
    ]);
  });

  it('Given /admin/info, then it names the certificate and says it is sent', async () => {
    const info = (await (await server.admin('/admin/info')).json()) as Record<string, unknown>;
    expect(info.registration).toEqual({
      name: { nl: 'Gemeente Testdorp', en: 'Municipality of Testdorp' },
      authority: authority.did,
      expiresAt: new Date(START.getTime() + 30 * DAY).toISOString(),
      sent: true,
    });
  });

  it('Given the certificate window, then verifier_info is given inside it only', () => {
    const held = { jwt: certificate, certificate: { iat: 1000, exp: 2000 } } as Parameters<
      typeof verifierInfoAt
    >[0];
    expect(verifierInfoAt(held, new Date(939_000))).toBeUndefined();
    expect(verifierInfoAt(held, new Date(940_000))).toHaveLength(1);
    expect(verifierInfoAt(held, new Date(1_999_000))).toHaveLength(1);
    expect(verifierInfoAt(held, new Date(2_000_000))).toBeUndefined();
    expect(verifierInfoAt(undefined, new Date(1_500_000))).toBeUndefined();
  });

  it("Given a wallet that trusts the authority, when it reads the server's application link, then the verifier is registered; a wallet that does not, reads not verified", async () => {
    const created = await createHolderWallet(
      { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
      { mnemonic: `${'abandon '.repeat(23)}art`, passcode: '804193', origin: 'restored' },
    );
    if (!created.ok) throw new Error(created.reason);
    const fetch: FetchLike = async (url, init) =>
      server.app.fetch(
        new Request(url, {
          method: init.method,
          headers: init.headers,
          ...(init.body === undefined ? {} : { body: init.body }),
        }),
      );
    const read = async (uri: string, authorities: string[]) => {
      const result = await readPresentationRequestUri(created.value, uri, {
        crypto,
        now: server.ctx.now(),
        fetch,
        walletNonce: 'wallet-nonce-0123456789',
        verifierAuthorities: authorities,
      });
      if (!result.ok) throw new Error(result.detail);
      return result.value.standing;
    };
    const link = (await applicationLink()).link;
    expect(await read(link, [authority.did])).toEqual({
      kind: 'registered',
      verifier: verifierKey.did,
      name: { nl: 'Gemeente Testdorp', en: 'Municipality of Testdorp' },
      authority: authority.did,
    });
    expect(await read((await onlineRequest()).uri, [authority.did])).toMatchObject({
      kind: 'registered',
    });
    expect(await read(link, [])).toMatchObject({ kind: 'not-verified' });
  });

  it('Given the certificate has expired while the server runs, then new request objects no longer carry it', async () => {
    const { id } = await onlineRequest();
    server.advance(31 * DAY);
    try {
      const fresh = await onlineRequest();
      expect((await payloadAt(`/requests/${fresh.id}`)).verifier_info).toBeUndefined();
      const info = (await (await server.admin('/admin/info')).json()) as {
        registration: { sent: boolean };
      };
      expect(info.registration.sent).toBe(false);
    } finally {
      server.advance(-31 * DAY);
    }
    expect((await payloadAt(`/requests/${id}`)).verifier_info).toHaveLength(1);
  });
});
