/**
 * BIP39 mnemonics, English word list only (https://github.com/bitcoin/bips/blob/master/bip-0039.mediawiki).
 * The 24 words are the one secret the citizen writes down; the seed is PBKDF2-HMAC-SHA512 over the
 * NFKD-normalised words, salted with "mnemonic" + the NFKD-normalised passphrase (BIP39 "From
 * mnemonic to seed").
 */
import {
  entropyToMnemonic,
  generateMnemonic as scureGenerateMnemonic,
  mnemonicToSeed as scureMnemonicToSeed,
  validateMnemonic,
} from '@scure/bip39';
import { wordlist as englishWordlist } from '@scure/bip39/wordlists/english.js';
import { failed, failedWith, ok } from '../result.ts';
import type { Failed, Ok } from '../result.ts';

/** Vouch mnemonics are always 24 words: 256 bits of entropy + an 8-bit checksum. */
export const MNEMONIC_WORDS = 24;
const ENTROPY_BITS = 256;

/** The BIP39 English word list: 2048 words, sorted, unique in their first four letters. */
export const WORDLIST: readonly string[] = Object.freeze([...englishWordlist]);
const WORD_SET: ReadonlySet<string> = new Set(WORDLIST);

export type MnemonicProblem =
  | Failed<'wrong-length', { count: number }>
  | Failed<'unknown-word', { index: number; word: string }>
  | Failed<'bad-checksum'>;

/** A fresh 24-word mnemonic from 256 bits of CSPRNG entropy. */
export function generateMnemonic(): string {
  return scureGenerateMnemonic(englishWordlist, ENTROPY_BITS);
}

/**
 * The mnemonic for given entropy (16–32 bytes; Vouch uses 32). For fixtures and tests: wallets use
 * `generateMnemonic`. The entropy is only read.
 */
export function mnemonicFromEntropy(entropy: Uint8Array): string {
  return entropyToMnemonic(entropy, englishWordlist);
}

/** NFKD, lower case, words split on any run of whitespace. */
function splitWords(words: string | readonly string[]): string[] {
  const text = typeof words === 'string' ? words : words.join(' ');
  return text
    .normalize('NFKD')
    .toLowerCase()
    .split(/\s+/u)
    .filter((word) => word.length > 0);
}

/**
 * Checks a mnemonic the way a person typed it (any case, any whitespace) and returns it normalised
 * ("w1 w2 … w24", NFKD, lower case, single spaces), ready for `mnemonicToSeed`.
 * Problems are reported in this order: the first unknown word (0-based index), then the word
 * count, then the checksum.
 */
export function checkMnemonic(words: string | readonly string[]): Ok<string> | MnemonicProblem {
  const list = splitWords(words);
  const unknown = list.findIndex((word) => !WORD_SET.has(word));
  if (unknown !== -1) {
    return failedWith('unknown-word', { index: unknown, word: list[unknown] ?? '' });
  }
  if (list.length !== MNEMONIC_WORDS) {
    return failedWith('wrong-length', { count: list.length });
  }
  const normalised = list.join(' ');
  if (!validateMnemonic(normalised, englishWordlist)) {
    return failed('bad-checksum');
  }
  return ok(normalised);
}

/** Whether one word (any case, surrounding whitespace ignored) is in the English word list. */
export function isWordInList(word: string): boolean {
  return WORD_SET.has(word.normalize('NFKD').trim().toLowerCase());
}

/** Word-list entries that start with `prefix`, in list order, at most `limit` (default 6). */
export function suggestWords(prefix: string, limit = 6): string[] {
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new RangeError(`"limit" expected a non-negative integer, got ${String(limit)}`);
  }
  const start = prefix.normalize('NFKD').trim().toLowerCase();
  if (start.length === 0 || limit === 0) return [];
  const matches: string[] = [];
  for (const word of WORDLIST) {
    if (word.startsWith(start)) {
      matches.push(word);
      if (matches.length === limit) break;
    }
  }
  return matches;
}

/**
 * The 64-byte BIP39 seed. Pass the value returned by `checkMnemonic` (this function does not
 * re-check words or checksum; it throws only if the text is not 12/15/18/21/24 words separated
 * by single spaces, a programming error). Both the mnemonic and the passphrase are NFKD-normalised
 * here; the passphrase is used exactly otherwise (case and spaces matter). The caller owns the returned buffer and should `fill(0)` it when done.
 */
export async function mnemonicToSeed(mnemonic: string, passphrase = ''): Promise<Uint8Array> {
  return scureMnemonicToSeed(mnemonic.normalize('NFKD'), passphrase.normalize('NFKD'));
}
