/**
 * The issuer's status list (1 bit per credential: 0 = valid, 1 = revoked; draft-ietf-oauth-status-list
 * §7.1 "VALID"/"INVALID"), kept as a JSON-safe file: the CLI's list.json and the desk's stored state.
 *
 * - At least 100,000 entries (herd privacy, "Status List Size" / docs/status-list.md).
 * - Each credential gets a uniformly random unused index ("Linkability Mitigation": random
 *   indices do not reveal issuance order); `used` remembers every index ever handed out, so no index
 *   is ever reused — even after revocation ("Default Values and Double Allocation").
 */
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
  compressStatusBytes,
  countBits,
  decompressStatusList,
  getBit,
  MAX_STATUS_LIST_BYTES,
  setBit,
} from './status-bits.ts';

export interface StatusListFile {
  uri: string;
  size: number;
  bits: 1;
  /** base64url(zlib(deflate(bytes))), as in the statuslist+jwt. */
  lst: string;
  /** The same encoding, one bit per index handed out (never reused). */
  used: string;
  /** Count, for display. */
  revoked: number;
}

export const MIN_STATUS_LIST_SIZE = 100_000;
export const MAX_STATUS_LIST_SIZE = MAX_STATUS_LIST_BYTES * 8;

type Message = { message: string };

/** Why `size` is not a valid status list size, or undefined (for CLI and form input). */
export function statusListSizeProblem(size: unknown): string | undefined {
  if (typeof size !== 'number' || !Number.isSafeInteger(size))
    return `size must be an integer, got ${String(size)}`;
  if (size < MIN_STATUS_LIST_SIZE)
    return `size must be at least ${MIN_STATUS_LIST_SIZE} (herd privacy), got ${size}`;
  if (size > MAX_STATUS_LIST_SIZE)
    return `size must be at most ${MAX_STATUS_LIST_SIZE}, got ${size}`;
  if (size % 8 !== 0) return `size must be a multiple of 8 (whole bytes), got ${size}`;
  return undefined;
}

export function createStatusList(opts: { uri: string; size?: number }): StatusListFile {
  const { uri, size = MIN_STATUS_LIST_SIZE } = opts;
  const problem = statusListSizeProblem(size);
  if (problem !== undefined) throw new RangeError(`createStatusList: ${problem}`);
  if (typeof uri !== 'string' || uri === '')
    throw new TypeError('createStatusList: "uri" must be a non-empty string');
  const empty = compressStatusBytes(new Uint8Array(size / 8));
  return { uri, size, bits: 1, lst: empty, used: empty, revoked: 0 };
}

/** Reads a stored or file-provided list (old or foreign data must not crash anything). */
export function parseStatusListFile(
  json: unknown,
): Result<StatusListFile, 'bad-status-list', Message> {
  const bad = (message: string) => failedWith('bad-status-list', { message });
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return bad('a status list file is a JSON object');
  const { uri, size, bits, lst, used, revoked } = json as Record<string, unknown>;
  if (typeof uri !== 'string' || uri === '') return bad('"uri" must be a non-empty string');
  const sizeProblem = statusListSizeProblem(size);
  if (sizeProblem !== undefined) return bad(`"size": ${sizeProblem}`);
  if (bits !== 1) return bad(`"bits" must be 1, got ${String(bits)}`);
  const decoded = decodeBoth({
    uri,
    size: size as number,
    bits: 1,
    lst: lst as string,
    used: used as string,
    revoked: 0,
  });
  if (!decoded.ok) return bad(decoded.detail.message);
  const revokedCount = countBits(decoded.value.status);
  if (typeof revoked !== 'number' || revoked !== revokedCount) {
    return bad(
      `"revoked" must equal the ${revokedCount} revoked entries in "lst", got ${String(revoked)}`,
    );
  }
  return ok({
    uri,
    size: size as number,
    bits: 1,
    lst: lst as string,
    used: used as string,
    revoked: revokedCount,
  });
}

function decodeBoth(
  list: StatusListFile,
): Result<{ status: Uint8Array; used: Uint8Array }, 'bad-status-list', Message> {
  const expected = list.size / 8;
  const status = decompressStatusList(list.lst, expected);
  if (!status.ok || status.value.length !== expected) {
    return failedWith('bad-status-list', { message: `"lst" must decompress to ${expected} bytes` });
  }
  const used = decompressStatusList(list.used, expected);
  if (!used.ok || used.value.length !== expected) {
    return failedWith('bad-status-list', {
      message: `"used" must decompress to ${expected} bytes`,
    });
  }
  for (let i = 0; i < expected; i++) {
    if (((status.value[i] ?? 0) & ~(used.value[i] ?? 0)) !== 0) {
      return failedWith('bad-status-list', {
        message: `byte ${i}: an index is revoked that was never issued`,
      });
    }
  }
  return ok({ status: status.value, used: used.value });
}

function decodeOrThrow(list: StatusListFile): { status: Uint8Array; used: Uint8Array } {
  const decoded = decodeBoth(list);
  if (!decoded.ok)
    throw new TypeError(
      `status list ${list.uri}: ${decoded.detail.message} (parse it with parseStatusListFile first)`,
    );
  return decoded.value;
}

/** A uniform random integer in [0, bound) by rejection sampling over 32-bit draws. */
function uniformBelow(bound: number, randomBytes: (n: number) => Uint8Array): number {
  const limit = Math.floor(0x1_0000_0000 / bound) * bound;
  for (;;) {
    const bytes = randomBytes(4);
    const draw =
      (((bytes[0] ?? 0) << 24) |
        ((bytes[1] ?? 0) << 16) |
        ((bytes[2] ?? 0) << 8) |
        (bytes[3] ?? 0)) >>>
      0;
    if (draw < limit) return draw % bound;
  }
}

function pickUnused(
  used: Uint8Array,
  size: number,
  free: number,
  randomBytes: (n: number) => Uint8Array,
): number {
  // While at least 1/16 of the list is free, draw indices uniformly and reject used ones
  // (expected ≤ 16 draws). Past that, pick the k-th free index for a uniform k: same distribution,
  // bounded time.
  if (free * 16 >= size) {
    for (;;) {
      const index = uniformBelow(size, randomBytes);
      if (!getBit(used, index)) return index;
    }
  }
  let k = uniformBelow(free, randomBytes);
  for (let index = 0; index < size; index++) {
    if (!getBit(used, index) && k-- === 0) return index;
  }
  throw new Error('pickUnused: free count out of sync with the used bits');
}

/** Hands out `count` fresh random indices at once (one decompress/compress for a whole batch). */
export function allocateStatusIndices(
  list: StatusListFile,
  count: number,
  randomBytes: (n: number) => Uint8Array,
): Result<{ list: StatusListFile; indices: number[] }, 'list-full', Message> {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(
      `allocateStatusIndices: "count" must be a non-negative integer, got ${count}`,
    );
  const { used } = decodeOrThrow(list);
  let free = list.size - countBits(used);
  if (free < count) {
    return failedWith('list-full', {
      message: `the status list ${list.uri} has ${free} unused entries of ${list.size}; ${count} needed. Create a new list.`,
    });
  }
  const indices: number[] = [];
  for (let i = 0; i < count; i++) {
    const index = pickUnused(used, list.size, free, randomBytes);
    setBit(used, index);
    free--;
    indices.push(index);
  }
  return ok({ list: { ...list, used: compressStatusBytes(used) }, indices });
}

export function allocateStatusIndex(
  list: StatusListFile,
  randomBytes: (n: number) => Uint8Array,
): Result<{ list: StatusListFile; index: number }, 'list-full', Message> {
  const allocated = allocateStatusIndices(list, 1, randomBytes);
  if (!allocated.ok) return allocated;
  return ok({ list: allocated.value.list, index: allocated.value.indices[0] as number });
}

export function revokeStatusIndex(
  list: StatusListFile,
  index: number,
  options: {
    /**
     * Revoke an index this list file never handed out (e.g. a credential issued elsewhere with
     * this list). The index is then also marked used, so it can never be given to a new credential.
     */
    readonly evenIfNotIssued?: boolean;
  } = {},
): Result<StatusListFile, 'index-out-of-range' | 'index-not-issued' | 'already-revoked', Message> {
  if (!Number.isSafeInteger(index) || index < 0 || index >= list.size) {
    return failedWith('index-out-of-range', {
      message: `index ${String(index)} is not in the status list (0 to ${list.size - 1})`,
    });
  }
  const { status, used } = decodeOrThrow(list);
  const issued = getBit(used, index);
  if (!issued && !options.evenIfNotIssued) {
    return failedWith('index-not-issued', {
      message: `index ${index} was never given to a credential`,
    });
  }
  if (getBit(status, index)) {
    return failedWith('already-revoked', { message: `index ${index} is already revoked` });
  }
  setBit(status, index);
  if (!issued) setBit(used, index);
  return ok({
    ...list,
    lst: compressStatusBytes(status),
    ...(issued ? {} : { used: compressStatusBytes(used) }),
    revoked: list.revoked + 1,
  });
}

/** True if `index` is revoked in the issuer's own list. */
export function isStatusIndexRevoked(list: StatusListFile, index: number): boolean {
  if (!Number.isSafeInteger(index) || index < 0 || index >= list.size) return false;
  return getBit(decodeOrThrow(list).status, index);
}
