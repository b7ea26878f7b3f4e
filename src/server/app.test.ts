import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer } from './test-server.fake.ts';
import type { TestServer } from './test-server.fake.ts';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

describe('the app', () => {
  it('Given a server, when /healthz is asked, then it answers {"ok":true}', async () => {
    const response = await server.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
