import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { createPresentation } from '../src/core/presentation/index.ts';
import type { Did } from '../src/core/brand.ts';
import { resolveDidKey } from '../src/core/did/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../src/core/jose/index.ts';
import { seededRandomBytes } from '../src/core/jose/random-bytes.fake.ts';
import { keyFingerprint, signTrustList } from '../src/core/trust/index.ts';
import { encodePresentationResponse } from '../src/core/protocol/response.ts';
import { encodeForText } from '../src/core/transport/index.ts';
import {
  issue,
  makeWorld,
  publishList,
  signerFor,
  type World,
} from '../src/core/verification/presentation-world.fake.ts';
import { VerifierPage } from './pages/verifier-page.ts';
import { expectNoViolations } from './support/axe.ts';
import { readRequestText } from './support/request-text.ts';
import { test } from './support/seed.ts';

/**
 * The verifier desk on its own: setup, templates and custom requests, trust lists made, signed,
 * exported and imported elsewhere, status lists, lock and unlock, and answers pasted as text
 * (made here with the core library standing in for a wallet; the two-browser flow is elsewhere).
 */

let work: string;
test.beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'vouch-verifier-e2e-'));
});
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A wallet's answer, as text, disclosing `disclose` of a fresh income statement. */
async function answerText(
  world: World,
  request: { nonce: string; clientId: string },
  disclose: string[],
  declared?: Record<string, string | number | boolean>,
  /** When the wallet made the answer (default: now). */
  at = new Date(),
): Promise<string> {
  const presentation = await createPresentation({
    credential: world.credential,
    disclose,
    audience: request.clientId,
    nonce: request.nonce,
    issuedAt: at,
    holder: signerFor(world.crypto, world.holder),
  });
  if (!presentation.ok) throw new Error(presentation.detail.message);
  const bytes = encodePresentationResponse({
    vpToken: { 'income-statement': [presentation.value] },
    ...(declared ? { declared } : {}),
  });
  return encodeForText('response', bytes);
}

async function freshWorld(claims?: Record<string, unknown>): Promise<World> {
  const world = await makeWorld('ES256', `e2e-${Date.now()}`);
  world.credential = await issue(world, {
    issuedAt: new Date(Date.now() - 86_400_000),
    expiresAt: new Date(Date.now() + 365 * 86_400_000),
    ...(claims ? { claims } : {}),
  });
  return world;
}

async function newDesk(page: Page, name: string): Promise<VerifierPage> {
  const desk = new VerifierPage(page);
  await desk.open();
  await desk.setUp(name);
  return desk;
}

test('Given a new verifier desk, when the clerk sets it up and shows template and custom requests, then each request has a QR code, text and a same-device link, and the screens are accessible', async ({
  page,
}) => {
  await page.goto('/verifier');
  await expectNoViolations(page, 'verifier setup');
  const desk = new VerifierPage(page);
  await desk.setUp('Gemeente Utrecht');
  const did = await desk.did();
  expect(did).toMatch(/^did:key:zDn/);
  await expect(page.getByText(`decentralized_identifier:${did}`)).toBeVisible();

  await desk.chooseTemplate('income-supplement', { month: '2026-09' });
  await expect(
    page.getByText('Income supplement (Participatiewet) for September 2026'),
  ).toBeVisible();
  await expectNoViolations(page, 'request form');
  const shown = await desk.showRequest();
  await expect(shown.code).toHaveAccessibleName(
    'Request for Income supplement (Participatiewet) for September 2026',
  );
  const request = readRequestText(shown.text);
  expect(request.clientId).toBe(`decentralized_identifier:${did}`);
  expect(request.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(shown.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#request=/);
  await expectNoViolations(page, 'request shown');

  await page.getByRole('button', { name: 'New request' }).click();
  await desk.customRequest({
    type: 'Diploma',
    claims: { Degree: 'Required', Grade: 'Optional' },
    purpose: 'Check of the degree for a teaching post',
  });
  const custom = await desk.showRequest();
  await expect(custom.code).toHaveAccessibleName(
    'Request for Check of the degree for a teaching post',
  );
  expect(readRequestText(custom.text).nonce).not.toBe(request.nonce);

  // Lock and unlock: the desk keeps its identity.
  await desk.lock();
  await desk.unlock('Gemeente Utrecht');
  expect(await desk.did()).toBe(did);
});

test('Given a desk, when the clerk picks each benefit template, then it shows its rule and the facts to declare, and its request (QR visible) names the rule and the facts', async ({
  page,
}) => {
  // A desk (docs/ux.md §Desks): after "Show request" the code and the answer scanner are both in
  // the first screen at 1280×900, the code at ≥ 5 px a module.
  await page.setViewportSize({ width: 1280, height: 900 });
  const desk = await newDesk(page, 'Gemeente Utrecht');
  const cases = [
    {
      template: 'income-supplement' as const,
      purpose: 'Income supplement (Participatiewet) for September 2025',
      rule: 'nl.participatiewet.aanvulling',
      declare: ['household', 'ageBand', 'assetsCents', 'exemption', 'partnerNetIncomeCents'],
    },
    {
      template: 'asbestos-tas' as const,
      purpose:
        'Asbestos victims’ compensation (TAS/TNS): your diagnosis and a few facts you declare',
      rule: 'nl.asbest.tas-tns',
      declare: ['exposure', 'yearsResidentNl', 'earlierPaymentCents', 'alive'],
    },
    {
      template: 'asbestos-afa' as const,
      purpose: 'Belgian Asbestos Fund (AFA): your diagnosis and a few facts you declare',
      rule: 'be.afa',
      declare: ['exposure', 'incapacityPoints'],
    },
  ];
  for (const { template, purpose, rule, declare } of cases) {
    await desk.chooseTemplate(
      template,
      template === 'income-supplement' ? { month: '2025-09' } : {},
    );
    await expect(page.getByText(purpose, { exact: true })).toBeVisible();
    await expect(page.getByText('The citizen declares')).toBeVisible();
    await expect(page.getByText('Benefit check on the answer')).toBeVisible();
    const shown = await desk.showRequest();
    await expect(shown.code).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('region', { name: 'Scan the answer' })).toBeInViewport();
    const side = Number((await shown.code.getAttribute('viewBox'))?.split(' ')[2]);
    const box = await shown.code.boundingBox();
    expect((box?.width ?? 0) / side).toBeGreaterThanOrEqual(4.99); // 5 px, give or take rounding
    await expect(shown.code).toHaveAccessibleName(`Request for ${purpose}`);
    const { vouch } = readRequestText(shown.text);
    expect(vouch.rule).toBe(rule);
    expect(vouch.declare).toEqual(declare);
  }
  await expectNoViolations(page, 'benefit request shown');
});

test('Given an income-supplement request for September 2025, when a valid answer with €800.00 net and declared facts is pasted, then the verdict shows the benefit check: likely eligible (no 2025 asset limit), €500.61, each input verified or declared, and the history keeps it', async ({
  page,
}) => {
  const world = await freshWorld({
    period: '2025-09',
    gross_wage_cents: 100_000,
    net_wage_cents: 80_000,
    employee_name: 'Jan Jansen',
    birth_date: '1985-04-12',
  });
  const desk = await newDesk(page, 'Gemeente Utrecht');
  await desk.addTrustedIssuer(world.issuer.did, 'Bakkerij de Vries B.V.', ['Income statement']);
  const statusFile = path.join(work, 'status.jwt');
  await writeFile(
    statusFile,
    await publishList(world, { issuedAt: new Date(Date.now() - 60_000) }),
  );
  await desk.importStatusList(statusFile);

  await desk.chooseTemplate('income-supplement', { month: '2025-09' });
  const shown = await desk.showRequest();
  const text = await answerText(world, readRequestText(shown.text), ['period', 'net_wage_cents'], {
    household: 'single',
    ageBand: '21-to-pension',
    assetsCents: 0,
    exemption: 'none',
  });
  const verdict = await desk.pasteResponse(text);
  expect(verdict.word).toBe('Valid');
  // The verdict arrives with focus on its word, in view; the benefit outcome follows it.
  await expect(desk.verdictWord()).toBeFocused();
  await expect(desk.verdictWord()).toBeInViewport();
  const benefit = await desk.benefitCheck();
  // Likely, not certain: no asset limit is published for 2025 (shared/facts/benefits-nl.md §1).
  expect(benefit.facts.Outcome).toBe(
    'Likely eligible: a condition is left to the body that decides (see the steps)',
  );
  expect(benefit.facts.Amount).toBe('€500.61');
  expect(benefit.steps.some((step) => step.includes('(verified)'))).toBe(true);
  expect(
    benefit.steps.some((step) => step.includes('(declared by the citizen, not verified)')),
  ).toBe(true);
  const declared = page.getByRole('region', { name: 'Declared by the citizen' });
  await expect(declared).toContainText('declared, not verified');
  await expectNoViolations(page, 'verdict with benefit check');

  await desk.tab('History').click();
  await expect(page.getByRole('cell', { name: /^Likely eligible: .*: €500\.61$/ })).toBeVisible();
});

test('Given a desk with a trusted issuer and its status list, when a wallet answer is pasted, then it is valid with only the disclosed claims, and the same answer again is a replay', async ({
  page,
}) => {
  const world = await freshWorld();
  const desk = await newDesk(page, 'Gemeente Utrecht');
  await desk.addTrustedIssuer(world.issuer.did, 'Bakkerij de Vries B.V.', ['Income statement']);
  const statusFile = path.join(work, 'status.jwt');
  await writeFile(
    statusFile,
    await publishList(world, { issuedAt: new Date(Date.now() - 60_000) }),
  );
  await desk.importStatusList(statusFile);

  await desk.chooseTemplate('income-supplement', { month: '2026-01' });
  const shown = await desk.showRequest();
  const text = await answerText(world, readRequestText(shown.text), ['period', 'net_wage_cents']);
  const verdict = await desk.pasteResponse(text);
  expect(verdict.word).toBe('Valid');
  expect(verdict.issuer).toContain('Issued by Bakkerij de Vries B.V.');
  expect(verdict.claims).toEqual({ Period: 'January 2026', 'Net wage': '€2,412.10' });
  expect(verdict.checks.every((check) => check.passed)).toBe(true);
  expect(verdict.status).toMatch(/^Not revoked\. Status list from .*(minute|second)/);
  await expectNoViolations(page, 'verdict');

  // The same answer once more: the nonce is spent.
  await desk.tab('Check an answer').click();
  const replay = await desk.pasteResponse(text);
  expect(replay.word).toBe('Not valid');
  expect(replay.checks).toContainEqual({
    passed: false,
    name: 'Answer to this request',
    reason: 'This answer was already used once: it is a replay.',
  });

  await desk.tab('History').click();
  await expect(page.getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Clear history' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Clear history' }).click();
  await expect(page.getByText('No answers checked yet.')).toBeVisible();
});

test('Given an issuer on no trust list and no status list, when its answer is pasted, then it is not valid: unknown issuer, not trusted', async ({
  page,
}) => {
  const world = await freshWorld();
  const desk = await newDesk(page, 'SVB Amsterdam');
  await desk.chooseTemplate('income-supplement', { month: '2026-01' });
  const shown = await desk.showRequest();
  const verdict = await desk.pasteResponse(
    await answerText(world, readRequestText(shown.text), ['period', 'net_wage_cents']),
  );
  expect(verdict.word).toBe('Not valid');
  expect(verdict.issuer).toBe('Unknown issuer — not trusted.');
  expect(verdict.checks).toContainEqual(
    expect.objectContaining({ passed: false, name: 'Trusted issuer' }),
  );
  expect(verdict.checks).toContainEqual(
    expect.objectContaining({ passed: false, name: 'Not revoked' }),
  );
});

/** The fingerprint words a publisher tells the clerk: computed from its DID, outside the desk. */
function wordsOf(did: string): string[] {
  const key = resolveDidKey(did);
  if (!key.ok) throw new Error(key.detail.message);
  return keyFingerprint(key.value).words;
}

test('Given a desk that signs its own trust list, when another desk in a fresh browser context imports it, then the clerk must confirm the signer’s words (Cancel imports nothing), and the next edition from the same signer imports without asking', async ({
  page,
  browser,
}) => {
  // Two desks (two passcode KDFs) and three imports: slow on a loaded machine.
  test.setTimeout(180_000);
  const desk = await newDesk(page, 'Gemeente Utrecht');
  const did = await desk.did();
  await desk.addTrustedIssuer(
    'did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169',
    'Acme Rides BV',
    ['Income statement'],
  );
  await expectNoViolations(page, 'trusted issuers');
  const signed = await desk.signOwnTrustList('Utrecht income desk');
  expect(signed.split('.')).toHaveLength(3);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the signed trust list' }).click();
  const file = path.join(work, 'trust-list.jwt');
  await (await download).saveAs(file);

  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const otherPage = await other.newPage();
    const otherDesk = await newDesk(otherPage, 'SVB Amsterdam');
    // Unknown signer: the words, and Cancel imports nothing.
    await otherDesk.startTrustListImport(file);
    expect(await otherDesk.signerWords()).toEqual(wordsOf(did));
    await expectNoViolations(otherPage, 'confirm the trust list signer');
    await otherDesk.cancelSigner();
    await expect(otherPage.getByText('No trust list imported yet.')).toBeVisible();
    await expect(otherPage.getByText('Acme Rides BV: Income statement')).toBeHidden();

    // Confirmed: imported, and the signer is listed as confirmed.
    const done = await otherDesk.importTrustList(file, { signerWords: wordsOf(did) });
    expect(done).toBe(`Imported “Utrecht income desk”, signed by ${did}.`);
    await expect(otherPage.getByText('Acme Rides BV: Income statement')).toBeVisible();
    await expect(
      otherPage
        .getByRole('region', { name: 'Confirmed signers' })
        .getByText(wordsOf(did).join(' ')),
    ).toBeVisible();

    // The next edition from the same (now confirmed) signer imports without the words step.
    await desk.addTrustedIssuer(
      'did:key:zDnaeWgbpcUat3VPa1GX8E5GQWjNbZb5tMENtBzLQ7qCnkG9X',
      'Hogeschool Zuid',
      ['Diploma'],
    );
    await desk.signOwnTrustList('Utrecht income desk');
    const nextDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the signed trust list' }).click();
    const nextFile = path.join(work, 'trust-list-2.jwt');
    await (await nextDownload).saveAs(nextFile);
    expect(await otherDesk.importTrustList(nextFile)).toBe(
      `Imported “Utrecht income desk”, signed by ${did}.`,
    );
    await expect(otherPage.getByText('Hogeschool Zuid: Diploma')).toBeVisible();
  } finally {
    await other.close();
  }
});

test('Given a trust list that expired, when the clerk imports it, then it is refused saying it expired, and nothing is imported', async ({
  page,
}) => {
  const crypto = nobleJwsCrypto({ randomBytes: seededRandomBytes(`e2e-expired-${Date.now()}`) });
  const publisher = await createIssuerKeyFile(crypto, 'ES256');
  const jwt = await signTrustList({
    issuer: {
      did: publisher.did as Did,
      alg: publisher.alg,
      sign: issuerSigner(crypto, publisher),
    },
    name: 'Ministerie SZW 2024',
    entries: [
      {
        did: 'did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169',
        name: 'Acme Rides BV',
        vct: ['urn:vouch:income-statement:1'],
      },
    ],
    issuedAt: new Date('2024-01-01T00:00:00Z'),
    expiresAt: new Date('2024-12-31T23:59:59Z'),
  });
  const file = path.join(work, 'expired-trust-list.jwt');
  await writeFile(file, jwt);

  const desk = await newDesk(page, 'SVB Amsterdam');
  const refused = await desk.importTrustListRefused(file);
  expect(refused).toMatch(
    /^This trust list expired on .*2024.*\. Ask its publisher for a current edition\.$/,
  );
  await expect(desk.signerCheck()).toBeHidden();
  await expect(page.getByText('No trust list imported yet.')).toBeVisible();
});

test('Given a trust list that was current at its import, when an answer of its issuer arrives after the list expired, then it is not valid and the verdict says the list expired', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const DAY = 86_400_000;
  const world = await freshWorld();
  const crypto = nobleJwsCrypto({ randomBytes: seededRandomBytes(`e2e-ministry-${Date.now()}`) });
  const ministry = await createIssuerKeyFile(crypto, 'EdDSA');
  const now = Date.now();
  const file = path.join(work, 'ministry-trust-list.jwt');
  await writeFile(
    file,
    await signTrustList({
      issuer: { did: ministry.did as Did, alg: ministry.alg, sign: issuerSigner(crypto, ministry) },
      name: 'Ministerie SZW',
      entries: [
        {
          did: world.issuer.did,
          name: 'Bakkerij de Vries B.V.',
          vct: ['urn:vouch:income-statement:1'],
        },
      ],
      issuedAt: new Date(now - DAY),
      expiresAt: new Date(now + DAY),
    }),
  );
  const desk = await newDesk(page, 'SVB Amsterdam');
  expect(await desk.importTrustList(file, { signerWords: wordsOf(ministry.did) })).toBe(
    `Imported “Ministerie SZW”, signed by ${ministry.did}.`,
  );

  // Two days later on the desk's clock: the list has expired since.
  const later = new Date(now + 2 * DAY);
  await page.clock.setFixedTime(later);
  const statusFile = path.join(work, 'status.jwt');
  await writeFile(
    statusFile,
    await publishList(world, { issuedAt: new Date(later.getTime() - 60_000) }),
  );
  await desk.importStatusList(statusFile);
  await desk.tab('Trusted issuers').click();
  await expect(
    page.getByText(/^This list expired on .*: its issuers are no longer trusted\.$/),
  ).toBeVisible();

  await desk.chooseTemplate('income-supplement', { month: '2026-01' });
  const shown = await desk.showRequest();
  const verdict = await desk.pasteResponse(
    await answerText(
      world,
      readRequestText(shown.text),
      ['period', 'net_wage_cents'],
      undefined,
      later,
    ),
  );
  expect(verdict.word).toBe('Not valid');
  expect(verdict.issuer).toBe('Unknown issuer — not trusted.');
  expect(verdict.checks).toContainEqual(
    expect.objectContaining({ passed: false, name: 'Trusted issuer' }),
  );
  await expect(
    page
      .getByRole('article')
      .first()
      .getByText(/^This issuer is only on the trust list “Ministerie SZW”, which expired on /),
  ).toBeVisible();
});

test('Given a response in the address (#response=…), when /verifier loads, then it leaves the address bar at once', async ({
  page,
}) => {
  await page.goto('/verifier#response=VOUCH-not-a-real-answer');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
});
