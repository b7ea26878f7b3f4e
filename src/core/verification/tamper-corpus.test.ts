// The tamper corpus through the core pipeline (issue 8 item 8): every case of
// tamper-corpus.cases.json, made by tamper-corpus.fake.ts from a valid presentation, is not valid
// and has a failed check with its code. The CLI and the browser run the same corpus
// (src/cli/tamper-corpus-cli.test.ts, e2e/tamper-corpus.spec.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyTrustList } from '../trust/verify-trust-list.ts';
import type { TrustList } from '../trust/trust-list.ts';
import type { VerifyPresentationOptions } from './check.ts';
import { NOW } from './presentation-world.fake.ts';
import table from './tamper-corpus.cases.json' with { type: 'json' };
import {
  buildTamperCorpus,
  CORPUS_REQUIRED_CLAIMS,
  CORPUS_STATUS_URI,
  makeCorpusWorld,
  validCorpusPresentation,
} from './tamper-corpus.fake.ts';
import type { CorpusWorld, TamperCase } from './tamper-corpus.fake.ts';
import { verifyPresentation } from './verify-presentation.ts';

interface Row {
  name: string;
  how: string;
  code: string;
  paths?: string[];
}
const ROWS = (table as { cases: Row[] }).cases;
const CTX = {
  now: NOW,
  audience: 'decentralized_identifier:did:key:zDnaeCorpusDesk',
  nonce: 'corpus-nonce-q6vS3kQm9ZbX1c2d',
};

let world: CorpusWorld;
let trustList: TrustList;
let corpus: Map<string, TamperCase>;

beforeAll(async () => {
  world = await makeCorpusWorld(NOW);
  const verified = await verifyTrustList(world.trustListJwt, { crypto: world.crypto, now: NOW });
  if (!verified.ok) throw new Error(verified.detail.message);
  trustList = verified.value;
  corpus = new Map((await buildTamperCorpus(world, CTX)).map((c) => [c.name, c]));
});

function options(replay = false): VerifyPresentationOptions {
  return {
    crypto: world.crypto,
    now: NOW,
    audience: CTX.audience,
    nonce: CTX.nonce,
    trustLists: [trustList],
    nonceAlreadyUsed: replay,
    statusList: (uri) =>
      uri === CORPUS_STATUS_URI ? { jwt: world.statusListJwt, fetchedAt: NOW } : undefined,
    requiredClaims: CORPUS_REQUIRED_CLAIMS,
  };
}

describe('the tamper corpus', () => {
  it('Given the table and the generator, when compared, then they hold the same 40+ names in the same order, each with a how and a code', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
    expect([...corpus.keys()]).toEqual(ROWS.map((row) => row.name));
    for (const row of ROWS) {
      expect(row.how.length, row.name).toBeGreaterThan(10);
      expect(row.code, row.name).toMatch(/^[a-z-]+$/);
    }
  });

  it('Given the valid presentation every case starts from, when verified, then it is valid (the control)', async () => {
    const verdict = await verifyPresentation(await validCorpusPresentation(world, CTX), options());
    expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
    expect(verdict.valid).toBe(true);
  });

  for (const row of ROWS.filter((r) => !r.paths || r.paths.includes('core'))) {
    it(`Given case "${row.name}" (${row.how}), when verified, then it is not valid with ${row.code}`, async () => {
      const tampered = corpus.get(row.name) as TamperCase;
      const verdict = await verifyPresentation(tampered.presentation, options(tampered.replay));
      expect(verdict.valid).toBe(false);
      expect(verdict.checks.filter((check) => !check.ok).map((check) => check.code)).toContain(
        row.code,
      );
      // Nothing withheld is ever shown, and nothing is shown from an unverified answer.
      if (row.code !== 'missing-claim' && row.code !== 'replayed') {
        for (const name of ['employee_name', 'birth_date', 'gross_wage_cents']) {
          expect(verdict.claims).not.toHaveProperty(name);
        }
      }
    });
  }
});
