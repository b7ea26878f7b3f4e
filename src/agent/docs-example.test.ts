// docs/agent.md's examples, run as written: each ```js block marked `<!-- docs-example: … -->` is
// written to a file in a fresh directory whose node_modules/vouch is this package (as after
// `npm install vouch`), and run by node against the built export (dist-node/agent.js, which the
// unit tests' global setup builds with scripts/build-node.mjs before any test). What they print and write is checked, so
// the page cannot drift from the code.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleClaims } from '../core/credentials/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../core/jose/index.ts';
import {
  credentialPath,
  describeKey,
  es256kSigner,
  mnemonicFromEntropy,
  mnemonicToSeed,
  relationshipPath,
  withPrivateKey,
} from '../core/keys/index.ts';
import { createPresentation } from '../core/presentation/index.ts';
import { verifySdJwtVc } from '../core/sd-jwt/index.ts';
import { signTrustList } from '../core/trust/index.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const crypto = nobleJwsCrypto({
  randomBytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
});
const MNEMONIC = mnemonicFromEntropy(Uint8Array.from({ length: 32 }, (_, i) => 31 * i + 5));
const AUDIENCE = 'https://velsen.example/verifier';

function examples(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of markdown.matchAll(/<!-- docs-example: (\w+) -->\s*```js\n([\s\S]*?)```/g)) {
    blocks.set(match[1]!, match[2]!);
  }
  return blocks;
}

function node(
  file: string,
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file], { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
        stdout,
        stderr,
      });
    });
  });
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vouch-agent-docs-'));
  await mkdir(join(dir, 'node_modules'));
  await symlink(REPO, join(dir, 'node_modules', 'vouch'), 'dir');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('docs/agent.md examples', () => {
  it('Given the issue and verify examples as written, when run with node against vouch/agent, then the back office issues valid income statements and the agency verifies one and computes the supplement', async () => {
    const blocks = examples(await readFile(join(REPO, 'docs/agent.md'), 'utf8'));
    expect([...blocks.keys()]).toEqual(['issue', 'verify']);

    // The employer's key file and two payroll rows, for wallets' relationship keys 0 and 1.
    const issuerFile = await createIssuerKeyFile(crypto, 'ES256');
    const seed = await mnemonicToSeed(MNEMONIC);
    const claims = {
      ...exampleClaims('income-statement'),
      period: '2024-07',
      net_wage_cents: 60000,
    };
    const rows = [0, 1].map((relationship) => ({
      file: `employee-${relationship}`,
      xpub: describeKey(seed, relationshipPath(relationship)).xpub,
      child: 3,
      claims: { ...claims, employee_name: `Employee ${relationship}` },
    }));
    await writeFile(join(dir, 'issuer.json'), JSON.stringify(issuerFile));
    await writeFile(join(dir, 'payroll.json'), JSON.stringify(rows));
    await writeFile(join(dir, 'issue.mjs'), blocks.get('issue')!);
    const issued = await node('issue.mjs', dir);
    expect(issued.stderr).toBe('');
    expect(issued.code).toBe(0);
    expect(issued.stdout).toBe('issued employee-0.sd-jwt\nissued employee-1.sd-jwt\n');
    for (const row of rows) {
      const credential = await readFile(join(dir, `${row.file}.sd-jwt`), 'utf8');
      const verified = await verifySdJwtVc(credential, { crypto, now: new Date() });
      if (!verified.ok) throw new Error(verified.detail.message);
      expect(verified.value).toMatchObject({
        vct: 'urn:vouch:income-statement:1',
        issuer: issuerFile.did,
        claims: row.claims,
      });
    }

    // The first employee's wallet shows period and net wage to the municipality.
    const nonce = 'n-docs-1';
    const presentation = await withPrivateKey(seed, credentialPath(0, 3), async (key) => {
      const sign = es256kSigner(key);
      try {
        return await createPresentation({
          credential: await readFile(join(dir, 'employee-0.sd-jwt'), 'utf8'),
          disclose: ['period', 'net_wage_cents'],
          audience: AUDIENCE,
          nonce,
          issuedAt: new Date(),
          holder: { alg: 'ES256K', sign },
        });
      } finally {
        sign.wipe();
      }
    });
    if (!presentation.ok) throw new Error(presentation.detail.message);
    const verifierKey = await createIssuerKeyFile(crypto, 'ES256');
    const trustList = await signTrustList({
      issuer: { did: verifierKey.did, alg: 'ES256', sign: issuerSigner(crypto, verifierKey) },
      name: 'Gemeente Velsen',
      entries: [
        { did: issuerFile.did, name: 'Rijdt Goed B.V.', vct: ['urn:vouch:income-statement:1'] },
      ],
      issuedAt: new Date(Date.now() - 60_000),
    });
    await writeFile(join(dir, 'presentation.txt'), presentation.value);
    await writeFile(join(dir, 'nonce.txt'), nonce);
    await writeFile(join(dir, 'trust-list.jwt'), trustList);
    await writeFile(join(dir, 'verify.mjs'), blocks.get('verify')!);
    const verified = await node('verify.mjs', dir);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    // shared/facts/benefits-nl.md §1: 1 Jul 2024 single norm excl. 1,243.03 − 600.00 = 643.03.
    // The claims come in the order the holder disclosed them (the presentation shuffles its
    // disclosures), so they are compared as an object.
    const [first, second, rest] = verified.stdout.split('\n');
    expect(first?.startsWith('valid ')).toBe(true);
    expect(JSON.parse(first?.slice('valid '.length) ?? '')).toEqual({
      period: '2024-07',
      net_wage_cents: 60000,
    });
    expect(second).toBe('eligible 64303');
    expect(rest).toBe('');
    // Two node processes that each load Veramo: seconds apiece, far more on a loaded machine.
  }, 180_000);
});
