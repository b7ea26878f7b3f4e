/**
 * `vouch evidence verify`: checks a receipt file (a wallet's "Prove" export, a desk's copy, or a
 * bare receipt) and prints {valid, level, checks} as JSON. Exit 0 when valid, 1 when not.
 * Levels (docs/evidence.md): 1 both signatures; 2 and the commitment opens to the document;
 * 3 and the receipt is in the ledger (a copy of a node's data dir, or a running node's URL).
 */
import { parseReceiptFile } from '../../core/evidence/index.ts';
import { verifyEvidence, WITHDRAWABLE_ALGORITHMS } from '../../ledger/index.ts';
import { readBoundedFile } from '../../platform/node/files.ts';
import { CommandFailure, EXIT_FAILURE, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec } from '../command.ts';
import { readTextFile } from '../shared/inputs.ts';

/** A document of up to 256 MiB is hashed (it is read whole). */
const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

export const evidenceVerify: CommandSpec = {
  path: ['evidence', 'verify'],
  summary: 'Verify a receipt: both signatures, the document, the ledger; {valid, level, checks}.',
  description: [
    'Reads --receipt (a vouch-receipt-record with its salt and document hash, or a bare',
    'vouch-receipt), checks both signatures and the algorithms (level 1), the commitment against',
    'the salt and document hash and, with --document, the document itself (level 2), and with',
    '--ledger that the receipt is in the ledger with a valid inclusion proof (level 3). --ledger',
    "takes a node's URL or a copy of its data directory (read on a copy, never changed).",
    '--withdraw names algorithms no longer trusted: a receipt using one fails "algorithms" unless a',
    're-anchor entry (vouch ledger reanchor) under trusted ones covers it in the --ledger copy.',
    'Prints JSON; exit 0 when valid, 1 when not.',
  ].join('\n'),
  flags: [
    {
      name: 'receipt',
      kind: 'string',
      valueName: 'file',
      required: true,
      description: 'The receipt file (JSON).',
    },
    {
      name: 'document',
      kind: 'string',
      valueName: 'file',
      description: 'The document the receipt is about: its hash must be the one committed.',
    },
    {
      name: 'ledger',
      kind: 'string',
      valueName: 'url or dir',
      description: 'A ledger node (http(s)://…) or a copy of its data directory.',
    },
    {
      name: 'withdraw',
      kind: 'string',
      valueName: 'alg,…',
      description: `Algorithms no longer trusted, comma-separated (${WITHDRAWABLE_ALGORITHMS.join(', ')}).`,
    },
  ],
  examples: [
    'vouch evidence verify --receipt receipt.json --document application.json --ledger ./ledger-copy',
    'vouch evidence verify --receipt receipt.json --ledger http://127.0.0.1:8090',
    'vouch evidence verify --receipt receipt.json --ledger ./ledger-copy --withdraw sha-256,ES256,ES256K',
  ],
  async run({ flags, io }) {
    const withdrawn = (flags.string('withdraw') ?? '')
      .split(',')
      .map((alg) => alg.trim())
      .filter((alg) => alg !== '');
    const unknown = withdrawn.find((alg) => !WITHDRAWABLE_ALGORITHMS.includes(alg));
    if (unknown !== undefined) {
      throw new UsageError(
        `--withdraw: expected names among ${WITHDRAWABLE_ALGORITHMS.join(', ')}, got ${JSON.stringify(unknown)}`,
        ['evidence', 'verify'],
      );
    }
    const receiptPath = flags.string('receipt') as string;
    const parsed = parseReceiptFile(await readTextFile(receiptPath, '--receipt'));
    if (!parsed.ok) throw new CommandFailure(`--receipt: ${receiptPath}: ${parsed.detail.message}`);
    const documentPath = flags.string('document');
    let document: Uint8Array | undefined;
    if (documentPath !== undefined) {
      const read = await readBoundedFile(documentPath, MAX_DOCUMENT_BYTES);
      if (!read.ok) throw new CommandFailure(`--document: ${read.detail.message}`);
      document = read.value;
    }
    const ledgerText = flags.string('ledger');
    const ledger =
      ledgerText === undefined
        ? undefined
        : /^https?:\/\//.test(ledgerText)
          ? { url: ledgerText }
          : { dir: ledgerText };
    const result = await verifyEvidence({
      receipt: parsed.value.receipt,
      ...(parsed.value.opening ? { opening: parsed.value.opening } : {}),
      ...(parsed.value.inclusion ? { inclusion: parsed.value.inclusion } : {}),
      ...(document ? { document } : {}),
      ...(ledger ? { ledger } : {}),
      ...(withdrawn.length > 0 ? { withdrawn } : {}),
    });
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return result.valid ? EXIT_OK : EXIT_FAILURE;
  },
};
