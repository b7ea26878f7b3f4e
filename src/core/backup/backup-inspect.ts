/** What a backup holds, for `vouch backup inspect`: counts and names, claim values only on request. */
import { CREDENTIAL_PREFIX } from '../holder/credential-store.ts';
import { HISTORY_PREFIX } from '../holder/history.ts';
import type { Ok } from '../result.ts';
import { ok } from '../result.ts';
import type { BackupFailure } from './backup-problem.ts';
import type { OpenedBackup } from './backup-read.ts';

export interface BackupCredentialGroup {
  readonly typeId: string | null;
  readonly vct: string | null;
  readonly issuer: string | null;
  readonly issuerName: string | null;
  readonly count: number;
}

export interface BackupInspection {
  readonly format: 'vouch-backup';
  readonly version: number;
  readonly kdf: string;
  readonly createdAt: string;
  readonly records: number;
  /** Records per kind: the id up to its first ":" (`credential`, `history`, `relationship`…). */
  readonly kinds: Record<string, number>;
  /** Credentials by type and issuer. */
  readonly credentials: BackupCredentialGroup[];
  /** The time of the newest history entry; null when the history is empty. */
  readonly newestHistoryAt: string | null;
  /** With `claims`: every credential's id, type, issuer and claims. */
  readonly claims?: { id: string; typeId: string | null; issuer: string | null; claims: unknown }[];
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function recordKind(id: string): string {
  const colon = id.indexOf(':');
  return colon < 0 ? id : id.slice(0, colon);
}

export async function inspectBackup(
  opened: OpenedBackup,
  options: { readonly claims?: boolean } = {},
): Promise<Ok<BackupInspection> | BackupFailure> {
  const kinds: Record<string, number> = {};
  const groups = new Map<string, BackupCredentialGroup>();
  const claims: NonNullable<BackupInspection['claims']> = [];
  let records = 0;
  let newestHistoryAt: string | null = null;
  for await (const chunk of opened.chunks()) {
    if (!chunk.ok) return chunk;
    for (const { id, value } of chunk.value) {
      records += 1;
      const kind = recordKind(id);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<
        string,
        unknown
      >;
      if (id.startsWith(HISTORY_PREFIX)) {
        const at = text(fields.at);
        if (at !== null && (newestHistoryAt === null || at > newestHistoryAt)) newestHistoryAt = at;
      }
      if (!id.startsWith(CREDENTIAL_PREFIX)) continue;
      const group = {
        typeId: text(fields.typeId),
        vct: text(fields.vct),
        issuer: text(fields.issuer),
        issuerName: text(fields.issuerName),
      };
      const key = JSON.stringify(group);
      groups.set(key, { ...group, count: (groups.get(key)?.count ?? 0) + 1 });
      if (options.claims) {
        claims.push({
          id: id.slice(CREDENTIAL_PREFIX.length),
          typeId: group.typeId,
          issuer: group.issuer,
          claims: fields.claims ?? null,
        });
      }
    }
  }
  const { header } = opened;
  return ok({
    format: 'vouch-backup',
    version: header.version,
    kdf: header.kdfLabel,
    createdAt: header.createdAt,
    records,
    kinds: Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b))),
    credentials: [...groups.values()].sort(
      (a, b) =>
        (a.typeId ?? '').localeCompare(b.typeId ?? '') ||
        (a.issuer ?? '').localeCompare(b.issuer ?? ''),
    ),
    newestHistoryAt,
    ...(options.claims ? { claims } : {}),
  });
}
