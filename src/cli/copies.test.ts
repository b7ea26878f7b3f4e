// Issue 13 from the command line, in-process: `vouch issue --copies` and the offline
// `vouch offer --issuer` (the desk's path: each copy its own child key, salts and status index).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCredential } from '../core/holder/index.ts';
import type { HolderWallet } from '../core/holder/index.ts';
import { receiveCredentialOffer } from '../core/holder/receive.ts';
import { connect, jws, newDesk, newWallet, payslip } from '../core/issuer/desk-wallet.fake.ts';
import { deriveCredentialPublicKey, publicKeyToJwk } from '../core/keys/index.ts';
import { parseCredentialOffer } from '../core/protocol/index.ts';
import { verifySdJwtVc } from '../core/sd-jwt/index.ts';
import { parseStatusListFile, isStatusIndexRevoked } from '../core/status-list/index.ts';
import { decodeFromText } from '../core/transport/index.ts';
import type { ExtendedPublicKey } from '../core/brand.ts';
import { expectOneLine, runCaptured } from './cli-harness.fake.ts';

const run = (...argv: string[]) => runCaptured(argv);
const dir = mkdtempSync(join(tmpdir(), 'vouch-copies-'));
const issuer = join(dir, 'issuer.json');
const list = join(dir, 'list.json');
const claims = join(dir, 'claims.json');
let wallet: HolderWallet;
let xpub: ExtendedPublicKey;

beforeAll(async () => {
  expect((await run('issuer', 'new', '--name', 'Acme', '--out', issuer)).code).toBe(0);
  const uri = 'https://status.acme.example/1';
  expect((await run('status', 'new', '--issuer', issuer, '--uri', uri, '--out', list)).code).toBe(
    0,
  );
  writeFileSync(claims, JSON.stringify(payslip));
  wallet = await newWallet();
  xpub = (await connect(wallet, await newDesk())).xpub;
}, 60_000);

const readList = () => {
  const parsed = parseStatusListFile(JSON.parse(readFileSync(list, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.detail.message);
  return parsed.value;
};

describe('vouch issue --copies', () => {
  it('Given a relationship xpub, when 3 copies are issued from child 5, then 3 lines: each on its own child key, with its own status index and the same day as iat', async () => {
    const { code, stdout, stderr } = await run(
      ...['issue', '--issuer', issuer, '--type', 'income-statement', '--claims', claims],
      ...['--holder-xpub', xpub, '--child-index', '5', '--copies', '3', '--status-list', list],
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const verified = await Promise.all(
      lines.map((line) => verifySdJwtVc(line, { crypto: jws, now: new Date() })),
    );
    const indices = new Set<number>();
    for (const [i, result] of verified.entries()) {
      if (!result.ok) throw new Error(result.detail.message);
      expect(result.value.cnfJwk).toEqual(publicKeyToJwk(deriveCredentialPublicKey(xpub, 5 + i)));
      expect(result.value.claims).toMatchObject(payslip);
      expect(result.value.iat).toBe(verified[0]?.ok && verified[0].value.iat);
      expect((result.value.iat ?? 1) % 86_400).toBe(0);
      indices.add(result.value.status?.idx ?? -1);
    }
    expect(indices.size).toBe(3);
    // Spent in the list file (written before the copies were printed): never handed out again.
    const again = await run(
      ...['issue', '--issuer', issuer, '--type', 'income-statement', '--claims', claims],
      ...['--holder-xpub', xpub, '--child-index', '8', '--copies', '50', '--status-list', list],
    );
    expect(again.code).toBe(0);
    const later = again.stdout.trimEnd().split('\n');
    expect(later).toHaveLength(50);
    for (const line of later) {
      const result = await verifySdJwtVc(line, { crypto: jws, now: new Date() });
      expect(result.ok && indices.has(result.value.status?.idx ?? -1)).toBe(false);
    }
    expect(isStatusIndexRevoked(readList(), [...indices][0] as number)).toBe(false);
  });

  const withClaims = (...args: string[]) => ['--claims', claims, ...args];
  it.each([
    [
      withClaims('--holder-jwk', 'h.jwk', '--copies', '2'),
      /--copies 2 needs --holder-xpub.*has none/,
    ],
    [withClaims('--holder-did', 'did:key:zQ3s', '--copies', '2'), /--copies 2 needs --holder-xpub/],
    [
      withClaims('--holder-xpub', 'x', '--child-index', '0', '--copies', '0'),
      /--copies: expected .* 1 to 50/,
    ],
    [
      withClaims('--holder-xpub', 'x', '--child-index', '0', '--copies', '51'),
      /--copies: expected/,
    ],
    [
      withClaims('--holder-xpub', 'x', '--child-index', '0', '--copies', '2.5'),
      /--copies: expected/,
    ],
    [
      withClaims(
        '--holder-xpub',
        'x',
        '--child-index',
        '0',
        '--copies',
        '2',
        '--format',
        'jwt_vc_json',
      ),
      /VC-JWT is issued as one copy/,
    ],
    [
      withClaims('--holder-xpub', 'XPUB', '--child-index', '2147483647', '--copies', '2'),
      /--child-index: expected a whole number from 0 to 2147483646/,
    ],
    [
      ['--batch', 'p.csv', '--out', dir, '--copies', '2'],
      /--copies cannot be combined with --batch/,
    ],
  ])('Given %j, then a usage error (exit 2) that says why, one line', async (extra, message) => {
    // XPUB: the wallet's relationship xpub (known once the wallet exists).
    const given = extra.map((arg) => (arg === 'XPUB' ? xpub : arg));
    const { code, stdout, stderr } = await run(
      ...['issue', '--issuer', issuer, '--type', 'income-statement'],
      ...given,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectOneLine(stderr);
    expect(stderr).toMatch(message);
  });

  it('Given --copies 1 and a bare holder key, then one credential as before', async () => {
    const jwk = join(dir, 'holder.jwk');
    writeFileSync(jwk, JSON.stringify(publicKeyToJwk(deriveCredentialPublicKey(xpub, 99))));
    const { code, stdout } = await run(
      ...['issue', '--issuer', issuer, '--type', 'income-statement', '--claims', claims],
      ...['--holder-jwk', jwk, '--copies', '1'],
    );
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('vouch offer --issuer (offline, copies)', () => {
  it('Given a relationship xpub, when an offline offer is made, then it is one line of .vouch text holding a v2 offer of 10 copies that the wallet keeps as one credential', async () => {
    const { code, stdout, stderr } = await run(
      ...['offer', '--issuer', issuer, '--type', 'income-statement', '--claims', claims],
      ...['--holder-xpub', xpub, '--child-index', '100', '--status-list', list],
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.endsWith('\n') && stdout.indexOf('\n') === stdout.length - 1).toBe(true);
    const decoded = decodeFromText(stdout.trim(), { accept: ['offer'] });
    if (!decoded.ok) throw new Error(decoded.detail.message);
    const offer = parseCredentialOffer(decoded.value.payload);
    if (!offer.ok) throw new Error(offer.detail.message);
    expect(offer.value.version).toBe(2);
    expect(offer.value.copies.map((copy) => copy.childIndex)).toEqual(
      Array.from({ length: 10 }, (_, i) => 100 + i),
    );
    const received = await receiveCredentialOffer(wallet, decoded.value.payload, {
      crypto: jws,
      now: new Date(),
    });
    if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
    expect((await readCredential(wallet, received.value.id))?.copies).toHaveLength(10);
  });

  it('Given --copies 1, then a v1 offer of one credential', async () => {
    const { code, stdout } = await run(
      ...['offer', '--issuer', issuer, '--type', 'income-statement', '--claims', claims],
      ...['--holder-xpub', xpub, '--child-index', '200', '--copies', '1'],
    );
    expect(code).toBe(0);
    const decoded = decodeFromText(stdout.trim(), { accept: ['offer'] });
    if (!decoded.ok) throw new Error(decoded.detail.message);
    const offer = parseCredentialOffer(decoded.value.payload);
    expect(offer.ok && offer.value.version === 1 && offer.value.childIndex).toBe(200);
  });

  it.each([
    [
      ['--server', 'https://vouch.example.org', '--copies', '3'],
      /--copies is for an offline offer/,
    ],
    [['--issuer', 'i.json', '--server', 'https://vouch.example.org'], /not both/],
    [[], /missing required flag --server/],
    [['--issuer', 'i.json', '--holder-xpub', 'x', '--child-index', '0', '--tx-code'], /online/],
    [['--issuer', 'i.json', '--child-index', '0'], /--holder-xpub/],
    [
      ['--issuer', 'i.json', '--holder-xpub', 'x', '--child-index', '0', '--copies', '60'],
      /1 to 50/,
    ],
  ])('Given %j, then a usage error (exit 2), one line', async (extra, message) => {
    const { code, stdout, stderr } = await run(
      ...['offer', '--type', 'income-statement', '--claims', claims],
      ...extra,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectOneLine(stderr);
    expect(stderr).toMatch(message);
  });
});
