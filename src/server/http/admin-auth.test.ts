import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, TEST_ADMIN_TOKEN } from '../test-server.fake.ts';
import type { TestServer } from '../test-server.fake.ts';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

const info = (authorization?: string) =>
  server.app.request(
    '/admin/info',
    authorization === undefined ? {} : { headers: { Authorization: authorization } },
  );

describe('admin bearer auth', () => {
  it('Given no token, when /admin/info is asked, then 401 with a Bearer challenge', async () => {
    const response = await info();
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await response.json()).toMatchObject({ error: 'unauthorized' });
  });

  it.each([
    ['a wrong token', 'Bearer wrong-token-of-some-length-0000'],
    ['the token with one character changed', `Bearer ${TEST_ADMIN_TOKEN.slice(0, -1)}X`],
    ['a prefix of the token', `Bearer ${TEST_ADMIN_TOKEN.slice(0, 10)}`],
    ['the token plus more', `Bearer ${TEST_ADMIN_TOKEN}x`],
    ['another scheme', `Basic ${TEST_ADMIN_TOKEN}`],
    ['the token without a scheme', TEST_ADMIN_TOKEN],
    ['a token with spaces', `Bearer ${TEST_ADMIN_TOKEN} x`],
  ])(
    'Given %s, when /admin/info is asked, then 401 and the sent value is not echoed',
    async (_, header) => {
      const response = await info(header);
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(text).not.toContain(header.replace(/^\w+ /, ''));
      expect(text).not.toContain(TEST_ADMIN_TOKEN.slice(0, 10));
    },
  );

  it('Given the right token, when /admin/info is asked, then it says what this server is', async () => {
    const response = await info(`Bearer ${TEST_ADMIN_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      url: 'https://vouch.test',
      issuer: server.issuerKey.did,
      verifier: server.verifierKey.did,
      statusList: null,
      registration: null,
    });
  });

  it('Given any /admin path, when asked without the token, then 401 before routing (no 404 oracle)', async () => {
    expect((await server.app.request('/admin/no-such-thing')).status).toBe(401);
    expect((await server.app.request('/admin')).status).toBe(401);
    expect((await server.app.request('/admin/status/revoke', { method: 'POST' })).status).toBe(401);
  });
});

describe('request logs', () => {
  it('Given requests carrying tokens, ids and query strings, when logged, then each line has method, route pattern, status and ms only', async () => {
    const before = server.logLines.length;
    await server.app.request('/status/SecretListId123?token=abc', {
      headers: { Authorization: 'Bearer leaked-bearer-token-123456' },
    });
    await info('Bearer wrong-token-of-some-length-0000');
    await info(`Bearer ${TEST_ADMIN_TOKEN}`);
    await server.app.request('/nowhere/personal-name-Jansen');
    const lines = server.logLines.slice(before);
    expect(lines).toHaveLength(4);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) {
      expect(Object.keys(entry).sort()).toEqual(['event', 'method', 'ms', 'route', 'status', 't']);
      expect(entry.event).toBe('request');
      expect(typeof entry.ms).toBe('number');
    }
    expect(entries.map((entry) => [entry.method, entry.route, entry.status])).toEqual([
      ['GET', '/status/:list', 404],
      ['GET', '/admin/info', 401],
      ['GET', '/admin/info', 200],
      ['GET', '(none)', 404],
    ]);
    const all = lines.join('');
    for (const secret of [
      'SecretListId123',
      'token=abc',
      'leaked-bearer-token',
      'wrong-token',
      TEST_ADMIN_TOKEN,
      'Jansen',
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
