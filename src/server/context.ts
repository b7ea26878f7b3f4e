/**
 * What every part of `vouch serve` receives (docs/server.md): the one query layer, the keys, the
 * clock and the log. Route modules are Hono sub-apps built from a ServerContext; they never open
 * their own database or read files.
 */
import type { JwsAlgorithm, JwsCrypto, JwsSign } from '../core/jose/index.ts';
import type { Did } from '../core/brand.ts';
import type { ServerRegistration } from './openid4vp/registration.ts';
import type { LedgerAppend } from './receipts/ledger-client.ts';

/** One query layer over PGlite and PostgreSQL (src/server/db). Parameters are $1, $2, … */
export interface Db {
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<{ rows: Row[]; affectedRows: number }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs fn in one transaction: all its writes land, or none. Use `tx`, never the outer Db,
   * inside fn. A nested call is a savepoint. Lock rows with SELECT … FOR UPDATE when a
   * read-modify-write must be atomic across several `vouch serve` processes.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
}

/** A versioned schema change. Applied once, in order of `id`, recorded in `schema_migrations`. */
export interface Migration {
  /** `<module>-<nnn>`, e.g. `core-001`, `vci-001`, `vp-001`: never renamed once landed. */
  readonly id: string;
  readonly sql: string;
}

export interface SigningKey {
  readonly did: Did;
  readonly alg: JwsAlgorithm;
  readonly sign: JwsSign;
}

/** Structured log lines: an event name and fields that never hold personal data or secrets. */
export type Log = (event: string, fields?: Record<string, string | number | boolean>) => void;

export interface ServerContext {
  readonly db: Db;
  /** The public https (or loopback http) URL, no trailing slash: the credential issuer id. */
  readonly publicUrl: string;
  readonly issuer: SigningKey | null;
  readonly verifier: SigningKey | null;
  /**
   * The verifier's registration certificate (`--registration`), checked at start: signed into
   * every request object's `verifier_info` while valid (openid4vp/registration.ts).
   */
  readonly registration?: ServerRegistration;
  /**
   * The organisation's ledger node (`--ledger <url>`, receipts/ledger-client.ts): every receipt
   * the server countersigns is appended there. Absent: receipts are kept, not anchored.
   */
  readonly ledger?: LedgerAppend;
  readonly crypto: JwsCrypto;
  /** Cryptographically secure random bytes (codes, nonces, ids, status indices). */
  readonly randomBytes: (length: number) => Uint8Array;
  readonly now: () => Date;
  readonly log: Log;
  /**
   * Copies per credential (`vouch serve --copies`, 1…50; default 10, DEFAULT_BATCH_SIZE): the
   * issuer metadata's `batch_credential_issuance.batch_size`, the most key proofs one credential
   * request may carry.
   */
  readonly copies?: number;
  /** Status lists this server keeps (src/server/status); defaults in status/store.ts. */
  readonly statusLists?: {
    /** Entries of each new list (≥ 100,000, a multiple of 8). */
    readonly size?: number;
    /** `Cache-Control: max-age` of hosted lists and the `ttl` of the ones it signs (seconds). */
    readonly cacheSeconds?: number;
  };
}
