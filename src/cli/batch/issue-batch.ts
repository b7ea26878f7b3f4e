/**
 * `vouch issue --batch`: payroll CSV → one income statement per good row, each written as an
 * offer file (`<employee_id>.vouch`, the encodeForText string) and a QR PNG (`<employee_id>.png`).
 * Bad rows are reported on stderr with their row number and reason; good rows are still issued.
 *
 * Order of work, so a crash never reuses a status index: read and check every row → allocate all
 * status indices at once and write the list back atomically → issue and write the files (a few
 * rows in flight at a time; QR PNGs are rendered on worker threads).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import { issuerSigner } from '../../core/jose/index.ts';
import type { IssuerKeyFile, PublicJwk } from '../../core/jose/index.ts';
import { deriveCredentialPublicKey, publicKeyToJwk } from '../../core/keys/index.ts';
import { encodeCredentialOffer, relationshipFingerprint } from '../../core/protocol/index.ts';
import { issueSdJwtVc } from '../../core/sd-jwt/index.ts';
import { allocateStatusIndices } from '../../core/status-list/index.ts';
import { encodeForQr, encodeForText } from '../../core/transport/index.ts';
import { writeFileAtomic } from '../../platform/node/files.ts';
import { createProgressReporter } from '../../platform/node/progress.ts';
import { createQrPngPool } from '../../platform/node/qr-png-pool.ts';
import { CommandFailure } from '../command.ts';
import type { CommandIo } from '../command.ts';
import { readStatusListFile, readTextFile } from '../shared/inputs.ts';
import { jwsCrypto, randomBytes } from '../shared/runtime.ts';
import { parseCsv } from './csv.ts';
import { checkHeader, readPayrollRow } from './payroll-row.ts';
import type { PayrollRow } from './payroll-row.ts';

/** A payroll of 10,000 rows is about 2.5 MB. */
export const MAX_CSV_BYTES = 256 * 1024 * 1024;
/** Byte-mode capacity of the largest QR code (version 40, level M): the PNG's upper bound. */
const QR_BYTES_V40_M = 2331;
const IN_FLIGHT = 32;
/** Batch PNGs use one fixed mask (see renderQrPng): scoring all eight would triple the cost. */
const BATCH_MASK_PATTERN = 0;

export interface BatchOptions {
  csvPath: string;
  issuer: IssuerKeyFile;
  outDir: string;
  statusListPath?: string;
  employerName?: string;
  employerId?: string;
  expiresAt?: Date;
  issuedAt: Date;
  /** Write QR PNGs (default true). */
  png?: boolean;
  workers?: number;
  io: CommandIo;
  /** Where the progress bar goes (a TTY gets a bar, anything else periodic lines). */
  progressStream: NodeJS.WriteStream;
}

export interface BatchSummary {
  rows: number;
  issued: number;
  refused: number;
  seconds: number;
  /** Highest QR version among the PNGs (0 without PNGs). */
  maxQrVersion: number;
  /** Offers whose PNG had to be split into numbered frames. */
  animated: number;
}

export async function issueBatch(opts: BatchOptions): Promise<BatchSummary> {
  const start = performance.now();
  const { io } = opts;
  const type = CREDENTIAL_TYPES['income-statement'];
  const records = parseCsv(await readTextFile(opts.csvPath, '--batch', MAX_CSV_BYTES));
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord)
    throw new CommandFailure(`--batch: ${opts.csvPath} is empty (expected a header row)`);
  if ('error' in headerRecord)
    throw new CommandFailure(`--batch: header row: ${headerRecord.error}`);
  const header = checkHeader(headerRecord.fields);
  if (!header.ok) throw new CommandFailure(`--batch: header row: ${header.detail.message}`);

  const good: PayrollRow[] = [];
  const firstRowOf = new Map<string, number>();
  let refused = 0;
  const refuse = (row: number, line: number, message: string) => {
    refused++;
    io.stderr(`vouch: row ${row} (line ${line}): ${message}\n`);
  };
  for (const [i, record] of dataRecords.entries()) {
    const row = i + 1;
    if ('error' in record) {
      refuse(row, record.line, record.error);
      continue;
    }
    const read = readPayrollRow(header.value, record.fields, opts);
    if (!read.ok) {
      refuse(row, record.line, read.detail.message);
      continue;
    }
    const earlier = firstRowOf.get(read.value.employeeId);
    if (earlier !== undefined) {
      refuse(
        row,
        record.line,
        `employee_id ${read.value.employeeId} already appears on row ${earlier}`,
      );
      continue;
    }
    firstRowOf.set(read.value.employeeId, row);
    good.push(read.value);
  }

  await mkdir(opts.outDir, { recursive: true });
  let statusIndices: number[] | undefined;
  let statusUri: string | undefined;
  if (opts.statusListPath !== undefined && good.length > 0) {
    const list = await readStatusListFile(opts.statusListPath);
    const allocated = allocateStatusIndices(list, good.length, randomBytes);
    if (!allocated.ok) throw new CommandFailure(allocated.detail.message);
    await writeFileAtomic(
      opts.statusListPath,
      `${JSON.stringify(allocated.value.list, null, 2)}\n`,
    );
    statusIndices = allocated.value.indices;
    statusUri = list.uri;
  }

  const crypto = jwsCrypto();
  const sign = issuerSigner(crypto, opts.issuer);
  const pool = opts.png === false ? undefined : createQrPngPool({ size: opts.workers });
  const progress = createProgressReporter({
    total: good.length,
    label: 'issuing',
    stream: opts.progressStream,
  });
  let issued = 0;
  let maxQrVersion = 0;
  let animated = 0;
  const expiresAt =
    opts.expiresAt ??
    (type.expiresAfterDays === undefined
      ? undefined
      : new Date(opts.issuedAt.getTime() + type.expiresAfterDays * 86_400_000));

  const issueOne = async (row: PayrollRow, index: number): Promise<void> => {
    const holderJwk = publicKeyToJwk(
      deriveCredentialPublicKey(row.xpub, row.childIndex),
    ) as PublicJwk;
    const credential = await issueSdJwtVc({
      issuer: { did: opts.issuer.did, alg: opts.issuer.alg, sign },
      vct: type.vct,
      claims: row.claims,
      holderJwk,
      status:
        statusIndices && statusUri
          ? { idx: statusIndices[index] as number, uri: statusUri }
          : undefined,
      issuedAt: opts.issuedAt,
      expiresAt,
      randomBytes,
    });
    const offer = encodeCredentialOffer({
      credential,
      relationship: relationshipFingerprint(row.xpub),
      childIndex: row.childIndex,
    });
    const writes: Promise<unknown>[] = [
      writeFile(join(opts.outDir, `${row.employeeId}.vouch`), `${encodeForText('offer', offer)}\n`),
    ];
    if (pool) {
      // One static code for print or e-mail (any version up to 40); only beyond that, frames.
      const qr = encodeForQr('offer', offer, { maxFrameBytes: QR_BYTES_V40_M });
      if (qr.animated) animated++;
      const rendered = await Promise.all(
        qr.frames.map((frame) => pool.render(frame, { maskPattern: BATCH_MASK_PATTERN })),
      );
      for (const [n, { png, version }] of rendered.entries()) {
        maxQrVersion = Math.max(maxQrVersion, version);
        const name = qr.animated
          ? `${row.employeeId}-${String(n + 1).padStart(2, '0')}.png`
          : `${row.employeeId}.png`;
        writes.push(writeFile(join(opts.outDir, name), png));
      }
    }
    await Promise.all(writes);
    issued++;
    progress.update(issued);
  };

  try {
    let next = 0;
    const lane = async () => {
      while (next < good.length) {
        const index = next++;
        await issueOne(good[index] as PayrollRow, index);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, good.length) }, lane));
  } finally {
    progress.finish();
    await pool?.close();
  }
  return {
    rows: dataRecords.length,
    issued,
    refused,
    seconds: (performance.now() - start) / 1000,
    maxQrVersion,
    animated,
  };
}
