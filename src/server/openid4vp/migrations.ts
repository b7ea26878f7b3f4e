/**
 * The OpenID4VP verifier's table (docs/server.md). One row per request the desk made: what it
 * asked, its single-use nonce and state, the response encryption key of a `direct_post.jwt`
 * request (erased the moment the request is answered), and the verdict. `answered_at` is set by
 * one `UPDATE … WHERE answered_at IS NULL RETURNING`: that statement spends the nonce, so of two
 * answers to one request (even at once, on two processes) exactly one is verified.
 *
 * vp-002 (issue 11, application links): `vp_applications`, one row per published link (what it
 * asks, withdrawn or not); a request minted by a fetch of a link's request_uri names it in
 * `application_id`. Requests also keep a purpose per language (`purposes`), `vouch.rule` and
 * `vouch.declare`, and the facts the citizen declared with the answer (`declared`).
 *
 * vp-003 (issue 11): the month a request is about (`vouch.period`, `YYYY-MM`), `period`.
 *
 * vp-004 (issue 14): `vp_receipts`, the desk's copy of each application receipt (receipts.ts).
 */
import type { Migration } from '../context.ts';
import { RECEIPT_MIGRATION } from './receipts.ts';

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
  {
    id: 'vp-002',
    sql: `
CREATE TABLE vp_applications (
  id text PRIMARY KEY,
  name text NOT NULL,
  spec jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  withdrawn_at timestamptz
);
ALTER TABLE vp_requests ADD COLUMN purposes jsonb;
ALTER TABLE vp_requests ADD COLUMN rule text;
ALTER TABLE vp_requests ADD COLUMN declare_facts jsonb;
ALTER TABLE vp_requests ADD COLUMN declared jsonb;
ALTER TABLE vp_requests ADD COLUMN application_id text;
CREATE INDEX vp_requests_by_application ON vp_requests (application_id, created_at)
  WHERE application_id IS NOT NULL;
`,
  },
  {
    id: 'vp-003',
    sql: `
ALTER TABLE vp_requests ADD COLUMN period text;
`,
  },
  RECEIPT_MIGRATION,
];
