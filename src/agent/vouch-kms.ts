/**
 * The Vouch key management system for a Veramo agent (@veramo/key-manager's
 * AbstractKeyManagementSystem). It holds two kinds of key, and signs with them; it never hands a
 * private key out (there is no export, and `importKey` takes no private key in):
 *
 * - keys of Vouch's HD tree (docs/keys.md): a BIP39 seed; `createKey({ type: 'Secp256k1', meta:
 *   { relationship, child? } })` derives m/7467'/0'/r' or m/7467'/0'/r'/c. The private key is derived
 *   again for each signature and wiped after it (core's `withPrivateKey`), so only the seed stays;
 * - issuer key files (src/core/jose/issuer-key-file.ts: ES256, EdDSA or ES256K), signing through
 *   the JwsCrypto port.
 *
 * A key's `kid` is its public key in hex (Veramo's convention), its `meta.algorithms` the one JWS
 * algorithm it signs with. Signatures are base64url JWS signature bytes (RFC 7518 §3.4: r || s),
 * what did-jwt expects from a Veramo signer. All key material lives in private (#) fields: it is
 * not in JSON.stringify, util.inspect or any value a method returns. `forget()` wipes the seed.
 */
import { AbstractKeyManagementSystem } from '@veramo/key-manager';
import type { IKey, ManagedKeyInfo, MinimalImportableKey, TKeyType } from '@veramo/core-types';
import { bytesToHex } from '../core/encoding/index.ts';
import { encodeBase64Url } from '../core/encoding/base64url.ts';
import { decodeDidKey } from '../core/did/index.ts';
import { issuerSigner, shortValue } from '../core/jose/index.ts';
import type { IssuerKeyFile, JwsAlgorithm, JwsCrypto, JwsSign } from '../core/jose/index.ts';
import {
  credentialPath,
  describeKey,
  es256kSigner,
  MAX_CHILD_INDEX,
  relationshipPath,
  WALLET_ROOT_PATH,
  withPrivateKey,
} from '../core/keys/index.ts';
import type { Bip32Path } from '../core/brand.ts';

/** The name the agent registers this KMS under (`kms` of every key it holds). */
export const VOUCH_KMS = 'vouch';

const KEY_TYPE_OF: Readonly<Record<JwsAlgorithm, TKeyType>> = {
  ES256: 'Secp256r1',
  EdDSA: 'Ed25519',
  ES256K: 'Secp256k1',
};

/** What Veramo's callers may name as `algorithm` for a key of each JWS algorithm. */
const ALGORITHM_NAMES: Readonly<Record<JwsAlgorithm, readonly string[]>> = {
  ES256: ['ES256'],
  EdDSA: ['EdDSA', 'Ed25519'],
  ES256K: ['ES256K'],
};

type HeldKey =
  | { readonly source: 'hd'; readonly info: ManagedKeyInfo; readonly path: Bip32Path }
  | { readonly source: 'file'; readonly info: ManagedKeyInfo; readonly sign: JwsSign };

export interface VouchKmsOptions {
  /** The JWS crypto port (for issuer key files). */
  crypto: JwsCrypto;
  /** The 64-byte BIP39 seed of the HD tree; copied, wiped by `forget()`. */
  seed?: Uint8Array;
  /** Checked issuer key files (parseIssuerKeyFile). */
  issuerKeys?: readonly IssuerKeyFile[];
}

function index(value: unknown, name: string): number {
  if (
    !Number.isSafeInteger(value) ||
    (value as number) < 0 ||
    (value as number) > MAX_CHILD_INDEX
  ) {
    throw new TypeError(
      `invalid_argument: "meta.${name}" expected an integer 0..${MAX_CHILD_INDEX}, got ${shortValue(value)}`,
    );
  }
  return value as number;
}

export class VouchKms extends AbstractKeyManagementSystem {
  readonly #crypto: JwsCrypto;
  #seed: Uint8Array | undefined;
  readonly #keys = new Map<string, HeldKey>();

  constructor(options: VouchKmsOptions) {
    super();
    this.#crypto = options.crypto;
    if (options.seed !== undefined) {
      if (!(options.seed instanceof Uint8Array) || options.seed.length !== 64) {
        throw new TypeError('VouchKms: "seed" expected the 64-byte BIP39 seed');
      }
      this.#seed = Uint8Array.from(options.seed);
    }
    for (const file of options.issuerKeys ?? []) this.#addIssuerKey(file);
  }

  /** Whether this KMS has an HD seed (a mnemonic was given and not forgotten). */
  get hasSeed(): boolean {
    return this.#seed !== undefined;
  }

  /** The managed key info of an issuer key file's key (it is held from construction). */
  issuerKeyInfo(did: string): ManagedKeyInfo | undefined {
    for (const held of this.#keys.values()) {
      if (held.source === 'file' && held.info.meta?.did === did) return held.info;
    }
    return undefined;
  }

  /** Wipes the seed and drops every key: after this, nothing can sign. */
  forget(): void {
    this.#seed?.fill(0);
    this.#seed = undefined;
    this.#keys.clear();
  }

  #addIssuerKey(file: IssuerKeyFile): void {
    const decoded = decodeDidKey(file.did);
    if (!decoded.ok) throw new TypeError(`VouchKms: issuer key file: ${decoded.detail.message}`);
    const info: ManagedKeyInfo = {
      kid: bytesToHex(decoded.value.key),
      kms: VOUCH_KMS,
      type: KEY_TYPE_OF[file.alg],
      publicKeyHex: bytesToHex(decoded.value.key),
      meta: { algorithms: [file.alg], did: file.did, source: 'issuer-key-file' },
    };
    this.#keys.set(info.kid, { source: 'file', info, sign: issuerSigner(this.#crypto, file) });
  }

  /** Derives (public data only) the HD key at `path` and remembers where it came from. */
  #holdHdKey(path: Bip32Path, meta: Record<string, unknown>): ManagedKeyInfo {
    if (this.#seed === undefined) {
      throw new Error(
        'invalid_argument: this Vouch KMS has no mnemonic, so it derives no keys; give createVouchAgent a mnemonic',
      );
    }
    const described = describeKey(this.#seed, path);
    const info: ManagedKeyInfo = {
      kid: described.publicKeyHex,
      kms: VOUCH_KMS,
      type: 'Secp256k1',
      publicKeyHex: described.publicKeyHex,
      meta: { ...meta, algorithms: ['ES256K'], path: described.path, did: described.did },
    };
    this.#keys.set(info.kid, { source: 'hd', info, path: described.path });
    return info;
  }

  /**
   * Derives a key of the HD tree: `meta: { relationship }` (the relationship key),
   * `meta: { relationship, child }` (a credential key), or `meta: { root: true }` (the wallet root).
   * Any other key type or meta is refused: this KMS makes no random keys.
   */
  override async createKey(args: {
    type: TKeyType;
    meta?: Record<string, unknown> | null;
  }): Promise<ManagedKeyInfo> {
    if (args.type !== 'Secp256k1') {
      throw new Error(
        `not_supported: the Vouch KMS derives only Secp256k1 keys of the HD tree, got type ${shortValue(args.type)}; load other keys from an issuer key file`,
      );
    }
    const meta = args.meta ?? {};
    if (meta.root === true) return this.#holdHdKey(WALLET_ROOT_PATH, { root: true });
    if (meta.relationship === undefined) {
      throw new TypeError(
        'invalid_argument: "meta.relationship" (and optionally "meta.child") names the HD key to derive',
      );
    }
    const relationship = index(meta.relationship, 'relationship');
    if (meta.child === undefined) {
      return this.#holdHdKey(relationshipPath(relationship), { relationship });
    }
    const child = index(meta.child, 'child');
    return this.#holdHdKey(credentialPath(relationship, child), { relationship, child });
  }

  /** Refused: private keys come only from the mnemonic or an issuer key file. */
  override async importKey(_args: Exclude<MinimalImportableKey, 'kms'>): Promise<ManagedKeyInfo> {
    throw new Error(
      'not_supported: the Vouch KMS imports no keys; give createVouchAgent a mnemonic or an issuer key file',
    );
  }

  override async listKeys(): Promise<ManagedKeyInfo[]> {
    return [...this.#keys.values()].map((held) => ({ ...held.info }));
  }

  /** Forgets a derived key (it can be derived again); an issuer key file's key stays. */
  override async deleteKey({ kid }: { kid: string }): Promise<boolean> {
    const held = this.#keys.get(kid);
    if (held === undefined || held.source !== 'hd') return false;
    return this.#keys.delete(kid);
  }

  override async sign({
    keyRef,
    algorithm,
    data,
  }: {
    keyRef: Pick<IKey, 'kid'>;
    algorithm?: string;
    data: Uint8Array;
  }): Promise<string> {
    const kid = keyRef?.kid;
    const held = typeof kid === 'string' ? this.#keys.get(kid) : undefined;
    if (held === undefined) {
      throw new Error(`invalid_argument: the Vouch KMS holds no key ${shortValue(kid)}`);
    }
    const alg = held.info.meta?.algorithms?.[0] as JwsAlgorithm;
    if (algorithm !== undefined && !ALGORITHM_NAMES[alg].includes(algorithm)) {
      throw new Error(
        `not_supported: key ${shortValue(kid)} signs with ${alg}, not ${shortValue(algorithm)}`,
      );
    }
    if (!(data instanceof Uint8Array)) {
      throw new TypeError('invalid_argument: "data" expected bytes');
    }
    if (held.source === 'file') return encodeBase64Url(await held.sign(data));
    const seed = this.#seed;
    if (seed === undefined) throw new Error('invalid_argument: the Vouch KMS was told to forget');
    const signature = await withPrivateKey(seed, held.path, async (privateKey) => {
      const signer = es256kSigner(privateKey);
      try {
        return await signer(data);
      } finally {
        signer.wipe();
      }
    });
    return encodeBase64Url(signature);
  }

  override async sharedSecret(): Promise<string> {
    throw new Error('not_supported: the Vouch KMS signs only; it computes no shared secrets');
  }
}
