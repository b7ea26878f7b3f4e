/** `vouch backup inspect`: what a wallet backup holds (docs/backup.md), opened with its words. */
import {
  deriveBackupKey,
  inspectBackup,
  MAX_BACKUP_BYTES,
  openBackup,
  type BackupProblem,
} from '../../core/backup/index.ts';
import { checkMnemonic, MNEMONIC_WORDS, mnemonicToSeed } from '../../core/keys/index.ts';
import { webCryptoVaultCrypto } from '../../platform/crypto/index.ts';
import { readBoundedFile } from '../../platform/node/files.ts';
import { CommandFailure, EXIT_OK } from '../command.ts';
import type { CommandSpec } from '../command.ts';
import { describeProblem } from './keys.ts';

/** One line per reason, saying what to do (the detail names the byte or chunk). */
const PROBLEM_TEXT: Record<BackupProblem, string> = {
  'not-a-backup': 'this is not a Vouch backup file',
  'unsupported-version': 'this backup was made by a version of Vouch this one cannot read',
  oversized: 'the file is too large to be a backup',
  truncated: 'the backup file is incomplete (cut short while copying?)',
  'wrong-words': 'these words do not open this backup: it was made with other words or passphrase',
  tampered: 'the backup file is damaged or was changed',
};

export const backupInspect: CommandSpec = {
  path: ['backup', 'inspect'],
  summary: 'List what a wallet backup holds (counts, credential types and issuers) as JSON.',
  description: [
    'Opens a backup file made by the wallet ("Make a backup") with its 24 words and prints one',
    'JSON document: format version, created-at, records per kind, credentials by type and issuer,',
    'the time of the newest history entry. Claim values only with --claims. Every chunk is',
    'authenticated; a wrong, damaged or cut file is refused with the reason.',
  ].join('\n'),
  flags: [
    {
      name: 'mnemonic',
      kind: 'string',
      valueName: 'words',
      required: true,
      description: `The wallet's ${MNEMONIC_WORDS} words, quoted as one argument.`,
    },
    {
      name: 'passphrase',
      kind: 'string',
      valueName: 'text',
      description: 'BIP39 passphrase, if the wallet has one.',
      defaultText: 'none',
    },
    {
      name: 'in',
      kind: 'string',
      valueName: 'file.vouchbackup',
      required: true,
      description: 'The backup file.',
    },
    { name: 'claims', kind: 'boolean', description: "Also print every credential's claims." },
  ],
  examples: ['vouch backup inspect --mnemonic "$(cat words.txt)" --in wallet.vouchbackup'],
  async run({ flags, io }) {
    const mnemonic = checkMnemonic(flags.string('mnemonic') ?? '');
    if (!mnemonic.ok) throw new CommandFailure(`invalid mnemonic: ${describeProblem(mnemonic)}`);
    const path = flags.string('in') as string;
    const file = await readBoundedFile(path, MAX_BACKUP_BYTES);
    if (!file.ok) {
      throw new CommandFailure(
        file.reason === 'too-large'
          ? `${PROBLEM_TEXT.oversized}: ${file.detail.message}`
          : file.detail.message,
      );
    }
    const crypto = webCryptoVaultCrypto();
    const seed = await mnemonicToSeed(mnemonic.value, flags.string('passphrase') ?? '');
    let key;
    try {
      key = await deriveBackupKey(crypto, seed);
    } finally {
      seed.fill(0);
    }
    const opened = await openBackup({ bytes: file.value, crypto, key });
    const seen = opened.ok
      ? await inspectBackup(opened.value, { claims: flags.boolean('claims') })
      : opened;
    if (!seen.ok) {
      throw new CommandFailure(`${PROBLEM_TEXT[seen.reason]} (${seen.detail.message})`);
    }
    io.stdout(`${JSON.stringify(seen.value, null, 2)}\n`);
    return EXIT_OK;
  },
};
