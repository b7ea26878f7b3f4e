/**
 * The one error shape of `vouch serve`: `{"error":"<code>","error_description":"…"}` (RFC 6749
 * §5.2 style, also on non-OAuth endpoints), with the right HTTP status. Descriptions are for the
 * client's developer: they name the field and what was expected, and never echo a token, a code,
 * a nonce or personal data.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ErrorBody {
  readonly error: string;
  readonly error_description: string;
}

/** Throw from a handler for an expected failure; the app's error handler answers it. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly description: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${code}: ${description}`);
  }
}

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  description: string,
  headers: Readonly<Record<string, string>> = {},
): Response {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  c.header('Cache-Control', 'no-store');
  return c.json({ error: code, error_description: description } satisfies ErrorBody, status);
}
