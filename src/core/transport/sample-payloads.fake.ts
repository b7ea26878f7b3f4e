/**
 * Realistic payloads for transport tests, sizes (docs/transport.md §Sizes) and the bench:
 * presentations and offers made with the real issuer and presentation code, from seeded
 * "random" bytes (deterministic, never for real keys).
 */
import { didKeyFromJwk } from '../did/did-key.ts';
import { encodeBase64Url } from '../encoding/base64url.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { createPresentation } from '../presentation/create-presentation.ts';
import { encodeCredentialOffer } from '../protocol/credential-offer.ts';
import { encodePresentationResponse } from '../protocol/response.ts';
import { issueSdJwtVc } from '../sd-jwt/issue-sd-jwt-vc.ts';

export const SAMPLE_INCOME_CLAIMS = {
  period: '2025-09',
  gross_wage_cents: 245000,
  net_wage_cents: 198712,
  hours: 152,
  employer_name: 'Bakkerij de Vries B.V.',
  employer_id: '12345678',
  employee_name: 'Sanne de Boer',
  birth_date: '1984-03-17',
};

export const SAMPLE_DIPLOMA_CLAIMS = {
  degree: 'Master of Science',
  level: 'master',
  field: 'Computer Science',
  institution: 'Universiteit Utrecht',
  date_awarded: '2024-07-05',
  grade: 'cum laude',
  graduate_name: 'Sanne de Boer',
  birth_date: '1984-03-17',
};

const ISSUED_AT = new Date('2025-10-01T08:00:00Z');

export interface SamplePayloadOptions {
  seed?: string;
  issuerAlg?: JwsAlgorithm;
  claims?: Record<string, unknown>;
  vct?: string;
  disclose?: readonly string[];
  status?: { idx: number; uri: string } | undefined;
  expires?: boolean;
  decoys?: number;
}

/** A credential in issuance form plus the keys around it. */
export async function sampleCredential(opts: SamplePayloadOptions = {}) {
  const randomBytes = seededRandomBytes(opts.seed ?? 'vouch sample');
  const crypto = nobleJwsCrypto({ randomBytes });
  const issuerAlg = opts.issuerAlg ?? 'ES256';
  const issuerKeys = await crypto.generateKeyPair(issuerAlg);
  const holderKeys = await crypto.generateKeyPair('ES256K');
  const verifierKeys = await crypto.generateKeyPair('ES256');
  const credential = await issueSdJwtVc({
    issuer: {
      did: didKeyFromJwk(issuerKeys.publicJwk),
      alg: issuerAlg,
      sign: (data) => crypto.sign(issuerAlg, issuerKeys.privateJwk, data),
    },
    vct: opts.vct ?? 'urn:vouch:income-statement:1',
    claims: opts.claims ?? SAMPLE_INCOME_CLAIMS,
    holderJwk: holderKeys.publicJwk,
    status:
      'status' in opts
        ? opts.status
        : { idx: 48213, uri: 'https://status.bakkerij-devries.example/vouch/1.jwt' },
    issuedAt: ISSUED_AT,
    ...(opts.expires === false ? {} : { expiresAt: new Date('2026-10-01T08:00:00Z') }),
    decoys: opts.decoys ?? 0,
    randomBytes,
  });
  return {
    credential,
    crypto,
    holderKeys,
    randomBytes,
    verifierDid: didKeyFromJwk(verifierKeys.publicJwk),
  };
}

/** An SD-JWT presentation with a key binding JWT (ES256K) for a did:key verifier. */
export async function samplePresentation(opts: SamplePayloadOptions = {}): Promise<string> {
  const { credential, crypto, holderKeys, randomBytes, verifierDid } = await sampleCredential(opts);
  const presentation = await createPresentation({
    credential,
    disclose: opts.disclose ?? ['period', 'net_wage_cents', 'employee_name'],
    audience: `decentralized_identifier:${verifierDid}`,
    nonce: encodeBase64Url(randomBytes(16)),
    issuedAt: new Date('2025-10-02T09:30:00Z'),
    holder: { alg: 'ES256K', sign: (data) => crypto.sign('ES256K', holderKeys.privateJwk, data) },
  });
  if (!presentation.ok) throw new Error(`samplePresentation: ${presentation.detail.message}`);
  return presentation.value;
}

/** The typical response of issue 4 item 3: an income statement, 3 of its 8 claims disclosed. */
export async function sampleResponse(opts: SamplePayloadOptions = {}): Promise<Uint8Array> {
  return encodePresentationResponse({ vpToken: { income: [await samplePresentation(opts)] } });
}

/** A diploma with every claim disclosed (goes animated). */
export async function sampleDiplomaResponse(): Promise<Uint8Array> {
  const presentation = await samplePresentation({
    seed: 'vouch sample diploma',
    vct: 'urn:vouch:diploma:1',
    claims: SAMPLE_DIPLOMA_CLAIMS,
    disclose: Object.keys(SAMPLE_DIPLOMA_CLAIMS),
    expires: false,
  });
  return encodePresentationResponse({ vpToken: { diploma: [presentation] } });
}

/** A full credential offer (issue 3): every disclosure, as the issuer desk sends it. */
export async function sampleOffer(opts: SamplePayloadOptions = {}): Promise<Uint8Array> {
  const { credential } = await sampleCredential(opts);
  return encodeCredentialOffer({ credential, relationship: '0badf00d', childIndex: 7 });
}
