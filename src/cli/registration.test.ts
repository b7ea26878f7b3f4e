// `vouch registration issue|verify`: a registration authority's key file signs a certificate for a
// verifier DID; verify reads it back, as the wallet would (trusted authorities, dates, signature).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIssuerKeyFile } from '../core/jose/index.ts';
import { jwsCrypto } from './shared/runtime.ts';
import { expectOneLine, runCaptured } from './cli-harness.fake.ts';

let dir: string;
let keyPath: string;
let authorityDid: string;
let verifierDid: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vouch-registration-'));
  const authority = await createIssuerKeyFile(jwsCrypto(), 'ES256');
  authorityDid = authority.did;
  keyPath = join(dir, 'authority.json');
  await writeFile(keyPath, JSON.stringify(authority));
  verifierDid = (await createIssuerKeyFile(jwsCrypto(), 'ES256')).did;
});

describe('vouch registration', () => {
  it('Given an authority key file, when a certificate is issued and verified, then it names the verifier, the name per language and the authority', async () => {
    const out = join(dir, 'utrecht.rc.jwt');
    const issued = await runCaptured([
      'registration',
      'issue',
      '--key',
      keyPath,
      '--verifier',
      verifierDid,
      '--name',
      'Gemeente Utrecht',
      '--name-en',
      'Municipality of Utrecht',
      '--days',
      '30',
      '--out',
      out,
    ]);
    expect(issued.stderr).toBe('');
    expect(issued.code).toBe(0);
    expect((await readFile(out, 'utf8')).split('.')).toHaveLength(3);
    const verified = await runCaptured([
      'registration',
      'verify',
      out,
      '--authority',
      authorityDid,
    ]);
    expect(verified.code).toBe(0);
    const json = JSON.parse(verified.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      valid: true,
      authority: authorityDid,
      verifier: verifierDid,
      name: { nl: 'Gemeente Utrecht', en: 'Municipality of Utrecht' },
    });
    expect((json.exp as number) - (json.iat as number)).toBe(30 * 86_400);
    // An authority the reader does not trust: not valid, exit 1.
    const untrusted = await runCaptured([
      'registration',
      'verify',
      out,
      '--authority',
      verifierDid,
    ]);
    expect(untrusted.code).toBe(1);
    expect(JSON.parse(untrusted.stdout)).toMatchObject({
      valid: false,
      problem: 'untrusted-authority',
    });
  });

  it('Given a tampered certificate or garbage, when verified, then exit 1 with the problem named, no stack', async () => {
    const issued = await runCaptured([
      'registration',
      'issue',
      '--key',
      keyPath,
      '--verifier',
      verifierDid,
      '--name',
      'SVB',
    ]);
    const [header, payload, signature] = issued.stdout.trim().split('.') as [
      string,
      string,
      string,
    ];
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    body.name = 'Belastingdienst';
    const tampered = join(dir, 'tampered.jwt');
    await writeFile(
      tampered,
      `${header}.${Buffer.from(JSON.stringify(body)).toString('base64url')}.${signature}`,
    );
    const bad = await runCaptured(['registration', 'verify', tampered]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, problem: 'bad-signature' });
    const garbage = join(dir, 'garbage.jwt');
    await writeFile(garbage, 'not a certificate');
    expect(
      JSON.parse((await runCaptured(['registration', 'verify', garbage])).stdout),
    ).toMatchObject({
      problem: 'malformed',
    });
    const big = join(dir, 'big.jwt');
    await writeFile(big, 'x'.repeat(100_000));
    const oversized = await runCaptured(['registration', 'verify', big]);
    expect(oversized.code).toBe(1);
    expectOneLine(oversized.stderr);
  });

  it.each([
    [['--days', '0'], '--days'],
    [['--days', 'many'], '--days'],
    [['--verifier', 'https://not-a-did.example'], 'DID'],
  ])('Given %j, when issuing, then a usage error (exit 2) names it', async (extra, named) => {
    const flags = ['--key', keyPath, '--verifier', verifierDid, '--name', 'X'];
    const index = flags.indexOf(extra[0] as string);
    if (index >= 0) flags.splice(index, 2);
    const run = await runCaptured(['registration', 'issue', ...flags, ...extra]);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr);
    expect(run.stderr).toContain(named);
  });
});
