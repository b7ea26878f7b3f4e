// The built `vouch` as scripts run it (node bin/vouch.mjs → dist-node), spawned only to check
// the wiring: help, the exit codes 0/1/2 with one line on stderr, and the bundle's run-time
// dependencies (qrcode, pngjs, jsqr) through a QR round trip. The spawns run side by side. Every
// other CLI test runs the same main function in-process (cli-harness.fake.ts), which is what the
// key derivation cases below do.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { runCaptured, type CapturedRun } from './cli-harness.fake.ts';

const BIN = fileURLToPath(new URL('../../bin/vouch.mjs', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The real `vouch`, spawned; stdout is kept as bytes for the QR round trip. */
function spawned(...args: string[]): Promise<CapturedRun & { bytes: Buffer }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: REPO, timeout: 90_000, encoding: 'buffer' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: stdout.toString(), stderr: stderr.toString(), bytes: stdout });
      },
    );
  });
}

const vouch = (...args: string[]) => runCaptured(args);

// A 24-word BIP39 vector (trezor/python-mnemonic), used with its passphrase "TREZOR".
const VECTOR = bip39.cases.find((c) => c.mnemonic.split(' ').length === 24)!;

describe('vouch keys (in-process)', () => {
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
});

describe('vouch (spawned)', { timeout: 120_000, concurrent: true }, () => {
  it('Given a mnemonic with a misspelt word, when keys derive runs, then exit 1, one line naming the word, nothing on stdout', async () => {
    const words = VECTOR.mnemonic.split(' ');
    words[4] = 'qqqq';
    const { code, stdout, stderr } = await spawned('keys', 'derive', '--mnemonic', words.join(' '));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'vouch: invalid mnemonic: word 5 "qqqq" is not in the BIP39 English word list\n',
    );
  });

  it('Given an unknown flag, when run, then exit 2 with one line, a --help hint and no stack trace', async () => {
    const { code, stdout, stderr } = await spawned('keys', 'derive', '--mnemonik', 'x');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'vouch: keys derive: unknown flag "--mnemonik" (flags: --mnemonic, --passphrase, --path); run "vouch keys derive --help"\n',
    );
    expect(stderr).not.toContain('    at ');
  });

  it('Given --help, when run, then exit 0 with help on stdout', async () => {
    const { code, stdout, stderr } = await spawned('--help');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('keys derive');
  });

  it('Given a text file, when qr encode then qr decode run, then stdout is the file byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vouch-bin-qr-'));
    try {
      const text = 'Vouch — één QR, exact.\n';
      await writeFile(join(dir, 'note.txt'), text);
      const encoded = await spawned(
        'qr',
        'encode',
        '--in',
        join(dir, 'note.txt'),
        '--out',
        join(dir, 'note.png'),
      );
      expect({ code: encoded.code, stderr: encoded.stderr }).toEqual({ code: 0, stderr: '' });
      const decoded = await spawned('qr', 'decode', '--in', join(dir, 'note.png'));
      expect(decoded.code).toBe(0);
      expect(decoded.bytes).toEqual(await readFile(join(dir, 'note.txt')));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
