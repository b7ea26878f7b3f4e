// The wallet's OpenID4VP adapter (online-request.ts) over core, with the fetch gate in between:
// a memory wallet holding one income statement (received online from an in-memory issuer), a
// stub verifier at https://verifier.example, and the gate's allow-list.
import { randomBytes } from '@noble/hashes/utils.js';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { exampleClaims } from '../../core/credentials/index.ts';
import { createHolderWallet, type ReadRequest } from '../../core/holder/index.ts';
import {
  createIssuerKeyFile,
  issuerSigner,
  nobleJwsCrypto,
  type IssuerKeyFile,
} from '../../core/jose/index.ts';
import { createFakeIssuer } from '../../core/oid4vci/fake-issuer.fake.ts';
import { createPresentationRequest, dcqlForClaims } from '../../core/protocol/index.ts';
import { createMemoryVaultStorage } from '../../core/vault/index.ts';
import { createFakeVaultCrypto } from '../../core/vault/vault-crypto.fake.ts';
import { createUserFetch } from '../shared/user-fetch.ts';
import { acceptOnlineOffer, resolveOnlineOffer } from './online-offer.ts';
import { isAnsweredOnline, readOnlineRequest, sendOnlineAnswer } from './online-request.ts';
import { loadHistory } from './present-actions.ts';
import { endSession, setSession } from './session.ts';

const jws = nobleJwsCrypto({ randomBytes });
vi.mock('../composition.ts', () => ({
  jwsCrypto: () => jws,
  randomBytes: (n: number) => randomBytes(n),
  forgetSigningKeys: () => undefined,
}));

const VERIFIER = 'https://verifier.example';
const ISSUER = 'https://employer.example';
let verifierKey: IssuerKeyFile;

interface Route {
  status?: number;
  body: string;
}

/** The gate over stub routes (url → answer); keeps every URL asked and every body POSTed. */
function network(routes: Record<string, Route>, allow = [VERIFIER, ISSUER]) {
  const calls: string[] = [];
  const posted: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push(url);
    if (typeof init?.body === 'string') posted.push(init.body);
    const route = routes[url];
    if (!route) return new Response('{"error":"not_found"}', { status: 404 });
    return new Response(route.body, { status: route.status ?? 200 });
  }) as typeof fetch;
  return {
    calls,
    posted,
    fetch: createUserFetch({ pageOrigin: 'https://wallet.example', allowList: allow, fetchImpl }),
  };
}

async function requestObject(verifierName = 'Gemeente Testdorp'): Promise<string> {
  return createPresentationRequest({
    verifier: { did: verifierKey.did, alg: verifierKey.alg, sign: issuerSigner(jws, verifierKey) },
    verifierName,
    purpose: 'Income supplement',
    dcql: dcqlForClaims({
      id: 'income',
      vct: 'urn:vouch:income-statement:1',
      required: ['period'],
      optional: [],
    }),
    responseMode: 'direct_post',
    responseUri: `${VERIFIER}/responses/1`,
    nonce: 'online-0123456789abcdefghijklmn',
    state: 'st-1',
    now: new Date(),
  });
}

const uriFor = (did: string) =>
  `openid4vp://?client_id=${encodeURIComponent(`decentralized_identifier:${did}`)}&request_uri=${encodeURIComponent(`${VERIFIER}/requests/1`)}`;

beforeAll(async () => {
  verifierKey = await createIssuerKeyFile(jws, 'ES256');
});

beforeEach(async () => {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: `${'abandon '.repeat(23)}art`, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  endSession();
  setSession(created.value);
  // One income statement, received online.
  const issuerKey = await createIssuerKeyFile(jws, 'ES256');
  const issuer = createFakeIssuer({
    credentialIssuer: ISSUER,
    issuer: { did: issuerKey.did, alg: issuerKey.alg, sign: issuerSigner(jws, issuerKey) },
    crypto: jws,
    now: () => new Date(),
    randomBytes,
  });
  const viaIssuer = createUserFetch({
    pageOrigin: 'https://wallet.example',
    allowList: [ISSUER],
    fetchImpl: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const answer = await issuer.fetch(String(input), {
        method: (init?.method ?? 'GET') as 'GET' | 'POST',
        headers: Object.fromEntries(new Headers(init?.headers).entries()),
        ...(typeof init?.body === 'string' ? { body: init.body } : {}),
      });
      return new Response(await answer.text(), { status: answer.status });
    }) as typeof fetch,
  });
  const link = issuer.createOffer({
    type: 'income-statement',
    claims: exampleClaims('income-statement'),
  }).byReference;
  if (!(await resolveOnlineOffer(link, 'en', 'h', viaIssuer)).ok) throw new Error('resolve');
  if (!(await acceptOnlineOffer(undefined, viaIssuer)).ok) throw new Error('accept');
});

function choicesFor(read: ReadRequest) {
  return read.matches.map((match) => ({
    queryId: match.need.queryId,
    credentialId: match.candidates[0]?.id ?? '',
    disclose: [...match.need.required],
  }));
}

describe('Given a signed request by request_uri from an allowed verifier', () => {
  it('when the citizen contacts it and shares, then the answer is POSTed, the redirect_uri comes back and History records it', async () => {
    const net = network({
      [`${VERIFIER}/requests/1`]: { body: await requestObject() },
      [`${VERIFIER}/responses/1`]: { body: `{"redirect_uri":"${VERIFIER}/done?code=1"}` },
    });
    const read = await readOnlineRequest(uriFor(verifierKey.did), net.fetch);
    if (!read.ok) throw new Error(JSON.stringify(read.message));
    expect(read.read.request).toMatchObject({ verified: true, verifierName: 'Gemeente Testdorp' });
    expect(isAnsweredOnline(read.read)).toBe(true);
    const sent = await sendOnlineAnswer(read.read, choicesFor(read.read), {}, net.fetch);
    expect(sent).toEqual({
      ok: true,
      verifierName: 'Gemeente Testdorp',
      redirectUri: `${VERIFIER}/done?code=1`,
    });
    expect(net.posted[0]).toMatch(/^vp_token=/);
    expect(net.posted[0]).toContain('state=st-1');
    expect(await loadHistory()).toMatchObject([{ verifierName: 'Gemeente Testdorp' }]);
  });

  it('when the verifier refuses the answer, then the citizen reads that the verifier did not accept it', async () => {
    const net = network({
      [`${VERIFIER}/requests/1`]: { body: await requestObject() },
      [`${VERIFIER}/responses/1`]: { status: 400, body: '{"error":"invalid_request"}' },
    });
    const read = await readOnlineRequest(uriFor(verifierKey.did), net.fetch);
    if (!read.ok) throw new Error('read');
    expect(await sendOnlineAnswer(read.read, choicesFor(read.read), {}, net.fetch)).toEqual({
      ok: false,
      message: { key: 'online.answer.rejected', params: { verifier: 'Gemeente Testdorp' } },
    });
  });
});

describe('Given a request the wallet must not trust or cannot fetch', () => {
  it('when the request object was tampered with, then it is refused as not validly signed', async () => {
    const object = await requestObject();
    const [header, payload, signature] = object.split('.');
    const flipped = `${header}.${payload}.${signature?.startsWith('A') ? 'B' : 'A'}${signature?.slice(1)}`;
    const net = network({ [`${VERIFIER}/requests/1`]: { body: flipped } });
    expect(await readOnlineRequest(uriFor(verifierKey.did), net.fetch)).toEqual({
      ok: false,
      message: { key: 'present.refused.invalid' },
    });
  });

  it('when the link names another verifier than the request object, then it is refused', async () => {
    const other = await createIssuerKeyFile(jws, 'ES256');
    const net = network({ [`${VERIFIER}/requests/1`]: { body: await requestObject() } });
    expect(await readOnlineRequest(uriFor(other.did), net.fetch)).toMatchObject({ ok: false });
  });

  it('when the verifier is not on the allow-list, then the wallet names it and no request leaves', async () => {
    const net = network({}, ['https://status.example.org']);
    expect(await readOnlineRequest(uriFor(verifierKey.did), net.fetch)).toEqual({
      ok: false,
      message: { key: 'online.notAllowed', params: { host: 'verifier.example' } },
    });
    expect(net.calls).toEqual([]);
  });

  it('when the request_uri is down, then the citizen reads that the request could not be fetched', async () => {
    const net = network({});
    expect(await readOnlineRequest(uriFor(verifierKey.did), net.fetch)).toEqual({
      ok: false,
      message: { key: 'online.request.unreachable' },
    });
  });

  it('when the request object is larger than the gate allows, then it is refused as too large', async () => {
    const net = network({ [`${VERIFIER}/requests/1`]: { body: 'x'.repeat(1024 * 1024 + 1) } });
    expect(await readOnlineRequest(uriFor(verifierKey.did), net.fetch)).toEqual({
      ok: false,
      message: { key: 'online.tooLarge', params: { host: 'verifier.example' } },
    });
  });

  it.each([
    'openid4vp://?request_uri=https%3A%2F%2Fverifier.example%2Frequests%2F1',
    'openid4vp://?client_id=x&request_uri=http%3A%2F%2Fverifier.example%2Fr',
    'openid4vp://?client_id=x&client_id=y&request_uri=https%3A%2F%2Fverifier.example%2Fr',
    `openid4vp://?client_id=x&request_uri=${'a'.repeat(40_000)}`,
  ])('when the link is malformed (%#), then it is refused before any request', async (uri) => {
    const net = network({});
    const read = await readOnlineRequest(uri, net.fetch);
    expect(read.ok).toBe(false);
    expect(net.calls).toEqual([]);
  });
});
