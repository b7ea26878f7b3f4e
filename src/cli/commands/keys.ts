/** `vouch keys new` and `vouch keys derive`: the BIP39/BIP32 wallet keys (docs/keys.md). */
import {
  checkMnemonic,
  describeKey,
  generateMnemonic,
  MNEMONIC_WORDS,
  mnemonicToSeed,
  parseBip32Path,
  privateKeyToJwk,
  suggestWords,
  WALLET_ROOT_PATH,
} from '../../core/keys/index.ts';
import type { MnemonicProblem } from '../../core/keys/index.ts';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { writeNewFile } from '../../platform/node/files.ts';
import { CommandFailure, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec } from '../command.ts';

export const keysNew: CommandSpec = {
  path: ['keys', 'new'],
  summary: `Print a fresh ${MNEMONIC_WORDS}-word BIP39 mnemonic.`,
  description: [
    `Prints ${MNEMONIC_WORDS} English words (256 bits of entropy) and a newline on stdout.`,
    'Anyone who has these words has the wallet: write them down, do not store them in clear.',
  ].join('\n'),
  flags: [],
  examples: ['vouch keys new > words.txt'],
  run({ io }) {
    io.stdout(`${generateMnemonic()}\n`);
    return EXIT_OK;
  },
};

export const keysDerive: CommandSpec = {
  path: ['keys', 'derive'],
  summary: 'Print the public key, xpub and did:key at a BIP32 path.',
  description: [
    'Prints one line of JSON: {"path","xpub","publicKeyHex","did"}, in that order.',
    'Nothing private is printed. With the default path this is the wallet root, whose did:key is',
    "the wallet's own identity.",
  ].join('\n'),
  flags: [
    {
      name: 'mnemonic',
      kind: 'string',
      valueName: 'words',
      required: true,
      description: `The ${MNEMONIC_WORDS} words, quoted as one argument; any case and spacing.`,
    },
    {
      name: 'passphrase',
      kind: 'string',
      valueName: 'text',
      description: 'BIP39 passphrase; used exactly as given (after NFKD).',
      defaultText: 'none',
    },
    {
      name: 'path',
      kind: 'string',
      valueName: 'bip32-path',
      description: "BIP32 path, e.g. m/7467'/0'/3' (h or H also mark hardened steps).",
      defaultText: `${WALLET_ROOT_PATH}, the wallet root`,
    },
  ],
  examples: [
    'vouch keys derive --mnemonic "$(cat words.txt)"',
    `vouch keys derive --mnemonic "$(cat words.txt)" --path "m/7467'/0'/0'"`,
  ],
  async run({ flags, io }) {
    const path = parseBip32Path(flags.string('path') ?? WALLET_ROOT_PATH);
    if (!path.ok) throw new UsageError(`--path: ${path.detail.message}`, keysDerive.path);
    const mnemonic = checkMnemonic(flags.string('mnemonic') ?? '');
    if (!mnemonic.ok) throw new CommandFailure(`invalid mnemonic: ${describeProblem(mnemonic)}`);
    const seed = await mnemonicToSeed(mnemonic.value, flags.string('passphrase') ?? '');
    try {
      const { path: derivedPath, xpub, publicKeyHex, did } = describeKey(seed, path.value);
      // Key order is part of the output contract (docs/cli.md): scripts depend on it.
      io.stdout(`${JSON.stringify({ path: derivedPath, xpub, publicKeyHex, did })}\n`);
    } finally {
      seed.fill(0);
    }
    return EXIT_OK;
  },
};

/** One line for a person: word positions count from 1 here (core reports 0-based indices). */
export function describeProblem(problem: MnemonicProblem): string {
  switch (problem.reason) {
    case 'unknown-word': {
      const { index, word } = problem.detail;
      const guesses = suggestWords(word.slice(0, 4), 3);
      const hint =
        guesses.length > 0 ? ` (did you mean ${guesses.map((g) => `"${g}"`).join(' or ')}?)` : '';
      return `word ${index + 1} ${JSON.stringify(word)} is not in the BIP39 English word list${hint}`;
    }
    case 'wrong-length':
      return `expected ${MNEMONIC_WORDS} words, got ${problem.detail.count}`;
    case 'bad-checksum':
      return `the checksum does not match: a word is wrong or the words are out of order`;
  }
}

export const keysHolder: CommandSpec = {
  path: ['keys', 'holder'],
  summary: 'Make a holder key: a private JWK file, its public JWK on stdout.',
  description: [
    'Writes a fresh secp256k1 private JWK (mode 0600) to --out and prints its public JWK as one',
    'line of JSON: give that to an issuer (`vouch issue --holder-jwk`), keep the file to present',
    "(`vouch present --holder-jwk`). A wallet's own keys come from its words (`keys new`,",
    '`keys derive`); this is a single key for scripts and tries. Never replaces a file without',
    '--force.',
  ].join('\n'),
  flags: [
    {
      name: 'out',
      kind: 'string',
      valueName: 'holder.jwk',
      required: true,
      description: 'Where to write the private JWK.',
    },
    { name: 'force', kind: 'boolean', description: 'Replace an existing file.' },
  ],
  examples: ['vouch keys holder --out holder.jwk > holder.pub.jwk'],
  async run({ flags, io }) {
    const out = flags.string('out') as string;
    const secret = secp256k1.utils.randomSecretKey();
    const privateJwk = privateKeyToJwk(secret);
    secret.fill(0);
    const written = await writeNewFile(out, `${JSON.stringify(privateJwk, null, 2)}\n`, {
      mode: 0o600,
      force: flags.boolean('force'),
    });
    if (!written) throw new CommandFailure(`${out} already exists; use --force to replace it`);
    const { kty, crv, x, y } = privateJwk;
    io.stdout(`${JSON.stringify({ kty, crv, x, y })}\n`);
    return EXIT_OK;
  },
};
