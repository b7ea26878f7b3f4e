import { z } from 'zod';
import { bytesToUtf8, decodeBase64Url, encodeBase64Url, utf8ToBytes } from '../encoding/index.ts';
import { parseIssuerKeyFile, type IssuerKeyFile } from '../jose/index.ts';
import { failed, ok, type Result } from '../result.ts';
import {
  createMemoryVaultStorage,
  createVault,
  SECRET_RECORD_ID,
  unlockVault,
  type VaultCrypto,
} from '../vault/index.ts';
import { ISSUER_KINDS, type DeskProfile } from './desk.ts';

/**
 * A passphrase-encrypted issuer key file, to move a desk to another browser or keep a backup.
 * It is the vault format itself (Argon2id, 64 MiB → AES-GCM key wrap → AES-GCM secret; files from
 * before format 2 carry PBKDF2-SHA256 ≥ 600,000 and still import, see docs/vault.md),
 * built on in-memory storage and written out as JSON with byte arrays in base64url: one mechanism
 * for the desk's storage and for its export. The file holds the issuer key and the desk profile.
 */
export const KEY_FILE_FORMAT = 'vouch-issuer-key-file';
export const MIN_EXPORT_PASSPHRASE = 10;
const MAX_FILE_CHARS = 64 * 1024;

const BYTES = '$b64u';

function toJson(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES]: encodeBase64Url(value) };
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, toJson(v)]));
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return value;
}

function fromJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]?.[0] === BYTES && typeof entries[0][1] === 'string') {
      const bytes = decodeBase64Url(entries[0][1]);
      if (!bytes.ok) throw new Error('bad bytes');
      return bytes.value;
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, fromJson(v)]));
  }
  return value;
}

const payloadSchema = z.object({
  keyFile: z.unknown(),
  profile: z.object({
    name: z.string().min(1).max(200),
    kind: z.enum(ISSUER_KINDS),
    registration: z.string().max(100),
  }),
});

const fileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  v: z.literal(1),
  vault: z.object({ meta: z.unknown(), secret: z.unknown() }),
});

export async function exportEncryptedKeyFile(
  deps: { crypto: VaultCrypto },
  options: {
    keyFile: IssuerKeyFile;
    profile: Pick<DeskProfile, 'name' | 'kind' | 'registration'>;
    passphrase: string;
  },
): Promise<Result<string, 'weak-passphrase'>> {
  if ([...options.passphrase].length < MIN_EXPORT_PASSPHRASE) return failed('weak-passphrase');
  const storage = createMemoryVaultStorage();
  const payload = utf8ToBytes(
    JSON.stringify({ keyFile: options.keyFile, profile: options.profile }),
  );
  try {
    const created = await createVault(
      { storage, crypto: deps.crypto },
      { passcode: options.passphrase, secret: payload },
    );
    if (!created.ok) throw new Error(`key file export: ${created.reason}`);
    created.value.lock();
  } finally {
    payload.fill(0);
  }
  const snapshot = storage.snapshot();
  return ok(
    JSON.stringify({
      format: KEY_FILE_FORMAT,
      v: 1,
      vault: {
        meta: toJson(snapshot.meta),
        secret: toJson(snapshot.records.get(SECRET_RECORD_ID)),
      },
    }),
  );
}

export type ImportProblem = 'malformed' | 'wrong-passphrase';

export async function importEncryptedKeyFile(
  deps: { crypto: VaultCrypto },
  options: { text: string; passphrase: string },
): Promise<
  Result<
    { keyFile: IssuerKeyFile; profile: Pick<DeskProfile, 'name' | 'kind' | 'registration'> },
    ImportProblem
  >
> {
  if (options.text.length > MAX_FILE_CHARS) return failed('malformed');
  let file: z.infer<typeof fileSchema>;
  let meta: unknown;
  let secret: unknown;
  try {
    const parsed = fileSchema.safeParse(JSON.parse(options.text));
    if (!parsed.success) return failed('malformed');
    file = parsed.data;
    meta = fromJson(file.vault.meta);
    secret = fromJson(file.vault.secret);
  } catch {
    return failed('malformed');
  }
  const storage = createMemoryVaultStorage({ meta, records: [[SECRET_RECORD_ID, secret]] });
  const unlocked = await unlockVault({ storage, crypto: deps.crypto }, options.passphrase);
  if (!unlocked.ok)
    return failed(unlocked.reason === 'wrong-passcode' ? 'wrong-passphrase' : 'malformed');
  try {
    return await unlocked.value.withSecret((bytes) => {
      const text = bytesToUtf8(bytes);
      if (!text.ok) return failed('malformed');
      const payload = payloadSchema.safeParse(JSON.parse(text.value));
      if (!payload.success) return failed('malformed');
      const keyFile = parseIssuerKeyFile(payload.data.keyFile);
      if (!keyFile.ok) return failed('malformed');
      return ok({ keyFile: keyFile.value, profile: payload.data.profile });
    });
  } catch {
    return failed('malformed');
  } finally {
    unlocked.value.lock();
  }
}
