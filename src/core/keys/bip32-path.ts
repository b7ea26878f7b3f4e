/**
 * BIP32 derivation paths ("m/7467'/0'/3'/12"): parsing with errors that say which step is wrong.
 * https://github.com/bitcoin/bips/blob/master/bip-0032.mediawiki#the-key-tree
 */
import type { Bip32Path } from '../brand.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

/** Child indices at or above this are hardened (BIP32 "i ≥ 2^31"). */
export const HARDENED_OFFSET = 0x8000_0000;
/** Largest index usable in one path step before the hardened marker: 2^31 - 1. */
export const MAX_CHILD_INDEX = HARDENED_OFFSET - 1;
/** BIP32 serialises depth in one byte. */
const MAX_DEPTH = 255;

const STEP = /^(0|[1-9][0-9]*)(['hH]?)$/;

export type Bip32PathProblem = { message: string };

/**
 * Parses "m" or "m/<index>[']/…". A hardened step may be written `'`, `h` or `H`; the result is
 * always spelled with `'`. Indices are decimal without leading zeros, 0..2^31-1 in each step.
 */
export function parseBip32Path(path: string): Result<Bip32Path, 'bad-path', Bip32PathProblem> {
  const bad = (message: string) => failedWith('bad-path', { message });
  if (typeof path !== 'string') return bad(`"path" expected a string, got ${typeof path}`);
  const [head, ...steps] = path.split('/');
  if (head !== 'm') {
    return bad(
      `"path" must start with "m" (the master key), e.g. "m/7467'/0'", got ${JSON.stringify(path)}`,
    );
  }
  if (steps.length > MAX_DEPTH) {
    return bad(`"path" has ${steps.length} steps; BIP32 allows at most ${MAX_DEPTH}`);
  }
  const spelled: string[] = ['m'];
  for (const [i, step] of steps.entries()) {
    const where = `"path" step ${i + 1} (${JSON.stringify(step)})`;
    const match = STEP.exec(step);
    if (!match) {
      return bad(
        `${where} expected a decimal index, optionally followed by ' for hardened, e.g. 0 or 7467'`,
      );
    }
    const index = Number(match[1]);
    if (!Number.isSafeInteger(index) || index > MAX_CHILD_INDEX) {
      return bad(
        `${where} index expected in range 0..${MAX_CHILD_INDEX} (2^31-1), got ${match[1]}`,
      );
    }
    spelled.push(match[2] ? `${index}'` : `${index}`);
  }
  return ok(spelled.join('/') as Bip32Path);
}

/** The child indices of a parsed path, hardened ones offset by 2^31 (what HDKey.deriveChild takes). */
export function bip32PathIndices(path: Bip32Path): number[] {
  const parsed = parseBip32Path(path);
  if (!parsed.ok) throw new Error(`bip32PathIndices: ${parsed.detail.message}`);
  return parsed.value
    .split('/')
    .slice(1)
    .map((step) =>
      step.endsWith("'") ? Number(step.slice(0, -1)) + HARDENED_OFFSET : Number(step),
    );
}

/** Appends one step to a path; throws on an index out of range (a programming error). */
export function childPath(parent: Bip32Path, index: number, hardened: boolean): Bip32Path {
  assertChildIndex(index, 'index');
  const parsed = parseBip32Path(`${parent}/${index}${hardened ? "'" : ''}`);
  if (!parsed.ok) throw new Error(`childPath: ${parsed.detail.message}`);
  return parsed.value;
}

export function assertChildIndex(index: number, field: string): void {
  if (!Number.isSafeInteger(index) || index < 0 || index > MAX_CHILD_INDEX) {
    throw new RangeError(
      `"${field}" expected an integer in range 0..${MAX_CHILD_INDEX} (2^31-1), got ${String(index)}`,
    );
  }
}
