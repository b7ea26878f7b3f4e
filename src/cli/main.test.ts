import { describe, expect, it } from 'vitest';
import type { CommandEntry, CommandSpec } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { runCaptured } from './cli-harness.fake.ts';

const run = (argv: string[], commands?: readonly CommandEntry[]) => runCaptured(argv, commands);

function expectOneLine(stderr: string, start: string): void {
  expect(stderr.startsWith(start)).toBe(true);
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().includes('\n')).toBe(false);
  expect(stderr).not.toContain('    at ');
}

describe('runCli usage errors (exit 2)', () => {
  it.each([
    [
      [],
      'vouch: missing command (commands: keys, issuer, status, qr, registration, backup, ledger, evidence, issue, inspect, present, verify, eligibility, serve, offer, request, result); run "vouch --help"',
    ],
    [['frobnicate'], 'vouch: unknown command "frobnicate"'],
    [
      ['keys'],
      'vouch: keys: missing command (commands: new, derive, holder); run "vouch keys --help"',
    ],
    [['keys', 'old'], 'vouch: keys: unknown command "old"'],
    [['keys', '--verbose'], 'vouch: keys: unknown flag "--verbose" before a command'],
    [
      ['keys', 'new', '--words', '12'],
      'vouch: keys new: unknown flag "--words" (it takes no flags); run "vouch keys new --help"',
    ],
    [['keys', 'new', 'extra'], 'vouch: keys new: unexpected argument "extra"'],
    [
      ['keys', 'derive'],
      'vouch: keys derive: missing required flag --mnemonic <words>; run "vouch keys derive --help"',
    ],
    [['keys', 'derive', '--mnemonic'], 'vouch: keys derive: flag --mnemonic needs a value'],
    [
      ['keys', 'derive', '--mnemonic', 'a', '--path', "m/0'/x"],
      `vouch: keys derive: --path: "path" step 2 ("x")`,
    ],
    [['help', 'keys', 'nope'], 'vouch: keys: unknown command "nope"'],
  ])('Given %j, when run, then exit 2 with one line %j', async (argv, start) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectOneLine(stderr, start);
  });
});

describe('runCli help (exit 0)', () => {
  it.each([
    [['--help']],
    [['help']],
    [['-h']],
    [['keys', '--help']],
    [['help', 'keys', 'derive']],
    [['keys', 'derive', '--mnemonic', 'x', '-h']],
    [['keys', 'new', '--help']],
  ])('Given %j, when run, then help is printed on stdout and nothing on stderr', async (argv) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Usage:');
    expect(stdout).toContain('Exit codes: 0 success, 1 failure');
  });

  it('Given keys derive --help, when run, then every declared flag and its default appear', async () => {
    const { stdout } = await run(['keys', 'derive', '--help']);
    expect(stdout).toContain(
      'vouch keys derive --mnemonic <words> [--passphrase <text>] [--path <bip32-path>]',
    );
    expect(stdout).toContain("(default: m/7467'/0', the wallet root)");
  });
});

describe('runCli failures (exit 1)', () => {
  const words =
    'legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth title';

  it.each([
    [
      words.replace('thank', 'thank,'),
      'vouch: invalid mnemonic: word 3 "thank," is not in the BIP39 English word list (did you mean "thank"?)',
    ],
    [
      words.replace('sausage', 'sausag'),
      'vouch: invalid mnemonic: word 6 "sausag" is not in the BIP39 English word list (did you mean "sausage"?)',
    ],
    [words.split(' ').slice(0, 12).join(' '), 'vouch: invalid mnemonic: expected 24 words, got 12'],
    [words.replace(/title$/, 'wave'), 'vouch: invalid mnemonic: the checksum does not match'],
  ])('Given mnemonic %j, when derived, then exit 1 with %j', async (mnemonic, start) => {
    const { code, stdout, stderr } = await run(['keys', 'derive', '--mnemonic', mnemonic]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expectOneLine(stderr, start);
  });

  it('Given a command that throws unexpectedly, when run, then exit 1 with "internal error" and no stack', async () => {
    const broken: CommandSpec = {
      path: ['keys', 'broken'],
      summary: 'throws',
      flags: [],
      run: () => {
        throw new TypeError('boom\n    at somewhere (file.ts:1:1)');
      },
    };
    const { code, stderr } = await run(['keys', 'broken'], [...COMMANDS, broken]);
    expect(code).toBe(1);
    expectOneLine(stderr, 'vouch: internal error: boom');
  });
});
