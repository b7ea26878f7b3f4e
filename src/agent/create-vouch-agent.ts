/**
 * `createVouchAgent(options)`: a @veramo/core agent whose plugins are Vouch's (docs/agent.md):
 *
 * - KeyManager over the Vouch KMS (vouch-kms.ts): the HD tree of a BIP39 mnemonic and/or issuer
 *   key files; no private key leaves it;
 * - DIDManager with did:key (@veramo/did-provider-key); every issuer key file's did:key is managed
 *   from the start (alias "issuer", "issuer-2", …), and with a mnemonic the wallet root's
 *   (alias "wallet");
 * - DIDResolverPlugin on core's createDidResolver (src/core/w3c): did:key and did:jwk offline;
 *   did:web only when `didWebFetch` is given;
 * - CredentialPlugin with Veramo's own JWT provider (did-jwt-vc underneath): createVerifiable-
 *   Credential / verifyCredential / createVerifiablePresentation / verifyPresentation, proofFormat
 *   'jwt';
 * - VouchCredentialsPlugin (SD-JWT VC issue and present, and the Vouch verdict for either format);
 * - VouchEligibilityPlugin (runEligibilityRule).
 *
 * Bad options are refused with an error naming the option; no key material is ever in an error.
 */
import { createAgent } from '@veramo/core';
import type {
  ICredentialPlugin,
  IDIDManager,
  IKeyManager,
  IResolver,
  TAgent,
} from '@veramo/core-types';
import { CredentialProviderJWT } from '@veramo/credential-jwt';
import { CredentialPlugin } from '@veramo/credential-w3c';
import { DIDManager, MemoryDIDStore } from '@veramo/did-manager';
import { KeyDIDProvider } from '@veramo/did-provider-key';
import { DIDResolverPlugin } from '@veramo/did-resolver';
import { KeyManager, MemoryKeyStore } from '@veramo/key-manager';
import { parseIssuerKeyFile } from '../core/jose/index.ts';
import type { IssuerKeyFile, JwsCrypto } from '../core/jose/index.ts';
import { checkMnemonic, mnemonicToSeed } from '../core/keys/index.ts';
import type { HttpFetch } from '../core/oid4vci/http.ts';
import { createDidResolver } from '../core/w3c/index.ts';
import { webJwsCrypto } from '../platform/crypto/jws-crypto.ts';
import { VouchCredentialsPlugin } from './credentials-plugin.ts';
import type { IVouchCredentials, StatusListSource } from './credentials-plugin.ts';
import { VouchEligibilityPlugin } from './eligibility-plugin.ts';
import type { IVouchEligibility } from './eligibility-plugin.ts';
import { VOUCH_KMS, VouchKms } from './vouch-kms.ts';

export interface VouchAgentOptions {
  /** A 24-word BIP39 mnemonic: the HD tree (docs/keys.md). Key material: never log it. */
  mnemonic?: string;
  /** An issuer key file (parsed JSON: { did, alg, publicJwk, privateJwk }), or several. */
  issuerKeyFile?: unknown;
  /** The JWS crypto port; default WebCrypto for ES256/EdDSA and noble for ES256K. */
  crypto?: JwsCrypto;
  /** did:web DIDs are resolved with this fetch, and only when it is given (online). */
  didWebFetch?: HttpFetch;
  /**
   * Status lists at hand, by URI ({ jwt, fetchedAt }): an IETF statuslist+jwt or a Bitstring
   * Status List VC-JWT. Used by verifyVouchPresentation when a call brings none, and by Veramo's
   * verifyCredential (through checkCredentialStatus) for a VC with a credentialStatus.
   */
  statusList?: StatusListSource;
  /** The clock; default the system's. */
  now?: () => Date;
  /** Default: crypto.getRandomValues. */
  randomBytes?: (length: number) => Uint8Array;
}

/** Everything a Vouch agent does, for `TAgent<…>` typing. */
export type VouchAgentMethods = IKeyManager &
  IDIDManager &
  IResolver &
  ICredentialPlugin &
  IVouchCredentials &
  IVouchEligibility;

export type VouchAgent = TAgent<VouchAgentMethods>;

function issuerKeyFiles(option: unknown): IssuerKeyFile[] {
  if (option === undefined) return [];
  const files = Array.isArray(option) ? option : [option];
  return files.map((file, i) => {
    const parsed = parseIssuerKeyFile(file);
    if (!parsed.ok) {
      const which = Array.isArray(option) ? `"issuerKeyFile[${i}]"` : '"issuerKeyFile"';
      throw new TypeError(`createVouchAgent: ${which}: ${parsed.detail.message}`);
    }
    return parsed.value;
  });
}

async function seedOf(mnemonic: unknown): Promise<Uint8Array | undefined> {
  if (mnemonic === undefined) return undefined;
  if (typeof mnemonic !== 'string') {
    throw new TypeError('createVouchAgent: "mnemonic" expected the 24 words as one string');
  }
  const checked = checkMnemonic(mnemonic);
  if (!checked.ok) {
    // The words are the secret: say which one is wrong, never what it is.
    const why =
      checked.reason === 'unknown-word'
        ? `word ${checked.detail.index + 1} is not in the BIP39 English word list`
        : checked.reason === 'wrong-length'
          ? `expected 24 words, got ${checked.detail.count}`
          : 'the checksum does not match (a word is wrong or out of order)';
    throw new TypeError(`createVouchAgent: "mnemonic": ${why}`);
  }
  return mnemonicToSeed(checked.value);
}

export async function createVouchAgent(options: VouchAgentOptions = {}): Promise<VouchAgent> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createVouchAgent: expected an options object');
  }
  const files = issuerKeyFiles(options.issuerKeyFile);
  const crypto = options.crypto ?? webJwsCrypto();
  const now = options.now ?? (() => new Date());
  const randomBytes =
    options.randomBytes ??
    ((length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length)));
  const seed = await seedOf(options.mnemonic);
  let kms: VouchKms;
  try {
    kms = new VouchKms({
      crypto,
      ...(seed === undefined ? {} : { seed }),
      issuerKeys: files,
    });
  } finally {
    seed?.fill(0);
  }

  // Keys and DIDs the agent manages from the start go straight into its stores: the private
  // halves stay in the KMS and never pass through Veramo's import arguments.
  const keyStore = new MemoryKeyStore();
  const didStore = new MemoryDIDStore();
  for (const [i, file] of files.entries()) {
    const key = kms.issuerKeyInfo(file.did);
    if (key === undefined) continue;
    await keyStore.importKey({ ...key, kms: VOUCH_KMS });
    await didStore.importDID({
      did: file.did,
      provider: 'did:key',
      alias: i === 0 ? 'issuer' : `issuer-${i + 1}`,
      controllerKeyId: key.kid,
      keys: [{ ...key, kms: VOUCH_KMS }],
      services: [],
    });
  }
  if (kms.hasSeed) {
    const root = await kms.createKey({ type: 'Secp256k1', meta: { root: true } });
    await keyStore.importKey({ ...root, kms: VOUCH_KMS });
    await didStore.importDID({
      did: root.meta?.did as string,
      provider: 'did:key',
      alias: 'wallet',
      controllerKeyId: root.kid,
      keys: [{ ...root, kms: VOUCH_KMS }],
      services: [],
    });
  }

  return createAgent<VouchAgentMethods>({
    plugins: [
      new KeyManager({ store: keyStore, kms: { [VOUCH_KMS]: kms } }),
      new DIDManager({
        store: didStore,
        defaultProvider: 'did:key',
        providers: { 'did:key': new KeyDIDProvider({ defaultKms: VOUCH_KMS }) },
      }),
      new DIDResolverPlugin({
        resolver: createDidResolver(
          options.didWebFetch === undefined ? {} : { didWebFetch: options.didWebFetch },
        ),
      }),
      new CredentialPlugin([new CredentialProviderJWT()]),
      new VouchCredentialsPlugin({
        crypto,
        now,
        randomBytes,
        ...(options.didWebFetch === undefined ? {} : { didWebFetch: options.didWebFetch }),
        ...(options.statusList === undefined ? {} : { statusList: options.statusList }),
      }),
      new VouchEligibilityPlugin(),
    ],
  });
}
