// In-process runs of the issuer-side commands (runCli with captured output): usage errors and
// hostile inputs. The spawned end-to-end runs live in issuance-bin.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectOneLine, runCaptured } from './cli-harness.fake.ts';

const run = (...argv: string[]) => runCaptured(argv);

const dir = mkdtempSync(join(tmpdir(), 'vouch-cli-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
let issuer = '';
let list = '';

beforeAll(async () => {
  issuer = join(dir, 'issuer.json');
  list = join(dir, 'list.json');
  expect((await run('issuer', 'new', '--name', 'Desk', '--out', issuer)).code).toBe(0);
  expect(
    (
      await run(
        'status',
        'new',
        '--issuer',
        issuer,
        '--uri',
        'https://example.org/s/1',
        '--out',
        list,
      )
    ).code,
  ).toBe(0);
});

describe('issuer-side commands: usage errors (exit 2, one line)', () => {
  it.each([
    [['issuer', 'new', '--name', 'X', '--out', 'x.json', '--alg', 'RS256'], '--alg'],
    [['issuer', 'new', '--out', 'x.json'], 'missing required flag --name'],
    [
      ['issue', '--issuer', 'i.json', '--type', 'passport', '--holder-jwk', 'h', '--claims', 'c'],
      '--type',
    ],
    [['issue', '--issuer', 'i.json', '--type', 'diploma', '--claims', 'c'], '--holder-jwk'],
    [
      [
        'issue',
        '--issuer',
        'i.json',
        '--type',
        'diploma',
        '--holder-jwk',
        'h',
        '--claims',
        'c',
        '--expires',
        'soon',
      ],
      '--expires',
    ],
    [
      ['issue', '--issuer', 'i.json', '--type', 'diploma', '--batch', 'p.csv', '--out', 'o'],
      'income-statement only',
    ],
    [['issue', '--issuer', 'i.json', '--type', 'income-statement', '--batch', 'p.csv'], '--out'],
    [
      [
        'status',
        'new',
        '--issuer',
        'i.json',
        '--uri',
        'https://e.org/1',
        '--size',
        '99',
        '--out',
        'l.json',
      ],
      '--size',
    ],
    [['status', 'new', '--issuer', 'i.json', '--uri', 'ftp://e.org/1', '--out', 'l.json'], '--uri'],
    [['status', 'revoke', '--list', 'l.json', '--index', '-3'], '--index'],
    [['status', 'publish', '--list', 'l.json', '--issuer', 'i.json', '--ttl', '0'], '--ttl'],
    [['inspect'], 'missing argument <file>'],
    [['qr', 'encode', '--in', 'x'], '--out'],
  ])('Given %j, when run, then it exits 2 with one line naming %s', async (argv, text) => {
    const { code, stdout, stderr } = await run(...argv);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expectOneLine(stderr);
    expect(stderr).toContain(text);
  });
});

describe('hostile inputs never print a stack (exit 1, one line)', () => {
  const cases: Array<[string, () => string[]]> = [
    ['inspect of garbage', () => ['inspect', file('garbage.txt', 'hello\u0000world')]],
    [
      'inspect of binary bytes',
      () => ['inspect', file('bin.dat', new Uint8Array([0xff, 0xfe, 0x00, 0x80]))],
    ],
    [
      'inspect of a tampered SD-JWT',
      () => ['inspect', file('t.txt', 'eyJhbGciOiJFUzI1NiJ9.eyJ!.c2ln~WyJ~')],
    ],
    [
      'inspect of a JWS with alg none',
      () => ['inspect', file('n.txt', 'eyJhbGciOiJub25lIn0.e30.')],
    ],
    [
      'inspect of damaged VOUCH text',
      () => [
        'inspect',
        file('d.vouch', 'VOUCH1:VgEAAQEja-KW-CkpL0u9VGMDPWB45NVhTvcaJCWmpBkYpKBP-5rXAgB83cYK'),
      ],
    ],
    [
      'inspect of an oversized file',
      () => ['inspect', file('big.txt', 'A'.repeat(4 * 1024 * 1024 + 1))],
    ],
    ['inspect of a missing file', () => ['inspect', join(dir, 'nope.txt')]],
    ['inspect of a JSON that is not an offer', () => ['inspect', file('o.json', '{"type":"x"}')]],
    [
      'status revoke on a garbage list',
      () => ['status', 'revoke', '--list', file('bad-list.json', '{"uri":1}'), '--index', '3'],
    ],
    [
      'status revoke of an index outside the list',
      () => ['status', 'revoke', '--list', list, '--index', '100000'],
    ],
    [
      'status publish with a garbage issuer file',
      () => ['status', 'publish', '--list', list, '--issuer', file('bad-issuer.json', '[1,2]')],
    ],
    [
      'status new over an existing file',
      () => ['status', 'new', '--issuer', issuer, '--uri', 'https://e.org/1', '--out', list],
    ],
    [
      'issue with a private key as holder JWK',
      () => [
        'issue',
        '--issuer',
        issuer,
        '--type',
        'diploma',
        '--holder-jwk',
        file('h.json', '{"kty":"EC","crv":"P-256"}'),
        '--claims',
        file('c.json', '{}'),
      ],
    ],
  ];
  it.each(cases)(
    'Given %s, when run, then exit 1 with one line and nothing on stdout',
    async (_, argv) => {
      const { code, stdout, stderr } = await run(...argv());
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      expectOneLine(stderr);
    },
  );
});

describe('status revoke is safe to script', () => {
  it('Given an index this list never handed out, when revoked, then it is revoked with a note, marked used, and shows as revoked once published', async () => {
    const own = join(dir, 'list-revoke.json');
    expect(
      (
        await run(
          'status',
          'new',
          '--issuer',
          issuer,
          '--uri',
          'https://example.org/s/2',
          '--out',
          own,
        )
      ).code,
    ).toBe(0);
    const first = await run('status', 'revoke', '--list', own, '--index', '7');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ revoked: 7, total: 1 });
    expect(first.stderr).toMatch(/^vouch: note: index 7 was not handed out by this list file/);

    const again = await run('status', 'revoke', '--list', own, '--index', '7');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ revoked: 7, total: 1 });
    expect(again.stderr).toContain('already revoked');

    const { readFileSync } = await import('node:fs');
    const { parseStatusListFile, isStatusIndexRevoked } =
      await import('../core/status-list/index.ts');
    const parsed = parseStatusListFile(JSON.parse(readFileSync(own, 'utf8')));
    if (!parsed.ok) throw new Error('expected a list file');
    expect(isStatusIndexRevoked(parsed.value, 7)).toBe(true);
    expect(isStatusIndexRevoked(parsed.value, 8)).toBe(false);
  });
});
