/**
 * An application link against the OpenID Foundation's wallet library: @openid4vc/openid4vp's
 * Openid4vpClient parses the published `openid4vp://…&request_uri_method=post` link, POSTs to its
 * request_uri (§5.10), verifies the signed request object, and a presentation made by
 * @sd-jwt/sd-jwt-vc answers it; the link's results then hold the valid verdict. A second wallet
 * resolving the same link gets a request of its own. The server has a registration certificate:
 * the peer accepts request objects that carry it in `verifier_info` (OpenID4VP 1.0 §5.1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAsPeer, peerCredential, presentAsPeer, resolveAsPeer } from '../peer-answer.fake.ts';
import { newPeerKey, PUBLIC_URL, startPeerServer } from '../peer-harness.fake.ts';
import type { PeerServer } from '../peer-harness.fake.ts';
import { createIssuerKeyFile, issuerSigner } from '../../core/jose/index.ts';
import { signRegistrationCertificate } from '../../core/trust/index.ts';
import { webJwsCrypto } from '../../platform/crypto/jws-crypto.ts';
import { signingKeyOf } from '../data-dir.ts';
import { checkServerRegistration } from './registration.ts';

let server: PeerServer;
let certificate: string;
beforeAll(async () => {
  const crypto = webJwsCrypto();
  const authority = await createIssuerKeyFile(crypto, 'ES256');
  const verifierKey = await createIssuerKeyFile(crypto, 'ES256');
  const now = new Date();
  certificate = await signRegistrationCertificate({
    authority: { did: authority.did, alg: authority.alg, sign: issuerSigner(crypto, authority) },
    verifier: verifierKey.did,
    name: 'Gemeente Testdorp',
    issuedAt: now,
  });
  const checked = await checkServerRegistration(certificate, {
    verifier: signingKeyOf(verifierKey, crypto),
    crypto,
    now,
  });
  if (!checked.ok) throw new Error(checked.detail.message);
  server = await startPeerServer({ verifierKey, registration: checked.value });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('a peer wallet applies through an application link (@openid4vc/openid4vp)', () => {
  it('Given a published link, when two peer wallets resolve it, then each gets its own signed request by POST, and the one that answers is listed valid', async () => {
    const published = await server.admin('POST', '/admin/applications', {
      name: 'Income supplement',
      type: 'income-statement',
      claims: ['period', 'net_wage_cents'],
      purpose: 'Apply for the income supplement',
      verifierName: 'Gemeente Testdorp',
    });
    expect(published.status).toBe(201);
    const { id, link } = published.json as { id: string; link: string };

    const methods: string[] = [];
    const watched = server.fetch;
    const spy = (async (input: RequestInfo | URL, init?: RequestInit) => {
      methods.push(`${(init?.method ?? 'GET').toUpperCase()} ${new URL(String(input)).pathname}`);
      return watched(input, init);
    }) as typeof fetch;
    const viaSpy = { ...server, fetch: spy };

    const first = await resolveAsPeer(viaSpy, link);
    const second = await resolveAsPeer(viaSpy, link);
    expect(methods).toEqual([
      `POST /applications/${id}/request`,
      `POST /applications/${id}/request`,
    ]);
    expect(first.client.effective).toBe(`decentralized_identifier:${server.verifierKey.did}`);
    expect(first.jar?.sendBy).toBe('reference');
    const one = first.authorizationRequestPayload;
    const two = second.authorizationRequestPayload;
    expect(one.nonce).not.toBe(two.nonce);
    expect(one.response_uri).not.toBe(two.response_uri);
    expect(String(one.response_uri).startsWith(`${PUBLIC_URL}/responses/`)).toBe(true);
    expect(one.verifier_info).toEqual([{ format: 'jwt', data: certificate }]);

    const key = await newPeerKey();
    const credential = await peerCredential(server, key);
    const presentation = await presentAsPeer(credential, key, {
      claims: ['period', 'net_wage_cents'],
      aud: first.client.effective,
      nonce: one.nonce,
    });
    const answer = await answerAsPeer(server, first, { 'income-statement': [presentation] });
    expect(answer.status).toBe(200);

    const { status, json } = await server.admin('GET', `/admin/applications/${id}/results`);
    expect(status).toBe(200);
    const answers = (json as { answers: { id: string; result: Record<string, unknown> }[] })
      .answers;
    expect(answers).toHaveLength(1);
    expect(answers[0]?.id).toBe(String(one.response_uri).split('/').pop());
    expect(answers[0]?.result).toMatchObject({
      valid: true,
      vct: 'urn:vouch:income-statement:1',
    });
    expect(Object.keys(answers[0]?.result.claims as object).sort()).toEqual([
      'net_wage_cents',
      'period',
    ]);

    // The same presentation again, to the second wallet's request: its nonce is another.
    const replay = await answerAsPeer(server, second, { 'income-statement': [presentation] });
    expect(replay.status).toBe(200);
    const after = (await server.admin('GET', `/admin/applications/${id}/results`)).json as {
      answers: { result: { valid: boolean; checks: { ok: boolean; code: string }[] } }[];
    };
    const replayed = after.answers.find((entry) => entry.result.valid === false);
    expect(replayed?.result.checks.filter((check) => !check.ok).map((c) => c.code)).toContain(
      'wrong-nonce',
    );
  });
});

describe('a peer wallet reads an online request that carries the registration certificate', () => {
  it('Given a request made by POST /admin/requests, when the peer resolves it, then it verifies the object and keeps verifier_info as sent', async () => {
    const created = await server.admin('POST', '/admin/requests', {
      type: 'diploma',
      claims: ['degree'],
    });
    expect(created.status).toBe(201);
    const resolved = await resolveAsPeer(server, (created.json as { uri: string }).uri);
    expect(resolved.client.effective).toBe(`decentralized_identifier:${server.verifierKey.did}`);
    expect(resolved.authorizationRequestPayload.verifier_info).toEqual([
      { format: 'jwt', data: certificate },
    ]);
  });
});
