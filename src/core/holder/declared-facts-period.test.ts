/**
 * A request about a month, from the desk to the wallet and back (docs/protocol.md §The month a
 * request is about): the verifier desk's income-supplement request names its month in
 * `vouch.period`; the wallet's consent answers that month's declared facts (the partner's income
 * of that month, not the single answer); the desk receives them as declared and runs the rule on
 * them. The same request may be answered with the municipality's household credential, which the
 * wallet offers switched off.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8ToBytes } from '../encoding/index.ts';
import { encodePresentationResponse } from '../protocol/index.ts';
import {
  createDesk,
  issueToSubject,
  publishDeskStatusList,
  registerSubject,
  type IssuerKind,
} from '../issuer/index.ts';
import { nobleJwsCrypto } from '../jose/index.ts';
import type { CredentialTypeId } from '../credentials/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import {
  addOwnTrustEntry,
  createRequest,
  createVerifierDesk,
  needsFromTemplate,
  REQUEST_TEMPLATES,
  storeStatusList,
  verifyResponse,
  type VerifierDesk,
} from '../verifier/index.ts';
import {
  addDeclaredAnswers,
  readDeclaredFactsFor,
  readDeclaredFactsRecord,
  saveDeclaredFacts,
} from './declared-facts.ts';
import { createHolderWallet, type HolderWallet } from './holder-wallet.ts';
import {
  answerPresentationRequest,
  readPresentationRequest,
  type ReadRequest,
} from './presentation-flow.ts';
import { receiveCredentialOffer } from './receive.ts';
import { connectToIssuer } from './relationships.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2025-10-02T09:00:00Z');
const ABANDON_ART = `${'abandon '.repeat(23)}art`;
const deps = { jws, randomBytes };

const PAYSLIP = {
  period: '2025-09',
  gross_wage_cents: 110_000,
  net_wage_cents: 90_000,
  hours: 80,
  employer_name: 'Acme Rides BV',
  employer_id: 'KvK 12345678',
  employee_name: 'Sam de Vries',
  birth_date: '1988-04-12',
};
const HOUSEHOLD = {
  household_type: 'couple',
  adult_co_residents: 1,
  municipality: 'Utrecht',
  valid_on: '2025-09-01',
};
/** A couple; the partner earned €300.00 in September 2025, €700.00 in August, €999.99 "usually". */
const FACTS = { household: 'couple', ageBand: '21-to-pension', assetsCents: 100_000 };
const PARTNER_BY_MONTH = { partnerNetIncomeCents: { '2025-08': 70_000, '2025-09': 30_000 } };
const PARTNER_USUALLY = 99_999;

let wallet: HolderWallet;
let verifier: VerifierDesk;

/** An issuer desk of `kind` issues one credential into the wallet; the verifier trusts it. */
async function issueInto(kind: IssuerKind, typeId: CredentialTypeId, claims: object) {
  const name = kind === 'employer' ? 'Acme Rides BV' : 'Gemeente Utrecht';
  const desk = await createDesk(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), jws },
    {
      passcode: 'desk passcode 1',
      profile: { name, kind, registration: kind === 'employer' ? 'KvK 12345678' : '' },
      statusListUri: `https://status.${kind}.example/1.jwt`,
      now: NOW,
    },
  );
  if (!desk.ok) throw new Error(desk.reason);
  const connect = await connectToIssuer(wallet, { issuerName: name, now: NOW, jti: kind });
  if (!connect.ok) throw new Error('connect');
  const subject = await registerSubject(desk.value, {
    connectRequest: connect.value.request,
    name: 'Sam',
    number: '',
    now: NOW,
    randomBytes,
  });
  if (!subject.ok) throw new Error('register');
  const issued = await issueToSubject(desk.value, deps, {
    subjectId: subject.value.id,
    typeId,
    claims: claims as Record<string, unknown>,
    now: NOW,
  });
  if (!issued.ok) throw new Error(`issue ${typeId}`);
  const received = await receiveCredentialOffer(wallet, issued.value.offer, {
    crypto: jws,
    now: NOW,
  });
  if (!received.ok) throw new Error(received.reason);
  const vct = `urn:vouch:${typeId}:1`;
  await addOwnTrustEntry(verifier, { did: desk.value.issuer.did, name, vct: [vct] });
  const { jwt } = await publishDeskStatusList(desk.value, deps, { now: NOW });
  const stored = await storeStatusList(verifier, deps, { jwt, now: NOW, source: 'import' });
  if (!stored.ok) throw new Error(stored.reason);
}

beforeAll(async () => {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: ABANDON_ART, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  wallet = created.value;
  const desk = await createVerifierDesk(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), jws },
    {
      passcode: 'verifier passcode 1',
      profile: { name: 'Gemeente Utrecht', kind: 'agency' },
      now: NOW,
    },
  );
  if (!desk.ok) throw new Error(desk.reason);
  verifier = desk.value;
  await issueInto('employer', 'income-statement', PAYSLIP);
  await issueInto('municipality', 'household', HOUSEHOLD);
  const saved = await saveDeclaredFacts(
    wallet,
    { ...FACTS, partnerNetIncomeCents: PARTNER_USUALLY },
    { now: NOW, monthly: PARTNER_BY_MONTH },
  );
  if (!saved.ok) throw new Error('facts');
});

/** The desk's income-supplement request (its month optional), read by the wallet. */
async function incomeRequest(month?: string): Promise<ReadRequest> {
  const template = REQUEST_TEMPLATES['income-supplement'];
  const created = await createRequest(verifier, deps, {
    needs: needsFromTemplate('income-supplement'),
    purpose: 'Income supplement',
    now: NOW,
    rule: template.rule!,
    declare: template.declare!,
    ...(month === undefined ? {} : { month }),
  });
  const read = await readPresentationRequest(wallet, utf8ToBytes(created.forQr), {
    crypto: jws,
    now: NOW,
  });
  if (!read.ok) throw new Error(read.detail);
  return read.value;
}

/** The consent screen's answer: every asked fact the wallet has, and the chosen credentials. */
async function present(
  read: ReadRequest,
  facts: Record<string, string | number | boolean>,
  withHousehold: boolean,
) {
  const asked = read.request.declare ?? [];
  const declared = Object.fromEntries(
    Object.entries(facts).filter(([name]) => asked.includes(name)),
  );
  const choices = read.matches
    .filter((match) => !match.optional || withHousehold)
    .map(({ need, candidates }) => ({
      queryId: need.queryId,
      credentialId: candidates[0]!.id,
      disclose: need.required,
    }));
  const answered = await answerPresentationRequest(
    wallet,
    read,
    choices,
    { now: NOW, randomBytes },
    declared,
  );
  if (!answered.ok) throw new Error(answered.detail);
  return answered.value.presentationResponse;
}

/** …and the desk's verdict on it. */
async function answer(
  read: ReadRequest,
  facts: Record<string, string | number | boolean>,
  withHousehold = false,
) {
  const sent = await present(read, facts, withHousehold);
  const verified = await verifyResponse(verifier, deps, {
    payload: encodePresentationResponse(sent),
    now: NOW,
  });
  if (!verified.ok) throw new Error(verified.detail.message);
  return { sent, verdict: verified.value };
}

describe('a request about a month: the partner income of that month', () => {
  it('Given the desk asks about September 2025, when the wallet reads the request, then it knows the month and answers September’s partner income, not the single answer', async () => {
    const read = await incomeRequest('2025-09');
    expect(read.request.period).toBe('2025-09');
    const facts = await readDeclaredFactsFor(wallet, read.request.period);
    expect(facts).toMatchObject({ ...FACTS, partnerNetIncomeCents: 30_000 });

    const { sent, verdict } = await answer(read, facts);
    expect(sent.declared?.partnerNetIncomeCents).toBe(30_000);
    expect(verdict.valid).toBe(true);
    expect(verdict.declared?.partnerNetIncomeCents).toBe(30_000);
    // The desk's rule runs on September with September's partner income, marked declared.
    expect(verdict.request?.month).toBe('2025-09');
    expect(verdict.benefit?.period).toBe('2025-09');
    const partner = verdict.benefit?.trace.find(
      (step) => step.input?.name === 'partnerNetIncomeCents',
    );
    expect(partner?.input).toEqual({
      name: 'partnerNetIncomeCents',
      value: 30_000,
      origin: 'declared',
    });
  });

  it('Given the desk asks about August 2025, when the wallet answers, then August’s partner income is sent', async () => {
    const read = await incomeRequest('2025-08');
    const facts = await readDeclaredFactsFor(wallet, read.request.period);
    expect(facts.partnerNetIncomeCents).toBe(70_000);
  });

  it('Given a request that names no month, when the wallet reads its facts, then it answers the single partner income, as before', async () => {
    const read = await incomeRequest();
    expect(read.request.period).toBeUndefined();
    const facts = await readDeclaredFactsFor(wallet, read.request.period);
    expect(facts.partnerNetIncomeCents).toBe(PARTNER_USUALLY);
  });

  it('Given a month with no answer of its own, when the wallet reads its facts, then the single answer stands in', async () => {
    expect((await readDeclaredFactsFor(wallet, '2025-07')).partnerNetIncomeCents).toBe(
      PARTNER_USUALLY,
    );
  });
});

describe('answers typed on the consent screen of a request about a month', () => {
  it('Given a request about October 2025, when the citizen types the partner income there, then it is saved as October’s answer and the others are kept', async () => {
    const other = await createHolderWallet(
      { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
      { mnemonic: ABANDON_ART, passcode: '804193', origin: 'restored' },
    );
    if (!other.ok) throw new Error(other.reason);
    await saveDeclaredFacts(other.value, FACTS, { now: NOW, monthly: PARTNER_BY_MONTH });
    const saved = await addDeclaredAnswers(
      other.value,
      { partnerNetIncomeCents: 45_000, exemption: 'none' },
      { period: '2025-10', now: NOW },
    );
    expect(saved.ok).toBe(true);
    const record = await readDeclaredFactsRecord(other.value);
    expect(record.facts.partnerNetIncomeCents).toBeUndefined();
    expect(record.facts.exemption).toBe('none');
    expect(record.monthly.partnerNetIncomeCents).toEqual({
      '2025-08': 70_000,
      '2025-09': 30_000,
      '2025-10': 45_000,
    });
  });

  it('Given no period, when the citizen types the partner income, then it is the single answer', async () => {
    const other = await createHolderWallet(
      { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
      { mnemonic: ABANDON_ART, passcode: '804193', origin: 'restored' },
    );
    if (!other.ok) throw new Error(other.reason);
    await saveDeclaredFacts(other.value, FACTS, { now: NOW });
    await addDeclaredAnswers(other.value, { partnerNetIncomeCents: 45_000 }, { now: NOW });
    const record = await readDeclaredFactsRecord(other.value);
    expect(record.facts.partnerNetIncomeCents).toBe(45_000);
    expect(record.monthly).toEqual({});
  });

  it('Given a period, when a per-month answer is not an amount, then it is refused naming the fact', async () => {
    const refused = await addDeclaredAnswers(
      wallet,
      { partnerNetIncomeCents: 'a lot' },
      { period: '2025-10', now: NOW },
    );
    expect(refused).toMatchObject({ ok: false, detail: { fact: 'partnerNetIncomeCents' } });
  });
});

describe('the household credential with the income supplement', () => {
  it('Given a wallet holding the household credential, when it reads the request, then it offers the credential as optional', async () => {
    const read = await incomeRequest('2025-09');
    expect(read.matches.map((match) => [match.need.queryId, match.optional ?? false])).toEqual([
      ['income-statement', false],
      ['household', true],
    ]);
  });

  it('Given the citizen leaves the household credential out, when the answer is verified, then it holds the income statement only and is valid', async () => {
    const read = await incomeRequest('2025-09');
    const facts = await readDeclaredFactsFor(wallet, read.request.period);
    const { sent, verdict } = await answer(read, facts);
    expect(Object.keys(sent.vpToken)).toEqual(['income-statement']);
    expect(verdict.valid).toBe(true);
  });

  it('Given the citizen adds the household credential, when the answer is verified, then both are valid and the rule takes the household from the municipality', async () => {
    const read = await incomeRequest('2025-09');
    const facts = await readDeclaredFactsFor(wallet, read.request.period);
    const { sent, verdict } = await answer(read, facts, true);
    expect(Object.keys(sent.vpToken)).toEqual(['income-statement', 'household']);
    expect(verdict.valid).toBe(true);
    const household = verdict.presentations.find((p) => p.queryId === 'household');
    expect(household?.result.claims).toEqual({
      household_type: 'couple',
      adult_co_residents: 1,
      valid_on: '2025-09-01',
    });
    const inputs = verdict.benefit?.trace.flatMap((step) => (step.input ? [step.input] : []));
    expect(inputs?.find((input) => input.name === 'household_type')).toEqual({
      name: 'household_type',
      value: 'couple',
      origin: 'credential',
    });
  });

  it('Given an answer that puts the income statement under the household query, when verified, then it is not valid: the household query asked for another type', async () => {
    const read = await incomeRequest('2025-09');
    const facts = await readDeclaredFactsFor(wallet, read.request.period);
    const sent = await present(read, facts, true);
    const swapped = encodePresentationResponse({
      ...sent,
      vpToken: { household: sent.vpToken['income-statement'] ?? [] },
    });
    const verified = await verifyResponse(verifier, deps, { payload: swapped, now: NOW });
    if (!verified.ok) throw new Error(verified.detail.message);
    expect(verified.value.valid).toBe(false);
    const check = verified.value.presentations[0]?.result.checks.find(
      (c) => c.name === 'requested-claims',
    );
    expect(check).toMatchObject({ ok: false, code: 'missing-claim' });
    expect(check?.message).toContain('urn:vouch:household:1');
  });
});
