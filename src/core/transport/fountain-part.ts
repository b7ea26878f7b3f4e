/**
 * One fountain part as BC-UR serialises it (BCR-2020-006 §"Multipart UR"): the CBOR array
 *
 *   [seqNum: uint, seqLen: uint, messageLen: uint, checksum: uint32, data: bytes]
 *
 * with every integer in its shortest CBOR form (RFC 8949 §4.2.1 preferred serialisation).
 * Parsing is strict and total: any other shape is refused with a message, never thrown.
 */
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

export interface FountainPart {
  /** 1-based sequence number; 1…seqLen are the plain fragments. */
  readonly seqNum: number;
  /** Number of fragments the message was cut into. */
  readonly seqLen: number;
  /** Length of the message in bytes (the last fragment is zero-padded). */
  readonly messageLen: number;
  /** CRC-32 of the whole message. */
  readonly checksum: number;
  /** One fragment, or the XOR of several. */
  readonly data: Uint8Array;
}

const MAJOR_UINT = 0;
const MAJOR_BYTES = 2;
const MAJOR_ARRAY = 4;
const UINT32_MAX = 0xffffffff;

function headerLength(value: number): number {
  if (value < 24) return 1;
  if (value <= 0xff) return 2;
  if (value <= 0xffff) return 3;
  return 5;
}

function writeHeader(out: number[], major: number, value: number): void {
  const top = major << 5;
  if (value < 24) out.push(top | value);
  else if (value <= 0xff) out.push(top | 24, value);
  else if (value <= 0xffff) out.push(top | 25, value >>> 8, value & 0xff);
  else out.push(top | 26, value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

/** Bytes the CBOR framing adds around a fragment of `dataLength` bytes. */
export function fountainPartOverhead(part: Omit<FountainPart, 'data'>, dataLength: number): number {
  return (
    1 +
    headerLength(part.seqNum) +
    headerLength(part.seqLen) +
    headerLength(part.messageLen) +
    headerLength(part.checksum) +
    headerLength(dataLength)
  );
}

export function encodeFountainPart(part: FountainPart): Uint8Array {
  for (const name of ['seqNum', 'seqLen', 'messageLen', 'checksum'] as const) {
    const value = part[name];
    if (!Number.isInteger(value) || value < 0 || value > UINT32_MAX) {
      throw new RangeError(`"${name}" expected an integer in 0..2**32-1, got ${value}`);
    }
  }
  const head: number[] = [(MAJOR_ARRAY << 5) | 5];
  writeHeader(head, MAJOR_UINT, part.seqNum);
  writeHeader(head, MAJOR_UINT, part.seqLen);
  writeHeader(head, MAJOR_UINT, part.messageLen);
  writeHeader(head, MAJOR_UINT, part.checksum);
  writeHeader(head, MAJOR_BYTES, part.data.length);
  const out = new Uint8Array(head.length + part.data.length);
  out.set(head, 0);
  out.set(part.data, head.length);
  return out;
}

export type FountainPartProblem = { message: string };

/** Reads one CBOR head; returns the value and the next offset. */
function readHead(
  bytes: Uint8Array,
  offset: number,
  major: number,
  what: string,
): Result<{ value: number; next: number }, 'malformed', FountainPartProblem> {
  const bad = (message: string) => failedWith('malformed', { message: `${what}: ${message}` });
  const initial = bytes[offset];
  if (initial === undefined) return bad('the part ends early');
  if (initial >> 5 !== major) return bad(`expected CBOR major type ${major}, got ${initial >> 5}`);
  const info = initial & 0x1f;
  if (info < 24) return ok({ value: info, next: offset + 1 });
  const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0;
  if (size === 0) return bad(`unsupported CBOR length encoding ${info}`);
  if (offset + 1 + size > bytes.length) return bad('the part ends early');
  let value = 0;
  for (let i = 1; i <= size; i++) value = value * 256 + (bytes[offset + i] as number);
  const minimum = size === 1 ? 24 : size === 2 ? 0x100 : 0x10000;
  if (value < minimum) return bad('integer not in its shortest form');
  return ok({ value, next: offset + 1 + size });
}

export function parseFountainPart(
  bytes: Uint8Array,
): Result<FountainPart, 'malformed', FountainPartProblem> {
  if (bytes[0] !== ((MAJOR_ARRAY << 5) | 5)) {
    return failedWith('malformed', { message: 'expected a CBOR array of 5 items' });
  }
  let offset = 1;
  const numbers: number[] = [];
  for (const name of ['seqNum', 'seqLen', 'messageLen', 'checksum']) {
    const head = readHead(bytes, offset, MAJOR_UINT, name);
    if (!head.ok) return head;
    numbers.push(head.value.value);
    offset = head.value.next;
  }
  const dataHead = readHead(bytes, offset, MAJOR_BYTES, 'data');
  if (!dataHead.ok) return dataHead;
  const { value: length, next } = dataHead.value;
  if (next + length !== bytes.length) {
    return failedWith('malformed', {
      message: `data: expected ${length} bytes to end the part, got ${bytes.length - next}`,
    });
  }
  const [seqNum, seqLen, messageLen, checksum] = numbers as [number, number, number, number];
  if (seqNum < 1) return failedWith('malformed', { message: '"seqNum" must be at least 1' });
  if (seqLen < 1) return failedWith('malformed', { message: '"seqLen" must be at least 1' });
  if (messageLen < seqLen) {
    return failedWith('malformed', {
      message: `"messageLen" ${messageLen} is smaller than "seqLen" ${seqLen}`,
    });
  }
  if (length !== Math.ceil(messageLen / seqLen)) {
    return failedWith('malformed', {
      message: `fragment length ${length} does not match ${messageLen} bytes in ${seqLen} fragments`,
    });
  }
  return ok({ seqNum, seqLen, messageLen, checksum, data: bytes.slice(next) });
}
