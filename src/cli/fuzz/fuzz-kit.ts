/**
 * What every fuzz target is made of (fuzz-targets.ts, fuzz-oid4vci.ts): the target's shape, the
 * check that an answer is a proper Result, the crypto pair for signed inputs, and the printing of
 * an input for the report.
 */
import type { JwsCrypto } from '../../core/jose/jws-crypto.ts';
import { seededRandomBytes } from '../../core/jose/random-bytes.fake.ts';
import { acceptingCrypto, opensslJwsCrypto } from './fuzz-crypto.ts';
import { mutateText } from './fuzz-mutate.ts';
import type { FuzzRng } from './fuzz-rng.ts';

export interface FuzzTarget<T = unknown> {
  readonly name: string;
  readonly seeds: readonly T[];
  mutate(rng: FuzzRng, seed: T): T;
  /** Runs the decoder; a returned text is a bug its answer shows. A throw is a bug too. */
  run(input: T, rng: FuzzRng): Promise<string | undefined> | string | undefined;
  /** A short, printable description of an input for the report. */
  describe(input: T): string;
}

export function describeText(text: string): string {
  const shown = JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}…` : text);
  return `${text.length} chars ${shown}`;
}

export function describeBytes(bytes: Uint8Array): string {
  const hex = Array.from(bytes.subarray(0, 48), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${bytes.length} bytes ${hex}${bytes.length > 48 ? '…' : ''}`;
}

/** A Result must be {ok: true, value} or {ok: false, reason: string}. */
export function resultProblem(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null) return `not a Result: ${String(result)}`;
  const r = result as { ok?: unknown; reason?: unknown };
  if (r.ok === true) return undefined;
  if (r.ok === false && typeof r.reason === 'string' && r.reason !== '') return undefined;
  return `not a Result: ${JSON.stringify(result).slice(0, 120)}`;
}

export function textTarget(
  name: string,
  seeds: readonly string[],
  run: FuzzTarget<string>['run'],
  mutate: (rng: FuzzRng, seed: string) => string = (rng, seed) => mutateText(rng, seed, seeds),
): FuzzTarget<string> {
  return { name, seeds, mutate, run, describe: describeText };
}

export interface Shared {
  fast: JwsCrypto;
  accepting: JwsCrypto;
  crypto(rng: FuzzRng): JwsCrypto;
}

export function sharedCrypto(): Shared {
  const fast = opensslJwsCrypto(seededRandomBytes('fuzz crypto'));
  const accepting = acceptingCrypto(fast);
  // Half the inputs get a crypto that accepts every signature, so mutations of signed content
  // reach the checks behind the signature.
  return { fast, accepting, crypto: (rng) => (rng.chance(0.5) ? accepting : fast) };
}
