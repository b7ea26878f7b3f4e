/** Step 8: every claim the request requires was disclosed. */
import type { Check } from './check.ts';

export function checkRequestedClaims(
  claims: Readonly<Record<string, unknown>> | undefined,
  required: readonly string[],
): Check {
  if (required.length === 0) {
    return {
      name: 'requested-claims',
      ok: true,
      code: 'ok',
      message: 'No particular claims were requested',
    };
  }
  if (claims === undefined) {
    return {
      name: 'requested-claims',
      ok: false,
      code: 'missing-claim',
      message: 'The claims shown could not be read, so the requested ones are not there',
    };
  }
  const missing = [...new Set(required)].filter((name) => !Object.hasOwn(claims, name));
  if (missing.length > 0) {
    return {
      name: 'requested-claims',
      ok: false,
      code: 'missing-claim',
      message: `Requested but not shown: ${missing.join(', ')}`,
    };
  }
  return {
    name: 'requested-claims',
    ok: true,
    code: 'ok',
    message: 'Every requested claim is shown',
  };
}
