// In-process runs (runCli, captured output) of the CLI with W3C VC-JWTs (docs/w3c-vc.md):
// vouch issue --format jwt_vc_json → vouch present (VP-JWT) → vouch verify, the refusals with
// their codes and exit codes, a VP-JWT made by did-jwt-vc (a peer), vouch inspect, and the
// BitstringStatusListCredential that vouch status publish writes beside the IETF list.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ES256KSigner } from 'did-jwt';
import { createVerifiablePresentationJwt } from 'did-jwt-vc';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Did } from '../core/brand.ts';
import { didKeyFromJwk, didKeyVerificationMethod } from '../core/did/index.ts';
import { createIssuerKeyFile, issuerSigner } from '../core/jose/index.ts';
import { mnemonicFromEntropy } from '../core/keys/index.ts';
import { encodeCredentialOffer } from '../core/protocol/index.ts';
import { signTrustList } from '../core/trust/index.ts';
import { CHECK_NAMES } from '../core/verification/index.ts';
import { didDocumentForKey, issueVcJwt } from '../core/w3c/index.ts';
import { webJwsCrypto } from '../platform/crypto/jws-crypto.ts';
import { expectOneLine, runCaptured } from './cli-harness.fake.ts';

const run = (...argv: string[]) => runCaptured(argv);

const crypto = webJwsCrypto();
const dir = mkdtempSync(join(tmpdir(), 'vouch-w3c-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const at = (name: string) => join(dir, name);
const AUD = 'x509_san_dns:werkgever.example';
const NONCE = 'bm9uY2UtdzNjLWRpcGxvbWE';
const DIPLOMA = {
  degree: 'Master of Science',
  level: 'master',
  eqf_level: 7,
  isced_f: '0613',
  field: 'Computer Science',
  institution: 'Universiteit Utrecht',
  date_awarded: '2024-07-05',
  graduate_name: 'Jan Jansen',
  birth_date: '1985-04-12',
};
// A fixed test mnemonic (all-zero entropy: "abandon" × 23 + "art").
const WORDS = mnemonicFromEntropy(new Uint8Array(32));
const RELATIONSHIP = 3;
const CHILD = 5;
const LIST_URI = 'https://uni.example/status/1';

let issuerDid = '';
let holderDid = '';
let credentialPath = '';
let presentationPath = '';
let trust = '';
let statusW3c = '';
let listIdx = -1;

const payloadOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.trim().split('.')[1] as string, 'base64url').toString()) as Record<
    string,
    any // eslint-disable-line @typescript-eslint/no-explicit-any
  >;

async function issueDiploma(...extra: string[]) {
  return run(
    'issue',
    '--issuer',
    at('uni.json'),
    '--type',
    'diploma',
    '--format',
    'jwt_vc_json',
    '--claims',
    at('diploma.json'),
    ...extra,
  );
}

async function present(credential: string, ...extra: string[]) {
  return run(
    'present',
    '--credential',
    credential,
    '--mnemonic',
    WORDS,
    '--relationship',
    String(RELATIONSHIP),
    '--child-index',
    String(CHILD),
    '--aud',
    AUD,
    '--nonce',
    NONCE,
    ...extra,
  );
}

function verify(path: string, ...extra: string[]) {
  return run('verify', '--presentation', path, '--aud', AUD, '--nonce', NONCE, ...extra);
}

type Verdict = {
  valid: boolean;
  format?: string;
  note?: string;
  checks: { name: string; ok: boolean; code: string; message: string }[];
  issuer: string | null;
  vct: string | null;
  claims: Record<string, unknown>;
  status?: { state: string };
};
const codeOf = (verdict: Verdict, name: string) =>
  verdict.checks.find((check) => check.name === name)?.code;

beforeAll(async () => {
  expect(
    (await run('issuer', 'new', '--name', 'Universiteit Utrecht', '--out', at('uni.json'))).code,
  ).toBe(0);
  issuerDid = (JSON.parse(readFileSync(at('uni.json'), 'utf8')) as { did: string }).did;
  file('diploma.json', JSON.stringify(DIPLOMA));
  const derived = await run(
    'keys',
    'derive',
    '--mnemonic',
    WORDS,
    '--path',
    `m/7467'/0'/${RELATIONSHIP}'`,
  );
  expect(derived.code).toBe(0);
  const { xpub } = JSON.parse(derived.stdout) as { xpub: string };
  const child = await run(
    'keys',
    'derive',
    '--mnemonic',
    WORDS,
    '--path',
    `m/7467'/0'/${RELATIONSHIP}'/${CHILD}`,
  );
  holderDid = (JSON.parse(child.stdout) as { did: string }).did;
  expect(
    (
      await run(
        'status',
        'new',
        '--issuer',
        at('uni.json'),
        '--uri',
        LIST_URI,
        '--out',
        at('list.json'),
      )
    ).code,
  ).toBe(0);
  const issued = await issueDiploma(
    '--holder-xpub',
    xpub,
    '--child-index',
    String(CHILD),
    '--status-list',
    at('list.json'),
  );
  expect(issued.stderr).toBe('');
  expect(issued.code).toBe(0);
  credentialPath = file('diploma.jwt', issued.stdout);
  listIdx = Number(payloadOf(issued.stdout).vc.credentialStatus.statusListIndex);
  const published = await run(
    'status',
    'publish',
    '--list',
    at('list.json'),
    '--issuer',
    at('uni.json'),
    '--w3c-out',
    at('status.w3c.jwt'),
  );
  expect(published.code).toBe(0);
  file('status.jwt', published.stdout);
  statusW3c = at('status.w3c.jwt');
  const desk = await createIssuerKeyFile(crypto, 'ES256');
  trust = file(
    'trust.jwt',
    await signTrustList({
      issuer: { did: desk.did, alg: desk.alg, sign: issuerSigner(crypto, desk) },
      name: 'Werkgever B.V.',
      entries: [{ did: issuerDid, name: 'Universiteit Utrecht', vct: ['urn:vouch:diploma:1'] }],
      issuedAt: new Date(),
    }),
  );
  const made = await present(credentialPath);
  expect(made.stderr).toBe('');
  expect(made.code).toBe(0);
  presentationPath = file('answer.jwt', made.stdout);
});

describe('vouch issue --format jwt_vc_json', () => {
  it('Given a diploma for an xpub and child index, then a VC-JWT to the child did:key with eqf_level, isced_f and a BitstringStatusListEntry', () => {
    const jwt = readFileSync(credentialPath, 'utf8').trim();
    const header = JSON.parse(Buffer.from(jwt.split('.')[0] as string, 'base64url').toString());
    expect(header).toMatchObject({ typ: 'JWT', alg: 'ES256' });
    const payload = payloadOf(jwt);
    expect(payload.iss).toBe(issuerDid);
    expect(payload.sub).toBe(holderDid);
    expect(holderDid).toMatch(/^did:key:zQ3s/);
    expect(payload.exp).toBeUndefined(); // diplomas do not expire
    expect(payload.vc.type).toEqual(['VerifiableCredential', 'VouchDiploma']);
    expect(payload.vc.credentialSubject).toEqual(DIPLOMA);
    expect(payload.vc.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListCredential: `${LIST_URI}.w3c`,
    });
    expect(payload.vc.credentialStatus.id).toBe(`${LIST_URI}.w3c#${listIdx}`);
    expect(listIdx).toBeGreaterThanOrEqual(0);
  });

  it('Given a holder DID (did:web), then sub is that DID; for an SD-JWT VC a did:web is refused (exit 2)', async () => {
    const w3c = await issueDiploma('--holder-did', 'did:web:holder.example');
    expect(w3c.code).toBe(0);
    expect(payloadOf(w3c.stdout).sub).toBe('did:web:holder.example');
    const sdjwt = await run(
      'issue',
      '--issuer',
      at('uni.json'),
      '--type',
      'diploma',
      '--holder-did',
      'did:web:holder.example',
      '--claims',
      at('diploma.json'),
    );
    expect({ code: sdjwt.code, stdout: sdjwt.stdout }).toEqual({ code: 2, stdout: '' });
    expectOneLine(sdjwt.stderr);
    expect(sdjwt.stderr).toContain('--holder-did');
  });

  it('Given --holder-xpub and --child-index without --format, then an SD-JWT VC whose cnf.jwk is that child key', async () => {
    const derived = await run(
      'keys',
      'derive',
      '--mnemonic',
      WORDS,
      '--path',
      `m/7467'/0'/${RELATIONSHIP}'`,
    );
    const { xpub } = JSON.parse(derived.stdout) as { xpub: string };
    const sdjwt = await run(
      'issue',
      '--issuer',
      at('uni.json'),
      '--type',
      'diploma',
      '--holder-xpub',
      xpub,
      '--child-index',
      String(CHILD),
      '--claims',
      at('diploma.json'),
    );
    expect(sdjwt.code).toBe(0);
    const jwk = payloadOf(sdjwt.stdout.split('~')[0] as string).cnf.jwk;
    expect(didKeyFromJwk(jwk)).toBe(holderDid);
  });

  it('Given the holder as a did:key, then the default format is still an SD-JWT VC bound to that key', async () => {
    const sdjwt = await run(
      'issue',
      '--issuer',
      at('uni.json'),
      '--type',
      'diploma',
      '--holder-did',
      holderDid,
      '--claims',
      at('diploma.json'),
    );
    expect(sdjwt.code).toBe(0);
    expect(sdjwt.stdout.trim()).toMatch(/~$/);
    const jwk = payloadOf(sdjwt.stdout.split('~')[0] as string).cnf.jwk;
    expect(didKeyFromJwk(jwk)).toBe(holderDid);
  });

  it.each([
    [['--format', 'ldp_vc', '--holder-did', 'did:key:z'], '--format'],
    [['--format', 'jwt_vc_json', '--batch', 'p.csv', '--out', 'o'], 'SD-JWT VCs only'],
    [['--holder-xpub', 'xpub-nope', '--child-index', '1'], '--holder-xpub'],
    [['--holder-xpub', 'xpub6Cx'], '--child-index'],
    [['--holder-did', 'did:key:zQ3s', '--child-index', '1'], '--child-index'],
    [['--holder-jwk', 'h.jwk', '--holder-did', 'did:key:zQ3s'], 'give one holder'],
  ])('Given %j, then exit 2 naming %s', async (extra, text) => {
    const { code, stdout, stderr } = await run(
      'issue',
      '--issuer',
      at('uni.json'),
      '--type',
      'diploma',
      '--claims',
      at('diploma.json'),
      ...extra,
    );
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expectOneLine(stderr);
    expect(stderr).toContain(text);
  });

  it('Given claims that break the diploma schema (eqf_level 9), then exit 1 and nothing on stdout', async () => {
    file('bad-diploma.json', JSON.stringify({ ...DIPLOMA, eqf_level: 9 }));
    const { code, stdout, stderr } = await run(
      'issue',
      '--issuer',
      at('uni.json'),
      '--type',
      'diploma',
      '--format',
      'jwt_vc_json',
      '--holder-did',
      holderDid,
      '--claims',
      at('bad-diploma.json'),
    );
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expectOneLine(stderr);
    expect(stderr).toContain('eqf_level');
  });
});

describe('vouch present → vouch verify (VP-JWT)', () => {
  it('Given the VP-JWT, a trust list and the W3C status list, when verified, then exit 0 with every claim and format jwt_vc_json', async () => {
    const vp = payloadOf(readFileSync(presentationPath, 'utf8'));
    expect(vp).toMatchObject({ iss: holderDid, aud: AUD, nonce: NONCE });
    expect(vp.vp.verifiableCredential).toEqual([readFileSync(credentialPath, 'utf8').trim()]);
    const { code, stdout, stderr } = await verify(
      presentationPath,
      '--trust',
      trust,
      '--status-list',
      statusW3c,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const verdict = JSON.parse(stdout) as Verdict;
    expect(Object.keys(verdict).slice(0, 5)).toEqual([
      'valid',
      'checks',
      'issuer',
      'vct',
      'claims',
    ]);
    expect(verdict).toMatchObject({
      valid: true,
      format: 'jwt_vc_json',
      issuer: issuerDid,
      vct: 'urn:vouch:diploma:1',
      claims: DIPLOMA,
      issuerName: 'Universiteit Utrecht',
      status: { state: 'valid' },
    });
    expect(verdict.note).toBeUndefined();
    const names = verdict.checks.map((check) => check.name);
    expect(names).toEqual(CHECK_NAMES.filter((name) => name !== 'sd-hash'));
  });

  it('Given the VP-JWT for another verifier, then exit 1 wrong-audience', async () => {
    const { code, stdout } = await run(
      'verify',
      '--presentation',
      presentationPath,
      '--aud',
      'x509_san_dns:other.example',
      '--nonce',
      NONCE,
      '--trust',
      trust,
    );
    expect(code).toBe(1);
    const verdict = JSON.parse(stdout) as Verdict;
    expect(verdict.valid).toBe(false);
    expect(codeOf(verdict, 'audience')).toBe('wrong-audience');
  });

  it('Given another nonce, then exit 1 wrong-nonce', async () => {
    const { code, stdout } = await run(
      'verify',
      '--presentation',
      presentationPath,
      '--aud',
      AUD,
      '--nonce',
      'another-nonce',
      '--trust',
      trust,
    );
    expect(code).toBe(1);
    expect(codeOf(JSON.parse(stdout) as Verdict, 'nonce')).toBe('wrong-nonce');
  });

  it('Given no trust list, then exit 1 untrusted-issuer', async () => {
    const { code, stdout } = await verify(presentationPath);
    expect(code).toBe(1);
    expect(codeOf(JSON.parse(stdout) as Verdict, 'issuer-trusted')).toBe('untrusted-issuer');
  });

  it('Given a trust list for another type only, then exit 1 untrusted-issuer', async () => {
    const desk = await createIssuerKeyFile(crypto, 'ES256');
    const incomeOnly = file(
      'trust-income.jwt',
      await signTrustList({
        issuer: { did: desk.did, alg: desk.alg, sign: issuerSigner(crypto, desk) },
        name: 'Gemeente',
        entries: [{ did: issuerDid, name: 'Uni', vct: ['urn:vouch:income-statement:1'] }],
        issuedAt: new Date(),
      }),
    );
    const { code, stdout } = await verify(presentationPath, '--trust', incomeOnly);
    expect(code).toBe(1);
    expect(codeOf(JSON.parse(stdout) as Verdict, 'issuer-trusted')).toBe('untrusted-issuer');
  });

  it('Given the VC inside with one claim changed, then exit 1 bad-signature and no claims', async () => {
    const vc = readFileSync(credentialPath, 'utf8').trim();
    const [h, p, s] = vc.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.vc.credentialSubject.eqf_level = 8;
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const made = await present(file('forged.jwt', forged));
    // The holder may wrap anything; the verifier must catch it.
    expect(made.code).toBe(0);
    const { code, stdout } = await verify(file('forged-answer.jwt', made.stdout), '--trust', trust);
    expect(code).toBe(1);
    const verdict = JSON.parse(stdout) as Verdict;
    expect(codeOf(verdict, 'issuer-signature')).toBe('bad-signature');
    expect(verdict.claims).toEqual({});
  });

  it('Given the VP-JWT with its own signature broken, then exit 1 kb-bad-signature', async () => {
    const vp = readFileSync(presentationPath, 'utf8').trim();
    const [h, p, s] = vp.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.nonce = 'swapped';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const { code, stdout } = await run(
      'verify',
      '--presentation',
      file('forged-vp.jwt', forged),
      '--aud',
      AUD,
      '--nonce',
      'swapped',
      '--trust',
      trust,
    );
    expect(code).toBe(1);
    expect(codeOf(JSON.parse(stdout) as Verdict, 'key-binding')).toBe('kb-bad-signature');
  });

  it('Given an expired VC-JWT, when verified with --now after its exp, then exit 1 expired', async () => {
    const day = 86_400_000;
    const expires = new Date(Date.now() + 2 * day).toISOString().slice(0, 10);
    const issued = await issueDiploma('--holder-did', holderDid, '--expires', expires);
    expect(issued.code).toBe(0);
    expect(payloadOf(issued.stdout).exp).toBe(Date.parse(expires) / 1000);
    const now = new Date(Date.now() + 5 * day).toISOString();
    const made = await present(file('expiring.jwt', issued.stdout));
    // The answer is stale at --now too (freshness); validity must say expired.
    const { code, stdout, stderr } = await verify(
      file('expiring-answer.jwt', made.stdout),
      '--trust',
      trust,
      '--now',
      now,
    );
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(codeOf(JSON.parse(stdout) as Verdict, 'validity')).toBe('expired');
  });

  it('Given the credential revoked and the W3C list published again, then exit 1 revoked', async () => {
    expect(
      (await run('status', 'revoke', '--list', at('list.json'), '--index', String(listIdx))).code,
    ).toBe(0);
    const published = await run(
      'status',
      'publish',
      '--list',
      at('list.json'),
      '--issuer',
      at('uni.json'),
      '--w3c-out',
      at('status-revoked.w3c.jwt'),
    );
    expect(published.code).toBe(0);
    const { code, stdout } = await verify(
      presentationPath,
      '--trust',
      trust,
      '--status-list',
      at('status-revoked.w3c.jwt'),
    );
    expect(code).toBe(1);
    const verdict = JSON.parse(stdout) as Verdict;
    expect(codeOf(verdict, 'status')).toBe('revoked');
    expect(verdict.status?.state).toBe('revoked');
  });
});

describe('vouch status publish --w3c-out', () => {
  it("Given --ttl, then the BitstringStatusListCredential is the issuer's, for the list URI + .w3c, with that ttl in ms", async () => {
    const published = await run(
      'status',
      'publish',
      '--list',
      at('list.json'),
      '--issuer',
      at('uni.json'),
      '--ttl',
      '3600',
      '--w3c-out',
      at('status-ttl.w3c.jwt'),
    );
    expect(published.code).toBe(0);
    expect(payloadOf(published.stdout)).toMatchObject({ sub: LIST_URI, ttl: 3600 });
    const w3c = payloadOf(readFileSync(at('status-ttl.w3c.jwt'), 'utf8'));
    expect(w3c).toMatchObject({
      iss: issuerDid,
      jti: `${LIST_URI}.w3c`,
      vc: {
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        credentialSubject: {
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          ttl: 3_600_000,
        },
      },
    });
    expect(w3c.vc.credentialSubject.encodedList).toMatch(/^u[A-Za-z0-9_-]+$/);
  });

  it('Given an unwritable --w3c-out, then exit 1 with one line and no stack', async () => {
    const { code, stderr } = await run(
      'status',
      'publish',
      '--list',
      at('list.json'),
      '--issuer',
      at('uni.json'),
      '--w3c-out',
      join(dir, 'no-such-dir', 'x.jwt'),
    );
    expect(code).toBe(1);
    expectOneLine(stderr);
    expect(stderr).toMatch(/^vouch: --w3c-out: cannot write .*x\.jwt \(ENOENT\)\n$/);
  });
});

describe('vouch verify: a bare VC-JWT', () => {
  it('Given the VC-JWT itself and no --aud or --nonce, then it verifies and the verdict says holder binding was not checked', async () => {
    const { code, stdout, stderr } = await run(
      'verify',
      '--presentation',
      credentialPath,
      '--trust',
      trust,
      '--status-list',
      statusW3c,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const verdict = JSON.parse(stdout) as Verdict;
    expect(verdict).toMatchObject({ valid: true, format: 'jwt_vc_json', claims: DIPLOMA });
    expect(verdict.note).toMatch(/holder binding was not checked/);
    const names = verdict.checks.map((check) => check.name);
    for (const name of ['key-binding', 'audience', 'nonce', 'freshness', 'sd-hash'])
      expect(names).not.toContain(name);
  });

  it('Given the VC-JWT itself with the issuer key pinned (--issuer-jwk), then valid with the note too', async () => {
    const { code, stdout } = await run(
      'verify',
      '--presentation',
      credentialPath,
      '--issuer-jwk',
      at('uni.json'),
    );
    expect(code).toBe(0);
    const verdict = JSON.parse(stdout) as Verdict;
    expect(verdict).toMatchObject({ valid: true, format: 'jwt_vc_json', issuer: issuerDid });
    expect(verdict.note).toMatch(/holder binding was not checked/);
  });

  it('Given an SD-JWT presentation without --aud, then still exit 2 naming --aud', async () => {
    const { code, stderr } = await run(
      'verify',
      '--presentation',
      file('sd.txt', 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln~WyJhIl0~'),
      '--nonce',
      NONCE,
    );
    expect(code).toBe(2);
    expectOneLine(stderr);
    expect(stderr).toContain('--aud');
  });
});

describe('vouch verify: issuer keys and did:web', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("Given no trust list but the issuer's key file pinned with --issuer-jwk, then exit 0", async () => {
    const { code, stdout } = await verify(presentationPath, '--issuer-jwk', at('uni.json'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ valid: true, format: 'jwt_vc_json' });
  });

  it('Given a VC-JWT from a did:web issuer and no --did-web, then unknown-issuer-key and no request is made', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network in this test')));
    vi.stubGlobal('fetch', fetch);
    const uni = JSON.parse(readFileSync(at('uni.json'), 'utf8'));
    const jwt = await issueVcJwt({
      issuer: { did: 'did:web:uni.example' as Did, alg: uni.alg, sign: issuerSigner(crypto, uni) },
      subject: holderDid as Did,
      typeId: 'diploma',
      claims: DIPLOMA,
      issuedAt: new Date(),
    });
    const { code, stdout } = await run('verify', '--presentation', file('web.jwt', jwt));
    expect(code).toBe(1);
    const verdict = JSON.parse(stdout) as Verdict;
    expect(codeOf(verdict, 'issuer-signature')).toBe('unknown-issuer-key');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('Given the same did:web VC-JWT and --did-web, then its DID document is fetched over HTTPS (no redirects) and it verifies', async () => {
    const uni = JSON.parse(readFileSync(at('uni.json'), 'utf8'));
    const did = 'did:web:uni.example' as Did;
    const jwt = await issueVcJwt({
      issuer: { did, alg: uni.alg, sign: issuerSigner(crypto, uni) },
      subject: holderDid as Did,
      typeId: 'diploma',
      claims: DIPLOMA,
      issuedAt: new Date(),
    });
    const kid = JSON.parse(Buffer.from(jwt.split('.')[0] as string, 'base64url').toString()).kid;
    const document = didDocumentForKey(did, kid, uni.publicJwk);
    const desk = await createIssuerKeyFile(crypto, 'ES256');
    const webTrust = file(
      'trust-web.jwt',
      await signTrustList({
        issuer: { did: desk.did, alg: desk.alg, sign: issuerSigner(crypto, desk) },
        name: 'Werkgever B.V.',
        entries: [{ did, name: 'Universiteit (did:web)', vct: ['urn:vouch:diploma:1'] }],
        issuedAt: new Date(),
      }),
    );
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(document)),
    );
    vi.stubGlobal('fetch', fetch);
    const { code, stdout } = await run(
      'verify',
      '--presentation',
      file('web2.jwt', jwt),
      '--did-web',
      '--trust',
      webTrust,
    );
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe('https://uni.example/.well-known/did.json');
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ redirect: 'error' });
    const verdict = JSON.parse(stdout) as Verdict;
    expect(codeOf(verdict, 'issuer-signature')).toBe('ok');
    expect({ code, valid: verdict.valid }).toEqual({ code: 0, valid: true });
  });
});

describe('vouch verify: a VP-JWT made by did-jwt-vc (a peer wallet)', () => {
  it('Given a VP-JWT signed by did-jwt ES256KSigner around our VC-JWT, then exit 0', async () => {
    const holder = await crypto.generateKeyPair('ES256K');
    const jwkFile = file('peer-holder.jwk', JSON.stringify(holder.publicJwk));
    const issued = await issueDiploma('--holder-jwk', jwkFile);
    expect(issued.code).toBe(0);
    const did = didKeyFromJwk(holder.publicJwk);
    const d = Buffer.from((holder.privateJwk as { d: string }).d, 'base64url');
    const iat = Math.floor(Date.now() / 1000);
    const vp = await createVerifiablePresentationJwt(
      {
        iss: did,
        aud: AUD,
        nonce: NONCE,
        iat,
        exp: iat + 120,
        vp: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiablePresentation'],
          verifiableCredential: [issued.stdout.trim()],
        },
      } as Parameters<typeof createVerifiablePresentationJwt>[0],
      { did, signer: ES256KSigner(new Uint8Array(d)), alg: 'ES256K' },
      { header: { alg: 'ES256K', typ: 'JWT', kid: didKeyVerificationMethod(did) } },
    );
    const { code, stdout } = await verify(file('peer-vp.jwt', vp), '--trust', trust);
    const verdict = JSON.parse(stdout) as Verdict;
    expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
    expect(code).toBe(0);
    expect(verdict).toMatchObject({ valid: true, format: 'jwt_vc_json', claims: DIPLOMA });
  });
});

describe('vouch present (VC-JWT): refusals', () => {
  it("Given a holder key that is not the credential's sub, then exit 1 and nothing on stdout", async () => {
    const other = await crypto.generateKeyPair('ES256K');
    const { code, stdout, stderr } = await run(
      'present',
      '--credential',
      credentialPath,
      '--holder-jwk',
      file('other.jwk', JSON.stringify(other.privateJwk)),
      '--aud',
      AUD,
      '--nonce',
      NONCE,
    );
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expectOneLine(stderr);
    expect(stderr).toContain('not the key this credential is bound to');
  });

  it('Given a VC-JWT bound to a P-256 key, then present refuses it (a VP-JWT is ES256K), exit 1', async () => {
    const holder = await crypto.generateKeyPair('ES256');
    const issued = await issueDiploma(
      '--holder-jwk',
      file('p256.jwk', JSON.stringify(holder.publicJwk)),
    );
    expect(issued.code).toBe(0);
    const { code, stdout, stderr } = await run(
      'present',
      '--credential',
      file('p256-diploma.jwt', issued.stdout),
      '--holder-jwk',
      file('p256.private.jwk', JSON.stringify(holder.privateJwk)),
      '--aud',
      AUD,
      '--nonce',
      NONCE,
    );
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expectOneLine(stderr);
    expect(stderr).toContain('ES256K');
  });

  it('Given --disclose, then all claims are still shown and a note says so; an unknown claim is exit 1', async () => {
    const noted = await present(credentialPath, '--disclose', 'degree');
    expect(noted.code).toBe(0);
    expectOneLine(noted.stderr);
    expect(noted.stderr).toContain('every claim is shown');
    const unknown = await present(credentialPath, '--disclose', 'passport_number');
    expect({ code: unknown.code, stdout: unknown.stdout }).toEqual({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('passport_number');
  });

  it('Given a wrong --mnemonic, then exit 1 naming the problem, never the words', async () => {
    const words = WORDS.split(' ');
    words[5] = 'sausag';
    const { code, stderr } = await run(
      'present',
      '--credential',
      credentialPath,
      '--mnemonic',
      words.join(' '),
      '--relationship',
      '0',
      '--child-index',
      '0',
      '--aud',
      AUD,
      '--nonce',
      NONCE,
    );
    expect(code).toBe(1);
    expectOneLine(stderr);
    expect(stderr).toContain('word 6');
    expect(stderr).not.toContain('abandon');
  });

  it('Given --mnemonic without --relationship, then exit 2', async () => {
    const { code, stderr } = await run(
      'present',
      '--credential',
      credentialPath,
      '--mnemonic',
      WORDS,
      '--child-index',
      '0',
      '--aud',
      AUD,
      '--nonce',
      NONCE,
    );
    expect(code).toBe(2);
    expectOneLine(stderr);
    expect(stderr).toContain('--relationship');
  });
});

describe('vouch inspect (W3C)', () => {
  it('Given a VC-JWT, then its header, payload and what it says, unverified', async () => {
    const { code, stdout } = await run('inspect', credentialPath);
    expect(code).toBe(0);
    const shown = JSON.parse(stdout);
    expect(shown).toMatchObject({
      type: 'vc-jwt',
      header: { alg: 'ES256', typ: 'JWT' },
      payload: { iss: issuerDid, sub: holderDid },
      credential: {
        types: ['VerifiableCredential', 'VouchDiploma'],
        credentialType: 'diploma',
        vct: 'urn:vouch:diploma:1',
        issuer: issuerDid,
        subject: holderDid,
        claims: DIPLOMA,
        status: { idx: listIdx, uri: `${LIST_URI}.w3c`, purpose: 'revocation' },
      },
    });
  });

  it('Given an offline offer carrying a VC-JWT, then the offer names its format and shows the VC-JWT, unverified', async () => {
    const credential = readFileSync(credentialPath, 'utf8').trim();
    const offerPath = file(
      'diploma-offer.json',
      encodeCredentialOffer({ credential, relationship: '0badf00d', childIndex: 3 }),
    );
    const { code, stdout } = await run('inspect', offerPath);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      type: 'vouch-credential-offer',
      format: 'jwt_vc_json',
      relationship: '0badf00d',
      child_index: 3,
      credential: { type: 'vc-jwt', payload: { iss: issuerDid, sub: holderDid } },
    });
  });

  it('Given a VP-JWT, then its payload and the VC-JWT inside, described', async () => {
    const { code, stdout } = await run('inspect', presentationPath);
    expect(code).toBe(0);
    const shown = JSON.parse(stdout);
    expect(shown).toMatchObject({
      type: 'vp-jwt',
      payload: { iss: holderDid, aud: AUD, nonce: NONCE },
      credentials: [{ type: 'vc-jwt', credential: { credentialType: 'diploma' } }],
    });
  });
});
