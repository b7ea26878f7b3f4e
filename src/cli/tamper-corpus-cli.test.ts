// The tamper corpus through `vouch verify` (issue 8 item 8), in-process (cli-harness.fake.ts):
// every case the CLI can take (tamper-corpus.cases.json "paths") exits 1 with a JSON verdict
// that is not valid and has a failed check with the case's code. The CLI is stateless (no
// replay state) and has no required claims, so those two cases run in core and the browser only.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utf8ToBytes } from '../core/encoding/utf8.ts';
import { NOW } from '../core/verification/presentation-world.fake.ts';
import table from '../core/verification/tamper-corpus.cases.json' with { type: 'json' };
import {
  buildTamperCorpus,
  makeCorpusWorld,
  validCorpusPresentation,
} from '../core/verification/tamper-corpus.fake.ts';
import type { TamperCase } from '../core/verification/tamper-corpus.fake.ts';
import { runCaptured } from './cli-harness.fake.ts';

interface Row {
  name: string;
  how: string;
  code: string;
  paths?: string[];
}
const ROWS = (table as { cases: Row[] }).cases.filter((r) => !r.paths || r.paths.includes('cli'));
const CTX = {
  now: NOW,
  audience: 'decentralized_identifier:did:key:zDnaeCorpusDesk',
  nonce: 'corpus-nonce-q6vS3kQm9ZbX1c2d',
};

let work: string;
let corpus: Map<string, TamperCase>;
let valid: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'vouch-corpus-cli-'));
  const world = await makeCorpusWorld(NOW);
  await writeFile(join(work, 'trust.jwt'), world.trustListJwt);
  await writeFile(join(work, 'status.jwt'), world.statusListJwt);
  corpus = new Map((await buildTamperCorpus(world, CTX)).map((c) => [c.name, c]));
  valid = await validCorpusPresentation(world, CTX);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function verify(file: string) {
  const run = await runCaptured([
    'verify',
    '--presentation',
    file,
    '--aud',
    CTX.audience,
    '--nonce',
    CTX.nonce,
    '--trust',
    join(work, 'trust.jwt'),
    '--status-list',
    join(work, 'status.jwt'),
    '--now',
    NOW.toISOString(),
  ]);
  const verdict = JSON.parse(run.stdout) as {
    valid: boolean;
    checks: { ok: boolean; code: string }[];
  };
  return { ...run, verdict };
}

describe('vouch verify on the tamper corpus', () => {
  it('Given the valid presentation the corpus starts from, when verified by the CLI, then it exits 0 with a valid verdict (the control)', async () => {
    const file = join(work, 'valid.txt');
    await writeFile(file, valid);
    const { code, verdict, stderr } = await verify(file);
    expect(stderr).toBe('');
    expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
    expect(code).toBe(0);
  });

  it('Given the table, when filtered for the CLI, then at least 40 cases remain', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
  });

  for (const row of ROWS) {
    it(`Given case "${row.name}", when \`vouch verify\` reads it from a file, then it exits 1 and the JSON verdict has ${row.code}`, async () => {
      const tampered = corpus.get(row.name) as TamperCase;
      const file = join(work, `${row.name}.txt`);
      await writeFile(file, tampered.fileBytes ?? utf8ToBytes(tampered.presentation));
      const { code, verdict, stderr } = await verify(file);
      expect(stderr).not.toContain('    at ');
      expect(code).toBe(1);
      expect(verdict.valid).toBe(false);
      expect(verdict.checks.filter((check) => !check.ok).map((check) => check.code)).toContain(
        row.code,
      );
    });
  }
});
