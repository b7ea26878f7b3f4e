/**
 * `vouch issue`: one credential on stdout — an SD-JWT VC (default) or, with --format jwt_vc_json,
 * a W3C VC-JWT (docs/w3c-vc.md) — or with --copies n (a relationship xpub) n copies of it, one a
 * line; or with --batch a whole payroll to a directory (SD-JWT VC, one copy a row).
 */
// Only what the flags and their checks need: the single issuance (issue-one.ts) and the batch
// (issue-batch.ts) load their code when they run, and the batch starts its worker threads first.
import type { CredentialTypeId } from '../../core/credentials/credential-type.ts';
import { CREDENTIAL_TYPE_IDS } from '../../core/credentials/credential-type-ids.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec, ParsedFlags } from '../command.ts';
import { copiesFlag, ISSUANCE_HOLDER_FLAGS } from '../shared/issuance-flags.ts';
import { parseIsoDate } from '../shared/iso-date.ts';

/** The credential formats `vouch issue` writes (OpenID4VP 1.0 Appendix B identifiers). */
const FORMATS = ['dc+sd-jwt', 'jwt_vc_json'] as const;
export type IssueFormat = (typeof FORMATS)[number];

export const issue: CommandSpec = {
  path: ['issue'],
  summary:
    'Issue an SD-JWT VC or a W3C VC-JWT (or, with --batch, income statements for a payroll CSV).',
  description: [
    'Single: prints the SD-JWT VC in issuance form (ending in "~") on stdout, or with --format',
    "jwt_vc_json a W3C VC-JWT (the vc claim of VCDM 1.1; sub = the holder's DID; no selective",
    'disclosure: every claim is readable by whoever holds it). The holder is a public JWK, a',
    'relationship xpub and child index (its child key, as did:key), or a DID. Claims that break',
    "the type's schema: exit 1, every problem on stderr, nothing on stdout. With --status-list, a",
    'random unused index is taken and the list file is written back atomically; a VC-JWT points at',
    'the same index of the list\'s W3C twin (BitstringStatusListEntry, the list URI + ".w3c").',
    'With --copies n (1-50, default 1; --holder-xpub only: a bare key has no children) n copies of',
    'the same credential, one a line: copy i bound to child --child-index + i, with fresh salts and',
    "its own status index; the batch's iat is the day (docs/credentials.md §Copies).",
    'Batch (--batch): one <employee_id>.vouch offer file and one <employee_id>.png QR per good row',
    'in --out (with --offers csv, every offer in one offers.csv of employee_id,offer instead of the',
    '.vouch files); bad rows are reported on stderr with their row number; exit 1 if any row was refused.',
  ].join('\n'),
  flags: [
    {
      name: 'issuer',
      kind: 'string',
      valueName: 'issuer.json',
      required: true,
      description: 'Issuer key file.',
    },
    {
      name: 'type',
      kind: 'string',
      valueName: 'type',
      required: true,
      description: `Credential type: ${CREDENTIAL_TYPE_IDS.join(', ')}.`,
    },
    {
      name: 'format',
      kind: 'string',
      valueName: 'dc+sd-jwt|jwt_vc_json',
      description: 'Credential format: SD-JWT VC or W3C VC-JWT (single issuance).',
      defaultText: FORMATS[0],
    },
    ...ISSUANCE_HOLDER_FLAGS,
    {
      name: 'claims',
      kind: 'string',
      valueName: 'file',
      description: 'Claims as a JSON object (single issuance).',
    },
    copiesFlag(
      1,
      'Copies of the credential (1-50), one a line, on children --child-index… of --holder-xpub (single issuance, SD-JWT VC).',
    ),
    {
      name: 'status-list',
      kind: 'string',
      valueName: 'list.json',
      description: 'Status list to take an index from.',
    },
    {
      name: 'expires',
      kind: 'string',
      valueName: 'ISO date',
      description: 'Expiry (exp).',
      defaultText: "the type's policy",
    },
    {
      name: 'batch',
      kind: 'string',
      valueName: 'payroll.csv',
      description: 'Issue income statements for every row of this CSV.',
    },
    { name: 'out', kind: 'string', valueName: 'dir', description: 'Output directory (batch).' },
    {
      name: 'employer-name',
      kind: 'string',
      valueName: 'name',
      description: 'employer_name for rows without that column (batch).',
    },
    {
      name: 'employer-id',
      kind: 'string',
      valueName: 'id',
      description: 'employer_id for rows without that column (batch).',
    },
    { name: 'no-png', kind: 'boolean', description: 'Batch: write only the offers, no QR PNGs.' },
    {
      name: 'offers',
      kind: 'string',
      valueName: 'files|csv',
      description:
        'Batch: one <employee_id>.vouch file a row, or one offers.csv (employee_id,offer) for a mail merge.',
      defaultText: 'files',
    },
    {
      name: 'workers',
      kind: 'string',
      valueName: 'n',
      description: 'Batch: worker threads to issue on (0: this thread only).',
      defaultText: 'one per core from 256 rows on',
    },
  ],
  examples: [
    'vouch issue --issuer issuer.json --type income-statement --holder-jwk holder.jwk --claims claims.json',
    'vouch issue --issuer issuer.json --type income-statement --holder-xpub xpub6… --child-index 20 --copies 10 --claims claims.json --status-list list.json',
    'vouch issue --issuer uni.json --type diploma --format jwt_vc_json --holder-xpub xpub6… --child-index 0 --claims diploma.json',
    'vouch issue --batch payroll.csv --issuer issuer.json --type income-statement --out offers/ --status-list list.json',
  ],
  async run({ flags, io }) {
    const type = flags.string('type') as string;
    if (!(CREDENTIAL_TYPE_IDS as readonly string[]).includes(type)) {
      throw usage(
        `--type: expected one of ${CREDENTIAL_TYPE_IDS.join(', ')}, got ${JSON.stringify(type)}`,
      );
    }
    const expiresText = flags.string('expires');
    const expiresAt = expiresText === undefined ? undefined : parseIsoDate(expiresText);
    if (expiresText !== undefined && !expiresAt) {
      throw usage(
        `--expires: expected an ISO date such as 2026-12-31, got ${JSON.stringify(expiresText)}`,
      );
    }
    const formatText = flags.string('format') ?? FORMATS[0];
    if (!(FORMATS as readonly string[]).includes(formatText)) {
      throw usage(
        `--format: expected one of ${FORMATS.join(', ')}, got ${JSON.stringify(formatText)}`,
      );
    }
    const format = formatText as IssueFormat;
    const batch = flags.string('batch');
    if (batch !== undefined && format !== 'dc+sd-jwt') {
      throw usage('--batch issues SD-JWT VCs only (leave out --format, or use --format dc+sd-jwt)');
    }
    if (batch !== undefined) return runBatch(batch, type as CredentialTypeId, expiresAt, flags, io);
    for (const name of ['out', 'employer-name', 'employer-id', 'workers', 'offers']) {
      if (flags.string(name) !== undefined) throw usage(`--${name} is only for --batch`);
    }
    if (flags.boolean('no-png')) throw usage('--no-png is only for --batch');
    const { issueOne } = await import('./issue-one.ts');
    return issueOne({ flags, io, type: type as CredentialTypeId, format, expiresAt, usage });
  },
};

function usage(message: string): UsageError {
  return new UsageError(message, issue.path);
}

async function runBatch(
  csvPath: string,
  type: CredentialTypeId,
  expiresAt: Date | undefined,
  flags: ParsedFlags,
  io: Parameters<CommandSpec['run']>[0]['io'],
): Promise<number> {
  if (type !== 'income-statement')
    throw usage('--batch issues income-statement only (--type income-statement)');
  for (const name of [
    'holder-jwk',
    'holder-xpub',
    'child-index',
    'holder-did',
    'claims',
    'copies',
  ]) {
    if (flags.string(name) !== undefined) throw usage(`--${name} cannot be combined with --batch`);
  }
  const outDir = flags.string('out');
  if (outDir === undefined) throw usage('--batch needs --out <dir>');
  const workersText = flags.string('workers');
  if (workersText !== undefined && !/^(0|[1-9]\d?)$/.test(workersText)) {
    throw usage(`--workers expected a number of threads 0…99, got ${JSON.stringify(workersText)}`);
  }
  const offers = flags.string('offers') ?? 'files';
  if (offers !== 'files' && offers !== 'csv') {
    throw usage(`--offers expected files or csv, got ${JSON.stringify(offers)}`);
  }
  const { issueBatch } = await import('../batch/issue-batch.ts');
  const summary = await issueBatch({
    csvPath,
    // Read once the worker threads have started (issue-batch.ts).
    issuer: flags.string('issuer') as string,
    outDir,
    statusListPath: flags.string('status-list'),
    employerName: flags.string('employer-name'),
    employerId: flags.string('employer-id'),
    expiresAt,
    issuedAt: new Date(),
    png: !flags.boolean('no-png'),
    offers,
    ...(workersText === undefined ? {} : { workers: Number(workersText) }),
    io,
    progressStream: process.stderr,
  });
  const rate = summary.seconds > 0 ? Math.round(summary.issued / summary.seconds) : summary.issued;
  io.stderr(
    `vouch: batch done: ${summary.issued} issued, ${summary.refused} refused of ${summary.rows} rows in ${summary.seconds.toFixed(1)} s (${rate} rows/s)\n`,
  );
  return summary.refused > 0 ? EXIT_FAILURE : EXIT_OK;
}
