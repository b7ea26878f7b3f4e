/**
 * Issues a chunk of checked payroll rows and writes their files (or returns their offers.csv
 * records, offers-csv.ts): the work `vouch issue --batch`
 * spreads over worker threads (payroll-worker-body.ts), or runs in this thread for a small batch.
 * Per row: the holder key from the relationship node (each xpub read once per thread), the SD-JWT
 * VC, the offer, ONE compression of its single frame (the .vouch text and the QR are both that
 * frame), and the PNG when asked for.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { ExtendedPublicKey } from '../../core/brand.ts';
import type { IssuerKeyFile, JwsSign, PublicJwk } from '../../core/jose/index.ts';
import { relationshipNode } from '../../core/issuer/relationship-node.ts';
import type { RelationshipNode } from '../../core/issuer/relationship-node.ts';
// Modules, not barrels: a worker thread loads only what a row needs (the barrels would also load
// zod and jose, a tenth of a second of each thread's start).
import { encodeCredentialOffer } from '../../core/protocol/credential-offer.ts';
import { disclosureArray } from '../../core/sd-jwt/disclosure.ts';
import { issueSdJwtVcParts } from '../../core/sd-jwt/issue-sd-jwt-vc.ts';
// The frame written with Node's zlib: frame-write.ts and compress.ts load no fflate.
import { encodeSingleFrameWith, singleFrameText } from '../../core/transport/frame-write.ts';
import { qrFramesOfFrame } from '../../core/transport/qr-frames-of.ts';
import { packStructureWith } from '../../core/transport/structural-pack.ts';
import type { CompressOptions, RawDeflate } from '../../core/transport/compress.ts';
import { DICTIONARY_V1 } from '../../core/transport/dictionary-v1.ts';
import {
  nodeEncoding,
  nodeIssuerSigner,
  pooledRandomBytes,
} from '../../platform/node/batch-crypto.ts';
import { renderQrPng } from '../../platform/node/qr-png.ts';
import { createRawDeflater } from '../../platform/node/raw-deflater.ts';
import type { RawDeflater } from '../../platform/node/raw-deflater.ts';
import { nativeTweakAdd } from '../../platform/node/secp256k1-child.ts';
import { offersCsvRecord } from './offers-csv.ts';

/** Byte-mode capacity of the largest QR code (version 40, level M): the PNG's upper bound. */
const QR_BYTES_V40_M = 2331;
/** Batch PNGs use one fixed mask (see renderQrPng): scoring all eight would triple the cost. */
const BATCH_MASK_PATTERN = 0;

/** What every chunk of one batch shares (structured-cloneable: it is a worker's workerData). */
export interface PayrollSetup {
  issuer: IssuerKeyFile;
  vct: string;
  /** Epoch milliseconds. */
  issuedAt: number;
  expiresAt?: number;
  statusUri?: string;
  outDir: string;
  png: boolean;
  /** `files`: a `<employee_id>.vouch` file a row; `csv`: the chunk's offers.csv records returned. */
  offers: OffersLayout;
}

/** How a batch writes its offers (docs/cli.md §Batch): one file a row, or one CSV (offers-csv.ts). */
export type OffersLayout = 'files' | 'csv';

export interface PayrollJobRow {
  employeeId: string;
  claims: Record<string, unknown>;
  xpub: string;
  childIndex: number;
  statusIdx?: number;
}

export interface ChunkResult {
  issued: number;
  /** Highest QR version among the chunk's PNGs (0 without PNGs). */
  maxQrVersion: number;
  /** Offers whose PNG had to be split into numbered frames. */
  animated: number;
  /** With `offers: 'csv'`: the chunk's offers.csv records, in the chunk's row order. */
  csv?: string;
}

/**
 * Node's zlib: the same raw DEFLATE with the v1 dictionary, a few times faster than fflate. Level 9:
 * on a packed offer (~650 bytes) every level from 1 to 9 takes the same ~45 µs (setting up the
 * stream and the dictionary is the cost) and bodies of the same size (529.20 bytes on average
 * over 1,000 payroll offers at level 9, 529.23 at level 1). What is set up is made smaller than
 * zlib's defaults, for the same bytes on offers (checked on 500 payroll offers; any setting gives
 * a body every reader inflates): a 16 KiB window (2^14; the 7,609-byte dictionary and an offer fit
 * in it), memLevel 4 (a 2^11 hash table; 1,024 symbols a block, more than a packed offer has), so
 * each row's stream allocates ~72 KB instead of ~256 KB, and a 1 KiB output buffer (the body is
 * ~530 bytes; zlib's default is 16 KiB) taken from Node's buffer pool.
 */
const ZLIB_OPTIONS = { level: 9, windowBits: 14, memLevel: 4, chunkSize: 1024 };
/** One kept zlib stream per thread, reset between offers (raw-deflater.ts), for the v1 dictionary. */
let v1Deflater: RawDeflater | undefined;
const zlibDeflate: RawDeflate = (bytes, dictionary) => {
  if (dictionary !== DICTIONARY_V1) return deflateRawSync(bytes, { ...ZLIB_OPTIONS, dictionary });
  v1Deflater ??= createRawDeflater(DICTIONARY_V1, ZLIB_OPTIONS);
  return v1Deflater(bytes);
};
/** An offer's codec-2 body is about half its codec-1 body: no codec-1 trial (compress.ts). */
export const BATCH_ENCODE = {
  deflate: zlibDeflate,
  structuralFirst: true,
  encoding: nodeEncoding,
} satisfies CompressOptions;

const textDecoder = new TextDecoder();

/** One issuer of chunks per thread: keeps the relationship nodes it has read. */
export function createPayrollIssuer(
  setup: PayrollSetup,
): (rows: readonly PayrollJobRow[]) => Promise<ChunkResult> {
  const signer = signaturesInTurn(
    setup.issuer.did,
    setup.issuer.alg,
    nodeIssuerSigner(setup.issuer),
  );
  const randomBytes = pooledRandomBytes();
  const issuedAt = new Date(setup.issuedAt);
  const expiresAt = setup.expiresAt === undefined ? undefined : new Date(setup.expiresAt);
  const nodes = new Map<string, RelationshipNode>();
  const nodeOf = (xpub: string): RelationshipNode => {
    let node = nodes.get(xpub);
    if (!node) {
      node = relationshipNode(xpub as ExtendedPublicKey, nativeTweakAdd);
      nodes.set(xpub, node);
    }
    return node;
  };

  const issueRow = async (
    row: PayrollJobRow,
    holderJwk: PublicJwk,
    position: number,
    result: ChunkResult,
    records: string[],
  ): Promise<void> => {
    const node = nodeOf(row.xpub);
    const credential = await issueSdJwtVcParts({
      issuer: signer.issuer,
      vct: setup.vct,
      claims: row.claims,
      holderJwk,
      status:
        row.statusIdx !== undefined && setup.statusUri !== undefined
          ? { idx: row.statusIdx, uri: setup.statusUri }
          : undefined,
      issuedAt,
      expiresAt,
      randomBytes,
      encoding: nodeEncoding,
    });
    const offer = encodeCredentialOffer({
      credential: credential.compact,
      relationship: node.fingerprint,
      childIndex: row.childIndex,
    });
    // The offer packed in one pass from the credential's values (checked by unpacking, codec.ts).
    const frame = encodeSingleFrameWith('offer', offer, BATCH_ENCODE.deflate, {
      ...BATCH_ENCODE,
      structure: () =>
        packStructureWith(textDecoder.decode(offer), {
          compact: credential.compact,
          header: credential.header,
          payload: credential.payload,
          disclosures: credential.disclosures.map(disclosureArray),
        }),
    });
    const text = singleFrameText(frame);
    if (setup.offers === 'csv') {
      records[position] = offersCsvRecord(row.employeeId, text);
    } else {
      // Written at once: on a worker thread a synchronous write costs less CPU than the promise
      // machinery and the round trip through libuv's threads of an asynchronous one.
      writeFileSync(join(setup.outDir, `${row.employeeId}.vouch`), `${text}\n`);
    }
    if (setup.png) {
      // One static code for print or e-mail (any version up to 40); only beyond that, frames
      // (the fountain parts of this same frame).
      const { frames } = qrFramesOfFrame(frame, { maxFrameBytes: QR_BYTES_V40_M });
      if (frames.length > 1) result.animated++;
      for (const [n, bytes] of frames.entries()) {
        const { png, version } = renderQrPng(bytes, { maskPattern: BATCH_MASK_PATTERN });
        result.maxQrVersion = Math.max(result.maxQrVersion, version);
        const name =
          frames.length > 1
            ? `${row.employeeId}-${String(n + 1).padStart(2, '0')}.png`
            : `${row.employeeId}.png`;
        writeFileSync(join(setup.outDir, name), png);
      }
    }
    result.issued++;
  };

  return async (rows) => {
    const result: ChunkResult = { issued: 0, maxQrVersion: 0, animated: 0 };
    const records: string[] = [];
    // A chunk's work in phases, each kind of work back to back, so its code and tables stay in
    // the core's caches (a P-256 signature or a tweak-add between a row's other work costs up to
    // half as much again): every row's holder key, then every row up to its signature, the
    // signatures, then every row's offer.
    const holders = rows.map((row) => nodeOf(row.xpub).child(row.childIndex).jwk as PublicJwk);
    signer.queue();
    // Settled as one, so a row that fails before its signature is no unhandled rejection while
    // the others wait for theirs; the chunk then fails with the first row's error.
    const issued = Promise.allSettled(
      rows.map((row, position) =>
        issueRow(row, holders[position] as PublicJwk, position, result, records),
      ),
    );
    // Each row has asked for its signature once the promises it awaited before have settled.
    await new Promise<void>((resolve) => setImmediate(resolve));
    signer.signAll();
    for (const outcome of await issued) if (outcome.status === 'rejected') throw outcome.reason;
    if (setup.offers === 'csv') result.csv = records.join('');
    return result;
  };
}

/**
 * The issuer's signer for a chunk's rows. After `queue()`, `issuer.sign` holds each signing input
 * back; `signAll()` makes the held signatures one after the other, hands each to its row, and
 * signs at once from then on (a row that asks late is never left waiting).
 */
export function signaturesInTurn(
  did: IssuerKeyFile['did'],
  alg: IssuerKeyFile['alg'],
  sign: JwsSign,
): {
  issuer: { did: IssuerKeyFile['did']; alg: IssuerKeyFile['alg']; sign: JwsSign };
  queue(): void;
  signAll(): void;
} {
  const held: { input: Uint8Array; resolve(signature: Promise<Uint8Array>): void }[] = [];
  let holding = false;
  return {
    issuer: {
      did,
      alg,
      sign: (input) =>
        holding ? new Promise((resolve) => held.push({ input, resolve })) : sign(input),
    },
    queue() {
      holding = true;
    },
    signAll() {
      holding = false;
      for (const { input, resolve } of held.splice(0)) resolve(sign(input));
    },
  };
}
