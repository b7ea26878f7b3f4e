/**
 * Status lists hosted elsewhere: the verifier fetches one only for a credential whose issuer
 * signature verified and whose issuer it trusts (never for an unknown party's presentation), and
 * the list it gets decides valid, revoked or status-unavailable.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleClaims } from '../../core/credentials/index.ts';
import { createIssuerKeyFile, issuerSigner } from '../../core/jose/index.ts';
import type { PublicJwk } from '../../core/jose/index.ts';
import { issueSdJwtVc } from '../../core/sd-jwt/index.ts';
import {
  createStatusList,
  publishStatusListJwt,
  revokeStatusIndex,
} from '../../core/status-list/index.ts';
import { signTrustList } from '../../core/trust/index.ts';
import { presentAsPeer } from '../peer-answer.fake.ts';
import { ADMIN_TOKEN, newPeerKey, PUBLIC_URL, startPeerServer } from '../peer-harness.fake.ts';
import type { PeerServer } from '../peer-harness.fake.ts';
import type { VerifierRequest } from './store.ts';
import { verifyAnswer } from './verify-answer.ts';

const LIST_URI = 'https://other-issuer.example/status/7';
const INDEX = 4242;
const NONCE = 'n-0123456789abcdefghijklmnopqrstuvwxyzABCD';
const VCT = 'urn:vouch:income-statement:1';

let server: PeerServer;
beforeAll(async () => {
  server = await startPeerServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

async function externalIssuer() {
  const key = await createIssuerKeyFile(server.ctx.crypto, 'ES256');
  return {
    key,
    signer: { did: key.did, alg: key.alg, sign: issuerSigner(server.ctx.crypto, key) },
  };
}

async function presentationFrom(issuer: Awaited<ReturnType<typeof externalIssuer>>) {
  const holder = await newPeerKey();
  const credential = await issueSdJwtVc({
    issuer: issuer.signer,
    vct: VCT,
    claims: exampleClaims('income-statement'),
    holderJwk: holder.publicJwk as PublicJwk,
    status: { idx: INDEX, uri: LIST_URI },
    issuedAt: server.ctx.now(),
    randomBytes: server.ctx.randomBytes,
  });
  return presentAsPeer(credential, holder, {
    claims: ['period'],
    aud: clientId(),
    nonce: NONCE,
  });
}

const clientId = () => `decentralized_identifier:${server.verifierKey.did}`;

const request: VerifierRequest = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  type: 'income-statement',
  claims: ['period'],
  responseMode: 'direct_post',
  nonce: NONCE,
  state: 'state-1',
  createdAt: new Date(),
  expiresAt: new Date(Date.now() + 600_000),
};

async function trust(did: string) {
  const signer = await createIssuerKeyFile(server.ctx.crypto, 'ES256');
  const jwt = await signTrustList({
    issuer: { did: signer.did, alg: signer.alg, sign: issuerSigner(server.ctx.crypto, signer) },
    name: 'Test federation',
    entries: [{ did: did as never, name: 'Other issuer', vct: [VCT] }],
    issuedAt: server.ctx.now(),
  });
  const response = await server.fetch(`${PUBLIC_URL}/admin/trust`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/jwt' },
    body: jwt,
  });
  expect(response.status).toBeLessThan(300);
}

async function statusJwt(issuer: Awaited<ReturnType<typeof externalIssuer>>, revoked: boolean) {
  let list = createStatusList({ uri: LIST_URI });
  if (revoked) {
    const changed = revokeStatusIndex(list, INDEX, { evenIfNotIssued: true });
    if (!changed.ok) throw new Error('revoke failed');
    list = changed.value;
  }
  return publishStatusListJwt({ list, issuer: issuer.signer, issuedAt: server.ctx.now() });
}

const failed = (verdict: { checks: { name: string; ok: boolean; code: string }[] }) =>
  verdict.checks.filter((check) => !check.ok).map((check) => `${check.name}:${check.code}`);

describe('status lists hosted elsewhere', () => {
  it('Given an issuer this server does not trust, when its presentation arrives, then its status list URL is never fetched', async () => {
    const issuer = await externalIssuer();
    const fetched: string[] = [];
    const verdict = await verifyAnswer(
      server.ctx,
      request,
      { vpToken: { 'income-statement': [await presentationFrom(issuer)] } },
      {
        clientId: clientId(),
        fetchStatusList: async (uri) => {
          fetched.push(uri);
          return undefined;
        },
      },
    );
    expect(fetched).toEqual([]);
    expect(failed(verdict)).toContain('issuer-trusted:untrusted-issuer');
  });

  it('Given a trusted issuer, when its list says valid, revoked or cannot be fetched, then the verdict is valid, status:revoked, status:status-unavailable', async () => {
    const issuer = await externalIssuer();
    await trust(issuer.key.did);
    const presentation = await presentationFrom(issuer);
    const run = async (jwt: string | undefined) => {
      const fetched: string[] = [];
      const verdict = await verifyAnswer(
        server.ctx,
        request,
        { vpToken: { 'income-statement': [presentation] } },
        {
          clientId: clientId(),
          fetchStatusList: async (uri) => {
            fetched.push(uri);
            return jwt;
          },
        },
      );
      expect(fetched).toEqual([LIST_URI]);
      return verdict;
    };
    const valid = await run(await statusJwt(issuer, false));
    expect(failed(valid)).toEqual([]);
    expect(valid.valid).toBe(true);
    expect(failed(await run(await statusJwt(issuer, true)))).toEqual(['status:revoked']);
    expect(failed(await run(undefined))).toEqual(['status:status-unavailable']);
  });

  it('Given a trusted issuer, when the server fetches its list over the network, then the request names the list alone: its URI, no index, no query, no body (herd privacy)', async () => {
    const issuer = await externalIssuer();
    await trust(issuer.key.did);
    const presentation = await presentationFrom(issuer);
    const jwt = await statusJwt(issuer, false);
    const sent: { url: string; method: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ url: String(input), method: init?.method ?? 'GET', body: init?.body });
      return new Response(jwt, { headers: { 'content-type': 'application/statuslist+jwt' } });
    });
    try {
      const verdict = await verifyAnswer(
        server.ctx,
        request,
        { vpToken: { 'income-statement': [presentation] } },
        { clientId: clientId() },
      );
      expect(failed(verdict)).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(sent).toEqual([{ url: LIST_URI, method: 'GET', body: undefined }]);
    expect(sent[0]?.url).not.toContain(String(INDEX));
  });
});
