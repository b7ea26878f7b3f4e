import { describe, expect, it, vi } from 'vitest';
import { createUserFetch, fetchAskedByUser, UserFetchRefused } from './user-fetch.ts';

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

describe('createUserFetch (the injected fetch of an online flow)', () => {
  const flow = { pageOrigin: 'https://wallet.example', allowList: ['https://verifier.example'] };

  it('Given an allowed origin, when a protocol client POSTs, then the body and headers go out without cookies, referrer, cache or redirects, and the answer reads back', async () => {
    const fetchImpl = fakeFetch(200, '{"redirect_uri":"https://verifier.example/done"}');
    const gated = createUserFetch({ ...flow, fetchImpl });
    const response = await gated('https://verifier.example/responses/1', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'vp_token=x&state=y',
    });
    expect(await response.json()).toEqual({ redirect_uri: 'https://verifier.example/done' });
    expect(fetchImpl.mock.calls[0]?.[1]).toMatchObject({
      method: 'POST',
      body: 'vp_token=x&state=y',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'error',
    });
    expect(gated.refusal()).toBeNull();
  });

  it.each([
    ['https://tracker.example/x', 'origin-not-allowed'],
    ['http://verifier.example/x', 'insecure'],
    ['data:text/plain,hi', 'not-a-url'],
  ])(
    'Given %s, then it throws before anything leaves and remembers the reason %s',
    async (uri, reason) => {
      const fetchImpl = fakeFetch();
      const gated = createUserFetch({ ...flow, fetchImpl });
      await expect(gated(uri)).rejects.toBeInstanceOf(UserFetchRefused);
      expect(gated.refusal()?.reason).toBe(reason);
      expect(fetchImpl).not.toHaveBeenCalled();
    },
  );

  it('Given a vouch serve on this machine over plain http, when it is allowed, then it is fetched (loopback cannot be altered on the way)', async () => {
    const fetchImpl = fakeFetch(200, 'ok');
    const gated = createUserFetch({
      pageOrigin: 'http://127.0.0.1:4173',
      allowList: ['http://127.0.0.1:*'],
      fetchImpl,
    });
    expect(await (await gated(new URL('http://127.0.0.1:4555/nonce'))).text()).toBe('ok');
    await expect(gated('http://localhost:4555/nonce')).rejects.toThrow(/origin-not-allowed/);
  });

  it('Given an answer larger than the cap, then it is refused as too large', async () => {
    const gated = createUserFetch({
      ...flow,
      maxBytes: 10,
      fetchImpl: fakeFetch(200, 'x'.repeat(11)),
    });
    await expect(gated('https://verifier.example/requests/1')).rejects.toThrow(/too-large/);
    expect(gated.refusal()?.reason).toBe('too-large');
  });

  it('Given an error status, then the response is handed back as it is (the client reads the OAuth error)', async () => {
    const gated = createUserFetch({
      ...flow,
      fetchImpl: fakeFetch(400, '{"error":"invalid_grant"}'),
    });
    const response = await gated('https://verifier.example/token', { method: 'POST' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_grant' });
  });
});
