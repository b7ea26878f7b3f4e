/** Step 8: every claim the request requires was disclosed. */
import type { Check } from './check.ts';

export function checkRequestedClaims(
  claims: Readonly<Record<string, unknown>> | undefined,
  required: readonly string[],
  values: Readonly<Record<string, readonly (string | number | boolean)[]>> = {},
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
  // A claim the request fixed (DCQL `values`) must hold one of those values: a statement of
  // another month does not answer a request about this one.
  const wrong = Object.entries(values).filter(
    ([name, allowed]) =>
      Object.hasOwn(claims, name) && !allowed.includes(claims[name] as string | number | boolean),
  );
  if (wrong.length > 0) {
    return {
      name: 'requested-claims',
      ok: false,
      code: 'missing-claim',
      message: `Shown, but not what was requested: ${wrong
        .map(
          ([name, allowed]) =>
            `${name} is ${JSON.stringify(claims[name])}, the request asks for ${allowed.map((v) => JSON.stringify(v)).join(' or ')}`,
        )
        .join('; ')}`,
    };
  }
  return {
    name: 'requested-claims',
    ok: true,
    code: 'ok',
    message: 'Every requested claim is shown',
  };
}
