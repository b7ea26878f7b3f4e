/**
 * Applying disclosures to the signed payload: RFC 9901 §7.1 "Verification of the SD-JWT",
 * steps 3–5. Recursive: `_sd` arrays in objects, `{"...": digest}` array elements, and digests
 * inside disclosed values. Decoy digests (§4.2.5) match no disclosure and simply vanish.
 */
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { SD_ALG } from './disclosure.ts';
import type { Disclosure } from './disclosure.ts';
import type { SdJwtProblem } from './sd-jwt-problem.ts';

const MAX_DEPTH = 32;
const ARRAY_DIGEST_KEY = '...';

type Problem = { reason: SdJwtProblem; message: string };

/**
 * Sets an own property, even "__proto__" (JSON.parse makes it an own key; `=` would not). On a
 * fresh plain object `=` makes the same own, enumerable, writable property for every other name
 * (Object.prototype has no other setter), at a fraction of defineProperty's cost.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key !== '__proto__') {
    target[key] = value;
    return;
  }
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

class Reconstruction {
  private readonly byDigest = new Map<string, Disclosure>();
  private readonly seenDigests = new Set<string>();
  private readonly used = new Set<string>();

  constructor(disclosures: readonly Disclosure[]) {
    for (const disclosure of disclosures) this.byDigest.set(disclosure.digest, disclosure);
  }

  /** §7.1 step 4: every digest appears at most once, in the payload or via disclosures. */
  private see(digest: unknown, where: string): Problem | undefined {
    if (typeof digest !== 'string') {
      return {
        reason: 'malformed',
        message: `${where}: a digest must be a string, got ${typeof digest}`,
      };
    }
    if (this.seenDigests.has(digest)) {
      return {
        reason: 'duplicate-digest',
        message: `${where}: the digest ${digest} appears more than once`,
      };
    }
    this.seenDigests.add(digest);
    return undefined;
  }

  private take(digest: string): Disclosure | undefined {
    const disclosure = this.byDigest.get(digest);
    if (disclosure !== undefined) this.used.add(digest);
    return disclosure;
  }

  process(value: unknown, path: string, depth: number): unknown {
    if (depth > MAX_DEPTH) {
      throw {
        reason: 'malformed',
        message: `${path}: nested more than ${MAX_DEPTH} levels deep`,
      } satisfies Problem;
    }
    if (Array.isArray(value)) return this.processArray(value, path, depth);
    if (typeof value === 'object' && value !== null) {
      return this.processObject(value as Record<string, unknown>, path, depth);
    }
    return value;
  }

  private processObject(
    object: Record<string, unknown>,
    path: string,
    depth: number,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(object)) {
      if (key === '_sd') continue;
      if (key === '_sd_alg' && depth > 0) {
        throw {
          reason: 'malformed',
          message: `${path}: "_sd_alg" is only allowed at the top level`,
        } satisfies Problem;
      }
      setOwn(out, key, this.process(child, `${path}.${key}`, depth + 1));
    }
    const sd = object._sd;
    if (sd === undefined) return out;
    if (!Array.isArray(sd)) {
      throw {
        reason: 'malformed',
        message: `${path}._sd must be an array of digests`,
      } satisfies Problem;
    }
    for (const digest of sd) {
      const problem = this.see(digest, `${path}._sd`);
      if (problem) throw problem;
      const disclosure = this.take(digest as string);
      if (disclosure === undefined) continue; // a decoy, or a claim the holder did not disclose
      if (disclosure.name === undefined) {
        throw {
          reason: 'bad-disclosure',
          message: `${path}._sd: the disclosure for ${digest} is an array element [salt, value], not a property`,
        } satisfies Problem;
      }
      // §7.1 step 3.2.2.1.3: a disclosed name must not already exist at this level.
      if (Object.hasOwn(out, disclosure.name)) {
        throw {
          reason: 'bad-disclosure',
          message: `${path}: the disclosed claim "${disclosure.name}" already exists in the payload`,
        } satisfies Problem;
      }
      setOwn(
        out,
        disclosure.name,
        this.process(disclosure.value, `${path}.${disclosure.name}`, depth + 1),
      );
    }
    return out;
  }

  private processArray(array: readonly unknown[], path: string, depth: number): unknown[] {
    const out: unknown[] = [];
    for (const [index, element] of array.entries()) {
      const isDigestElement =
        typeof element === 'object' &&
        element !== null &&
        !Array.isArray(element) &&
        Object.keys(element).length === 1 &&
        Object.hasOwn(element, ARRAY_DIGEST_KEY);
      if (!isDigestElement) {
        out.push(this.process(element, `${path}[${index}]`, depth + 1));
        continue;
      }
      const digest = (element as Record<string, unknown>)[ARRAY_DIGEST_KEY];
      const problem = this.see(digest, `${path}[${index}]`);
      if (problem) throw problem;
      const disclosure = this.take(digest as string);
      if (disclosure === undefined) continue; // §7.1 step 3.3.2: undisclosed elements are removed
      if (disclosure.name !== undefined) {
        throw {
          reason: 'bad-disclosure',
          message: `${path}[${index}]: the disclosure for ${digest as string} is a property [salt, name, value], not an array element`,
        } satisfies Problem;
      }
      out.push(this.process(disclosure.value, `${path}[${index}]`, depth + 1));
    }
    return out;
  }

  unused(): Disclosure | undefined {
    for (const [digest, disclosure] of this.byDigest) if (!this.used.has(digest)) return disclosure;
    return undefined;
  }
}

function isProblem(error: unknown): error is Problem {
  return typeof error === 'object' && error !== null && 'reason' in error && 'message' in error;
}

/**
 * The payload with every presented disclosure applied and `_sd` / `_sd_alg` removed.
 * Refuses: an unsupported `_sd_alg`, the same disclosure twice, a digest seen twice, a disclosure
 * of the wrong shape for its place, and any disclosure no digest refers to (§7.1 step 5).
 */
export function reconstructClaims(
  payload: Readonly<Record<string, unknown>>,
  disclosures: readonly Disclosure[],
): Result<Record<string, unknown>, SdJwtProblem, { message: string }> {
  // §7.1 step 2: `_sd_alg` absent means sha-256; we support sha-256 only.
  const sdAlg = payload._sd_alg;
  if (sdAlg !== undefined && sdAlg !== SD_ALG) {
    return failedWith('sd-alg-unsupported', {
      message: `"_sd_alg" must be "sha-256", got ${JSON.stringify(sdAlg)?.slice(0, 40) ?? typeof sdAlg}`,
    });
  }
  const encodings = new Set<string>();
  for (const [index, disclosure] of disclosures.entries()) {
    if (encodings.has(disclosure.encoded)) {
      return failedWith('duplicate-disclosure', {
        message: `disclosure ${index + 1} (claim ${JSON.stringify(disclosure.name ?? '(array element)')}) is presented twice`,
      });
    }
    encodings.add(disclosure.encoded);
  }
  const reconstruction = new Reconstruction(disclosures);
  let processed: Record<string, unknown>;
  try {
    processed = reconstruction.process(payload, '$', 0) as Record<string, unknown>;
  } catch (error) {
    if (isProblem(error)) return failedWith(error.reason, { message: error.message });
    throw error;
  }
  delete processed._sd_alg;
  const unused = reconstruction.unused();
  if (unused !== undefined) {
    return failedWith('disclosure-not-referenced', {
      message: `the disclosure for ${JSON.stringify(unused.name ?? '(array element)')} is not referenced by any digest the issuer signed`,
    });
  }
  return ok(processed);
}
