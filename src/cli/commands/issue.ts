/**
 * `vouch issue`: one SD-JWT VC on stdout, or with --batch a whole payroll to a directory.
 */
import {
  checkClaims,
  CREDENTIAL_TYPE_IDS,
  CREDENTIAL_TYPES,
} from '../../core/credentials/index.ts';
import type { CredentialTypeId } from '../../core/credentials/index.ts';
import { issuerSigner } from '../../core/jose/index.ts';
import { issueSdJwtVc } from '../../core/sd-jwt/index.ts';
import { allocateStatusIndex } from '../../core/status-list/index.ts';
import { writeFileAtomic } from '../../platform/node/files.ts';
import { issueBatch } from '../batch/issue-batch.ts';
import { CommandFailure, EXIT_FAILURE, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec, ParsedFlags } from '../command.ts';
import {
  readIssuerFile,
  readJsonFile,
  readPublicJwkFile,
  readStatusListFile,
} from '../shared/inputs.ts';
import { jwsCrypto, parseIsoDate, randomBytes } from '../shared/runtime.ts';

export const issue: CommandSpec = {
  path: ['issue'],
  summary: 'Issue an SD-JWT VC (or, with --batch, income statements for a payroll CSV).',
  description: [
    'Single: prints the SD-JWT VC in issuance form (ending in "~") on stdout. Claims that break',
    "the type's schema: exit 1, every problem on stderr, nothing on stdout. With --status-list, a",
    'random unused index is taken and the list file is written back atomically.',
    'Batch (--batch): one <employee_id>.vouch offer file and one <employee_id>.png QR per good row',
    'in --out; bad rows are reported on stderr with their row number; exit 1 if any row was refused.',
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
      name: 'holder-jwk',
      kind: 'string',
      valueName: 'file',
      description: "The holder's public JWK (single issuance).",
    },
    {
      name: 'claims',
      kind: 'string',
      valueName: 'file',
      description: 'Claims as a JSON object (single issuance).',
    },
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
    { name: 'no-png', kind: 'boolean', description: 'Batch: write only the .vouch offer files.' },
  ],
  examples: [
    'vouch issue --issuer issuer.json --type income-statement --holder-jwk holder.jwk --claims claims.json',
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
    const batch = flags.string('batch');
    if (batch !== undefined) return runBatch(batch, type as CredentialTypeId, expiresAt, flags, io);
    for (const name of ['out', 'employer-name', 'employer-id']) {
      if (flags.string(name) !== undefined) throw usage(`--${name} is only for --batch`);
    }
    if (flags.boolean('no-png')) throw usage('--no-png is only for --batch');
    const holderPath = flags.string('holder-jwk');
    const claimsPath = flags.string('claims');
    if (holderPath === undefined)
      throw usage('missing required flag --holder-jwk <file> (or use --batch)');
    if (claimsPath === undefined)
      throw usage('missing required flag --claims <file> (or use --batch)');

    const issuer = await readIssuerFile(flags.string('issuer') as string);
    const holderJwk = await readPublicJwkFile(holderPath, '--holder-jwk');
    const claims = checkClaims(
      type as CredentialTypeId,
      await readJsonFile(claimsPath, '--claims'),
    );
    if (!claims.ok) {
      const issues = claims.detail.issues.map((issue) => issue.message);
      throw new CommandFailure(
        `the claims do not fit ${type} (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${issues.join('; ')}`,
      );
    }
    const definition = CREDENTIAL_TYPES[type as CredentialTypeId];
    const issuedAt = new Date();
    const listPath = flags.string('status-list');
    let status: { idx: number; uri: string } | undefined;
    let updatedList: unknown;
    if (listPath !== undefined) {
      const list = await readStatusListFile(listPath);
      const allocated = allocateStatusIndex(list, randomBytes);
      if (!allocated.ok) throw new CommandFailure(allocated.detail.message);
      status = { idx: allocated.value.index, uri: list.uri };
      updatedList = allocated.value.list;
    }
    const credential = await issueSdJwtVc({
      issuer: { did: issuer.did, alg: issuer.alg, sign: issuerSigner(jwsCrypto(), issuer) },
      vct: definition.vct,
      claims: claims.value,
      holderJwk,
      status,
      issuedAt,
      expiresAt: expiresAt ?? defaultExpiry(issuedAt, definition.expiresAfterDays),
      randomBytes,
    });
    // The index is spent once the list says so: write it before the credential is shown.
    if (listPath !== undefined)
      await writeFileAtomic(listPath, `${JSON.stringify(updatedList, null, 2)}\n`);
    io.stdout(`${credential}\n`);
    return EXIT_OK;
  },
};

function usage(message: string): UsageError {
  return new UsageError(message, issue.path);
}

function defaultExpiry(issuedAt: Date, days: number | undefined): Date | undefined {
  return days === undefined ? undefined : new Date(issuedAt.getTime() + days * 86_400_000);
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
  for (const name of ['holder-jwk', 'claims']) {
    if (flags.string(name) !== undefined) throw usage(`--${name} cannot be combined with --batch`);
  }
  const outDir = flags.string('out');
  if (outDir === undefined) throw usage('--batch needs --out <dir>');
  const issuer = await readIssuerFile(flags.string('issuer') as string);
  const summary = await issueBatch({
    csvPath,
    issuer,
    outDir,
    statusListPath: flags.string('status-list'),
    employerName: flags.string('employer-name'),
    employerId: flags.string('employer-id'),
    expiresAt,
    issuedAt: new Date(),
    png: !flags.boolean('no-png'),
    io,
    progressStream: process.stderr,
  });
  const rate = summary.seconds > 0 ? Math.round(summary.issued / summary.seconds) : summary.issued;
  io.stderr(
    `vouch: batch done: ${summary.issued} issued, ${summary.refused} refused of ${summary.rows} rows in ${summary.seconds.toFixed(1)} s (${rate} rows/s)\n`,
  );
  return summary.refused > 0 ? EXIT_FAILURE : EXIT_OK;
}
