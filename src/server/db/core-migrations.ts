/** The server's own tables (status lists, trust lists). Never edit a landed migration: add one. */
import type { Migration } from '../context.ts';

export const CORE_MIGRATIONS: readonly Migration[] = [
  {
    id: 'core-001',
    sql: `
CREATE TABLE status_lists (
  id text PRIMARY KEY,
  issuer_did text NOT NULL,
  -- true: this server allocates indices and revokes (bits below); false: hosted as the desk
  -- published it (PUT /admin/status/:list).
  managed boolean NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  bits bytea,
  -- a managed list stops handing out indices once it is nearly full (docs/server.md)
  full_at timestamptz,
  jwt text NOT NULL,
  iat bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX status_lists_open ON status_lists (created_at) WHERE managed AND full_at IS NULL;
-- One row per index ever handed out (or revoked without being handed out): the primary key makes
-- allocation atomic across processes, and rows are never deleted, so no index is ever reused.
CREATE TABLE status_allocations (
  list_id text NOT NULL REFERENCES status_lists (id),
  idx integer NOT NULL CHECK (idx >= 0),
  allocated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (list_id, idx)
);
CREATE TABLE trust_lists (
  signer text PRIMARY KEY,
  jwt text NOT NULL,
  iat bigint NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    // Issue 10: the W3C twin of each status list (BitstringStatusListCredential, src/server/status/
    // w3c-store.ts), served at /status/:list.w3c; same id, same issuer, same bits for managed lists.
    id: 'core-002',
    sql: `
CREATE TABLE w3c_status_lists (
  id text PRIMARY KEY,
  issuer_did text NOT NULL,
  managed boolean NOT NULL,
  jwt text NOT NULL,
  iat bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
];
