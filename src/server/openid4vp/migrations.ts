/**
 * The OpenID4VP verifier's table (docs/server.md). One row per request the desk made: what it
 * asked, its single-use nonce and state, the response encryption key of a `direct_post.jwt`
 * request (erased the moment the request is answered), and the verdict. `answered_at` is set by
 * one `UPDATE … WHERE answered_at IS NULL RETURNING`: that statement spends the nonce, so of two
 * answers to one request (even at once, on two processes) exactly one is verified.
 */
import type { Migration } from '../context.ts';

export const VP_MIGRATIONS: readonly Migration[] = [
  {
    id: 'vp-001',
    sql: `
CREATE TABLE vp_requests (
  id text PRIMARY KEY,
  type text NOT NULL,
  claims jsonb NOT NULL,
  purpose text,
  verifier_name text,
  response_mode text NOT NULL,
  nonce text NOT NULL UNIQUE,
  state text NOT NULL,
  encryption_key jsonb,
  redirect_uri text,
  response_code text UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  answered_at timestamptz,
  valid boolean,
  verdict jsonb
);
`,
  },
];
