/**
 * `vouch issue` without --batch (issue.ts checks the flags they share): one credential on stdout,
 * an SD-JWT VC or a W3C VC-JWT, or with --copies n copies of it, one a line.
 */
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import type { CredentialTypeId } from '../../core/credentials/index.ts';
import { issuerSigner } from '../../core/jose/index.ts';
import type { IssuerKeyFile } from '../../core/jose/index.ts';
import { issueSdJwtVc } from '../../core/sd-jwt/index.ts';
import { allocateStatusIndex } from '../../core/status-list/index.ts';
import { writeFileAtomic } from '../../platform/node/files.ts';
import { CommandFailure, EXIT_OK } from '../command.ts';
import type { CommandIo, ParsedFlags, UsageError } from '../command.ts';
import {
  issueCopiesToXpub,
  readCheckedClaims,
  readCopies,
  readXpubHolder,
} from '../shared/copies.ts';
import { issuanceHolder } from '../shared/holder.ts';
import type { IssuanceHolder } from '../shared/holder.ts';
import { readIssuerFile, readStatusListFile } from '../shared/inputs.ts';
import { jwsCrypto, randomBytes } from '../shared/runtime.ts';
import type { IssueFormat } from './issue.ts';

export async function issueOne({
  flags,
  io,
  type,
  format,
  expiresAt,
  usage,
}: {
  flags: ParsedFlags;
  io: CommandIo;
  type: CredentialTypeId;
  format: IssueFormat;
  expiresAt: Date | undefined;
  usage: (message: string) => UsageError;
}): Promise<number> {
  const copies = readCopies(flags, 1, usage);
  if (copies > 1 && format !== 'dc+sd-jwt') {
    throw usage(`--copies ${copies}: a W3C VC-JWT is issued as one copy (leave out --copies)`);
  }
  if (copies > 1 && flags.string('holder-xpub') === undefined) {
    throw usage(
      `--copies ${copies} needs --holder-xpub <xpub> --child-index <n>: each copy is bound to its own child key, and a bare holder key (--holder-jwk, --holder-did) has none`,
    );
  }
  const holder = await issuanceHolder(flags, { needsKey: format === 'dc+sd-jwt', usage });
  const claimsPath = flags.string('claims');
  if (claimsPath === undefined)
    throw usage('missing required flag --claims <file> (or use --batch)');

  const issuer = await readIssuerFile(flags.string('issuer') as string);
  const claims = await readCheckedClaims(claimsPath, type);
  if (format === 'dc+sd-jwt' && flags.string('holder-xpub') !== undefined) {
    // The desk's path (core issueCopies): one copy or many, each on its own child key.
    const { xpub, firstChild } = readXpubHolder(flags, copies, usage);
    const issued = await issueCopiesToXpub({
      issuer,
      xpub,
      firstChild,
      count: copies,
      typeId: type,
      claims,
      format,
      statusListPath: flags.string('status-list'),
      expiresAt,
    });
    io.stdout(issued.map((copy) => `${copy.credential}\n`).join(''));
    return EXIT_OK;
  }
  const definition = CREDENTIAL_TYPES[type];
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
  const credential = await (format === 'jwt_vc_json' ? issueW3c : issueSdJwt)({
    issuer,
    typeId: type,
    claims,
    holder,
    status,
    issuedAt,
    expiresAt: expiresAt ?? defaultExpiry(issuedAt, definition.expiresAfterDays),
  });
  // The index is spent once the list says so: write it before the credential is shown.
  if (listPath !== undefined)
    await writeFileAtomic(listPath, `${JSON.stringify(updatedList, null, 2)}\n`);
  io.stdout(`${credential}\n`);
  return EXIT_OK;
}

interface SingleIssuance {
  readonly issuer: IssuerKeyFile;
  readonly typeId: CredentialTypeId;
  readonly claims: Record<string, unknown>;
  readonly holder: IssuanceHolder;
  readonly status: { idx: number; uri: string } | undefined;
  readonly issuedAt: Date;
  readonly expiresAt: Date | undefined;
}

async function issueSdJwt(opts: SingleIssuance): Promise<string> {
  const { issuer, holder } = opts;
  // issuanceHolder gives a key for every holder when needsKey (the SD-JWT VC's cnf.jwk).
  if (holder.jwk === undefined) throw new Error('issueSdJwt: the holder has no key');
  return issueSdJwtVc({
    issuer: { did: issuer.did, alg: issuer.alg, sign: issuerSigner(jwsCrypto(), issuer) },
    vct: CREDENTIAL_TYPES[opts.typeId].vct,
    claims: opts.claims,
    holderJwk: holder.jwk,
    status: opts.status,
    issuedAt: opts.issuedAt,
    expiresAt: opts.expiresAt,
    randomBytes,
  });
}

/**
 * Through the Vouch agent (src/agent, `createVcJwt`: core issueVcJwt signed by the agent's KMS), as
 * the issue asks: one path for integrators and the CLI. Loaded only for --format jwt_vc_json, so
 * the other commands never load Veramo or did-jwt-vc.
 */
async function issueW3c(opts: SingleIssuance): Promise<string> {
  const { createVouchAgent } = await import('../../agent/index.ts');
  const agent = await createVouchAgent({
    issuerKeyFile: opts.issuer,
    crypto: jwsCrypto(),
    randomBytes,
  });
  const { credential } = await agent.createVcJwt({
    issuer: opts.issuer.did,
    type: opts.typeId,
    claims: opts.claims,
    holder: { did: opts.holder.did },
    issuedAt: opts.issuedAt,
    ...(opts.expiresAt === undefined ? {} : { expiresAt: opts.expiresAt }),
    ...(opts.status === undefined ? {} : { status: opts.status }),
  });
  return credential;
}

function defaultExpiry(issuedAt: Date, days: number | undefined): Date | undefined {
  return days === undefined ? undefined : new Date(issuedAt.getTime() + days * 86_400_000);
}
