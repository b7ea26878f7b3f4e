/** Record ids: opaque strings such as `credential:7f3a…`, bound to each ciphertext as AAD. */

/** The record holding the wallet secret (the seed bytes). Reserved: callers cannot read or write it. */
export const SECRET_RECORD_ID = 'secret';

/** Ids under this prefix are the vault's own index chunks (record-index.ts): reserved too. */
export const INDEX_RECORD_PREFIX = 'index:';

/** Longest id accepted; ids are keys in storage, not payloads. */
export const MAX_RECORD_ID_LENGTH = 512;

/** Throws a RangeError for an id a caller must never pass (a bug, not an expected failure). */
export function assertRecordId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_RECORD_ID_LENGTH) {
    throw new RangeError(
      `"id" expected a string of 1..${MAX_RECORD_ID_LENGTH} characters, got ${describe(id)}`,
    );
  }
  if (id === SECRET_RECORD_ID) {
    throw new RangeError(`"id" ${JSON.stringify(id)} is reserved for the wallet secret`);
  }
  if (id.startsWith(INDEX_RECORD_PREFIX)) {
    throw new RangeError(
      `"id" ${JSON.stringify(id)}: ids starting with "${INDEX_RECORD_PREFIX}" are reserved for the vault's index`,
    );
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `a string of length ${value.length}` : typeof value;
}
