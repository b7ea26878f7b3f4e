import { describe, expect, it, vi } from 'vitest';
import {
  createServerOffer,
  createServerRequest,
  isAdminToken,
  listServerApplications,
  MAX_ADMIN_ANSWER_CHARS,
  normaliseServerUrl,
  publishServerApplication,
  publishStatusListAtServer,
  readApplicationAnswers,
  readServerInfo,
  readServerResult,
  revokeAtServer,
  withdrawServerApplication,
  type AdminHttp,
  type AdminRequest,
  type AdminResponse,
} from './server-admin.ts';

const TOKEN = 'admin-token-Zq9x';
const server = { url: 'https://vouch.example.org', token: TOKEN };

/** A transport answering one fixed response, recording what was asked. */
function answering(status: number, body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return vi.fn<AdminHttp>(async (_request: AdminRequest) => ({ ok: true, status, text }));
}

function failing(reason: Extract<AdminResponse, { ok: false }>['reason']) {
  return vi.fn<AdminHttp>(async () => ({ ok: false, reason }));
}

const VERDICT = {
  valid: true,
  checks: [
    { name: 'encoding', ok: true, code: 'ok', message: 'Well formed.' },
    { name: 'status', ok: true, code: 'warning', message: 'Status not checked.' },
  ],
  issuer: 'did:key:zDnaeIssuer',
  vct: 'https://vouch.example/vct/income-statement',
  claims: { period: '2026-09', net_wage: 189512 },
  issuerName: 'Acme Rides BV',
  status: { state: 'valid', ageSeconds: 12 },
};

describe('normaliseServerUrl', () => {
  it.each([
    ['https://vouch.example.org', 'https://vouch.example.org'],
    ['https://vouch.example.org/', 'https://vouch.example.org'],
    ['  https://Vouch.Example.org:8443/agency/ ', 'https://vouch.example.org:8443/agency'],
    ['http://127.0.0.1:4500', 'http://127.0.0.1:4500'],
    ['http://localhost:4500/', 'http://localhost:4500'],
  ])('Given %j, then it is kept as %j', (input, expected) => {
    expect(normaliseServerUrl(input)).toBe(expected);
  });

  it.each([
    [''],
    ['vouch.example.org'],
    ['http://vouch.example.org'],
    ['ftp://vouch.example.org'],
    ['javascript:alert(1)'],
    ['https://user:pass@vouch.example.org'],
    ['https://vouch.example.org/?token=x'],
    ['https://vouch.example.org/#x'],
    [`https://vouch.example.org/${'a'.repeat(3000)}`],
  ])('Given %j, then it is refused', (input) => {
    expect(normaliseServerUrl(input)).toBeUndefined();
  });
});

describe('isAdminToken', () => {
  it('Given printable tokens, then yes; given spaces, control characters, nothing or too much, then no', () => {
    expect(isAdminToken(TOKEN)).toBe(true);
    expect(isAdminToken('')).toBe(false);
    expect(isAdminToken('two words')).toBe(false);
    expect(isAdminToken('line\nbreak')).toBe(false);
    expect(isAdminToken('x'.repeat(513))).toBe(false);
  });
});

describe('the admin calls', () => {
  it('Given a server, when its info is read, then GET /admin/info with the bearer token, and the DIDs come back', async () => {
    const http = answering(200, {
      url: 'https://vouch.example.org',
      issuer: 'did:key:zDnaeIssuer',
      verifier: null,
      statusList: 'https://vouch.example.org/status/1',
    });
    const info = await readServerInfo(server, { http });
    expect(info).toEqual({
      ok: true,
      value: {
        url: 'https://vouch.example.org',
        issuer: 'did:key:zDnaeIssuer',
        verifier: null,
        statusList: 'https://vouch.example.org/status/1',
      },
    });
    expect(http).toHaveBeenCalledWith({
      method: 'GET',
      url: 'https://vouch.example.org/admin/info',
      token: TOKEN,
    });
  });

  it('Given an offer with a transaction code, when created, then POST /admin/offers as JSON and the URI and code come back', async () => {
    const http = answering(201, {
      id: 'off-1',
      uri: 'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fvouch.example.org%2Foffers%2Foff-1',
      txCode: '493817',
    });
    const offer = await createServerOffer(
      server,
      { type: 'income-statement', claims: { period: '2026-09' }, txCode: true },
      { http },
    );
    expect(offer).toMatchObject({ ok: true, value: { id: 'off-1', txCode: '493817' } });
    const sent = http.mock.calls[0]?.[0];
    expect(sent).toMatchObject({
      method: 'POST',
      url: 'https://vouch.example.org/admin/offers',
      contentType: 'application/json',
    });
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      type: 'income-statement',
      claims: { period: '2026-09' },
      txCode: true,
    });
  });

  it('Given a diploma offered as a W3C VC-JWT, then the body names format jwt_vc_json (and an SD-JWT offer names none)', async () => {
    const http = answering(201, { id: 'off-2', uri: 'openid-credential-offer://?x=1' });
    await createServerOffer(
      server,
      { type: 'diploma', claims: { degree: 'MSc' }, txCode: false, format: 'jwt_vc_json' },
      { http },
    );
    await createServerOffer(
      server,
      { type: 'diploma', claims: { degree: 'MSc' }, txCode: false, format: 'dc+sd-jwt' },
      { http },
    );
    const bodies = http.mock.calls.map(([request]) => JSON.parse(request.body ?? '') as object);
    expect(bodies).toEqual([
      { type: 'diploma', claims: { degree: 'MSc' }, format: 'jwt_vc_json' },
      { type: 'diploma', claims: { degree: 'MSc' } },
    ]);
  });

  it('Given an offer asked with a code, when the server answers without one, then it is malformed', async () => {
    const http = answering(201, { id: 'off-1', uri: 'openid-credential-offer://?x=1' });
    const offer = await createServerOffer(
      server,
      { type: 'diploma', claims: {}, txCode: true },
      { http },
    );
    expect(offer).toEqual({ ok: false, problem: 'malformed-answer' });
  });

  it('Given a request, when created, then POST /admin/requests and the openid4vp URI comes back', async () => {
    const http = answering(201, {
      id: 'req-7',
      uri: 'openid4vp://?client_id=decentralized_identifier%3Adid%3Akey%3Az&request_uri=https%3A%2F%2Fx%2Frequests%2Freq-7',
      expiresAt: '2026-12-02T10:00:00.000Z',
    });
    const request = await createServerRequest(
      server,
      {
        type: 'income-statement',
        claims: ['period', 'net_wage'],
        purpose: 'Income supplement',
        verifierName: 'Gemeente',
        period: '2025-09',
      },
      { http },
    );
    expect(request).toMatchObject({ ok: true, value: { id: 'req-7' } });
    expect(JSON.parse(http.mock.calls[0]?.[0].body ?? '')).toEqual({
      type: 'income-statement',
      claims: ['period', 'net_wage'],
      purpose: 'Income supplement',
      verifierName: 'Gemeente',
      period: '2025-09',
    });
  });

  it('Given a result not answered yet, then pending', async () => {
    const http = answering(200, { pending: true });
    expect(await readServerResult(server, 'req-7', { http })).toEqual({
      ok: true,
      value: { pending: true },
    });
    expect(http.mock.calls[0]?.[0].url).toBe('https://vouch.example.org/admin/results/req-7');
  });

  it('Given a verdict in vouch verify’s shape, then it reads as a verification result (nulls dropped)', async () => {
    const http = answering(200, VERDICT);
    const result = await readServerResult(server, 'req-7', { http });
    expect(result).toEqual({
      ok: true,
      value: {
        pending: false,
        verdict: {
          valid: true,
          checks: VERDICT.checks,
          issuer: VERDICT.issuer,
          vct: VERDICT.vct,
          claims: VERDICT.claims,
          issuerName: 'Acme Rides BV',
          status: { state: 'valid', ageSeconds: 12 },
        },
      },
    });
    const unverified = await readServerResult(server, 'req-7', {
      http: answering(200, { ...VERDICT, valid: false, issuer: null, vct: null, claims: {} }),
    });
    expect(unverified.ok && !unverified.value.pending && unverified.value.verdict).toEqual({
      valid: false,
      checks: VERDICT.checks,
      claims: {},
      issuerName: 'Acme Rides BV',
      status: { state: 'valid', ageSeconds: 12 },
    });
  });

  it.each([
    ['not JSON', '<html>oops</html>'],
    ['an array', '[]'],
    ['null', 'null'],
    ['pending plus more', { pending: true, valid: true }],
    ['valid as a string', { ...VERDICT, valid: 'true' }],
    [
      'an unknown check name',
      { ...VERDICT, checks: [{ name: 'vibes', ok: true, code: 'ok', message: '' }] },
    ],
    [
      'an unknown code',
      { ...VERDICT, checks: [{ name: 'nonce', ok: false, code: 'meh', message: '' }] },
    ],
    ['too many checks', { ...VERDICT, checks: Array(13).fill(VERDICT.checks[0]) }],
    ['no claims', { ...VERDICT, claims: undefined }],
    ['a bad status state', { ...VERDICT, status: { state: 'fine' } }],
    ['an oversized answer', { ...VERDICT, issuerName: 'x'.repeat(MAX_ADMIN_ANSWER_CHARS) }],
  ])('Given a result that is %s, then it is malformed (never a crash)', async (_name, body) => {
    const result = await readServerResult(server, 'req-7', { http: answering(200, body) });
    expect(result).toEqual({ ok: false, problem: 'malformed-answer' });
  });

  it('Given a request id that is not a plain id, then nothing is asked', async () => {
    const http = answering(200, VERDICT);
    expect(await readServerResult(server, '../admin/info', { http })).toEqual({
      ok: false,
      problem: 'not-found',
    });
    expect(http).not.toHaveBeenCalled();
  });

  it('Given a status index, when revoked, then POST /admin/status/revoke and the list comes back', async () => {
    const http = answering(200, {
      list: 'https://vouch.example.org/status/1',
      index: 42,
      status: 1,
    });
    expect(await revokeAtServer(server, 42, { http })).toEqual({
      ok: true,
      value: { list: 'https://vouch.example.org/status/1', index: 42, status: 1 },
    });
    expect(JSON.parse(http.mock.calls[0]?.[0].body ?? '')).toEqual({ index: 42 });
    const wrong = await revokeAtServer(server, 42, {
      http: answering(200, { list: 'x', index: 43, status: 1 }),
    });
    expect(wrong).toEqual({ ok: false, problem: 'malformed-answer' });
  });

  it('Given a signed list, when published, then PUT /admin/status/:list (or :list.w3c for the W3C encoding) with the JWT as the body', async () => {
    const http = answering(204, '');
    expect(await publishStatusListAtServer(server, 'desk-1', 'eyJ.list.sig', { http })).toEqual({
      ok: true,
      value: true,
    });
    expect(http).toHaveBeenCalledWith({
      method: 'PUT',
      url: 'https://vouch.example.org/admin/status/desk-1',
      token: TOKEN,
      body: 'eyJ.list.sig',
      contentType: 'application/statuslist+jwt',
    });
    const w3c = answering(204, '');
    expect(
      await publishStatusListAtServer(server, 'desk-1', 'eyJ.w3c.sig', {
        http: w3c,
        encoding: 'w3c',
      }),
    ).toEqual({ ok: true, value: true });
    expect(w3c).toHaveBeenCalledWith({
      method: 'PUT',
      url: 'https://vouch.example.org/admin/status/desk-1.w3c',
      token: TOKEN,
      body: 'eyJ.w3c.sig',
      contentType: 'application/jwt',
    });
    const other = answering(204, '');
    expect(await publishStatusListAtServer(server, '../x', 'eyJ', { http: other })).toMatchObject({
      ok: false,
    });
    expect(other).not.toHaveBeenCalled();
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not-found'],
    [400, 'rejected'],
    [413, 'rejected'],
    [500, 'server-error'],
    [503, 'server-error'],
  ])('Given HTTP %i, then the problem is %s', async (status, problem) => {
    const result = await readServerInfo(server, { http: answering(status, 'nope') });
    expect(result).toEqual({ ok: false, problem });
  });

  it('Given an error body in the contract’s shape, then its code is kept; a hostile one is not', async () => {
    const coded = await createServerOffer(
      server,
      { type: 'diploma', claims: {}, txCode: false },
      { http: answering(400, { error: 'invalid_claims', error_description: 'grade' }) },
    );
    expect(coded).toEqual({ ok: false, problem: 'rejected', code: 'invalid_claims' });
    const hostile = await createServerOffer(
      server,
      { type: 'diploma', claims: {}, txCode: false },
      { http: answering(400, { error: '<script>alert(1)</script>' }) },
    );
    expect(hostile).toEqual({ ok: false, problem: 'rejected' });
  });

  it.each([
    ['not-a-url', 'bad-url'],
    ['insecure', 'insecure'],
    ['origin-not-allowed', 'origin-not-allowed'],
    ['unreachable', 'unreachable'],
    ['too-large', 'malformed-answer'],
  ] as const)('Given the gate refuses with %s, then the problem is %s', async (reason, problem) => {
    expect(await readServerInfo(server, { http: failing(reason) })).toEqual({ ok: false, problem });
  });

  it('Given a bad URL or a bad token, then nothing is asked and no problem carries the token', async () => {
    const http = answering(200, {});
    const badUrl = await readServerInfo({ url: 'http://evil.example', token: TOKEN }, { http });
    const badToken = await readServerInfo({ url: server.url, token: 'a b' }, { http });
    expect(badUrl).toEqual({ ok: false, problem: 'bad-url' });
    expect(badToken).toEqual({ ok: false, problem: 'unauthorized' });
    expect(http).not.toHaveBeenCalled();
    expect(JSON.stringify([badUrl, badToken])).not.toContain(TOKEN);
  });
});

describe('the default transport (the fetch gate)', () => {
  it('Given no transport, when a server at the page’s own origin answers 401, then unauthorized, with the token only in the header', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchImpl = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(url), init: init ?? {} });
      return new Response(JSON.stringify({ error: 'unauthorized' }), { status: 401 });
    });
    vi.stubGlobal('fetch', fetchImpl);
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:4500' });
    try {
      const result = await readServerInfo({ url: 'http://127.0.0.1:4500', token: TOKEN });
      expect(result).toEqual({ ok: false, problem: 'unauthorized', code: 'unauthorized' });
      expect(calls).toHaveLength(1);
      expect(calls[0]?.url).toBe('http://127.0.0.1:4500/admin/info');
      expect(calls[0]?.url).not.toContain(TOKEN);
      expect(calls[0]?.init).toMatchObject({ method: 'GET', credentials: 'omit' });
      expect(new Headers(calls[0]?.init.headers).get('authorization')).toBe(`Bearer ${TOKEN}`);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('a request with a rule and facts to declare', () => {
  it('Given a rule and facts, when a request is created, then the body names them (and a request without names neither)', async () => {
    const http = answering(201, { id: 'req-1', uri: 'openid4vp://?client_id=x&request_uri=y' });
    await createServerRequest(
      server,
      {
        type: 'income-statement',
        claims: ['period'],
        purpose: 'Check',
        rule: 'nl.participatiewet.aanvulling',
        declare: ['household'],
      },
      { http },
    );
    await createServerRequest(
      server,
      { type: 'income-statement', claims: ['period'], purpose: 'Check' },
      { http },
    );
    expect(JSON.parse(http.mock.calls[0]?.[0].body ?? '')).toMatchObject({
      rule: 'nl.participatiewet.aanvulling',
      declare: ['household'],
    });
    const plain = JSON.parse(http.mock.calls[1]?.[0].body ?? '') as Record<string, unknown>;
    expect(plain).not.toHaveProperty('rule');
    expect(plain).not.toHaveProperty('declare');
  });
});

describe('application links', () => {
  const APP_ID = 'Qm9va2luZ0FwcGxpY2F0aW9u';
  const LINK = `openid4vp://?client_id=decentralized_identifier%3Adid%3Akey%3AzDnae&request_uri=https%3A%2F%2Fvouch.example.org%2Fapplications%2F${APP_ID}%2Frequest&request_uri_method=post`;
  const LISTED = {
    id: APP_ID,
    name: 'Income supplement',
    link: LINK,
    type: 'income-statement',
    claims: ['period', 'net_wage_cents'],
    purpose: { en: 'Apply', nl: 'Aanvragen' },
    rule: 'nl.participatiewet.aanvulling',
    declare: ['household'],
    responseMode: 'direct_post',
    createdAt: '2026-12-02T15:00:00.000Z',
    answers: 2,
  };

  it('Given a template, when published, then POST /admin/applications with the name, claims, purpose, rule and facts, and the id and link come back', async () => {
    const http = answering(201, { id: APP_ID, link: LINK });
    const published = await publishServerApplication(
      server,
      {
        name: 'Income supplement',
        type: 'income-statement',
        claims: ['period', 'net_wage_cents'],
        purpose: { en: 'Apply', nl: 'Aanvragen' },
        verifierName: 'Gemeente Testdorp',
        rule: 'nl.participatiewet.aanvulling',
        declare: ['household'],
      },
      { http },
    );
    expect(published).toEqual({ ok: true, value: { id: APP_ID, link: LINK } });
    const sent = http.mock.calls[0]?.[0];
    expect(sent).toMatchObject({
      method: 'POST',
      url: 'https://vouch.example.org/admin/applications',
      contentType: 'application/json',
    });
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      name: 'Income supplement',
      type: 'income-statement',
      claims: ['period', 'net_wage_cents'],
      purpose: { en: 'Apply', nl: 'Aanvragen' },
      verifierName: 'Gemeente Testdorp',
      rule: 'nl.participatiewet.aanvulling',
      declare: ['household'],
    });
  });

  it.each([
    ['a link that is not openid4vp', { id: APP_ID, link: 'https://evil.example/x' }],
    ['no id', { link: LINK }],
    ['an id with a slash', { id: '../admin', link: LINK }],
    ['a link of 5,000 characters', { id: APP_ID, link: `openid4vp://?${'a'.repeat(5000)}` }],
  ])('Given an answer with %s, when published, then malformed-answer', async (_what, body) => {
    const result = await publishServerApplication(
      server,
      { name: 'x', type: 'diploma', claims: ['degree'], purpose: 'Check' },
      { http: answering(201, body) },
    );
    expect(result).toEqual({ ok: false, problem: 'malformed-answer' });
  });

  it('Given a listing, then the links come back; a rule this build does not know is dropped', async () => {
    const http = answering(200, {
      applications: [LISTED, { ...LISTED, id: 'other-id', rule: 'xx.unknown', purpose: 'One' }],
    });
    const listed = await listServerApplications(server, { http });
    expect(http.mock.calls[0]?.[0]).toMatchObject({
      method: 'GET',
      url: 'https://vouch.example.org/admin/applications',
    });
    expect(listed.ok && listed.value[0]).toMatchObject({
      id: APP_ID,
      rule: 'nl.participatiewet.aanvulling',
      purpose: { en: 'Apply', nl: 'Aanvragen' },
      answers: 2,
    });
    expect(listed.ok && listed.value[1]).not.toHaveProperty('rule');
  });

  it.each([
    ['not JSON', '<html>'],
    ['no list', { apps: [] }],
    ['an unknown type', { applications: [{ ...LISTED, type: 'passport' }] }],
    ['a negative count', { applications: [{ ...LISTED, answers: -1 }] }],
    ['201 links', { applications: Array.from({ length: 201 }, () => LISTED) }],
  ])('Given a listing with %s, then malformed-answer', async (_what, body) => {
    const result = await listServerApplications(server, { http: answering(200, body) });
    expect(result).toEqual({ ok: false, problem: 'malformed-answer' });
  });

  it('Given answers, then each comes back with its verdict or pending, and its declared facts', async () => {
    const http = answering(200, {
      answers: [
        {
          id: 'tx-1',
          answeredAt: '2026-12-02T15:05:00.000Z',
          result: VERDICT,
          declared: { household: 'single' },
        },
        { id: 'tx-2', answeredAt: '2026-12-02T15:04:00.000Z', result: { pending: true } },
      ],
    });
    const answers = await readApplicationAnswers(server, APP_ID, { http });
    expect(http.mock.calls[0]?.[0]).toMatchObject({
      method: 'GET',
      url: `https://vouch.example.org/admin/applications/${APP_ID}/results`,
    });
    expect(answers.ok).toBe(true);
    if (!answers.ok) return;
    expect(answers.value[0]).toMatchObject({
      id: 'tx-1',
      result: { pending: false, verdict: { valid: true, issuerName: 'Acme Rides BV' } },
      declared: { household: 'single' },
    });
    expect(answers.value[1]).toEqual({
      id: 'tx-2',
      answeredAt: '2026-12-02T15:04:00.000Z',
      result: { pending: true },
    });
  });

  it.each([
    [
      'a verdict with an unknown check',
      { ...VERDICT, checks: [{ name: 'x', ok: true, code: 'ok', message: '' }] },
    ],
    ['a result that is neither', { pending: false }],
  ])('Given an answer with %s, then malformed-answer', async (_what, result) => {
    const http = answering(200, {
      answers: [{ id: 'tx-1', answeredAt: '2026-12-02T15:05:00.000Z', result }],
    });
    expect(await readApplicationAnswers(server, APP_ID, { http })).toEqual({
      ok: false,
      problem: 'malformed-answer',
    });
  });

  it('Given declared facts that are objects, or 21 of them, then malformed-answer', async () => {
    for (const declared of [
      { household: { nested: true } },
      Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}`, 1])),
    ]) {
      const http = answering(200, {
        answers: [{ id: 'tx', answeredAt: '2026-12-02T15:05:00.000Z', result: VERDICT, declared }],
      });
      expect(await readApplicationAnswers(server, APP_ID, { http })).toEqual({
        ok: false,
        problem: 'malformed-answer',
      });
    }
  });

  it('Given a link, when withdrawn, then DELETE /admin/applications/:id, and 204 is done; an id that is no id asks nothing', async () => {
    const http = answering(204, '');
    expect(await withdrawServerApplication(server, APP_ID, { http })).toEqual({
      ok: true,
      value: true,
    });
    expect(http.mock.calls[0]?.[0]).toEqual({
      method: 'DELETE',
      url: `https://vouch.example.org/admin/applications/${APP_ID}`,
      token: TOKEN,
    });
    const none = answering(204, '');
    expect(await withdrawServerApplication(server, '../status', { http: none })).toEqual({
      ok: false,
      problem: 'not-found',
    });
    expect(await readApplicationAnswers(server, 'a/b', { http: none })).toEqual({
      ok: false,
      problem: 'not-found',
    });
    expect(none).not.toHaveBeenCalled();
    expect(
      await withdrawServerApplication(server, APP_ID, {
        http: answering(404, { error: 'not_found' }),
      }),
    ).toEqual({
      ok: false,
      problem: 'not-found',
      code: 'not_found',
    });
  });
});
