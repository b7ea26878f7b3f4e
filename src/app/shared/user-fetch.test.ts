import { describe, expect, it, vi } from 'vitest';
import { fetchAskedByUser } from './user-fetch.ts';

const page = { pageOrigin: 'https://wallet.example', allowList: ['https://status.example.org'] };

function fakeFetch(status = 200, body = 'eyJ.list.jwt') {
  return vi.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(body, { status }),
  );
}

describe('fetchAskedByUser', () => {
  it('Given an allowed https origin, when the user asks, then it fetches without cookies, referrer or cache and returns the text', async () => {
    const fetchImpl = fakeFetch();
    const result = await fetchAskedByUser('https://status.example.org/vouch/1.jwt', {
      ...page,
      accept: 'application/statuslist+jwt',
      fetchImpl,
    });
    expect(result).toEqual({ ok: true, text: 'eyJ.list.jwt' });
    const init = fetchImpl.mock.calls[0]?.[1];
    expect(init).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      headers: { accept: 'application/statuslist+jwt' },
    });
  });

  it.each([
    ['https://tracker.example/pixel', 'origin-not-allowed'],
    ['http://status.example.org/vouch/1.jwt', 'insecure'],
    ['javascript:alert(1)', 'not-a-url'],
    ['not a url', 'not-a-url'],
  ])('Given %s, then nothing is fetched and the reason is %s', async (uri, reason) => {
    const fetchImpl = fakeFetch();
    const result = await fetchAskedByUser(uri, { ...page, fetchImpl });
    expect(result).toMatchObject({ ok: false, reason });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('Given the page origin itself, then it is allowed without being listed', async () => {
    const fetchImpl = fakeFetch();
    const result = await fetchAskedByUser('https://wallet.example/status.jwt', {
      ...page,
      fetchImpl,
    });
    expect(result.ok).toBe(true);
  });

  it('Given a server that answers 404 or a network that fails, then the result says unreachable instead of throwing', async () => {
    expect(
      await fetchAskedByUser('https://status.example.org/x', {
        ...page,
        fetchImpl: fakeFetch(404),
      }),
    ).toEqual({ ok: false, reason: 'unreachable', detail: 'HTTP 404' });
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(
      await fetchAskedByUser('https://status.example.org/x', { ...page, fetchImpl: failing }),
    ).toMatchObject({ ok: false, reason: 'unreachable' });
  });
});
