/**
 * Reading a JSON request body, total: a wrong content type, bad JSON or a non-object answers 400
 * `invalid_request` (the body size is capped before this, app.ts). Validate the members after.
 */
import type { Context } from 'hono';
import { ApiError } from './errors.ts';

export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(400, 'invalid_request', 'expected Content-Type: application/json');
  }
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'invalid_request', 'the body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'invalid_request', 'the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** The body as text (e.g. a compact JWS), whatever its content type. */
export async function readTextBody(c: Context): Promise<string> {
  return (await c.req.text()).trim();
}
