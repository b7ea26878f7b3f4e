/**
 * What makes two SD-JWT VCs copies of one credential (issue 13, docs/credentials.md §Copies): the
 * same issuer (`iss`), the same `vct` and the same claims about the subject. Everything else may
 * differ between copies, and must for unlinkability: `cnf`, salts, digests, signature, status index.
 * Read without a signature check (the caller checks signatures where it matters).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '../encoding/hex.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
// Modules, not the barrel: the barrel's verifier loads the curve libraries (an offer needs none).
import { parseSdJwt } from '../sd-jwt/parse-sd-jwt.ts';
import { reconstructClaims } from '../sd-jwt/reconstruct-claims.ts';

export interface CredentialContent {
  readonly issuer: string;
  readonly vct: string;
  readonly claims: Readonly<Record<string, unknown>>;
}

/** Claims about the credential rather than its subject: they may differ between copies. */
const ENVELOPE = new Set(['iss', 'iat', 'exp', 'nbf', 'vct', 'vct#integrity', 'cnf', 'status']);

/** The content of an SD-JWT VC (its claims reconstructed); undefined when it does not parse. */
export function contentOfSdJwtVc(compact: string): CredentialContent | undefined {
  const parsed = parseSdJwt(compact);
  if (!parsed.ok) return undefined;
  const all = reconstructClaims(parsed.value.payload, parsed.value.disclosures);
  if (!all.ok) return undefined;
  const { iss, vct } = all.value;
  if (typeof iss !== 'string' || typeof vct !== 'string') return undefined;
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(all.value)) {
    if (!ENVELOPE.has(name)) claims[name] = value;
  }
  return { issuer: iss, vct, claims };
}

/**
 * A key equal for two contents exactly when issuer, vct and every claim value are equal: SHA-256
 * of their JSON with object members in code-unit order, hex (so it reveals no claim).
 */
export function contentKeyOf(content: CredentialContent): string {
  return bytesToHex(sha256(utf8ToBytes(stableJson([content.issuer, content.vct, content.claims]))));
}

/** Two SD-JWT VCs that are copies of the same credential (same issuer, vct and claim values). */
export function sameCredential(a: string, b: string): boolean {
  const left = contentOfSdJwtVc(a);
  const right = contentOfSdJwtVc(b);
  return !!left && !!right && contentKeyOf(left) === contentKeyOf(right);
}

/** JSON with object members in code-unit order, so equal values give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const names = Object.keys(record).sort();
    return `{${names.map((name) => `${JSON.stringify(name)}:${stableJson(record[name])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
