/**
 * `vouch serve` as a verifier of W3C VP-JWTs (docs/w3c-vc.md): a peer wallet (@openid4vc/openid4vci)
 * obtains the diploma as `jwt_vc_json`, presents it as a VP-JWT made by did-jwt-vc (signed with its
 * P-256 key, `aud` = the request's client_id, `nonce` = the request's), and answers by
 * @openid4vc/openid4vp under the request's `diploma_w3c` query; /admin/results/:id gives the verdict.
 * Wrong nonce, wrong audience, a revoked credential and a VP-JWT under the SD-JWT query are refused.
 */
import { DcqlQuery } from 'dcql';
import { ES256Signer } from 'did-jwt';
import { createVerifiablePresentationJwt } from 'did-jwt-vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleClaims } from '../core/credentials/index.ts';
import { decodeBase64Url } from '../core/encoding/base64url.ts';
import { answerAsPeer, resolveAsPeer } from './peer-answer.fake.ts';
import { newPeerKey, peerDidUrl, startPeerServer } from './peer-harness.fake.ts';
import type { PeerKey, PeerServer } from './peer-harness.fake.ts';
import { obtainAsPeer } from './peer-wallet.fake.ts';

const DIPLOMA = exampleClaims('diploma');
const ASKED = ['degree', 'institution'];

let server: PeerServer;
beforeAll(async () => {
  server = await startPeerServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

async function w3cDiploma(key: PeerKey): Promise<string> {
  const { json } = await server.admin('POST', '/admin/offers', {
    type: 'diploma',
    format: 'jwt_vc_json',
    claims: DIPLOMA,
  });
  const { credentials } = await obtainAsPeer(server, {
    offerUri: (json as { uri: string }).uri,
    keys: [key],
  });
  return credentials[0] as string;
}

/** A VP-JWT as did-jwt-vc makes it, signed by the peer's P-256 key (its did:key). */
async function vpJwtAsPeer(key: PeerKey, vc: string, opts: { aud: string; nonce: string }) {
  const d = decodeBase64Url(key.privateJwk.d as string);
  if (!d.ok) throw new Error('peer key');
  const didUrl = peerDidUrl(key);
  return createVerifiablePresentationJwt(
    {
      vp: {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiablePresentation'],
        verifiableCredential: [vc],
      },
      aud: opts.aud,
      nonce: opts.nonce,
      iat: Math.floor(server.ctx.now().getTime() / 1000),
    },
    { did: didUrl.split('#')[0] as string, signer: ES256Signer(d.value), alg: 'ES256' },
    { header: { kid: didUrl } },
  );
}

async function requestDiploma() {
  const { status, json } = await server.admin('POST', '/admin/requests', {
    type: 'diploma',
    claims: ASKED,
  });
  expect(status).toBe(201);
  const { id, uri } = json as { id: string; uri: string };
  return { id, resolved: await resolveAsPeer(server, uri) };
}

async function verdict(id: string) {
  const { json } = await server.admin('GET', `/admin/results/${id}`);
  return json as {
    valid: boolean;
    checks: { name: string; ok: boolean; code: string }[];
    claims: Record<string, unknown>;
    issuer: string | null;
    vct: string | null;
    format?: string;
  };
}

const failed = (answer: Awaited<ReturnType<typeof verdict>>) =>
  answer.checks.filter((check) => !check.ok).map((check) => `${check.name}:${check.code}`);

describe('vouch serve verifies a W3C VP-JWT answer to its diploma request', () => {
  it('Given a peer wallet holding the diploma as a VC-JWT, when it answers diploma_w3c with a did-jwt-vc VP-JWT, then the verdict is valid with the diploma claims', async () => {
    const key = await newPeerKey();
    const vc = await w3cDiploma(key);
    const { id, resolved } = await requestDiploma();
    const query = DcqlQuery.parse(resolved.dcql?.query as never);
    DcqlQuery.validate(query);
    expect(query.credentials.map((credential) => credential.id)).toEqual([
      'diploma',
      'diploma_w3c',
    ]);
    const vp = await vpJwtAsPeer(key, vc, {
      aud: resolved.client.effective,
      nonce: resolved.authorizationRequestPayload.nonce,
    });
    const response = await answerAsPeer(server, resolved, { diploma_w3c: [vp] });
    expect(response.status).toBe(200);
    const answer = await verdict(id);
    expect(failed(answer)).toEqual([]);
    expect(answer.valid).toBe(true);
    expect(answer.issuer).toBe(server.issuerKey.did);
    expect(answer.vct).toBe('urn:vouch:diploma:1');
    expect(answer.format).toBe('jwt_vc_json');
    expect(answer.claims).toMatchObject({
      degree: DIPLOMA.degree,
      institution: DIPLOMA.institution,
    });
    expect(answer.checks.map((check) => check.name)).toContain('status');
  });

  it('Given a VP-JWT made for another nonce or another audience, then the verdict is invalid with the nonce or audience check failed', async () => {
    const key = await newPeerKey();
    const vc = await w3cDiploma(key);
    for (const [field, check] of [
      ['nonce', 'nonce'],
      ['aud', 'audience'],
    ] as const) {
      const { id, resolved } = await requestDiploma();
      const good = {
        aud: resolved.client.effective,
        nonce: resolved.authorizationRequestPayload.nonce,
      };
      const vp = await vpJwtAsPeer(key, vc, { ...good, [field]: `${good[field]}-other` });
      await answerAsPeer(server, resolved, { diploma_w3c: [vp] });
      const answer = await verdict(id);
      expect(answer.valid).toBe(false);
      expect(failed(answer).some((name) => name.startsWith(`${check}:`))).toBe(true);
    }
  });

  it('Given a revoked VC-JWT, when presented, then the status check fails: revoked, read from /status/:list.w3c', async () => {
    const key = await newPeerKey();
    const vc = await w3cDiploma(key);
    const payload = JSON.parse(Buffer.from(vc.split('.')[1] as string, 'base64url').toString());
    const status = payload.vc.credentialStatus as {
      statusListIndex: string;
      statusListCredential: string;
    };
    const revoked = await server.admin('POST', '/admin/status/revoke', {
      index: Number(status.statusListIndex),
      list: status.statusListCredential.slice(0, -'.w3c'.length),
    });
    expect(revoked.status).toBe(200);
    const { id, resolved } = await requestDiploma();
    const vp = await vpJwtAsPeer(key, vc, {
      aud: resolved.client.effective,
      nonce: resolved.authorizationRequestPayload.nonce,
    });
    await answerAsPeer(server, resolved, { diploma_w3c: [vp] });
    const answer = await verdict(id);
    expect(answer.valid).toBe(false);
    expect(failed(answer)).toEqual(['status:revoked']);
  });

  it('Given a VP-JWT under the SD-JWT query id, or under both ids, then it is not an answer (bad-encoding)', async () => {
    const key = await newPeerKey();
    const vc = await w3cDiploma(key);
    for (const vpToken of [
      (vp: string) => ({ diploma: [vp] }),
      (vp: string) => ({ diploma: [vp], diploma_w3c: [vp] }),
    ]) {
      const { id, resolved } = await requestDiploma();
      const vp = await vpJwtAsPeer(key, vc, {
        aud: resolved.client.effective,
        nonce: resolved.authorizationRequestPayload.nonce,
      });
      await answerAsPeer(server, resolved, vpToken(vp));
      const answer = await verdict(id);
      expect(answer.valid).toBe(false);
      expect(failed(answer)).toEqual(['encoding:bad-encoding']);
    }
  });
});
