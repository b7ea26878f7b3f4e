// Presenting a W3C VC-JWT (docs/w3c-vc.md §The presentation, §Wallet): the wallet answers a
// jwt_vc_json query with a VP-JWT signed by the credential's child key, for the verifier's
// client_id and nonce; did-jwt-vc's own verifyPresentation accepts it, and so does Vouch's.
import { randomBytes } from '@noble/hashes/utils.js';
import { verifyCredential, verifyPresentation as didJwtVerifyPresentation } from 'did-jwt-vc';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { exampleClaims } from '../credentials/index.ts';
import { decodeCompactJws } from '../jose/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../jose/index.ts';
import type { IssuerKeyFile } from '../jose/index.ts';
import {
  createPresentationRequest,
  dcqlForClaims,
  parsePresentationResponse,
  readDirectPostBody,
  type FetchLike,
} from '../protocol/index.ts';
import { dcqlForEitherFormat, dcqlForW3cClaims } from '../protocol/dcql.ts';
import type { DcqlQuery } from '../protocol/dcql.ts';
import { utf8ToBytes } from '../encoding/index.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { verifyPresentation } from '../verification/index.ts';
import { createDidResolver, issueVcJwt } from '../w3c/index.ts';
import { createHolderWallet, type HolderWallet } from './holder-wallet.ts';
import { listHistory } from './history.ts';
import {
  answerPresentationRequest,
  readPresentationRequest,
  readPresentationRequestUri,
  sendPresentationAnswer,
} from './presentation-flow.ts';
import { childDidKey, receiveVcJwt } from './receive-vc-jwt.ts';
import { connectToIssuer } from './relationships.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-10-02T09:00:00Z');
const DIPLOMA: Record<string, unknown> = {
  ...exampleClaims('diploma'),
  eqf_level: 7,
  isced_f: '0613',
};
const verifierKey = await createIssuerKeyFile(jws, 'ES256');
const resolver = createDidResolver();

let wallet: HolderWallet;
let university: IssuerKeyFile;
let holderDid: string;

beforeEach(async () => {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: `${'abandon '.repeat(23)}art`, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  wallet = created.value;
  const started = await connectToIssuer(wallet, { issuerName: 'Uni', now: NOW, jti: 'j' });
  if (!started.ok) throw new Error(started.reason);
  university = await createIssuerKeyFile(jws, 'ES256');
  holderDid = childDidKey(started.value.relationship, 0);
  const jwt = await issueVcJwt({
    issuer: { did: university.did, alg: 'ES256', sign: issuerSigner(jws, university) },
    subject: holderDid as Did,
    typeId: 'diploma',
    claims: DIPLOMA,
    issuedAt: new Date(NOW.getTime() - 86_400_000),
    randomBytes,
  });
  const received = await receiveVcJwt(wallet, jwt, { crypto: jws, now: NOW });
  if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
});

async function requestFor(nonce: string, dcql: DcqlQuery): Promise<Uint8Array> {
  return utf8ToBytes(
    await createPresentationRequest({
      verifier: {
        did: verifierKey.did,
        alg: verifierKey.alg,
        sign: issuerSigner(jws, verifierKey),
      },
      verifierName: 'Hiring desk',
      purpose: 'Check the diploma',
      dcql,
      responseMode: 'vouch_qr',
      nonce,
      now: NOW,
    }),
  );
}

const EITHER = dcqlForEitherFormat({
  id: 'diploma',
  vct: 'urn:vouch:diploma:1',
  w3cType: 'VouchDiploma',
  required: ['degree', 'institution'],
  optional: ['grade'],
});

describe('presenting a W3C VC-JWT', () => {
  it('Given the verifier asks for a diploma in either format and the wallet holds the W3C one, when answered, then the W3C query is asked and answered with a VP-JWT that did-jwt-vc verifies for this aud and nonce', async () => {
    const nonce = 'n-w3c-0123456789abcdefghijklmnop';
    const read = await readPresentationRequest(wallet, await requestFor(nonce, EITHER), {
      crypto: jws,
      now: NOW,
    });
    if (!read.ok) throw new Error(read.detail);
    expect(read.value.matches.map((m) => [m.need.queryId, m.candidates.length])).toEqual([
      ['diploma_w3c', 1],
    ]);
    const credential = read.value.matches[0]?.candidates[0];
    expect(credential?.format).toBe('jwt_vc_json');
    const answered = await answerPresentationRequest(
      wallet,
      read.value,
      [
        {
          queryId: 'diploma_w3c',
          credentialId: credential?.id ?? '',
          disclose: ['degree', 'institution'],
        },
      ],
      { now: NOW, randomBytes },
    );
    if (!answered.ok) throw new Error(answered.detail);
    const response = parsePresentationResponse(answered.value.response);
    if (!response.ok) throw new Error(response.detail.message);
    const vp = response.value.vpToken.diploma_w3c?.[0] ?? '';
    const audience = read.value.request.clientId;

    const peer = await didJwtVerifyPresentation(vp, resolver, {
      audience,
      challenge: nonce,
      policies: { now: Math.floor(NOW.getTime() / 1000) },
    });
    expect(peer.verified).toBe(true);
    expect(peer.payload).toMatchObject({ iss: holderDid, aud: audience, nonce });
    // did-jwt-vc does not verify the credential inside the VP: verify it too.
    const inner = (peer.payload.vp as { verifiableCredential: string[] }).verifiableCredential;
    expect(inner).toEqual([credential && (await storedCompact(credential.id))]);
    const vc = await verifyCredential(inner[0] ?? '', resolver, {
      policies: { now: Math.floor(NOW.getTime() / 1000) },
    });
    expect(vc.payload).toMatchObject({ iss: university.did, sub: holderDid });

    await expect(
      didJwtVerifyPresentation(vp, resolver, {
        audience: 'another-verifier',
        challenge: nonce,
        policies: { now: Math.floor(NOW.getTime() / 1000) },
      }),
    ).rejects.toThrow();

    // The history records every field as shown (no selective disclosure).
    const history = await listHistory(wallet);
    expect(history[0]?.items[0]?.claims.sort()).toEqual(Object.keys(DIPLOMA).sort());
  });

  it('Given the VP-JWT, when Vouch verifies it, then it is valid for this audience and nonce with format jwt_vc_json, and wrong for another nonce', async () => {
    const nonce = 'n-w3c-vouch-verifies-0123456789';
    const dcql = dcqlForW3cClaims({
      id: 'diploma_w3c',
      types: ['VerifiableCredential', 'VouchDiploma'],
      required: ['degree'],
      optional: [],
    });
    const read = await readPresentationRequest(wallet, await requestFor(nonce, dcql), {
      crypto: jws,
      now: NOW,
    });
    if (!read.ok) throw new Error(read.detail);
    const id = read.value.matches[0]?.candidates[0]?.id ?? '';
    const answered = await answerPresentationRequest(
      wallet,
      read.value,
      [{ queryId: 'diploma_w3c', credentialId: id, disclose: ['degree'] }],
      { now: NOW, randomBytes },
    );
    if (!answered.ok) throw new Error(answered.detail);
    const vp = answered.value.presentationResponse.vpToken.diploma_w3c?.[0] ?? '';
    const header = decodeCompactJws(vp);
    expect(header.ok && header.value.header).toMatchObject({ alg: 'ES256K' });
    const verifyOptions = {
      crypto: jws,
      now: NOW,
      audience: read.value.request.clientId,
      nonce,
      requiredClaims: ['degree'],
    };
    const verdict = await verifyPresentation(vp, verifyOptions);
    expect(verdict.format).toBe('jwt_vc_json');
    const failed = verdict.checks.filter((check) => !check.ok).map((check) => check.name);
    // No trust list here: the issuer is unknown to this verifier, everything else holds.
    expect(failed).toEqual(['issuer-trusted']);
    expect(verdict.claims).toMatchObject({ degree: DIPLOMA.degree });

    const other = await verifyPresentation(vp, { ...verifyOptions, nonce: 'another-nonce' });
    expect(other.checks.find((check) => check.name === 'nonce')).toMatchObject({
      ok: false,
      code: 'wrong-nonce',
    });
  });

  it('Given an SD-JWT-only request for a diploma, when the wallet holds only the W3C one, then it has nothing to offer', async () => {
    const dcql = dcqlForClaims({
      id: 'diploma',
      vct: 'urn:vouch:diploma:1',
      required: ['degree'],
      optional: [],
    });
    const read = await readPresentationRequest(
      wallet,
      await requestFor('n-sd-only-0123456789abcdef', dcql),
      {
        crypto: jws,
        now: NOW,
      },
    );
    if (!read.ok) throw new Error(read.detail);
    expect(read.value.matches.map((m) => m.candidates.length)).toEqual([0]);
  });
});

describe('presenting a W3C VC-JWT online (OpenID4VP request_uri, direct_post)', () => {
  it('Given an openid4vp:// link asking for the diploma in either format, when answered, then the verifier receives the VP-JWT under diploma_w3c and Vouch verifies it for its client_id and nonce', async () => {
    const BASE = 'https://hiring.example';
    const nonce = 'online-w3c-0123456789abcdefghij';
    const object = await createPresentationRequest({
      verifier: {
        did: verifierKey.did,
        alg: verifierKey.alg,
        sign: issuerSigner(jws, verifierKey),
      },
      dcql: EITHER,
      responseMode: 'direct_post',
      responseUri: `${BASE}/responses/1`,
      nonce,
      state: 'st-w3c',
      now: NOW,
    });
    const posted: string[] = [];
    const fetch: FetchLike = async (url, init) => {
      if (url === `${BASE}/requests/1` && init.method === 'GET') {
        return new Response(object, {
          headers: { 'content-type': 'application/oauth-authz-req+jwt' },
        });
      }
      if (url === `${BASE}/responses/1` && init.method === 'POST') {
        posted.push(init.body ?? '');
        return Response.json({});
      }
      return new Response('not found', { status: 404 });
    };
    const clientId = `decentralized_identifier:${verifierKey.did}`;
    const uri = `openid4vp://?client_id=${encodeURIComponent(clientId)}&request_uri=${encodeURIComponent(`${BASE}/requests/1`)}`;
    const read = await readPresentationRequestUri(wallet, uri, { crypto: jws, now: NOW, fetch });
    if (!read.ok) throw new Error(`${read.reason}: ${read.detail}`);
    const [match] = read.value.matches;
    expect(match?.need.queryId).toBe('diploma_w3c');
    const answered = await answerPresentationRequest(
      wallet,
      read.value,
      [
        {
          queryId: 'diploma_w3c',
          credentialId: match?.candidates[0]?.id ?? '',
          disclose: ['degree', 'institution', 'grade'],
        },
      ],
      { now: NOW, randomBytes },
    );
    if (!answered.ok) throw new Error(answered.detail);
    const sent = await sendPresentationAnswer(
      read.value.request,
      answered.value.presentationResponse,
      { fetch },
    );
    expect(sent.ok).toBe(true);
    const body = readDirectPostBody(posted[0] ?? '');
    if (!body.ok || body.value.kind !== 'response') throw new Error('not a plain response');
    expect(body.value.response.state).toBe('st-w3c');
    expect(Object.keys(body.value.response.vpToken)).toEqual(['diploma_w3c']);
    const verdict = await verifyPresentation(body.value.response.vpToken.diploma_w3c?.[0] ?? '', {
      crypto: jws,
      now: NOW,
      audience: clientId,
      nonce,
      requiredClaims: ['degree', 'institution'],
    });
    expect(verdict.checks.filter((check) => !check.ok).map((check) => check.name)).toEqual([
      'issuer-trusted',
    ]);
  });
});

async function storedCompact(id: string): Promise<string | undefined> {
  const { readCredential } = await import('./credential-store.ts');
  return (await readCredential(wallet, id))?.compact;
}
