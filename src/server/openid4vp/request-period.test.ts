/**
 * `vouch serve`'s requests name the month they are about (docs/protocol.md §The month a request is
 * about): `period` in `POST /admin/requests` (and an application link's body) becomes the request
 * object's `vouch.period`; a period that is not a month is refused with 400 naming it.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_URL, startPeerServer } from '../peer-harness.fake.ts';
import type { PeerServer } from '../peer-harness.fake.ts';

let server: PeerServer;
beforeAll(async () => {
  server = await startPeerServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const BODY = {
  type: 'income-statement',
  claims: ['period', 'net_wage_cents'],
  rule: 'nl.participatiewet.aanvulling',
  declare: ['household', 'partnerNetIncomeCents'],
};

async function vouchOf(uri: string): Promise<Record<string, unknown>> {
  const requestUri = new URL(uri).searchParams.get('request_uri') ?? '';
  const response = await server.fetch(requestUri.replace(/^https?:\/\/[^/]+/, PUBLIC_URL));
  expect(response.status).toBe(200);
  return decodeJwt(await response.text()).vouch as Record<string, unknown>;
}

describe('the month a request is about, online', () => {
  it('Given a request with a period, when its object is fetched, then it carries vouch.period', async () => {
    const { status, json } = await server.admin('POST', '/admin/requests', {
      ...BODY,
      period: '2025-09',
    });
    expect(status).toBe(201);
    expect(await vouchOf((json as { uri: string }).uri)).toMatchObject({ period: '2025-09' });
  });

  it('Given a request without a period, when its object is fetched, then it has none', async () => {
    const { json } = await server.admin('POST', '/admin/requests', BODY);
    expect(await vouchOf((json as { uri: string }).uri)).not.toHaveProperty('period');
  });

  it('Given an application link with a period, when its request is fetched, then it carries vouch.period', async () => {
    const { status, json } = await server.admin('POST', '/admin/applications', {
      ...BODY,
      name: 'Income supplement September',
      period: '2025-09',
    });
    expect(status).toBe(201);
    expect(await vouchOf((json as { link: string }).link)).toMatchObject({ period: '2025-09' });
  });

  it.each([['2025-9'], ['2025-13'], [202509], ['September']])(
    'Given a period of %j, when the request is made, then it is refused naming "period"',
    async (period) => {
      const { status, json } = await server.admin('POST', '/admin/requests', { ...BODY, period });
      expect(status).toBe(400);
      expect((json as { error_description: string }).error_description).toContain('"period"');
    },
  );
});
