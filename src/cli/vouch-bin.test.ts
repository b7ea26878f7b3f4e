// Spawns the real `vouch` (node bin/vouch.mjs), as scripts will. Each spawn costs ~0.4 s, so the
// detailed cases live in main.test.ts (in-process); these check the wiring end to end.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HDKey } from '@scure/bip32';
import { describe, expect, it } from 'vitest';
import bip39 from '../core/keys/bip39-vectors.cases.json';
import {
  checkMnemonic,
  describeKey,
  mnemonicToSeed,
  WALLET_ROOT_PATH,
} from '../core/keys/index.ts';
import type { Bip32Path } from '../core/brand.ts';

const BIN = fileURLToPath(new URL('../../bin/vouch.mjs', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function vouch(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: REPO, timeout: 90_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

// A 24-word BIP39 vector (trezor/python-mnemonic), used with its passphrase "TREZOR".
const VECTOR = bip39.cases.find((c) => c.mnemonic.split(' ').length === 24)!;

describe('vouch (spawned)', { timeout: 120_000 }, () => {
  it('Given keys new, when run, then stdout is 24 valid words and a newline', async () => {
    const { code, stdout, stderr } = await vouch('keys', 'new');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^[a-z]+( [a-z]+){23}\n$/);
    expect(checkMnemonic(stdout).ok).toBe(true);
  });

  it('Given a BIP39 vector mnemonic, when keys derive runs with the default path, then it prints exactly the core result as one JSON line', async () => {
    const { code, stdout, stderr } = await vouch(
      'keys',
      'derive',
      '--mnemonic',
      VECTOR.mnemonic,
      '--passphrase',
      bip39.passphrase,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trimEnd().includes('\n')).toBe(false);
    const output = JSON.parse(stdout) as Record<string, string>;
    expect(Object.keys(output)).toEqual(['path', 'xpub', 'publicKeyHex', 'did']);
    const seed = await mnemonicToSeed(VECTOR.mnemonic, bip39.passphrase);
    expect(output).toEqual({ ...describeKey(seed, WALLET_ROOT_PATH) });
    expect(output['path']).toBe("m/7467'/0'");
    expect(output['did']).toMatch(/^did:key:zQ3s/);
  });

  it('Given --path m, when keys derive runs, then the xpub is the BIP32 master public key of the vector', async () => {
    const { code, stdout } = await vouch(
      'keys',
      'derive',
      '--mnemonic',
      VECTOR.mnemonic.toUpperCase(),
      '--passphrase',
      bip39.passphrase,
      '--path',
      'm',
    );
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as Record<string, string>;
    expect(output['path']).toBe('m');
    expect(output['xpub']).toBe(HDKey.fromExtendedKey(VECTOR.masterXprv).publicExtendedKey);
    const seed = await mnemonicToSeed(VECTOR.mnemonic, bip39.passphrase);
    expect(output['did']).toBe(describeKey(seed, 'm' as Bip32Path).did);
  });

  it('Given a mnemonic with a misspelt word, when keys derive runs, then exit 1, one line naming the word, nothing on stdout', async () => {
    const words = VECTOR.mnemonic.split(' ');
    words[4] = 'qqqq';
    const { code, stdout, stderr } = await vouch('keys', 'derive', '--mnemonic', words.join(' '));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'vouch: invalid mnemonic: word 5 "qqqq" is not in the BIP39 English word list\n',
    );
  });

  it('Given an unknown flag, when run, then exit 2 with one line, a --help hint and no stack trace', async () => {
    const { code, stdout, stderr } = await vouch('keys', 'derive', '--mnemonik', 'x');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'vouch: keys derive: unknown flag "--mnemonik" (flags: --mnemonic, --passphrase, --path); run "vouch keys derive --help"\n',
    );
    expect(stderr).not.toContain('    at ');
  });

  it('Given --help, when run, then exit 0 with help on stdout', async () => {
    const { code, stdout, stderr } = await vouch('--help');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('keys derive');
  });
});
