/**
 * `vouch issue --batch`: payroll CSV → one income statement per good row, each written as an
 * offer file (`<employee_id>.vouch`, the encodeForText string) and a QR PNG (`<employee_id>.png`);
 * or with `offers: 'csv'` every offer in one `offers.csv` (employee_id,offer: offers-csv.ts).
 * Bad rows are reported on stderr with their row number and reason; good rows are still issued.
 *
 * Order of work, so a crash never reuses a status index: read and check every row → allocate all
 * status indices at once and write the list back atomically → issue and write the files, in
 * chunks of rows on worker threads, one per core (payroll-rows.ts does a chunk's work). Without a
 * status list, each chunk goes to a worker as soon as its rows are checked.
 *
 * The worker threads start as soon as the CSV is read: they load their code while this thread
 * loads its own (the claims' schemas, the issuer key's parser: imported here only then), so the
 * second core is not idle while the first loads.
 */
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { IssuerKeyFile } from '../../core/jose/index.ts';
import type { parseExtendedPublicKey } from '../../core/keys/index.ts';
import { writeFileAtomic } from '../../platform/node/files.ts';
import { createProgressReporter } from '../../platform/node/progress.ts';
import { createWorkerPool } from '../../platform/node/worker-pool.ts';
import type { WorkerPool } from '../../platform/node/worker-pool.ts';
import { CommandFailure } from '../command.ts';
import type { CommandIo } from '../command.ts';
import { readTextFile } from '../shared/text-file.ts';
import { parseCsv } from './csv.ts';
import type { CsvRecord } from './csv.ts';
import { createOffersCsvWriter } from './offers-csv.ts';
import type { OffersCsvWriter } from './offers-csv.ts';
import type { ChunkResult, OffersLayout, PayrollJobRow, PayrollSetup } from './payroll-rows.ts';
import type { PayrollRow } from './payroll-row.ts';

/** A payroll of 10,000 rows is about 2.5 MB. */
export const MAX_CSV_BYTES = 256 * 1024 * 1024;
/** Rows a worker thread gets at a time. */
const CHUNK_ROWS = 64;
/** From this many rows on, the rows are issued on worker threads (one per core); below, here. */
const WORKERS_FROM_ROWS = 256;

export interface BatchOptions {
  csvPath: string;
  /** The issuer's key, or the path of its key file (read once the worker threads have started). */
  issuer: IssuerKeyFile | string;
  outDir: string;
  statusListPath?: string;
  employerName?: string;
  employerId?: string;
  expiresAt?: Date;
  issuedAt: Date;
  /** Write QR PNGs (default true). */
  png?: boolean;
  /**
   * `files` (default): a `<employee_id>.vouch` file a row; `csv`: one `offers.csv` of
   * `employee_id,offer` records, in row order (offers-csv.ts).
   */
  offers?: OffersLayout;
  /**
   * Worker threads to issue on; 0 issues in this thread. Default: one per core from 256 rows on,
   * else 0 (starting a thread costs more than a small batch).
   */
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
  /** With `offers: 'csv'`: the offers.csv written. */
  csvPath?: string;
}

export async function issueBatch(opts: BatchOptions): Promise<BatchSummary> {
  const start = performance.now();
  const text = await readTextFile(opts.csvPath, '--batch', MAX_CSV_BYTES);
  // The worker threads start first and load their code while this thread parses the CSV and
  // loads the code that checks the rows and the issuer's key (about a tenth of a second each);
  // what the rows share (PayrollSetup) follows once it is read, as the pool's configure. Whether
  // and how many are judged by the lines (a row is at least one line), before the CSV is parsed.
  const dataLines = Math.max(0, lineCount(text) - 1);
  const threads = opts.workers ?? (dataLines >= WORKERS_FROM_ROWS ? availableParallelism() : 0);
  const pool =
    threads > 0 && dataLines > 0
      ? createWorkerPool<readonly PayrollJobRow[], ChunkResult>({
          entry: new URL('./payroll-worker.mjs', import.meta.url),
          size: Math.min(threads, Math.ceil(dataLines / CHUNK_ROWS)),
          // No loader hooks inherited (a script that runs the CLI under tsx): the built worker is
          // plain JavaScript, and the one from the sources registers tsx itself.
          execArgv: [],
        })
      : undefined;
  try {
    const [headerRecord, ...dataRecords] = parseCsv(text);
    if (!headerRecord)
      throw new CommandFailure(`--batch: ${opts.csvPath} is empty (expected a header row)`);
    if ('error' in headerRecord)
      throw new CommandFailure(`--batch: header row: ${headerRecord.error}`);
    return await issueRows(opts, headerRecord.fields, dataRecords, pool, start);
  } finally {
    await pool?.close();
  }
}

/** Lines of `text`: its line feeds, and one more if its last line has none. */
function lineCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return text.length > 0 && !text.endsWith('\n') ? count + 1 : count;
}

async function issueRows(
  opts: BatchOptions,
  headerFields: readonly string[],
  dataRecords: readonly CsvRecord[],
  pool: WorkerPool<readonly PayrollJobRow[], ChunkResult> | undefined,
  start: number,
): Promise<BatchSummary> {
  const { io } = opts;
  const [{ CREDENTIAL_TYPES }, { allocateStatusIndices }, inputs, { randomBytes }, rowChecks] =
    await Promise.all([
      import('../../core/credentials/credential-types.ts'),
      import('../../core/status-list/index.ts'),
      import('../shared/inputs.ts'),
      import('../shared/runtime.ts'),
      import('./payroll-row.ts'),
    ]);
  const type = CREDENTIAL_TYPES['income-statement'];
  const header = rowChecks.checkHeader(headerFields);
  if (!header.ok) throw new CommandFailure(`--batch: header row: ${header.detail.message}`);
  const issuer =
    typeof opts.issuer === 'string' ? await inputs.readIssuerFile(opts.issuer) : opts.issuer;
  const statusList =
    opts.statusListPath === undefined
      ? undefined
      : await inputs.readStatusListFile(opts.statusListPath);
  const expiresAt =
    opts.expiresAt ??
    (type.expiresAfterDays === undefined
      ? undefined
      : new Date(opts.issuedAt.getTime() + type.expiresAfterDays * 86_400_000));
  const setup: PayrollSetup = {
    issuer,
    vct: type.vct,
    issuedAt: opts.issuedAt.getTime(),
    ...(expiresAt === undefined ? {} : { expiresAt: expiresAt.getTime() }),
    ...(statusList === undefined ? {} : { statusUri: statusList.uri }),
    outDir: opts.outDir,
    png: opts.png !== false,
    offers: opts.offers ?? 'files',
  };
  pool?.configure(setup);
  let issued = 0;
  let maxQrVersion = 0;
  let animated = 0;
  let refused = 0;
  let csv: OffersCsvWriter | undefined;
  const issueChunk = pool
    ? (rows: readonly PayrollJobRow[]) => pool.run(rows)
    : (await import('./payroll-rows.ts')).createPayrollIssuer(setup);
  // Chunks go to the workers as soon as they are checked, unless status indices must be allocated
  // (and written back) for all rows first: then they follow once the list is saved.
  const chunks = createChunkQueue();
  const streaming = opts.statusListPath === undefined;
  let progress: ReturnType<typeof createProgressReporter> | undefined;
  // Two chunks queued per worker, so none waits for the main thread between chunks.
  const laneCount = pool ? pool.size * 2 : 1;
  const lanes: Promise<void>[] = [];
  let failure: { error: unknown } | undefined;
  try {
    await mkdir(opts.outDir, { recursive: true });
    if (setup.offers === 'csv') csv = createOffersCsvWriter(opts.outDir);
    const lane = async () => {
      try {
        for (let chunk = await chunks.take(); chunk; chunk = await chunks.take()) {
          const result = await issueChunk(chunk.rows);
          csv?.put(chunk.seq, result.csv ?? '');
          issued += result.issued;
          maxQrVersion = Math.max(maxQrVersion, result.maxQrVersion);
          animated += result.animated;
          progress?.update(issued);
        }
      } catch (error) {
        // Kept for the caller (thrown once every lane has stopped); no more chunks are taken.
        failure ??= { error };
        chunks.end();
      }
    };
    if (streaming) {
      progress = createProgressReporter({
        total: dataRecords.length,
        label: 'issuing',
        stream: opts.progressStream,
      });
      for (let i = 0; i < laneCount; i++) lanes.push(lane());
    }
    const good: PayrollRow[] = [];
    const firstRowOf = new Map<string, number>();
    const checked = {
      employerName: opts.employerName,
      employerId: opts.employerId,
      xpubs: new Map<string, ReturnType<typeof parseExtendedPublicKey>>(),
    };
    const refuse = (row: number, line: number, message: string) => {
      refused++;
      io.stderr(`vouch: row ${row} (line ${line}): ${message}\n`);
    };
    let pending: PayrollJobRow[] = [];
    for (const [i, record] of dataRecords.entries()) {
      if (failure) break;
      const row = i + 1;
      if ('error' in record) {
        refuse(row, record.line, record.error);
        continue;
      }
      const read = rowChecks.readPayrollRow(header.value, record.fields, checked);
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
      if (!streaming) {
        good.push(read.value);
        continue;
      }
      pending.push(jobRow(read.value));
      if (pending.length === CHUNK_ROWS) {
        chunks.push(pending);
        pending = [];
        // Let the lanes hand the chunk to a worker before checking on.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    if (pending.length > 0) chunks.push(pending);
    if (streaming) progress?.setTotal(dataRecords.length - refused);

    if (!streaming) {
      let statusIndices: number[] | undefined;
      if (statusList !== undefined && opts.statusListPath !== undefined && good.length > 0) {
        const allocated = allocateStatusIndices(statusList, good.length, randomBytes);
        if (!allocated.ok) throw new CommandFailure(allocated.detail.message);
        await writeFileAtomic(
          opts.statusListPath,
          `${JSON.stringify(allocated.value.list, null, 2)}\n`,
        );
        statusIndices = allocated.value.indices;
      }
      progress = createProgressReporter({
        total: good.length,
        label: 'issuing',
        stream: opts.progressStream,
      });
      for (let i = 0; i < good.length; i += CHUNK_ROWS) {
        chunks.push(
          good
            .slice(i, i + CHUNK_ROWS)
            .map((row, k) => jobRow(row, statusIndices?.[i + k] as number | undefined)),
        );
      }
      for (let i = 0; i < laneCount; i++) lanes.push(lane());
    }
    chunks.end();
    await Promise.all(lanes);
    if (failure) throw failure.error;
  } finally {
    // On a failure here (a status list that cannot be saved), no lane is left waiting.
    chunks.end();
    await Promise.all(lanes);
    progress?.finish();
    csv?.close();
  }
  return {
    rows: dataRecords.length,
    issued,
    refused,
    seconds: (performance.now() - start) / 1000,
    maxQrVersion,
    animated,
    ...(csv ? { csvPath: csv.path } : {}),
  };
}

function jobRow(row: PayrollRow, statusIdx?: number): PayrollJobRow {
  return {
    employeeId: row.employeeId,
    claims: row.claims,
    xpub: row.xpub,
    childIndex: row.childIndex,
    ...(statusIdx === undefined ? {} : { statusIdx }),
  };
}

/** A chunk of rows and its number (0, 1, 2, … in row order: offers.csv keeps that order). */
interface Chunk {
  seq: number;
  rows: PayrollJobRow[];
}

/** Chunks handed to the lanes as they come; `take` waits for one, or undefined once ended. */
function createChunkQueue(): {
  push(rows: PayrollJobRow[]): void;
  end(): void;
  take(): Promise<Chunk | undefined>;
} {
  const queue: Chunk[] = [];
  const waiting: ((chunk: Chunk | undefined) => void)[] = [];
  let ended = false;
  let seq = 0;
  return {
    push(rows) {
      const chunk = { seq: seq++, rows };
      const lane = waiting.shift();
      if (lane) lane(chunk);
      else queue.push(chunk);
    },
    end() {
      ended = true;
      for (const lane of waiting.splice(0)) lane(undefined);
    },
    take() {
      const chunk = queue.shift();
      if (chunk || ended) return Promise.resolve(chunk);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}
