import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { verifierEn } from '../src/app/i18n/verifier.en.ts';
import { utf8ToBytes } from '../src/core/encoding/index.ts';
import { encodePresentationResponse } from '../src/core/protocol/response.ts';
import { encodeForText } from '../src/core/transport/index.ts';
import table from '../src/core/verification/tamper-corpus.cases.json' with { type: 'json' };
import {
  buildTamperCorpus,
  makeCorpusWorld,
  validCorpusPresentation,
} from '../src/core/verification/tamper-corpus.fake.ts';
import { VerifierPage } from './pages/verifier-page.ts';
import { readRequestText } from './support/request-text.ts';
import { test } from './support/seed.ts';

/**
 * The tamper corpus in the verifier desk (issue 8 item 8): one desk in one page trusts the corpus
 * issuer and holds its status list; each case (made here for the desk's own request: its
 * client_id, its nonce, the real clock) is pasted as a wallet's answer, and the verdict must be
 * "Not valid" with a failed check whose reason is the desk's words for the case's code. Cases the
 * answer envelope itself refuses (not an SD-JWT's characters, or too large: OpenID4VP's vp_token
 * holds presentations only) must get the desk's "not a readable answer" instead — refused before
 * the pipeline, as they should be.
 */

interface Row {
  name: string;
  code: string;
  paths?: string[];
}
const ROWS = (table as { cases: Row[] }).cases;
const QUERY_ID = 'income-statement';
const PRESENTATION = /^[A-Za-z0-9_.~-]+$/;
const REFUSED = verifierEn['verifier.check.malformed'];

function reasonFor(code: string): string {
  const reason = (verifierEn as Record<string, string>)[`verifier.code.${code}`];
  if (reason === undefined) throw new Error(`no English words for code ${code}`);
  return reason;
}

/** The answer as text: a conformant envelope when the presentation fits one, else a raw one. */
function answerText(presentation: string): string {
  const bytes = PRESENTATION.test(presentation)
    ? encodePresentationResponse({ vpToken: { [QUERY_ID]: [presentation] } })
    : utf8ToBytes(JSON.stringify({ vp_token: { [QUERY_ID]: [presentation] } }));
  return encodeForText('response', bytes);
}

/** Pastes one answer; the failed checks' reasons of the verdict, or 'refused' when there is none. */
async function paste(page: Page, desk: VerifierPage, text: string): Promise<string[] | 'refused'> {
  const another = page.getByRole('button', { name: 'Check another answer' });
  if (await another.isVisible()) await another.click();
  const scanner = page.getByRole('region', { name: 'Scan the answer' }).last();
  await scanner.getByLabel('Paste the code as text').fill(text);
  await scanner.getByRole('button', { name: 'Read text' }).click();
  const refused = page.getByText(REFUSED);
  await expect(desk.verdictWord().or(refused)).toBeVisible({ timeout: 30_000 });
  if (await refused.isVisible()) return 'refused';
  const items = await page
    .getByRole('article')
    .first()
    .getByRole('list', { name: 'Checks' })
    .getByRole('listitem')
    .allInnerTexts();
  return items.filter((item) => item.trim().startsWith('✗')).map((item) => item.trim());
}

let work: string;
test.beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'vouch-corpus-e2e-'));
});
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

test('Given a desk that trusts the issuer and holds its status list, when every case of the tamper corpus is pasted as an answer to its request, then each is refused with its code, and the untampered answer is valid', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const now = new Date();
  const world = await makeCorpusWorld(now, `corpus-e2e-${now.getTime()}`);
  const desk = new VerifierPage(page);
  await desk.open();
  await desk.setUp('Gemeente Utrecht');
  await desk.addTrustedIssuer(world.issuer.did, 'Bakkerij de Vries B.V.', ['Income statement']);
  const statusFile = path.join(work, 'status.jwt');
  await writeFile(statusFile, world.statusListJwt);
  await desk.importStatusList(statusFile);
  await desk.chooseTemplate('income-supplement', { month: '2026-01' });
  const request = readRequestText((await desk.showRequest()).text);
  const ctx = { now, audience: request.clientId, nonce: request.nonce };
  const corpus = new Map((await buildTamperCorpus(world, ctx)).map((c) => [c.name, c]));
  await desk.tab('Check an answer').click();

  const resetText = answerText(
    (corpus.get('wrong-nonce') as { presentation: string }).presentation,
  );
  const rows = ROWS.filter((row) => !row.paths || row.paths.includes('browser'));
  expect(rows.length).toBeGreaterThanOrEqual(40);
  const outcomes: { name: string; expected: string; got: string[] | 'refused' }[] = [];
  // Every case but the replay first: the replay spends the request's nonce.
  for (const row of rows.filter((r) => r.name !== 'replay')) {
    const tampered = corpus.get(row.name);
    if (!tampered) throw new Error(`the generator has no case ${row.name}`);
    const fits = PRESENTATION.test(tampered.presentation);
    const got = await paste(page, desk, answerText(tampered.presentation));
    outcomes.push({ name: row.name, expected: fits ? reasonFor(row.code) : REFUSED, got });
    // A refusal stays on screen until a verdict replaces it: show one before the next case, so
    // that the next refusal is its own.
    if (got === 'refused') expect(await paste(page, desk, resetText)).not.toBe('refused');
  }
  // The control, then the replay: the same valid answer twice.
  const valid = answerText(await validCorpusPresentation(world, ctx));
  expect(await paste(page, desk, valid)).toEqual([]);
  await expect(desk.verdictWord()).toHaveText('Valid');
  outcomes.push({
    name: 'replay',
    expected: reasonFor('replayed'),
    got: await paste(page, desk, valid),
  });

  const wrong = outcomes.filter(({ expected, got }) =>
    expected === REFUSED
      ? got !== 'refused'
      : got === 'refused' || !got.some((r) => r.endsWith(expected)),
  );
  expect(wrong, JSON.stringify(wrong, null, 2)).toEqual([]);
  expect(outcomes.filter((o) => o.expected !== REFUSED).length).toBeGreaterThanOrEqual(40);
});
