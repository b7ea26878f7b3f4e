/**
 * Checking claims against a type's schema, when issuing and when receiving. Every problem is
 * reported with the claim's name, what was expected and the value received.
 */
import { shortValue } from '../jose/compact-jws.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { expectationOf } from './claim-kinds.ts';
import { CREDENTIAL_TYPES } from './credential-types.ts';
import type { CredentialTypeId } from './credential-type.ts';

export interface ClaimIssue {
  claim: string;
  message: string;
}

export function checkClaims(
  type: CredentialTypeId,
  claims: unknown,
): Result<Record<string, unknown>, 'invalid-claims', { issues: ClaimIssue[] }> {
  const definition = CREDENTIAL_TYPES[type];
  if (definition === undefined)
    throw new TypeError(`checkClaims: unknown credential type ${shortValue(type)}`);
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    return failedWith('invalid-claims', {
      issues: [
        { claim: '(all)', message: `the claims must be a JSON object, got ${shortValue(claims)}` },
      ],
    });
  }
  const parsed = definition.schema.safeParse(claims);
  if (parsed.success) return ok(parsed.data);
  const record = claims as Record<string, unknown>;
  const issues: ClaimIssue[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ claim: key, message: `"${key}" is not a claim of ${definition.id}` });
      }
      continue;
    }
    const claim = String(issue.path[0] ?? '(all)');
    if (seen.has(claim)) continue;
    seen.add(claim);
    const spec = definition.claims.find((candidate) => candidate.name === claim);
    const value = record[claim];
    if (spec === undefined) {
      issues.push({ claim, message: issue.message });
    } else if (value === undefined) {
      issues.push({ claim, message: `"${claim}" is required: ${expectationOf(spec)}` });
    } else {
      issues.push({
        claim,
        message: `"${claim}" must be ${expectationOf(spec)}, got ${shortValue(value)}`,
      });
    }
  }
  return failedWith('invalid-claims', { issues });
}
