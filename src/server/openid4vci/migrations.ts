/**
 * The OpenID4VCI issuer's tables (docs/server.md). Access tokens and transaction codes are stored
 * only as SHA-256 digests (core/oid4vci/endpoint.ts `digestSecret`). The pre-authorized code is kept in clear while the offer is open,
 * because `GET /offers/:id` must hand it to the wallet (the offer id is the capability), and erased
 * when it is redeemed. Every single-use value is spent by one UPDATE … RETURNING or
 * DELETE … RETURNING, so two processes on one database can never both spend it.
 */
import type { Migration } from '../context.ts';

export const VCI_MIGRATIONS: readonly Migration[] = [
  {
    id: 'vci-001',
    sql: `
CREATE TABLE vci_offers (
  id text PRIMARY KEY,
  type text NOT NULL,
  claims jsonb NOT NULL,
  code text UNIQUE,
  tx_code_digest text,
  tx_code_failures integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  redeemed_at timestamptz
);
CREATE TABLE vci_access_tokens (
  token_digest text PRIMARY KEY,
  offer_id text NOT NULL REFERENCES vci_offers (id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE TABLE vci_nonces (
  nonce text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX vci_nonces_expires_at ON vci_nonces (expires_at);
`,
  },
  {
    // Issue 10: an offer is for an SD-JWT VC or a W3C VC-JWT (OpenID4VCI format identifiers).
    id: 'vci-002',
    sql: `
ALTER TABLE vci_offers ADD COLUMN format text NOT NULL DEFAULT 'dc+sd-jwt'
  CHECK (format IN ('dc+sd-jwt', 'jwt_vc_json'));
`,
  },
  {
    // Issue 13: copies and refresh. Each status index issued for an offer is remembered, so
    // revoking one copy revokes every copy of the credential (refreshed ones too), and a revoked
    // credential is not refreshed (`revoked_at`). Refresh tokens (RFC 6749 §6) are stored as
    // SHA-256 digests, single use (rotated), each for the offer whose configuration and claims
    // it renews.
    id: 'vci-003',
    sql: `
ALTER TABLE vci_offers ADD COLUMN revoked_at timestamptz;
CREATE TABLE vci_issued_status (
  list_id text NOT NULL,
  idx integer NOT NULL,
  offer_id text NOT NULL REFERENCES vci_offers (id),
  PRIMARY KEY (list_id, idx)
);
CREATE INDEX vci_issued_status_offer ON vci_issued_status (offer_id);
CREATE TABLE vci_refresh_tokens (
  token_digest text PRIMARY KEY,
  offer_id text NOT NULL REFERENCES vci_offers (id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX vci_refresh_tokens_offer ON vci_refresh_tokens (offer_id);
`,
  },
];
