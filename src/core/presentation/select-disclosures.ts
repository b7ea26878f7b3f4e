/**
 * Which disclosures reveal a set of top-level claims (RFC 9901 §5.2 "Disclosing claims"): the
 * disclosure whose digest is in the top-level `_sd` and carries that name, plus every disclosure
 * nested inside its value (object `_sd` digests and `{"...": digest}` array elements), so a claim
 * is revealed whole. Everything else is withheld.
 */
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import type { Disclosure } from '../sd-jwt/disclosure.ts';

const MAX_DEPTH = 32;

/** The digests a value refers to, at any depth (without following them). */
function digestsIn(value: unknown, out: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const element of value) digestsIn(element, out, depth + 1);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === '_sd' && Array.isArray(child)) {
      for (const digest of child) if (typeof digest === 'string') out.add(digest);
    } else if (key === '...' && typeof child === 'string') {
      out.add(child);
    } else {
      digestsIn(child, out, depth + 1);
    }
  }
}

export function selectDisclosures(opts: {
  payload: Readonly<Record<string, unknown>>;
  disclosures: readonly Disclosure[];
  names: readonly string[];
}): Result<Disclosure[], 'unknown-claim', { message: string }> {
  const { payload, disclosures, names } = opts;
  const topLevel = new Set<string>();
  if (Array.isArray(payload._sd)) {
    for (const digest of payload._sd) if (typeof digest === 'string') topLevel.add(digest);
  }
  const byDigest = new Map<string, Disclosure>(
    disclosures.map((disclosure) => [disclosure.digest, disclosure]),
  );
  const chosen = new Set<string>();
  const follow = (disclosure: Disclosure, depth: number): void => {
    if (chosen.has(disclosure.digest) || depth > MAX_DEPTH) return;
    chosen.add(disclosure.digest);
    const nested = new Set<string>();
    digestsIn(disclosure.value, nested, 0);
    for (const digest of nested) {
      const inner = byDigest.get(digest);
      if (inner !== undefined) follow(inner, depth + 1);
    }
  };
  for (const name of names) {
    const disclosure = disclosures.find(
      (candidate) => candidate.name === name && topLevel.has(candidate.digest),
    );
    if (disclosure === undefined) {
      return failedWith('unknown-claim', {
        message: `the credential has no selectively disclosable claim ${JSON.stringify(name)}`,
      });
    }
    follow(disclosure, 0);
  }
  // Keep the issuer's order: it reveals nothing the digests do not already.
  return ok(disclosures.filter((disclosure) => chosen.has(disclosure.digest)));
}
