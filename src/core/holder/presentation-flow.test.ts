import { randomBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { utf8ToBytes } from '../encoding/index.ts';
import { createDesk, issueToSubject, registerSubject, type IssuerDesk } from '../issuer/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../jose/index.ts';
import {
  createPresentationRequest,
  dcqlForClaims,
  decryptPresentationResponse,
  generateResponseEncryptionKey,
  parsePresentationResponse,
  readDirectPostBody,
  type FetchLike,
} from '../protocol/index.ts';
import { verifyPresentation } from '../verification/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { listCredentials, saveCredential } from './credential-store.ts';
import { deleteHistory, exportHistory, listHistory } from './history.ts';
import { createHolderWallet, type HolderWallet } from './holder-wallet.ts';
import {
  answerPresentationRequest,
  audienceOf,
  readPresentationRequest,
  readPresentationRequestUri,
  sendPresentationAnswer,
} from './presentation-flow.ts';
import { receiveCredentialOffer } from './receive.ts';
import { connectToIssuer } from './relationships.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-10-02T09:00:00Z');
const ABANDON_ART = `${'abandon '.repeat(23)}art`;
const payslip = {
  period: '2026-09',
  gross_wage_cents: 245_000,
  net_wage_cents: 189_512,
  hours: 151.5,
  employer_name: 'Acme Rides BV',
  employer_id: 'KvK 12345678',
  employee_name: 'Sam de Vries',
  birth_date: '1988-04-12',
};

async function holdingOnePayslip(): Promise<{ wallet: HolderWallet; desk: IssuerDesk }> {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: ABANDON_ART, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  const wallet = created.value;
  const desk = await createDesk(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), jws },
    {
      passcode: 'desk passcode 1',
      profile: { name: 'Acme Rides BV', kind: 'employer', registration: 'KvK 12345678' },
      statusListUri: 'https://status.acme.example/1.jwt',
      now: NOW,
    },
  );
  if (!desk.ok) throw new Error(desk.reason);
  const connect = await connectToIssuer(wallet, { issuerName: 'Acme Rides', now: NOW, jti: 'j' });
  if (!connect.ok) throw new Error('connect');
  const subject = await registerSubject(desk.value, {
    connectRequest: connect.value.request,
    name: 'Sam',
    number: '',
    now: NOW,
    randomBytes,
  });
  if (!subject.ok) throw new Error('register');
  const issued = await issueToSubject(
    desk.value,
    { jws, randomBytes },
    { subjectId: subject.value.id, typeId: 'income-statement', claims: payslip, now: NOW },
  );
  if (!issued.ok) throw new Error('issue');
  const received = await receiveCredentialOffer(wallet, issued.value.offer, {
    crypto: jws,
    now: NOW,
  });
  if (!received.ok) throw new Error(received.reason);
  return { wallet, desk: desk.value };
}

const verifierKey = await createIssuerKeyFile(jws, 'ES256');

async function requestFor(
  nonce: string,
  vct = 'urn:vouch:income-statement:1',
  declare?: readonly string[],
): Promise<Uint8Array> {
  const jwt = await createPresentationRequest({
    ...(declare ? { rule: 'nl.participatiewet.aanvulling' as const, declare } : {}),
    verifier: { did: verifierKey.did, alg: verifierKey.alg, sign: issuerSigner(jws, verifierKey) },
    verifierName: 'Gemeente Utrecht',
    purpose: 'Income supplement, September 2026',
    dcql: dcqlForClaims({
      id: 'income',
      vct,
      required: ['period', 'net_wage_cents'],
      optional: ['employee_name', 'hours'],
    }),
    responseMode: 'vouch_qr',
    nonce,
    now: NOW,
  });
  return utf8ToBytes(jwt);
}

describe('presenting to a verifier', () => {
  let wallet: HolderWallet;
  let desk: IssuerDesk;
  beforeEach(async () => {
    ({ wallet, desk } = await holdingOnePayslip());
  });

  it('Given a request for 2 required and 2 optional claims, when the citizen switches one optional claim off, then the verifier gets exactly the 3 chosen claims, valid for its nonce and audience', async () => {
    const nonce = 'n-0123456789abcdefghijklmnopqrstu';
    const read = await readPresentationRequest(wallet, await requestFor(nonce), {
      crypto: jws,
      now: NOW,
    });
    if (!read.ok) throw new Error(`${read.reason}: ${read.detail}`);
    expect(read.value.seenBefore).toBe(false);
    expect(read.value.matches).toHaveLength(1);
    const [match] = read.value.matches;
    expect(match?.candidates).toHaveLength(1);
    expect(match?.need.required.sort()).toEqual(['net_wage_cents', 'period']);

    const answered = await answerPresentationRequest(
      wallet,
      read.value,
      [
        {
          queryId: 'income',
          credentialId: match?.candidates[0]?.id ?? '',
          disclose: ['period', 'net_wage_cents', 'employee_name'],
        },
      ],
      { now: NOW, randomBytes },
    );
    if (!answered.ok) throw new Error(answered.detail);
    const response = parsePresentationResponse(answered.value.response);
    if (!response.ok) throw new Error('response');
    const presentation = response.value.vpToken.income?.[0] ?? '';
    const result = await verifyPresentation(presentation, {
      crypto: jws,
      now: NOW,
      audience: audienceOf(read.value.request),
      nonce,
      issuerKey: desk.issuer.publicJwk,
      statusPolicy: { whenUnavailable: 'warn' },
      requiredClaims: ['period', 'net_wage_cents'],
    });
    expect(result.checks.filter((check) => !check.ok)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.claims).toEqual({
      period: '2026-09',
      net_wage_cents: 189_512,
      employee_name: 'Sam de Vries',
    });

    const history = await listHistory(wallet);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      verifierName: 'Gemeente Utrecht',
      purpose: 'Income supplement, September 2026',
      items: [
        {
          typeId: 'income-statement',
          issuerName: 'Acme Rides',
          claims: ['period', 'net_wage_cents', 'employee_name'],
        },
      ],
    });
    // The history keeps which claims, not their values.
    expect(await exportHistory(wallet, NOW)).not.toContain('189512');

    const again = await readPresentationRequest(
      wallet,
      await requestFor('n-second-0123456789abcdefghijklm'),
      { crypto: jws, now: NOW },
    );
    expect(again.ok && again.value.seenBefore).toBe(true);
    await deleteHistory(wallet);
    expect(await listHistory(wallet)).toEqual([]);
  });

  it('Given the citizen tries to leave out a required claim or add one not asked for, when answering, then nothing is made and nothing is recorded', async () => {
    const read = await readPresentationRequest(
      wallet,
      await requestFor('n-0123456789abcdefghijklmnopqrstu'),
      { crypto: jws, now: NOW },
    );
    if (!read.ok) throw new Error(read.reason);
    const credentialId = read.value.matches[0]?.candidates[0]?.id ?? '';
    const missing = await answerPresentationRequest(
      wallet,
      read.value,
      [{ queryId: 'income', credentialId, disclose: ['period'] }],
      { now: NOW, randomBytes },
    );
    expect(missing).toMatchObject({ ok: false, reason: 'incomplete' });
    const extra = await answerPresentationRequest(
      wallet,
      read.value,
      [{ queryId: 'income', credentialId, disclose: ['period', 'net_wage_cents', 'birth_date'] }],
      { now: NOW, randomBytes },
    );
    expect(extra).toMatchObject({ ok: false, reason: 'not-requested' });
    expect(await listHistory(wallet)).toEqual([]);
  });

  it('Given a request that asks the citizen to declare facts, when answered with declared facts, then the response carries exactly those, and a fact not asked is refused', async () => {
    const read = await readPresentationRequest(
      wallet,
      await requestFor('n-0123456789abcdefghijklmnopqrstu', 'urn:vouch:income-statement:1', [
        'household',
        'assetsCents',
      ]),
      { crypto: jws, now: NOW },
    );
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.request.declare).toEqual(['household', 'assetsCents']);
    const credentialId = read.value.matches[0]?.candidates[0]?.id ?? '';
    const choice = [{ queryId: 'income', credentialId, disclose: ['period', 'net_wage_cents'] }];
    const extra = await answerPresentationRequest(
      wallet,
      read.value,
      choice,
      { now: NOW, randomBytes },
      { ageBand: 'pension' },
    );
    expect(extra).toMatchObject({ ok: false, reason: 'not-requested' });

    const answered = await answerPresentationRequest(
      wallet,
      read.value,
      choice,
      { now: NOW, randomBytes },
      { household: 'single' },
    );
    if (!answered.ok) throw new Error(answered.detail);
    const response = parsePresentationResponse(answered.value.response);
    expect(response.ok && response.value.declared).toEqual({ household: 'single' });
    expect(answered.value.entry.declared).toEqual(['household']);
  });

  it.each(['suspended', 'revoked'] as const)(
    'Given the only matching credential was last checked %s, when a request is read, then it is not offered',
    async (state) => {
      const [held] = await listCredentials(wallet);
      if (!held) throw new Error('no credential');
      await saveCredential(wallet, {
        ...held,
        statusCheck: { checkedAt: NOW.toISOString(), state },
      });
      const read = await readPresentationRequest(
        wallet,
        await requestFor('n-suspended0123456789abcdefghij'),
        { crypto: jws, now: NOW },
      );
      expect(read.ok && read.value.matches[0]?.candidates).toEqual([]);
    },
  );

  it('Given a request for a type the wallet does not hold, when read, then the need has no candidate', async () => {
    const read = await readPresentationRequest(
      wallet,
      await requestFor('n-0123456789abcdefghijklmnopqrstu', 'urn:vouch:diploma:1'),
      {
        crypto: jws,
        now: NOW,
      },
    );
    expect(read.ok && read.value.matches[0]?.candidates).toEqual([]);
  });

  it('Given an application for two credentials of which the wallet holds one, when the citizen shares anyway, then the one held goes and the other is missing; holding none, nothing is made', async () => {
    const dcql = (vct: string, id: string) =>
      dcqlForClaims({ id, vct, required: ['period'], optional: [] }).credentials;
    const request = async (queries: ReturnType<typeof dcql>) =>
      utf8ToBytes(
        await createPresentationRequest({
          verifier: {
            did: verifierKey.did,
            alg: verifierKey.alg,
            sign: issuerSigner(jws, verifierKey),
          },
          purpose: 'Application',
          dcql: { credentials: queries },
          responseMode: 'vouch_qr',
          nonce: 'n-0123456789abcdefghijklmnopqrstu',
          now: NOW,
        }),
      );
    const both = await readPresentationRequest(
      wallet,
      await request([
        ...dcql('urn:vouch:income-statement:1', 'income'),
        ...dcql('urn:vouch:household:1', 'household'),
      ]),
      { crypto: jws, now: NOW },
    );
    if (!both.ok) throw new Error(both.reason);
    const credentialId = both.value.matches[0]?.candidates[0]?.id ?? '';
    const answered = await answerPresentationRequest(
      wallet,
      both.value,
      [{ queryId: 'income', credentialId, disclose: ['period'] }],
      { now: NOW, randomBytes },
    );
    if (!answered.ok) throw new Error(answered.detail);
    const response = parsePresentationResponse(answered.value.response);
    expect(response.ok && Object.keys(response.value.vpToken)).toEqual(['income']);

    const none = await readPresentationRequest(
      wallet,
      await request(dcql('urn:vouch:household:1', 'household')),
      { crypto: jws, now: NOW },
    );
    if (!none.ok) throw new Error(none.reason);
    expect(
      await answerPresentationRequest(wallet, none.value, [], { now: NOW, randomBytes }),
    ).toMatchObject({ ok: false, reason: 'incomplete' });
  });

  it('Given a tampered or expired request, when read, then it is refused', async () => {
    const good = new TextDecoder().decode(await requestFor('n-0123456789abcdefghijklmnopqrstu'));
    const tampered = `${good.slice(0, 40)}${good[40] === 'A' ? 'B' : 'A'}${good.slice(41)}`;
    expect(
      await readPresentationRequest(wallet, utf8ToBytes(tampered), { crypto: jws, now: NOW }),
    ).toMatchObject({
      ok: false,
      reason: 'invalid-request',
    });
    expect(
      await readPresentationRequest(wallet, utf8ToBytes(good), {
        crypto: jws,
        now: new Date(NOW.getTime() + 3_600_000),
      }),
    ).toMatchObject({ ok: false, reason: 'invalid-request' });
    expect(
      await readPresentationRequest(wallet, randomBytes(50), { crypto: jws, now: NOW }),
    ).toMatchObject({ ok: false });
  });
});

describe('presenting online (OpenID4VP request_uri and direct_post)', () => {
  const BASE = 'https://verifier.example';

  /** A verifier's request_uri and response_uri, as a stub fetch; keeps what was POSTed. */
  function onlineVerifier(requestObject: string, redirect?: string) {
    const posted: string[] = [];
    const fetch: FetchLike = async (url, init) => {
      if (url === `${BASE}/requests/1` && init.method === 'GET') {
        return new Response(requestObject, {
          headers: { 'content-type': 'application/oauth-authz-req+jwt' },
        });
      }
      if (url === `${BASE}/responses/1` && init.method === 'POST') {
        posted.push(init.body ?? '');
        return Response.json(redirect === undefined ? {} : { redirect_uri: redirect });
      }
      return new Response('not found', { status: 404 });
    };
    return { fetch, posted };
  }

  it.each(['direct_post', 'direct_post.jwt'] as const)(
    'Given an openid4vp:// link to a %s request, when the citizen answers, then the verifier receives a presentation valid for its client_id and nonce, and the wallet gets the redirect',
    async (responseMode) => {
      const { wallet, desk } = await holdingOnePayslip();
      const nonce = 'online-0123456789abcdefghijklmn';
      const encryption = await generateResponseEncryptionKey('enc-1');
      const object = await createPresentationRequest({
        verifier: {
          did: verifierKey.did,
          alg: verifierKey.alg,
          sign: issuerSigner(jws, verifierKey),
        },
        dcql: dcqlForClaims({
          id: 'income',
          vct: 'urn:vouch:income-statement:1',
          required: ['period'],
          optional: [],
        }),
        responseMode,
        responseUri: `${BASE}/responses/1`,
        ...(responseMode === 'direct_post.jwt' ? { encryptionKey: encryption.publicJwk } : {}),
        nonce,
        state: 'st-1',
        now: NOW,
      });
      const verifier = onlineVerifier(object, `${BASE}/done#code=1`);
      const clientId = `decentralized_identifier:${verifierKey.did}`;
      const uri = `openid4vp://?client_id=${encodeURIComponent(clientId)}&request_uri=${encodeURIComponent(`${BASE}/requests/1`)}`;

      const read = await readPresentationRequestUri(wallet, uri, {
        crypto: jws,
        now: NOW,
        fetch: verifier.fetch,
      });
      if (!read.ok) throw new Error(`${read.reason}: ${read.detail}`);
      expect(read.value.request).toMatchObject({ verified: true, responseMode, clientId });
      expect(read.value.request.verifierName).toBeUndefined();
      const [match] = read.value.matches;
      const answered = await answerPresentationRequest(
        wallet,
        read.value,
        [{ queryId: 'income', credentialId: match?.candidates[0]?.id ?? '', disclose: ['period'] }],
        { now: NOW, randomBytes },
      );
      if (!answered.ok) throw new Error(answered.detail);
      expect(answered.value.entry.verifierName).toBe(verifierKey.did);
      const sent = await sendPresentationAnswer(
        read.value.request,
        answered.value.presentationResponse,
        {
          fetch: verifier.fetch,
        },
      );
      expect(sent).toEqual({ ok: true, value: { redirectUri: `${BASE}/done#code=1` } });

      const body = readDirectPostBody(verifier.posted[0] ?? '');
      if (!body.ok) throw new Error(body.detail.message);
      const received =
        body.value.kind === 'encrypted'
          ? await decryptPresentationResponse(body.value.jwe, encryption.privateJwk)
          : body.value.kind === 'response'
            ? { ok: true as const, value: body.value.response }
            : undefined;
      expect(body.value.kind).toBe(responseMode === 'direct_post' ? 'response' : 'encrypted');
      if (!received?.ok) throw new Error('not received');
      expect(received.value.state).toBe('st-1');
      const result = await verifyPresentation(received.value.vpToken.income?.[0] ?? '', {
        crypto: jws,
        now: NOW,
        audience: clientId,
        nonce,
        issuerKey: desk.issuer.publicJwk,
        statusPolicy: { whenUnavailable: 'warn' },
        requiredClaims: ['period'],
      });
      expect(result.checks.filter((check) => !check.ok)).toEqual([]);
      expect(result.valid).toBe(true);
    },
  );

  it('Given a request_uri that is down, when read, then unreachable', async () => {
    const { wallet } = await holdingOnePayslip();
    const fetch: FetchLike = () => Promise.reject(new Error('offline'));
    const uri = `openid4vp://?client_id=${encodeURIComponent(`decentralized_identifier:${verifierKey.did}`)}&request_uri=${encodeURIComponent(`${BASE}/requests/1`)}`;
    const read = await readPresentationRequestUri(wallet, uri, { crypto: jws, now: NOW, fetch });
    expect(read.ok ? 'ok' : read.reason).toBe('unreachable');
  });
});

describe('credential_sets in a request', () => {
  it('Given a request for a PID or an income statement, when the wallet holds only the statement, then it is asked for the statement alone', async () => {
    const { wallet } = await holdingOnePayslip();
    const income = dcqlForClaims({
      id: 'income',
      vct: 'urn:vouch:income-statement:1',
      required: ['period'],
      optional: [],
    }).credentials[0];
    const dcql = {
      credentials: [
        { id: 'pid', format: 'dc+sd-jwt', meta: { vct_values: ['urn:eu:pid:1'] } },
        ...(income ? [income] : []),
      ],
      credential_sets: [{ options: [['pid'], ['income']] }],
    };
    const jwt = await createPresentationRequest({
      verifier: {
        did: verifierKey.did,
        alg: verifierKey.alg,
        sign: issuerSigner(jws, verifierKey),
      },
      dcql,
      responseMode: 'vouch_qr',
      nonce: 'sets-0123456789abcdefghijklmn',
      now: NOW,
    });
    const read = await readPresentationRequest(wallet, utf8ToBytes(jwt), { crypto: jws, now: NOW });
    if (!read.ok) throw new Error(`${read.reason}: ${read.detail}`);
    expect(read.value.matches.map((match) => match.need.queryId)).toEqual(['income']);
    expect(read.value.matches[0]?.candidates).toHaveLength(1);
  });
});
