// The wallet's OpenID4VCI client against an issuer built only from this module's issuer-side
// functions (fake-issuer.fake.ts), through an in-memory fetch: the pre-authorized code flow by
// value and by reference, tx_code, batches, and every failure the UI must name.
import { randomBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { exampleClaims } from '../credentials/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../jose/index.ts';
import type { IssuerKeyFile, PublicJwk } from '../jose/index.ts';
import { es256kSigner, privateKeyToJwk } from '../keys/index.ts';
import { verifySdJwtVc } from '../sd-jwt/index.ts';
import { didKeyFromJwk } from '../did/index.ts';
import { getDidKeyResolver } from '@veramo/did-provider-key';
import { verifyCredential } from 'did-jwt-vc';
import { Resolver } from 'did-resolver';
import { receiveCredentials, requestCredentials, resolveCredentialOffer } from './client.ts';
import type { ResolvedCredentialOffer } from './client.ts';
import { createFakeIssuer } from './fake-issuer.fake.ts';
import type { HttpFetch } from './http.ts';
import type { ProofKey } from './proof.ts';

const crypto = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-10-01T09:00:00Z');
const PAYSLIP = exampleClaims('income-statement');

let issuerKey: IssuerKeyFile;
let issuer: ReturnType<typeof createFakeIssuer>;

function holderKey(): ProofKey {
  const privateKey = randomBytes(32);
  privateKey[0] = 1; // stay below the curve order
  const { d: _d, ...publicJwk } = privateKeyToJwk(privateKey);
  return { publicJwk: publicJwk as PublicJwk, alg: 'ES256K', sign: es256kSigner(privateKey) };
}

beforeEach(async () => {
  issuerKey = await createIssuerKeyFile(crypto, 'ES256');
  issuer = createFakeIssuer({
    issuer: { did: issuerKey.did, alg: issuerKey.alg, sign: issuerSigner(crypto, issuerKey) },
    crypto,
    now: () => NOW,
    randomBytes,
    batchSize: 3,
  });
});

async function resolve(link: string, fetch: HttpFetch = issuer.fetch) {
  const resolved = await resolveCredentialOffer(link, { fetch });
  if (!resolved.ok) throw new Error(`${resolved.reason}: ${resolved.detail.message}`);
  return resolved.value;
}

describe('Given an offer by reference, when the wallet runs the pre-authorized flow', () => {
  it('then it gets one credential bound to its key, issued like the offline desk issues', async () => {
    const offer = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
    const resolved = await resolve(offer.byReference);
    expect(resolved.configurations.map((entry) => entry.id)).toEqual(['income-statement']);
    expect(resolved.maxCopies).toBe(3);
    expect(resolved.txCode).toBeUndefined();

    const key = holderKey();
    const received = await requestCredentials(resolved, {
      fetch: issuer.fetch,
      proofKeys: [key],
      now: NOW,
    });
    if (!received.ok) throw new Error(received.detail.message);
    expect(received.value.credentials).toHaveLength(1);
    const verified = await verifySdJwtVc(received.value.credentials[0] as string, {
      crypto,
      now: NOW,
    });
    if (!verified.ok) throw new Error(verified.detail.message);
    expect(verified.value.issuer).toBe(issuerKey.did);
    expect(verified.value.vct).toBe('urn:vouch:income-statement:1');
    expect(verified.value.cnfJwk).toEqual(key.publicJwk);
    expect(verified.value.claims).toEqual(PAYSLIP);
    expect(verified.value.status).toEqual({ idx: 0, uri: 'https://issuer.example/status/1' });
    // Every personal claim is a disclosure; none is in the clear.
    expect(verified.value.parsed.disclosures).toHaveLength(Object.keys(PAYSLIP).length);
    expect(Object.keys(verified.value.parsed.payload).sort()).toEqual(
      ['_sd', '_sd_alg', 'cnf', 'iat', 'iss', 'status', 'vct'].sort(),
    );
    // The requests: offer, metadata, AS metadata, token, nonce, credential.
    expect(
      issuer.requests.map(
        (request) => `${request.method} ${request.url.slice(issuer.credentialIssuer.length)}`,
      ),
    ).toEqual([
      'GET /offers/offer-0',
      'GET /.well-known/openid-credential-issuer',
      'GET /.well-known/oauth-authorization-server',
      'POST /token',
      'POST /nonce',
      'POST /credential',
    ]);
  });

  it('then a batch of three keys gives three credentials, each bound to its own key', async () => {
    const offer = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
    const keys = [holderKey(), holderKey(), holderKey()];
    const received = await requestCredentials(await resolve(offer.byValue), {
      fetch: issuer.fetch,
      proofKeys: keys,
      now: NOW,
    });
    if (!received.ok) throw new Error(received.detail.message);
    const bound = [];
    for (const credential of received.value.credentials) {
      const verified = await verifySdJwtVc(credential, { crypto, now: NOW });
      if (!verified.ok) throw new Error(verified.detail.message);
      bound.push(verified.value.cnfJwk);
    }
    expect(bound).toEqual(keys.map((key) => key.publicJwk));
  });

  it('then more keys than the batch size are refused before anything is sent', async () => {
    const offer = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
    const resolved = await resolve(offer.byValue);
    const before = issuer.requests.length;
    const received = await requestCredentials(resolved, {
      fetch: issuer.fetch,
      proofKeys: [holderKey(), holderKey(), holderKey(), holderKey()],
      now: NOW,
    });
    expect(received.ok ? 'ok' : received.reason).toBe('unsupported');
    expect(issuer.requests.length).toBe(before);
  });

  it('then receiveCredentials does both steps in one call', async () => {
    const offer = issuer.createOffer({
      type: 'household',
      claims: exampleClaims('household'),
      txCode: '2468',
    });
    const key = holderKey();
    const received = await receiveCredentials(offer.byReference, {
      fetch: issuer.fetch,
      txCode: '2468',
      proofKeys: [key],
      now: NOW,
    });
    if (!received.ok) throw new Error(received.detail.message);
    expect(received.value.configurationId).toBe('household');
    expect(received.value.resolved.txCode?.length).toBe(4);
    expect(received.value.credentials).toHaveLength(1);
  });

  it('then the offer is single use: a second run says offer-expired', async () => {
    const offer = issuer.createOffer({ type: 'diploma', claims: exampleClaims('diploma') });
    const resolved = await resolve(offer.byValue);
    const first = await requestCredentials(resolved, {
      fetch: issuer.fetch,
      proofKeys: [holderKey()],
      now: NOW,
    });
    expect(first.ok).toBe(true);
    const second = await requestCredentials(resolved, {
      fetch: issuer.fetch,
      proofKeys: [holderKey()],
      now: NOW,
    });
    expect(second.ok ? 'ok' : second.reason).toBe('offer-expired');
  });
});

describe('Given an offer with a transaction code', () => {
  let resolved: ResolvedCredentialOffer;
  beforeEach(async () => {
    const offer = issuer.createOffer({
      type: 'household',
      claims: exampleClaims('household'),
      txCode: '493817',
    });
    resolved = await resolve(offer.byReference);
  });

  it('then the resolved offer says so, with its description', () => {
    expect(resolved.txCode).toEqual({
      input_mode: 'numeric',
      length: 6,
      description: 'The code in your e-mail',
    });
  });

  it('when no code is given, then tx-code-required, and nothing is sent', async () => {
    const before = issuer.requests.length;
    const received = await requestCredentials(resolved, {
      fetch: issuer.fetch,
      proofKeys: [holderKey()],
      now: NOW,
    });
    expect(received.ok ? 'ok' : received.reason).toBe('tx-code-required');
    expect(issuer.requests.length).toBe(before);
  });

  it('when the code is wrong, then tx-code-wrong; the right code still works afterwards', async () => {
    const wrong = await requestCredentials(resolved, {
      fetch: issuer.fetch,
      txCode: '000000',
      proofKeys: [holderKey()],
      now: NOW,
    });
    expect(wrong.ok ? 'ok' : wrong.reason).toBe('tx-code-wrong');
    const right = await requestCredentials(resolved, {
      fetch: issuer.fetch,
      txCode: '493817',
      proofKeys: [holderKey()],
      now: NOW,
    });
    expect(right.ok).toBe(true);
  });

  it('when the code is wrong five times, then even the right code is refused', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await requestCredentials(resolved, {
        fetch: issuer.fetch,
        txCode: `11111${attempt}`,
        proofKeys: [holderKey()],
        now: NOW,
      });
      expect(wrong.ok ? 'ok' : wrong.reason).toBe('tx-code-wrong');
    }
    const right = await requestCredentials(resolved, {
      fetch: issuer.fetch,
      txCode: '493817',
      proofKeys: [holderKey()],
      now: NOW,
    });
    expect(right.ok ? 'ok' : right.reason).toBe('tx-code-wrong');
  });
});

describe('Given failures on the way', () => {
  it('when the network is down, then offline', async () => {
    const offer = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
    const down: HttpFetch = async () => {
      throw new TypeError('fetch failed');
    };
    const resolved = await resolveCredentialOffer(offer.byReference, { fetch: down });
    expect(resolved.ok ? 'ok' : resolved.reason).toBe('offline');
  });

  it('when the link is not an offer, then bad-offer, and nothing is fetched', async () => {
    const resolved = await resolveCredentialOffer('openid4vp://?request_uri=https://x.example', {
      fetch: issuer.fetch,
    });
    expect(resolved.ok ? 'ok' : resolved.reason).toBe('bad-offer');
    expect(issuer.requests).toHaveLength(0);
  });

  it('when the offer is gone (404), then offer-expired', async () => {
    const resolved = await resolveCredentialOffer(
      'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example%2Foffers%2Fnope',
      { fetch: issuer.fetch },
    );
    expect(resolved.ok ? 'ok' : resolved.reason).toBe('offer-expired');
  });

  it('when the metadata names another credential_issuer, then bad-metadata', async () => {
    const offer = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
    const lying: HttpFetch = async (url, init) => {
      const answer = await issuer.fetch(url, init);
      if (!url.endsWith('/.well-known/openid-credential-issuer')) return answer;
      const body = JSON.parse(await answer.text()) as Record<string, unknown>;
      return {
        ...answer,
        text: async () => JSON.stringify({ ...body, credential_issuer: 'https://evil.example' }),
      };
    };
    const resolved = await resolveCredentialOffer(offer.byValue, { fetch: lying });
    expect(resolved.ok ? 'ok' : resolved.detail.message).toContain('not the offer');
  });

  it('when the issuer has no AS metadata but names a token_endpoint (earlier drafts), then that is used', async () => {
    const offer = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
    const draftStyle: HttpFetch = async (url, init) => {
      if (
        url.includes('/.well-known/oauth-authorization-server') ||
        url.includes('/.well-known/openid-configuration')
      ) {
        return { status: 404, headers: { get: () => null }, text: async () => '' };
      }
      const answer = await issuer.fetch(url, init);
      if (!url.endsWith('/.well-known/openid-credential-issuer')) return answer;
      const { authorization_servers: _servers, ...body } = JSON.parse(
        await answer.text(),
      ) as Record<string, unknown>;
      return {
        ...answer,
        text: async () =>
          JSON.stringify({ ...body, token_endpoint: 'https://issuer.example/token' }),
      };
    };
    const resolved = await resolveCredentialOffer(offer.byValue, { fetch: draftStyle });
    if (!resolved.ok) throw new Error(resolved.detail.message);
    expect(resolved.value.authorizationServer.token_endpoint).toBe('https://issuer.example/token');
    const received = await requestCredentials(resolved.value, {
      fetch: draftStyle,
      proofKeys: [holderKey()],
      now: NOW,
    });
    expect(received.ok).toBe(true);
  });

  it('when there is no AS metadata and no token_endpoint, then bad-metadata', async () => {
    const offer = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
    const none: HttpFetch = async (url, init) =>
      url.includes('/.well-known/oauth-authorization-server') ||
      url.includes('/.well-known/openid-configuration')
        ? { status: 404, headers: { get: () => null }, text: async () => '' }
        : issuer.fetch(url, init);
    const resolved = await resolveCredentialOffer(offer.byValue, { fetch: none });
    expect(resolved.ok ? 'ok' : resolved.reason).toBe('bad-metadata');
  });

  it('when an answer is oversized, then it is refused unread', async () => {
    const offer = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
    let texts = 0;
    const huge: HttpFetch = async (url, init) => {
      const answer = await issuer.fetch(url, init);
      if (!url.endsWith('/.well-known/openid-credential-issuer')) return answer;
      return {
        status: 200,
        headers: {
          get: (name: string) =>
            name.toLowerCase() === 'content-length' ? String(50 * 1024 * 1024) : null,
        },
        text: async () => {
          texts++;
          return 'x';
        },
      };
    };
    const resolved = await resolveCredentialOffer(offer.byValue, { fetch: huge });
    expect(resolved.ok ? 'ok' : resolved.reason).toBe('bad-metadata');
    expect(texts).toBe(0);
  });

  it('when the credential response is not JSON, then bad-credential', async () => {
    const offer = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
    const broken: HttpFetch = async (url, init) => {
      const answer = await issuer.fetch(url, init);
      return url.endsWith('/credential') ? { ...answer, text: async () => '<html>' } : answer;
    };
    const resolved = await resolve(offer.byValue);
    const received = await requestCredentials(resolved, {
      fetch: broken,
      proofKeys: [holderKey()],
      now: NOW,
    });
    expect(received.ok ? 'ok' : received.reason).toBe('bad-credential');
  });

  it('when the nonce went stale on the way, then the client retries once with a fresh one', async () => {
    const offer = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
    const resolved = await resolve(offer.byValue);
    let stale = 1;
    const staleOnce: HttpFetch = async (url, init) => {
      const answer = await issuer.fetch(url, init);
      if (!url.endsWith('/nonce') || stale-- <= 0) return answer;
      return { ...answer, text: async () => JSON.stringify({ c_nonce: 'stale' }) };
    };
    const received = await requestCredentials(resolved, {
      fetch: staleOnce,
      proofKeys: [holderKey()],
      now: NOW,
    });
    expect(received.ok).toBe(true);
    expect(issuer.requests.filter((request) => request.url.endsWith('/credential'))).toHaveLength(
      2,
    );
  });

  it('when the nonce is refused twice, then issuer-error naming invalid_nonce', async () => {
    const offer = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
    const resolved = await resolve(offer.byValue);
    const alwaysStale: HttpFetch = async (url, init) => {
      const answer = await issuer.fetch(url, init);
      return url.endsWith('/nonce')
        ? { ...answer, text: async () => '{"c_nonce":"stale"}' }
        : answer;
    };
    const received = await requestCredentials(resolved, {
      fetch: alwaysStale,
      proofKeys: [holderKey()],
      now: NOW,
    });
    expect(received.ok ? 'ok' : received.detail.message).toContain('invalid_nonce');
    expect(issuer.requests.filter((request) => request.url.endsWith('/credential'))).toHaveLength(
      2,
    );
  });

  it('when the issuer refuses the proof, then issuer-error with its words', async () => {
    const offer = issuer.createOffer({ type: 'income-statement', claims: PAYSLIP });
    const resolved = await resolve(offer.byValue);
    const key = holderKey();
    // A key whose signer signs with another key: the issuer's signature check fails.
    const liar: ProofKey = { ...key, sign: holderKey().sign };
    const received = await requestCredentials(resolved, {
      fetch: issuer.fetch,
      proofKeys: [liar],
      now: NOW,
    });
    expect(received.ok ? 'ok' : received.reason).toBe('issuer-error');
    expect(received.ok ? '' : received.detail.message).toContain('invalid_proof');
  });
});

describe('Given a diploma offered as jwt_vc_json (W3C VC-JWT)', () => {
  it('then the resolved offer lists it with its format and credential_definition', async () => {
    const offer = issuer.createOffer({
      type: 'diploma',
      claims: exampleClaims('diploma'),
      format: 'jwt_vc_json',
    });
    const resolved = await resolve(offer.byValue);
    expect(resolved.offer.credential_configuration_ids).toEqual(['diploma-w3c']);
    expect(resolved.configurations).toHaveLength(1);
    expect(resolved.configurations[0]?.format).toBe('jwt_vc_json');
    expect(resolved.configurations[0]?.configuration.credential_definition).toEqual({
      type: ['VerifiableCredential', 'VouchDiploma'],
    });
  });

  it('then a batch of two keys gives two VC-JWTs that did-jwt-vc verifies, each sub the did:key of its key', async () => {
    const offer = issuer.createOffer({
      type: 'diploma',
      claims: exampleClaims('diploma'),
      format: 'jwt_vc_json',
    });
    const keys = [holderKey(), holderKey()];
    const received = await requestCredentials(await resolve(offer.byReference), {
      fetch: issuer.fetch,
      proofKeys: keys,
      now: NOW,
    });
    if (!received.ok) throw new Error(received.detail.message);
    expect(received.value.format).toBe('jwt_vc_json');
    expect(received.value.configurationId).toBe('diploma-w3c');
    const resolver = new Resolver(getDidKeyResolver());
    const subjects = [];
    for (const [index, jwt] of received.value.credentials.entries()) {
      const verified = await verifyCredential(jwt, resolver, {
        policies: { now: Math.floor(NOW.getTime() / 1000) },
      });
      expect(verified.issuer).toBe(issuerKey.did);
      expect(verified.verifiableCredential.type).toEqual(['VerifiableCredential', 'VouchDiploma']);
      const { id: _id, ...subject } = verified.verifiableCredential.credentialSubject;
      expect(subject).toEqual(exampleClaims('diploma'));
      expect(verified.verifiableCredential.credentialStatus).toEqual({
        id: `https://issuer.example/status/1.w3c#${index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(index),
        statusListCredential: 'https://issuer.example/status/1.w3c',
      });
      subjects.push(verified.payload.sub);
    }
    expect(subjects).toEqual(keys.map((key) => didKeyFromJwk(key.publicJwk)));
  });

  it('when a jwt_vc_json configuration has no credential_definition, then bad-metadata', async () => {
    const offer = issuer.createOffer({
      type: 'diploma',
      claims: exampleClaims('diploma'),
      format: 'jwt_vc_json',
    });
    const stripped: HttpFetch = async (url, init) => {
      const answer = await issuer.fetch(url, init);
      if (!url.endsWith('/.well-known/openid-credential-issuer')) return answer;
      const body = JSON.parse(await answer.text()) as {
        credential_configurations_supported: Record<string, Record<string, unknown>>;
      };
      delete body.credential_configurations_supported['diploma-w3c']?.credential_definition;
      return { ...answer, text: async () => JSON.stringify(body) };
    };
    const resolved = await resolveCredentialOffer(offer.byValue, { fetch: stripped });
    expect(resolved.ok ? 'ok' : resolved.detail.message).toMatch(/credential_definition\.type/);
  });

  it('then an SD-JWT offer still says dc+sd-jwt', async () => {
    const offer = issuer.createOffer({ type: 'diploma', claims: exampleClaims('diploma') });
    const received = await receiveCredentials(offer.byValue, {
      fetch: issuer.fetch,
      proofKeys: [holderKey()],
      now: NOW,
    });
    if (!received.ok) throw new Error(received.detail.message);
    expect(received.value.configurationId).toBe('diploma');
    expect(received.value.format).toBe('dc+sd-jwt');
  });
});
