import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDb } from './db/db.ts';
import { createTestServer, sharedTestDb, TEST_ADMIN_TOKEN } from './test-server.fake.ts';
import type { TestServer } from './test-server.fake.ts';

/** Node bindings as @hono/node-server passes them: the client's socket address. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('the app: routing, errors, CORS, body caps', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({
      publicBodyBytes: 1024,
      adminBodyBytes: 4096,
      adminOrigins: ['https://desk.example.org'],
    });
  });
  afterAll(() => server.close());

  it('Given a server, when /healthz is asked, then it answers {"ok":true}', async () => {
    const response = await server.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('Given an unknown route, when asked, then 404 with the JSON error shape', async () => {
    const response = await server.app.request('/no/such/thing?x=1');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: 'not_found',
      error_description: 'no such endpoint',
    });
  });

  it('Given a public route, when asked from another origin, then CORS allows any origin', async () => {
    const response = await server.app.request('/healthz', {
      headers: { Origin: 'https://wallet.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await server.app.request('/token', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://wallet.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('Given /admin, when asked from an origin not configured, then no CORS header is sent', async () => {
    const response = await server.admin('/admin/info', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await server.app.request('/admin/info', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('Given /admin, when asked from the configured desk origin, then CORS allows that origin only', async () => {
    const preflight = await server.app.request('/admin/status/revoke', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://desk.example.org',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://desk.example.org');
  });

  it('Given a public body over the cap, when posted, then 413 before any handler reads it', async () => {
    const response = await server.app.request('/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a'.repeat(1025),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('Given a streamed body without Content-Length over the cap, when posted, then 413', async () => {
    const chunk = new TextEncoder().encode('b'.repeat(600));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await server.app.request('/token', {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('Given an admin body over the admin cap, when sent with the token, then 413', async () => {
    const response = await server.admin('/admin/trust', {
      method: 'PUT',
      body: 'x'.repeat(4097),
    });
    expect(response.status).toBe(413);
  });

  it('Given an admin body over the public cap but under the admin cap, when sent, then it reaches the handler', async () => {
    const response = await server.admin('/admin/trust', {
      method: 'PUT',
      body: 'x'.repeat(2000),
    });
    expect(response.status).toBe(400); // not a trust list: refused by the handler, not the cap
  });

  it('Given a database failure, when a route needs it, then 500 server_error with no stack or message, and the log names only the kind', async () => {
    const failing: OpenedDb = {
      ...(await sharedTestDb()),
      query: () => Promise.reject(new Error('connection to 10.1.2.3 closed; secret=hunter2')),
    };
    const broken = await createTestServer({ db: failing, migrations: [] });
    const response = await broken.app.request('/status/abc');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: 'server_error',
      error_description: 'the server could not answer this request',
    });
    const errorLine = broken.logLines.find((line) => line.includes('"event":"error"'));
    expect(errorLine).toBeDefined();
    expect(JSON.parse(errorLine as string)).toMatchObject({
      route: '/status/:list',
      name: 'Error',
    });
    expect(broken.logLines.join('')).not.toMatch(/10\.1\.2\.3|hunter2|closed/);
  });
});

describe('the app: per-client rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ rateLimit: { burst: 3, perSecond: 1 } });
  });
  afterAll(() => server.close());

  it('Given a burst of 3, when one client makes 4 requests, then the 4th gets 429 with Retry-After', async () => {
    const ask = () => server.app.request('/status/none', {}, from('10.0.0.1'));
    expect((await ask()).status).toBe(404);
    expect((await ask()).status).toBe(404);
    expect((await ask()).status).toBe(404);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toMatchObject({ error: 'slow_down' });

    // Another client is not affected; /admin and /healthz are not limited.
    expect((await server.app.request('/status/none', {}, from('10.0.0.2'))).status).toBe(404);
    expect((await server.app.request('/healthz', {}, from('10.0.0.1'))).status).toBe(200);
    const admin = await server.app.request(
      '/admin/info',
      { headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } },
      from('10.0.0.1'),
    );
    expect(admin.status).toBe(200);

    // A second later, one token is back.
    server.advance(1000);
    expect((await ask()).status).toBe(404);
    expect((await ask()).status).toBe(429);
  });

  it('Given no proxy is trusted, when a client sends X-Forwarded-For, then it cannot dodge the limit', async () => {
    const ask = (forwarded: string) =>
      server.app.request(
        '/status/none',
        { headers: { 'X-Forwarded-For': forwarded } },
        from('10.0.0.9'),
      );
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await ask(`192.0.2.${i}`)).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });

  it('Given a trusted proxy, when clients come through it, then each is limited by the last X-Forwarded-For entry', async () => {
    const proxied = await createTestServer({
      rateLimit: { burst: 1, perSecond: 1 },
      trustProxy: true,
    });
    try {
      const ask = (forwarded: string) =>
        proxied.app.request(
          '/status/none',
          { headers: { 'X-Forwarded-For': forwarded } },
          from('10.0.0.254'),
        );
      expect((await ask('203.0.113.7, 198.51.100.1')).status).toBe(404);
      expect((await ask('203.0.113.8, 198.51.100.1')).status).toBe(429); // same last hop
      expect((await ask('198.51.100.2')).status).toBe(404);
    } finally {
      await proxied.close();
    }
  });
});
