/**
 * `Authorization: Bearer <token>` on /admin/* (RFC 6750 §2.1). The comparison is constant-time
 * over SHA-256 digests (equal lengths whatever was sent). A refusal never echoes what was sent.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './errors.ts';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function adminAuth(adminToken: string): MiddlewareHandler {
  if (adminToken.length < 16) throw new RangeError('adminAuth: the admin token is too short');
  const expected = digest(adminToken);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(header);
    const challenge = { 'WWW-Authenticate': 'Bearer realm="vouch-admin"' };
    if (match === null) {
      return errorResponse(c, 401, 'unauthorized', 'an admin bearer token is required', challenge);
    }
    if (!timingSafeEqual(digest(match[1] as string), expected)) {
      return errorResponse(c, 401, 'unauthorized', 'the admin token is not valid', {
        'WWW-Authenticate': 'Bearer realm="vouch-admin", error="invalid_token"',
      });
    }
    await next();
  };
}
