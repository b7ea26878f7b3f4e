/**
 * Every migration of `vouch serve`, in the order they are applied. Each module keeps its own
 * `Migration[]`; append new entries at the end of the module's list (ids `<module>-<nnn>`, never
 * renamed, never edited once landed). The runner (migrate.ts) applies what a database lacks.
 */
import type { Migration } from '../context.ts';
import { VCI_MIGRATIONS } from '../openid4vci/migrations.ts';
import { VP_MIGRATIONS } from '../openid4vp/migrations.ts';
import { RECEIPT_MIGRATIONS } from '../receipts/issuance.ts';
import { CORE_MIGRATIONS } from './core-migrations.ts';

export const MIGRATIONS: readonly Migration[] = [
  ...CORE_MIGRATIONS,
  // OpenID4VCI (src/server/openid4vci): vci-001, …
  ...VCI_MIGRATIONS,
  // OpenID4VP (src/server/openid4vp): vp-001, …
  ...VP_MIGRATIONS,
  // Issuance receipts (src/server/receipts): rc-001, …
  ...RECEIPT_MIGRATIONS,
];
