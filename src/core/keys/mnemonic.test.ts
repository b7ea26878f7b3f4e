import { HDKey } from '@scure/bip32';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { Bip32Path } from '../brand.ts';
import vectors from './bip39-vectors.cases.json';
import { describeKey } from './hd.ts';
import {
  checkMnemonic,
  generateMnemonic,
  isWordInList,
  MNEMONIC_WORDS,
  mnemonicFromEntropy,
  mnemonicToSeed,
  suggestWords,
  WORDLIST,
} from './mnemonic.ts';

const MASTER = 'm' as Bip32Path;
const VALID_24 = vectors.cases.find((c) => c.mnemonic.split(' ').length === 24)!.mnemonic;

describe('BIP39 English vectors (trezor/python-mnemonic, passphrase "TREZOR")', () => {
  it.each(vectors.cases.map((c, i) => [i, c] as const))(
    'Given vector %i, when its entropy becomes a mnemonic and then a seed, then both match and so does the master key',
    async (_i, c) => {
      expect(mnemonicFromEntropy(hexToBytes(c.entropyHex))).toBe(c.mnemonic);
      const seed = await mnemonicToSeed(c.mnemonic, vectors.passphrase);
      expect(bytesToHex(seed)).toBe(c.seedHex);
      expect(HDKey.fromMasterSeed(seed).privateExtendedKey).toBe(c.masterXprv);
      expect(describeKey(seed, MASTER).xpub).toBe(
        HDKey.fromExtendedKey(c.masterXprv).publicExtendedKey,
      );
    },
  );

  it('Given the 24-word vectors, when checked, then each is accepted as is', () => {
    const long = vectors.cases.filter((c) => c.mnemonic.split(' ').length === 24);
    expect(long.length).toBeGreaterThan(0);
    for (const c of long)
      expect(checkMnemonic(c.mnemonic)).toEqual({ ok: true, value: c.mnemonic });
  });
});

describe('generateMnemonic', () => {
  it('Given nothing, when a mnemonic is generated, then it is 24 list words with a valid checksum and fresh each time', () => {
    const first = generateMnemonic();
    expect(first.split(' ')).toHaveLength(MNEMONIC_WORDS);
    expect(checkMnemonic(first)).toEqual({ ok: true, value: first });
    expect(generateMnemonic()).not.toBe(first);
  });
});

describe('checkMnemonic', () => {
  it('Given a valid mnemonic typed in mixed case with extra whitespace, when checked, then the normalised words come back', () => {
    const messy = `  ${VALID_24.toUpperCase().split(' ').join(' \n\t ')}  `;
    expect(checkMnemonic(messy)).toEqual({ ok: true, value: VALID_24 });
    expect(checkMnemonic(VALID_24.split(' '))).toEqual({ ok: true, value: VALID_24 });
  });

  it('Given two unknown words, when checked, then the first one is reported with its 0-based index', () => {
    const words = VALID_24.split(' ');
    words[3] = 'abandn';
    words[7] = 'zzzz';
    expect(checkMnemonic(words.join(' '))).toEqual({
      ok: false,
      reason: 'unknown-word',
      detail: { index: 3, word: 'abandn' },
    });
  });

  it('Given an unknown word in a mnemonic that is also too short, when checked, then the unknown word wins', () => {
    expect(checkMnemonic('abandon bogus')).toMatchObject({
      reason: 'unknown-word',
      detail: { index: 1, word: 'bogus' },
    });
  });

  it.each([
    ['12 words (a valid 12-word BIP39 mnemonic)', vectors.cases[0]!.mnemonic, 12],
    ['23 words', VALID_24.split(' ').slice(0, 23).join(' '), 23],
    ['25 words', `${VALID_24} abandon`, 25],
    ['nothing', '   ', 0],
  ])('Given %s, when checked, then it is the wrong length', (_name, text, count) => {
    expect(checkMnemonic(text)).toEqual({ ok: false, reason: 'wrong-length', detail: { count } });
  });

  it('Given 24 list words whose checksum is wrong, when checked, then it is a bad checksum', () => {
    const words = VALID_24.split(' ');
    words[23] = words[23] === 'abandon' ? 'ability' : 'abandon';
    expect(checkMnemonic(words)).toEqual({ ok: false, reason: 'bad-checksum' });
  });
});

describe('word list helpers', () => {
  it('Given the English list, when inspected, then it has 2048 words and looks words up in any case', () => {
    expect(WORDLIST).toHaveLength(2048);
    expect(isWordInList(' Zoo ')).toBe(true);
    expect(isWordInList('zooo')).toBe(false);
  });

  it('Given a prefix, when suggestions are asked, then list words with that prefix come back, at most the limit', () => {
    expect(suggestWords('aban')).toEqual(['abandon']);
    expect(suggestWords('ab')).toHaveLength(6);
    expect(suggestWords('AB', 2)).toEqual(['abandon', 'ability']);
    expect(suggestWords('')).toEqual([]);
    expect(suggestWords('xyz')).toEqual([]);
  });
});

describe('mnemonicToSeed normalisation', () => {
  it('Given a passphrase in composed and decomposed Unicode, when seeds are derived, then they are equal (NFKD)', async () => {
    const composed = await mnemonicToSeed(VALID_24, 'caf\u00e9');
    const decomposed = await mnemonicToSeed(VALID_24, 'cafe\u0301');
    expect(bytesToHex(composed)).toBe(bytesToHex(decomposed));
    expect(bytesToHex(composed)).not.toBe(bytesToHex(await mnemonicToSeed(VALID_24)));
  });
});
