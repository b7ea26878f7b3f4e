/**
 * The whole server against the OpenID Foundation's libraries, both flows: a peer wallet
 * (@openid4vc/openid4vci) obtains a credential from `vouch serve`, then the same peer wallet
 * (@openid4vc/openid4vp's Openid4vpClient, presentations made by @sd-jwt/sd-jwt-vc with a key
 * binding JWT signed by the credential key) answers `vouch serve`'s `openid4vp://` request by
 * request_uri, with direct_post and direct_post.jwt; /admin/results/:id gives the verdict.
 * `dcql` parses and validates every DCQL query the server makes.
 */
import { DcqlQuery } from 'dcql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_TYPE_IDS, CREDENTIAL_TYPES, exampleClaims } from '../core/credentials/index.ts';
import { answerAsPeer, peerCredential, presentAsPeer, resolveAsPeer } from './peer-answer.fake.ts';
import { newPeerKey, PUBLIC_URL, startPeerServer } from './peer-harness.fake.ts';
import type { PeerServer } from './peer-harness.fake.ts';

const STATEMENT = exampleClaims('income-statement');

let server: PeerServer;
beforeAll(async () => {
  server = await startPeerServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

async function createRequest(body: Record<string, unknown>) {
  const { status, json } = await server.admin('POST', '/admin/requests', body);
  expect(status).toBe(201);
  return json as { id: string; uri: string };
}

async function result(id: string) {
  const { status, json } = await server.admin('GET', `/admin/results/${id}`);
  expect(status).toBe(200);
  return json as {
    valid?: boolean;
    pending?: boolean;
    checks?: { name: string; ok: boolean; code: string }[];
    claims?: Record<string, unknown>;
  };
}

const failedCodes = (verdict: Awaited<ReturnType<typeof result>>) =>
  (verdict.checks ?? []).filter((check) => !check.ok).map((check) => `${check.name}:${check.code}`);

describe('a peer wallet answers vouch serve as a verifier (@openid4vc/openid4vp)', () => {
  it.each(['direct_post', 'direct_post.jwt'] as const)(
    'Given a request for two claims with %s, when the peer wallet resolves it, presents with key binding and submits, then the verdict is valid with exactly those claims',
    async (responseMode) => {
      const key = await newPeerKey();
      const credential = await peerCredential(server, key);
      const request = await createRequest({
        type: 'income-statement',
        claims: ['period', 'net_wage_cents'],
        purpose: 'Check your income for the supplement',
        verifierName: 'Gemeente Utrecht',
        responseMode,
      });
      expect(request.uri).toBe(
        `openid4vp://?client_id=${encodeURIComponent(`decentralized_identifier:${server.verifierKey.did}`)}&request_uri=${encodeURIComponent(`${PUBLIC_URL}/requests/${request.id}`)}`,
      );
      expect(await result(request.id)).toEqual({ pending: true });

      const resolved = await resolveAsPeer(server, request.uri);
      expect(resolved.client.prefix).toBe('decentralized_identifier');
      expect(resolved.client.effective).toBe(`decentralized_identifier:${server.verifierKey.did}`);
      expect(resolved.jar?.sendBy).toBe('reference');
      expect(resolved.version).toBe(100);
      const payload = resolved.authorizationRequestPayload;
      expect(payload.response_mode).toBe(responseMode);
      expect(payload.response_uri).toBe(`${PUBLIC_URL}/responses/${request.id}`);
      const query = DcqlQuery.parse(resolved.dcql?.query as never);
      DcqlQuery.validate(query);
      const credentialQuery = query.credentials[0];
      expect(credentialQuery?.id).toBe('income-statement');

      const presentation = await presentAsPeer(credential, key, {
        claims: ['period', 'net_wage_cents'],
        aud: resolved.client.effective,
        nonce: payload.nonce,
      });
      const submitted = await answerAsPeer(server, resolved, {
        'income-statement': [presentation],
      });
      expect(submitted.status).toBe(200);
      expect(await submitted.json()).toEqual({});

      const verdict = await result(request.id);
      expect(failedCodes(verdict)).toEqual([]);
      expect(verdict.valid).toBe(true);
      expect(verdict.claims).toEqual({
        period: STATEMENT.period,
        net_wage_cents: STATEMENT.net_wage_cents,
      });
    },
  );

  it('Given a request that asked for a same-device redirect, when the peer answers, then the response_uri returns a redirect_uri with a response_code that shows validity', async () => {
    const key = await newPeerKey();
    const credential = await peerCredential(server, key);
    const request = await createRequest({
      type: 'income-statement',
      claims: ['period'],
      redirect: true,
    });
    const resolved = await resolveAsPeer(server, request.uri);
    const payload = resolved.authorizationRequestPayload;
    const presentation = await presentAsPeer(credential, key, {
      claims: ['period'],
      aud: resolved.client.effective,
      nonce: payload.nonce,
    });
    const submitted = await answerAsPeer(server, resolved, { 'income-statement': [presentation] });
    const { redirect_uri: redirectUri } = (await submitted.json()) as { redirect_uri: string };
    expect(redirectUri).toMatch(
      new RegExp(`^${PUBLIC_URL}/results/${request.id}\\?response_code=`),
    );
    const landing = await server.fetch(redirectUri);
    expect(await landing.json()).toEqual({ valid: true });
  });
});

describe('refusals: what the verdict says when the answer is wrong', () => {
  async function freshRequest(claims: string[] = ['period']) {
    const request = await createRequest({ type: 'income-statement', claims });
    const resolved = await resolveAsPeer(server, request.uri);
    return { request, resolved, payload: resolved.authorizationRequestPayload };
  }

  it('Given an answered request, when the same response is submitted again, then it is refused and the first verdict stands', async () => {
    const key = await newPeerKey();
    const credential = await peerCredential(server, key);
    const { request, resolved, payload } = await freshRequest();
    const presentation = await presentAsPeer(credential, key, {
      claims: ['period'],
      aud: resolved.client.effective,
      nonce: payload.nonce,
    });
    expect(
      (await answerAsPeer(server, resolved, { 'income-statement': [presentation] })).status,
    ).toBe(200);
    const again = await answerAsPeer(server, resolved, { 'income-statement': [presentation] });
    expect(again.status).toBe(404);
    expect((await result(request.id)).valid).toBe(true);
  });

  it('Given a presentation made for one request, when it is replayed to another request, then the verdict is invalid with nonce:wrong-nonce', async () => {
    const key = await newPeerKey();
    const credential = await peerCredential(server, key);
    const first = await freshRequest();
    const presentation = await presentAsPeer(credential, key, {
      claims: ['period'],
      aud: first.resolved.client.effective,
      nonce: first.payload.nonce,
    });
    const second = await freshRequest();
    await answerAsPeer(server, second.resolved, { 'income-statement': [presentation] });
    const verdict = await result(second.request.id);
    expect(verdict.valid).toBe(false);
    expect(failedCodes(verdict)).toEqual(['nonce:wrong-nonce']);
  });

  it('Given a credential whose disclosed claim was changed, when presented, then the verdict is invalid (disclosures)', async () => {
    const key = await newPeerKey();
    const credential = await peerCredential(server, key);
    const { request, resolved, payload } = await freshRequest();
    const presentation = await presentAsPeer(credential, key, {
      claims: ['period'],
      aud: resolved.client.effective,
      nonce: payload.nonce,
    });
    // Replace the disclosure of "period" by one with another month (same salt): its digest is not in _sd.
    const parts = presentation.split('~');
    const index = parts.findIndex(
      (part, i) => i > 0 && Buffer.from(part, 'base64url').toString().includes('"period"'),
    );
    const [salt] = JSON.parse(Buffer.from(parts[index] as string, 'base64url').toString()) as [
      string,
    ];
    parts[index] = Buffer.from(JSON.stringify([salt, 'period', '2020-01'])).toString('base64url');
    await answerAsPeer(server, resolved, { 'income-statement': [parts.join('~')] });
    const verdict = await result(request.id);
    expect(verdict.valid).toBe(false);
    expect(failedCodes(verdict)).toContain('disclosures:disclosure-digest-missing');
  });

  it('Given a credential whose issuer-signed payload was changed, when presented, then the verdict stops at issuer-signature:bad-signature', async () => {
    const key = await newPeerKey();
    const credential = await peerCredential(server, key);
    const { request, resolved } = await freshRequest();
    const presentation = await presentAsPeer(credential, key, {
      claims: ['period'],
      aud: resolved.client.effective,
      nonce: resolved.authorizationRequestPayload.nonce,
    });
    const [jwt, ...rest] = presentation.split('~');
    const [header, payload, signature] = (jwt as string).split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const forged = Buffer.from(JSON.stringify({ ...claims, iat: Number(claims.iat) + 1 })).toString(
      'base64url',
    );
    const tampered = [`${header}.${forged}.${signature}`, ...rest].join('~');
    await answerAsPeer(server, resolved, { 'income-statement': [tampered] });
    const verdict = await result(request.id);
    expect(verdict.valid).toBe(false);
    expect(failedCodes(verdict)).toEqual(['issuer-signature:bad-signature']);
  });

  it('Given a revoked credential, when presented, then the verdict is invalid with status:revoked', async () => {
    const key = await newPeerKey();
    const credential = await peerCredential(server, key);
    const [jwt] = credential.split('~');
    const payload = JSON.parse(
      Buffer.from((jwt as string).split('.')[1] as string, 'base64url').toString(),
    ) as {
      status: { status_list: { idx: number } };
    };
    const revoked = await server.admin('POST', '/admin/status/revoke', {
      index: payload.status.status_list.idx,
    });
    expect(revoked.status).toBe(200);
    const { request, resolved } = await freshRequest();
    const presentation = await presentAsPeer(credential, key, {
      claims: ['period'],
      aud: resolved.client.effective,
      nonce: resolved.authorizationRequestPayload.nonce,
    });
    await answerAsPeer(server, resolved, { 'income-statement': [presentation] });
    const verdict = await result(request.id);
    expect(failedCodes(verdict)).toEqual(['status:revoked']);
  });

  it('Given a presentation that leaves out a requested claim, when submitted, then the verdict is invalid with requested-claims:missing-claim', async () => {
    const key = await newPeerKey();
    const credential = await peerCredential(server, key);
    const { request, resolved, payload } = await freshRequest(['period', 'gross_wage_cents']);
    const presentation = await presentAsPeer(credential, key, {
      claims: ['period'],
      aud: resolved.client.effective,
      nonce: payload.nonce,
    });
    await answerAsPeer(server, resolved, { 'income-statement': [presentation] });
    expect(failedCodes(await result(request.id))).toEqual(['requested-claims:missing-claim']);
  });

  it('Given a key binding JWT for another audience, when submitted, then the verdict is invalid with audience:wrong-audience', async () => {
    const key = await newPeerKey();
    const credential = await peerCredential(server, key);
    const { request, resolved, payload } = await freshRequest();
    const presentation = await presentAsPeer(credential, key, {
      claims: ['period'],
      aud: 'decentralized_identifier:did:key:zDnaeSomeoneElse',
      nonce: payload.nonce,
    });
    await answerAsPeer(server, resolved, { 'income-statement': [presentation] });
    expect(failedCodes(await result(request.id))).toEqual(['audience:wrong-audience']);
  });

  it('Given a response whose state is not the request’s, when posted, then 400 and the request stays pending', async () => {
    const { request } = await freshRequest();
    const response = await server.fetch(`${PUBLIC_URL}/responses/${request.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `vp_token=${encodeURIComponent(JSON.stringify({ 'income-statement': ['a~b~'] }))}&state=not-it`,
    });
    expect(response.status).toBe(400);
    expect(await result(request.id)).toEqual({ pending: true });
  });
});

describe('every DCQL query the server makes is valid DCQL (dcql parses and validates it)', () => {
  it('Given a request for each type with one claim and with all its claims, when the request object is fetched, then DcqlQuery.parse and validate accept its dcql_query and it asks for exactly those claims of that vct', async () => {
    for (const type of CREDENTIAL_TYPE_IDS) {
      const names = CREDENTIAL_TYPES[type].claims.map((claim) => claim.name);
      for (const claims of [names.slice(0, 1), names]) {
        const { uri } = await createRequest({ type, claims });
        const resolved = await resolveAsPeer(server, uri);
        const query = DcqlQuery.parse(resolved.dcql?.query as never);
        DcqlQuery.validate(query);
        const credential = query.credentials[0];
        // The diploma may also come as a W3C VC-JWT (docs/w3c-vc.md "DCQL"): a second query and
        // one credential set taking either.
        expect(query.credentials).toHaveLength(type === 'diploma' ? 2 : 1);
        expect(credential?.format).toBe('dc+sd-jwt');
        expect((credential?.meta as { vct_values: string[] }).vct_values).toEqual([
          CREDENTIAL_TYPES[type].vct,
        ]);
        expect(
          credential?.claims?.map((claim) => ('path' in claim ? claim.path[0] : undefined)),
        ).toEqual(claims);
        if (type === 'diploma') {
          const w3c = query.credentials[1];
          expect(w3c?.id).toBe('diploma_w3c');
          expect(w3c?.format).toBe('jwt_vc_json');
          expect((w3c?.meta as { type_values: string[][] }).type_values).toEqual([
            ['VerifiableCredential', 'VouchDiploma'],
          ]);
          expect(w3c?.claims?.map((claim) => ('path' in claim ? claim.path : undefined))).toEqual(
            claims.map((name) => ['credentialSubject', name]),
          );
          expect(query.credential_sets).toEqual([
            { options: [['diploma'], ['diploma_w3c']], required: true },
          ]);
        }
      }
    }
  });
});
