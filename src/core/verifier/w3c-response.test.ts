/**
 * The verifier desk checks answers holding W3C VP-JWTs (docs/w3c-vc.md §Verifier desk) through
 * the same path as SD-JWT VCs: the nonce found in the VP-JWT, the desk's trust lists, its status
 * cache holding the issuer's BitstringStatusListCredential, the request's claims and formats.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { exampleClaims } from '../credentials/index.ts';
import { issuerSigner } from '../jose/index.ts';
import { createPresentation } from '../presentation/index.ts';
import { encodePresentationResponse } from '../protocol/response.ts';
import { issueSdJwtVc } from '../sd-jwt/issue-sd-jwt-vc.ts';
import { revokeStatusIndex } from '../status-list/index.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { verifyPresentation, type VerificationResult } from '../verification/index.ts';
import { signerFor, VCT } from '../verification/presentation-world.fake.ts';
import { bitstringStatusListUrl } from '../w3c/index.ts';
import {
  issueW3c,
  makeW3cWorld,
  NOW,
  presentW3c,
  signW3cList,
  STATUS_URI,
  type W3cWorld,
} from '../w3c/w3c-world.fake.ts';
import {
  activeTrustLists,
  addOwnTrustEntry,
  createRequest,
  createVerifierDesk,
  fetchStatusList,
  findNonce,
  listCachedStatusLists,
  listHistory,
  needsFromChoices,
  needsFromTemplate,
  REQUEST_TEMPLATES,
  runRuleForVerdict,
  storeStatusList,
  verifyResponse,
  type RequestNeeds,
  type VerifierDesk,
} from './index.ts';

const DIPLOMA_VCT = 'urn:vouch:diploma:1';
const W3C_LIST = bitstringStatusListUrl(STATUS_URI);
const DIPLOMA_JOB = needsFromTemplate('diploma-job');

let w: W3cWorld;
/** The world's holder's diploma as a W3C VC-JWT (with the world's status entry). */
let diploma: string;
const deps = () => ({ jws: w.crypto, randomBytes: w.randomBytes });

async function newDesk(): Promise<VerifierDesk> {
  const created = await createVerifierDesk(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), jws: w.crypto },
    { passcode: 'verifier passcode 1', profile: { name: 'Gemeente', kind: 'agency' }, now: NOW },
  );
  if (!created.ok) throw new Error(created.reason);
  return created.value;
}

/** A desk that trusts the world's issuer (for `trust`: the diploma) and holds its `.w3c` list (unless `list: null`). */
async function readyDesk(
  options: { trust?: readonly string[] | null; list?: string | null } = {},
): Promise<VerifierDesk> {
  const desk = await newDesk();
  if (options.trust !== null) {
    const added = await addOwnTrustEntry(desk, {
      did: w.issuer.did,
      name: 'Bakkerij de Vries B.V.',
      vct: [...(options.trust ?? [DIPLOMA_VCT])],
    });
    if (!added.ok) throw new Error(added.reason);
  }
  if (options.list !== null) {
    const stored = await storeStatusList(desk, deps(), {
      jwt: options.list ?? w.w3cList,
      now: NOW,
      source: 'import',
    });
    if (!stored.ok) throw new Error(stored.detail.message);
  }
  return desk;
}

async function ask(desk: VerifierDesk, needs: RequestNeeds = DIPLOMA_JOB) {
  return (await createRequest(desk, deps(), { needs, purpose: 'Check', now: NOW })).pending;
}

/** The wallet's answer: a VP-JWT of `credential` (the diploma) for this desk and nonce, under `queryId`. */
async function answerW3c(
  desk: VerifierDesk,
  nonce: string,
  options: { credential?: string; queryId?: string; declared?: Record<string, unknown> } = {},
): Promise<Uint8Array> {
  const vp = await presentW3c(w, options.credential ?? diploma, {
    audience: desk.verifier.clientId,
    nonce,
    issuedAt: new Date(NOW.getTime() - 5_000),
  });
  return encodePresentationResponse({
    vpToken: { [options.queryId ?? 'diploma_w3c']: [vp] },
    ...(options.declared ? { declared: options.declared } : {}),
  });
}

const check = (result: VerificationResult | undefined, name: string) =>
  result?.checks.find((c) => c.name === name);

async function verify(desk: VerifierDesk, payload: Uint8Array) {
  const verdict = await verifyResponse(desk, deps(), { payload, now: NOW });
  if (!verdict.ok) throw new Error(verdict.detail.message);
  return verdict.value;
}

beforeEach(async () => {
  w = await makeW3cWorld();
  diploma = await issueW3c(w, { typeId: 'diploma', claims: exampleClaims('diploma') });
});

describe('verifier desk: a W3C VP-JWT answer', () => {
  it('Given a trusted issuer, its cached Bitstring list and a pending request, when the VP-JWT answer is checked, then it is valid as jwt_vc_json, shows every field, and spends the nonce', async () => {
    const desk = await readyDesk();
    const pending = await ask(desk);
    const verdict = await verify(desk, await answerW3c(desk, pending.nonce));
    const [presentation] = verdict.presentations;
    expect(verdict.valid).toBe(true);
    expect(verdict.request?.id).toBe(pending.id);
    expect(presentation?.nonceState).toBe('pending');
    expect(presentation?.result).toMatchObject({
      format: 'jwt_vc_json',
      issuer: w.issuer.did,
      issuerName: 'Bakkerij de Vries B.V.',
      vct: DIPLOMA_VCT,
      status: { state: 'valid' },
    });
    // No selective disclosure: the whole credentialSubject, also what was not asked.
    expect(presentation?.result.claims).toEqual(exampleClaims('diploma'));
    expect(DIPLOMA_JOB.required).not.toContain('birth_date');
    expect(presentation?.statusUri).toBe(W3C_LIST);
    expect(presentation?.statusList).toEqual({
      fetchedAt: NOW.toISOString(),
      issuedAt: new Date(NOW.getTime() - 3_600_000).toISOString(),
    });
    expect(verdict.spentNonces).toEqual([pending.nonce]);
    expect((await findNonce(desk, pending.nonce)).state).toBe('used');
    const [entry] = await listHistory(desk);
    expect(entry?.items).toEqual([
      expect.objectContaining({
        format: 'jwt_vc_json',
        vct: DIPLOMA_VCT,
        valid: true,
        failed: [],
      }),
    ]);
  });

  it('Given a VP-JWT made for another nonce, when checked, then wrong-nonce, and the pending request stays pending', async () => {
    const desk = await readyDesk();
    const pending = await ask(desk);
    const verdict = await verify(desk, await answerW3c(desk, 'a-nonce-of-another-verifier'));
    expect(verdict.valid).toBe(false);
    expect(verdict.presentations[0]?.nonceState).toBe('unknown');
    expect(check(verdict.presentations[0]?.result, 'nonce')).toMatchObject({
      ok: false,
      code: 'wrong-nonce',
    });
    expect(verdict.spentNonces).toEqual([]);
    expect((await findNonce(desk, pending.nonce)).state).toBe('pending');
  });

  it('Given a valid VP-JWT answer, when the same answer is checked again, then it is a replay', async () => {
    const desk = await readyDesk();
    const pending = await ask(desk);
    const payload = await answerW3c(desk, pending.nonce);
    expect((await verify(desk, payload)).valid).toBe(true);
    const again = await verify(desk, payload);
    expect(again.valid).toBe(false);
    expect(again.presentations[0]?.nonceState).toBe('used');
    expect(check(again.presentations[0]?.result, 'nonce')).toMatchObject({
      ok: false,
      code: 'replayed',
    });
  });

  it('Given the issuer revoked the credential in a newer Bitstring list, when the desk caches that list and checks the answer, then revoked and nothing is spent', async () => {
    const revoked = revokeStatusIndex(w.statusList, w.statusIndex);
    if (!revoked.ok) throw new Error(revoked.reason);
    const desk = await readyDesk();
    const newer = await signW3cList(w, revoked.value, new Date(NOW.getTime() - 600_000));
    const stored = await storeStatusList(desk, deps(), { jwt: newer, now: NOW, source: 'import' });
    expect(stored.ok && stored.value).toMatchObject({ uri: W3C_LIST, kind: 'bitstring' });
    // The newer edition replaced the older one.
    expect((await listCachedStatusLists(desk)).map((list) => list.issuedAt)).toEqual([
      new Date(NOW.getTime() - 600_000).toISOString(),
    ]);
    const pending = await ask(desk);
    const verdict = await verify(desk, await answerW3c(desk, pending.nonce));
    expect(verdict.valid).toBe(false);
    expect(check(verdict.presentations[0]?.result, 'status')).toMatchObject({
      ok: false,
      code: 'revoked',
    });
    expect(verdict.presentations[0]?.result.status?.state).toBe('revoked');
    expect((await findNonce(desk, pending.nonce)).state).toBe('pending');
  });

  it('Given no cached list, when checked, then status-unavailable with the .w3c address; once "fetch status lists" fetched it, the same answer checked again is valid', async () => {
    const desk = await readyDesk({ list: null });
    const pending = await ask(desk);
    const payload = await answerW3c(desk, pending.nonce);
    const first = await verify(desk, payload);
    expect(first.valid).toBe(false);
    expect(check(first.presentations[0]?.result, 'status')?.code).toBe('status-unavailable');
    expect(first.presentations[0]?.statusUri).toBe(W3C_LIST);

    const asked: string[] = [];
    const fetched = await fetchStatusList(
      desk,
      { ...deps(), fetchText: async (uri) => (asked.push(uri), w.w3cList) },
      { uri: W3C_LIST, now: NOW },
    );
    expect(asked).toEqual([W3C_LIST]);
    expect(fetched.ok && fetched.value).toMatchObject({
      uri: W3C_LIST,
      issuer: w.issuer.did,
      kind: 'bitstring',
      source: 'fetch',
    });
    const again = await verifyResponse(desk, deps(), { payload, now: NOW, recheckOf: first });
    expect(again.ok && again.value.valid).toBe(true);
  });

  it('Given an issuer on no trust list of the desk, when checked, then untrusted-issuer and not valid', async () => {
    const desk = await readyDesk({ trust: null });
    const pending = await ask(desk);
    const verdict = await verify(desk, await answerW3c(desk, pending.nonce));
    expect(verdict.valid).toBe(false);
    expect(check(verdict.presentations[0]?.result, 'issuer-trusted')).toMatchObject({
      ok: false,
      code: 'untrusted-issuer',
    });
  });

  it('Given a request that requires a claim the W3C credential lacks, when checked, then missing-claim', async () => {
    const desk = await readyDesk();
    const { grade: _grade, ...withoutGrade } = exampleClaims('diploma');
    const credential = await issueW3c(w, { typeId: 'diploma', claims: withoutGrade });
    const needs = needsFromChoices('diploma', { degree: 'required', grade: 'required' });
    if (!needs.ok) throw new Error(needs.reason);
    const pending = await ask(desk, needs.value);
    const verdict = await verify(desk, await answerW3c(desk, pending.nonce, { credential }));
    expect(verdict.valid).toBe(false);
    expect(check(verdict.presentations[0]?.result, 'requested-claims')).toMatchObject({
      ok: false,
      code: 'missing-claim',
    });
  });

  it('Given a request that asks for an SD-JWT VC only (an income statement), when a W3C VC-JWT of that type answers, then it does not count (another format)', async () => {
    const desk = await readyDesk({ trust: [VCT] });
    const pending = await ask(desk, needsFromTemplate('income-supplement'));
    expect(pending.queries).toBeUndefined();
    const verdict = await verify(
      desk,
      await answerW3c(desk, pending.nonce, { credential: w.vcJwt, queryId: 'income-statement' }),
    );
    expect(verdict.valid).toBe(false);
    const requested = check(verdict.presentations[0]?.result, 'requested-claims');
    expect(requested).toMatchObject({ ok: false, code: 'missing-claim' });
    expect(requested?.message).toMatch(/as dc\+sd-jwt, the answer is jwt_vc_json/);
    // Everything else about it checks out: only the format is wrong.
    expect(verdict.presentations[0]?.result.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(
      ['requested-claims'],
    );
  });

  it("Given a verified W3C income statement for September 2025, when the desk runs the income-supplement rule on that verdict, then it reads the W3C claims as an SD-JWT VC's (€500.61)", async () => {
    const credential = await issueW3c(w, {
      claims: { ...exampleClaims('income-statement'), period: '2025-09', net_wage_cents: 80_000 },
    });
    const result = await verifyPresentation(
      await presentW3c(w, credential, { audience: 'aud', nonce: 'n' }),
      {
        crypto: w.crypto,
        now: NOW,
        audience: 'aud',
        nonce: 'n',
        trustLists: [w.trustList],
        statusList: () => ({ jwt: w.w3cList, fetchedAt: NOW }),
      },
    );
    expect(result).toMatchObject({ valid: true, format: 'jwt_vc_json', vct: VCT });
    const template = REQUEST_TEMPLATES['income-supplement'];
    const benefit = runRuleForVerdict({
      request: { rule: template.rule, declare: [...(template.declare ?? [])], month: '2025-09' },
      verification: { valid: true, presentations: [{ result }] },
      declared: {
        household: 'single',
        ageBand: '21-to-pension',
        assetsCents: 0,
        exemption: 'none',
      },
      now: NOW,
    });
    expect(benefit).toMatchObject({
      ruleId: 'nl.participatiewet.aanvulling',
      amountCents: 50_061,
      period: '2025-09',
    });
  });
});

describe('verifier desk: the diploma request answered in either format', () => {
  async function sdJwtDiploma(): Promise<string> {
    return issueSdJwtVc({
      issuer: {
        did: w.issuer.did as Did,
        alg: w.issuer.alg,
        sign: issuerSigner(w.crypto, w.issuer),
      },
      vct: DIPLOMA_VCT,
      claims: exampleClaims('diploma'),
      holderJwk: w.holder.publicJwk,
      issuedAt: new Date(NOW.getTime() - 86_400_000),
      randomBytes: w.randomBytes,
    });
  }

  async function answerSdJwt(desk: VerifierDesk, nonce: string, queryId: string) {
    const presentation = await createPresentation({
      credential: await sdJwtDiploma(),
      disclose: ['degree', 'level', 'field', 'institution', 'date_awarded'],
      audience: desk.verifier.clientId,
      nonce,
      issuedAt: new Date(NOW.getTime() - 5_000),
      holder: signerFor(w.crypto, w.holder),
    });
    if (!presentation.ok) throw new Error(presentation.detail.message);
    return encodePresentationResponse({ vpToken: { [queryId]: [presentation.value] } });
  }

  it('Given the diploma-job request, when an SD-JWT VC answers query "diploma", then it is valid as dc+sd-jwt', async () => {
    const desk = await readyDesk();
    const pending = await ask(desk, needsFromTemplate('diploma-job'));
    const verdict = await verify(desk, await answerSdJwt(desk, pending.nonce, 'diploma'));
    expect(verdict.valid).toBe(true);
    expect(verdict.presentations[0]?.result.format).toBe('dc+sd-jwt');
    expect(verdict.presentations[0]?.queryId).toBe('diploma');
  });

  it('Given the diploma-job request, when a W3C VC-JWT answers query "diploma_w3c", then it is valid as jwt_vc_json, trusted by the entry for urn:vouch:diploma:1', async () => {
    const desk = await readyDesk();
    const pending = await ask(desk, needsFromTemplate('diploma-job'));
    const verdict = await verify(
      desk,
      await answerW3c(desk, pending.nonce, { queryId: 'diploma_w3c' }),
    );
    expect(verdict.valid).toBe(true);
    expect(verdict.presentations[0]?.result).toMatchObject({
      format: 'jwt_vc_json',
      vct: DIPLOMA_VCT,
      claims: { eqf_level: 7, isced_f: '0613' },
    });
  });

  it.each([
    ['a W3C VC-JWT under the SD-JWT query "diploma"', 'w3c', 'diploma', /as dc\+sd-jwt/],
    ['an SD-JWT VC under the W3C query "diploma_w3c"', 'sd-jwt', 'diploma_w3c', /as jwt_vc_json/],
    ['a W3C VC-JWT under a query id the request never sent', 'w3c', 'degree', /did not ask/],
  ] as const)(
    'Given the diploma-job request, when %s answers, then it does not count (requested-claims fails, saying why)',
    async (_case, kind, queryId, why) => {
      const desk = await readyDesk();
      const pending = await ask(desk, needsFromTemplate('diploma-job'));
      const payload =
        kind === 'w3c'
          ? await answerW3c(desk, pending.nonce, { queryId })
          : await answerSdJwt(desk, pending.nonce, queryId);
      const verdict = await verify(desk, payload);
      expect(verdict.valid).toBe(false);
      const requested = check(verdict.presentations[0]?.result, 'requested-claims');
      expect(requested).toMatchObject({ ok: false, code: 'missing-claim' });
      expect(requested?.message).toMatch(why);
      expect((await findNonce(desk, pending.nonce)).state).toBe('pending');
    },
  );
});

describe('verifier desk: trust and status lists for W3C credentials', () => {
  it('Given an issuer trusted on the desk only for the raw W3C type VerifiableDiploma, when its foreign VP-JWT is verified with the desk trust lists, then the issuer is trusted; for another type it is not', async () => {
    const desk = await readyDesk({ trust: ['VerifiableDiploma'] });
    const foreign = await issueW3c(w, {
      typeId: undefined,
      types: ['VerifiableDiploma'],
      claims: { title: 'Bachelor in Biology', awardingBody: 'Universidade de Lisboa' },
      status: undefined,
    });
    const other = await issueW3c(w, {
      typeId: undefined,
      types: ['VerifiableAttestation'],
      claims: { title: 'x' },
      status: undefined,
    });
    const trustLists = await activeTrustLists(desk, deps(), NOW);
    const verifyWithDesk = async (credential: string) =>
      verifyPresentation(
        await presentW3c(w, credential, { audience: 'aud', nonce: 'n', issuedAt: NOW }),
        { crypto: w.crypto, now: NOW, audience: 'aud', nonce: 'n', trustLists },
      );
    const trusted = await verifyWithDesk(foreign);
    expect(trusted.vct).toBe('VerifiableDiploma');
    expect(check(trusted, 'issuer-trusted')?.ok).toBe(true);
    expect(trusted.issuerName).toBe('Bakkerij de Vries B.V.');
    expect(check(await verifyWithDesk(other), 'issuer-trusted')).toMatchObject({
      ok: false,
      code: 'untrusted-issuer',
    });
  });

  it('Given a Bitstring list credential whose signature was tampered with, when stored, then bad-signature and nothing is kept', async () => {
    const desk = await newDesk();
    const [header, payload, signature = ''] = w.w3cList.split('.');
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    const stored = await storeStatusList(desk, deps(), {
      jwt: `${header}.${payload}.${flipped}`,
      now: NOW,
      source: 'import',
    });
    expect(stored).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await listCachedStatusLists(desk)).toEqual([]);
  });

  it('Given a Bitstring list fetched from another address than it names, when stored, then wrong-uri', async () => {
    const desk = await newDesk();
    const fetched = await fetchStatusList(
      desk,
      { ...deps(), fetchText: async () => w.w3cList },
      { uri: 'https://elsewhere.example/status/9.w3c', now: NOW },
    );
    expect(fetched).toMatchObject({ ok: false, reason: 'wrong-uri' });
  });

  it('Given the desk holds a Bitstring list, when an older edition is stored, then it is refused as older-than-cached', async () => {
    const desk = await readyDesk();
    const older = await signW3cList(w, w.statusList, new Date(NOW.getTime() - 7_200_000));
    expect(
      await storeStatusList(desk, deps(), { jwt: older, now: NOW, source: 'import' }),
    ).toMatchObject({ ok: false, reason: 'older-than-cached' });
  });
});
