/** An open vault session: holds the (non-extractable) data key handle until lock(). */
import type { z } from 'zod';
import { failed, ok, type Result } from '../result.ts';
import { PRF_SALT_BYTES } from './kdf-policy.ts';
import { assertPasscode, passcodeKind } from './passcode.ts';
import { passcodeBinding, rewrapUnderArgon2id } from './passcode-wrap.ts';
import type {
  DeviceKeyAuthenticator,
  DeviceKeyProblem,
  DeviceWrap,
  KeyHandle,
  StorageWrite,
  VaultCrypto,
  VaultMeta,
  VaultMetaV2,
  WrapBinding,
} from './ports.ts';
import { openBytes, openJson, sealJson } from './record-codec.ts';
import { assertRecordId, SECRET_RECORD_ID } from './record-id.ts';
import { VaultCorruptError, VaultLockedError } from './vault-errors.ts';
import { deviceWrapAad } from './vault-meta.ts';
import type { VaultDeps } from './vault-deps.ts';

/** One change in writeRecords: put a JSON value under `id`, or delete a record. */
export type RecordWrite =
  { readonly id: string; readonly value: unknown } | { readonly delete: string };

export interface UnlockedVault {
  /** Decrypt the secret, hand a copy to `use`, and wipe that copy afterwards (also when `use` throws). */
  withSecret<T>(use: (secret: Uint8Array) => Promise<T> | T): Promise<T>;
  /** Read record `id`: undefined when absent, 'corrupt' when undecryptable or not matching `schema`. */
  readRecord<T>(id: string, schema: z.ZodType<T>): Promise<Result<T | undefined, 'corrupt'>>;
  /** Encrypt and store all `writes` in one storage transaction: all of them land or none. */
  writeRecords(writes: readonly RecordWrite[]): Promise<void>;
  /** Ids of the records whose id starts with `prefix` (the reserved secret record is never listed). */
  listRecordIds(prefix: string): Promise<string[]>;
  /**
   * Check `current`, then re-wrap the same data key under `next` (Argon2id, new salt). A device
   * wrap stays. Records are untouched.
   */
  changePasscode(current: string, next: string): Promise<Result<void, 'wrong-passcode'>>;
  /**
   * Check `passcode` (enabling another way in asks for the current one), then create a WebAuthn
   * credential with the PRF extension and store a second wrap of the same data key under
   * HKDF(PRF(credential, fresh salt)). The passcode keeps working. Replaces an earlier device wrap.
   */
  enableDeviceUnlock(
    passcode: string,
    authenticator: DeviceKeyAuthenticator,
  ): Promise<Result<void, 'wrong-passcode' | DeviceKeyProblem>>;
  /** Remove the device wrap (the header alone is rewritten); only the passcode opens the vault. */
  disableDeviceUnlock(): Promise<void>;
  /** Whether this vault's header holds a device wrap. */
  readonly deviceUnlock: boolean;
  /** Forget the data key; every later call throws VaultLockedError. */
  lock(): void;
  readonly locked: boolean;
}

export function openUnlockedVault(options: {
  deps: VaultDeps;
  meta: VaultMeta;
  dataKey: KeyHandle;
}): UnlockedVault {
  return new VaultSession(options.deps, options.meta, options.dataKey);
}

class VaultSession implements UnlockedVault {
  readonly #deps: VaultDeps;
  #meta: VaultMeta;
  #dataKey: KeyHandle | null;

  constructor(deps: VaultDeps, meta: VaultMeta, dataKey: KeyHandle) {
    this.#deps = deps;
    this.#meta = meta;
    this.#dataKey = dataKey;
  }

  get locked(): boolean {
    return this.#dataKey === null;
  }

  lock(): void {
    this.#dataKey = null;
  }

  async withSecret<T>(use: (secret: Uint8Array) => Promise<T> | T): Promise<T> {
    const context = this.#context('withSecret');
    const raw = await this.#deps.storage.readRecord(SECRET_RECORD_ID);
    const opened = await openBytes(context, SECRET_RECORD_ID, raw);
    // unlockVault checked the secret, so this means storage changed under an open session
    // (another tab erased or replaced the wallet).
    if (!opened.ok || !opened.value) throw new VaultCorruptError(SECRET_RECORD_ID);
    const secret = opened.value;
    try {
      return await use(secret);
    } finally {
      secret.fill(0);
    }
  }

  async readRecord<T>(id: string, schema: z.ZodType<T>): Promise<Result<T | undefined, 'corrupt'>> {
    const context = this.#context('readRecord');
    assertRecordId(id);
    const raw = await this.#deps.storage.readRecord(id);
    return openJson(context, id, raw, schema);
  }

  async writeRecords(writes: readonly RecordWrite[]): Promise<void> {
    const context = this.#context('writeRecords');
    for (const write of writes) assertRecordId('delete' in write ? write.delete : write.id);
    const storageWrites: StorageWrite[] = [];
    for (const write of writes) {
      if ('delete' in write) storageWrites.push({ delete: write.delete });
      else storageWrites.push({ put: await sealJson(context, write.id, write.value) });
    }
    if (storageWrites.length > 0) await this.#deps.storage.commit(storageWrites);
  }

  async listRecordIds(prefix: string): Promise<string[]> {
    this.#context('listRecordIds');
    const ids = await this.#deps.storage.listRecordIds(prefix);
    return ids.filter((id) => id !== SECRET_RECORD_ID);
  }

  get deviceUnlock(): boolean {
    return this.#meta.format === 2 && this.#meta.device !== undefined;
  }

  async changePasscode(current: string, next: string): Promise<Result<void, 'wrong-passcode'>> {
    this.#context('changePasscode');
    assertPasscode(next, 'next');
    // Check the current passcode before paying for the second derivation.
    const from = await this.#checkPasscode(current);
    if (!from) return failed('wrong-passcode');
    const wrap = await rewrapUnderArgon2id(this.#deps.crypto, {
      wrapped: this.#meta.wrappedDataKey,
      from,
      passcode: next,
    });
    if (!wrap) return failed('wrong-passcode');
    await this.#commitMeta({ ...wrap, device: this.#device(), passcodeKind: passcodeKind(next) });
    return ok(undefined);
  }

  async enableDeviceUnlock(
    passcode: string,
    authenticator: DeviceKeyAuthenticator,
  ): Promise<Result<void, 'wrong-passcode' | DeviceKeyProblem>> {
    this.#context('enableDeviceUnlock');
    const { crypto } = this.#deps;
    const from = await this.#checkPasscode(passcode);
    if (!from) return failed('wrong-passcode');
    // A format-1 session (its migration could not be written) moves to Argon2id now as well.
    const passcodeWrap =
      this.#meta.format === 2
        ? { kdf: this.#meta.kdf, wrappedDataKey: this.#meta.wrappedDataKey }
        : await rewrapUnderArgon2id(crypto, { wrapped: this.#meta.wrappedDataKey, from, passcode });
    if (!passcodeWrap) return failed('wrong-passcode');

    const prfSalt = crypto.randomBytes(PRF_SALT_BYTES);
    const registered = await authenticator.register({ salt: prfSalt });
    if (!registered.ok) return failed(registered.reason);
    const { credentialId, prfOutput } = registered.value;
    let kek: KeyHandle;
    try {
      kek = await crypto.deriveDeviceKeyEncryptionKey(prfOutput);
    } finally {
      prfOutput.fill(0);
    }
    const wrappedDataKey = await crypto.rewrapDataKey({
      wrapped: this.#meta.wrappedDataKey,
      from,
      to: { kek, aad: deviceWrapAad({ credentialId, prfSalt }) },
    });
    if (!wrappedDataKey) return failed('wrong-passcode');
    await this.#commitMeta({
      ...passcodeWrap,
      device: { credentialId: credentialId.slice(), prfSalt, wrappedDataKey },
      passcodeKind: passcodeKind(passcode),
    });
    return ok(undefined);
  }

  async disableDeviceUnlock(): Promise<void> {
    this.#context('disableDeviceUnlock');
    const meta = this.#meta;
    if (meta.format !== 2 || !meta.device) return;
    await this.#commitMeta({
      kdf: meta.kdf,
      wrappedDataKey: meta.wrappedDataKey,
      ...(meta.passcodeKind ? { passcodeKind: meta.passcodeKind } : {}),
    });
  }

  /** The current passcode's wrap binding if it opens the stored wrap, else null. */
  async #checkPasscode(passcode: string): Promise<WrapBinding | null> {
    if (typeof passcode !== 'string') throw new TypeError('"passcode" expected a string');
    if (passcode === '') return null; // no vault has an empty passcode
    const { crypto } = this.#deps;
    const from = await passcodeBinding(crypto, passcode, this.#meta);
    return (await crypto.unwrapDataKey(this.#meta.wrappedDataKey, from.kek, from.aad))
      ? from
      : null;
  }

  #device(): DeviceWrap | undefined {
    return this.#meta.format === 2 ? this.#meta.device : undefined;
  }

  /** Write a format-2 header alone (one transaction) and adopt it. */
  async #commitMeta(parts: Omit<VaultMetaV2, 'format' | 'createdAt'>): Promise<void> {
    const next: VaultMetaV2 = {
      format: 2,
      createdAt: this.#meta.createdAt,
      kdf: parts.kdf,
      wrappedDataKey: parts.wrappedDataKey,
      ...(parts.device ? { device: parts.device } : {}),
      ...(parts.passcodeKind ? { passcodeKind: parts.passcodeKind } : {}),
    };
    await this.#deps.storage.commit([], next);
    this.#meta = next;
  }

  #context(operation: string): { crypto: VaultCrypto; dataKey: KeyHandle } {
    if (this.#dataKey === null) throw new VaultLockedError(operation);
    return { crypto: this.#deps.crypto, dataKey: this.#dataKey };
  }
}
