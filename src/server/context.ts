/**
 * What every part of `vouch serve` receives (docs/server.md): the one query layer, the keys, the
 * clock and the log. Route modules are Hono sub-apps built from a ServerContext; they never open
 * their own database or read files.
 */
import type { JwsAlgorithm, JwsCrypto, JwsSign } from '../core/jose/index.ts';
import type { Did } from '../core/brand.ts';

/** One query layer over PGlite and PostgreSQL (src/server/db). Parameters are $1, $2, … */
export interface Db {
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<{ rows: Row[]; affectedRows: number }>;
  /** Runs fn in one transaction: all its writes land, or none. */
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
  readonly crypto: JwsCrypto;
  readonly now: () => Date;
  readonly log: Log;
}
