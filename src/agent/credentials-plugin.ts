/**
 * The Vouch credentials plugin for a Veramo agent (IAgentPlugin, methods in Veramo's style, each
 * taking one JSON-able arguments object): SD-JWT VCs issued and presented with keys the agent
 * manages, and presentations of either format (SD-JWT VC or W3C VP-JWT) verified through core's
 * verifyPresentation, so the verdict is the one the verifier desk, the CLI and `vouch serve` give
 * (docs/verification.md, docs/w3c-vc.md).
 */
import type {
  IAgentPlugin,
  IDIDManager,
  IIdentifier,
  IKeyManager,
  IPluginMethodMap,
} from '@veramo/core-types';
import type { IAgentContext } from '@veramo/core-types';
import type { Did } from '../core/brand.ts';
import { CREDENTIAL_TYPES, checkClaims, credentialTypeByVct } from '../core/credentials/index.ts';
import type { CredentialTypeId } from '../core/credentials/index.ts';
import { didKeyFromJwk, jwkFromDidJwk, resolveDidKey } from '../core/did/index.ts';
import { parsePublicJwk, shortValue } from '../core/jose/index.ts';
import type { JwsCrypto, PublicJwk } from '../core/jose/index.ts';
import {
  deriveCredentialPublicKey,
  parseExtendedPublicKey,
  publicKeyToJwk,
} from '../core/keys/index.ts';
import type { HttpFetch } from '../core/oid4vci/http.ts';
import { createPresentation } from '../core/presentation/index.ts';
import { issueSdJwtVc } from '../core/sd-jwt/index.ts';
import { verifyTrustList } from '../core/trust/index.ts';
import type { TrustList } from '../core/trust/index.ts';
import { verifyPresentation } from '../core/verification/index.ts';
import {
  createDidResolver,
  createVpJwt,
  issueVcJwt,
  readVcJwt,
  verifyBitstringStatusListCredential,
  verifyCredentialJwt,
} from '../core/w3c/index.ts';
import type {
  StatusPolicy,
  VerificationResult,
  VerifyPresentationOptions,
} from '../core/verification/index.ts';
import { managedSigner } from './agent-signer.ts';
import type { SigningAgent } from './agent-signer.ts';
import { credentialsSchema } from './schema.ts';
import { VOUCH_KMS } from './vouch-kms.ts';

/** The holder an SD-JWT VC is bound to (its `cnf` key). */
export type SdJwtHolder =
  /** A relationship xpub from the wallet and the child index of this credential (docs/keys.md). */
  | { xpub: string; child: number }
  /** A public JWK (P-256, secp256k1 or Ed25519). */
  | { jwk: PublicJwk }
  /** A did:key or did:jwk. */
  | { did: string };

export interface ICreateSdJwtVcArgs {
  /** A DID this agent manages (from an issuer key file or the HD tree). */
  issuer: string;
  /** A Vouch credential type (docs/credentials.md); its claims are checked against its schema. */
  type?: CredentialTypeId;
  /** Or any `vct` (claims are checked only when it is a Vouch type's). */
  vct?: string;
  claims: Record<string, unknown>;
  holder: SdJwtHolder;
  /** ISO 8601 or a Date; default: now. */
  issuedAt?: string | Date;
  /** ISO 8601 or a Date; default: the type's expiry policy (none for income statements and diplomas). */
  expiresAt?: string | Date;
  /** The IETF Token Status List entry. */
  status?: { idx: number; uri: string };
  /** Decoy digests (0–100). */
  decoys?: number;
}

export interface ICreateSdJwtVcResult {
  /** The SD-JWT VC in issuance form (ends with "~"). */
  credential: string;
  vct: string;
  /** The holder's did:key, when the holder key is secp256k1 or came as a did. */
  holderDid?: string;
}

export interface ICreateVcJwtArgs {
  /** A DID this agent manages. */
  issuer: string;
  /** A Vouch credential type (claims checked by its schema)… */
  type?: CredentialTypeId;
  /** …or W3C types after "VerifiableCredential" (claims not checked). */
  types?: string[];
  claims: Record<string, unknown>;
  /** The holder: a DID (`sub`), or a relationship xpub and child index (its did:key). */
  holder: { did: string } | { xpub: string; child: number };
  issuedAt?: string | Date;
  /** Default: the type's expiry policy. */
  expiresAt?: string | Date;
  /** The IETF status list entry; the VC points at the same index of its `.w3c` twin. */
  status?: { idx: number; uri: string };
}

export interface ICreateSdJwtPresentationArgs {
  credential: string;
  /** Top-level claim names to show; all others stay hidden. */
  disclose: string[];
  audience: string;
  nonce: string;
  /** The DID (managed by this agent) of the credential's `cnf` key. */
  holder: string;
  /** ISO 8601 or a Date; default: now. */
  issuedAt?: string | Date;
}

export interface ICreateVpJwtArgs {
  /** The VC-JWT presented (whole: a W3C VC has no selective disclosure). */
  credential: string;
  /** The verifier's client_id (`aud`). */
  audience: string;
  nonce: string;
  /** The managed DID of the credential's `sub` (a did:key of the HD tree). */
  holder: string;
  /** ISO 8601 or a Date; default: now. */
  issuedAt?: string | Date;
}

export interface ICreateHolderDidArgs {
  /** The relationship index r (m/7467'/0'/r'). */
  relationship: number;
  /** The credential child index c (m/7467'/0'/r'/c); without it, the relationship key itself. */
  child?: number;
}

export interface IVerifyVouchPresentationArgs {
  presentation: string;
  /** This verifier's identifier: the key binding's `aud`. */
  audience: string;
  /** This request's nonce. */
  nonce: string;
  /** Verified trust lists, or signed ones (compact JWS) that are verified here first. */
  trustLists?: (TrustList | string)[];
  /** A pinned issuer key (public JWK): that issuer counts as trusted for this call. */
  issuerKey?: PublicJwk;
  /** ISO 8601 or a Date; default: now. */
  now?: string | Date;
  maxAgeSeconds?: number;
  nonceAlreadyUsed?: boolean;
  requiredClaims?: string[];
  requiredValues?: Record<string, (string | number | boolean)[]>;
  /** Status lists the caller holds, by URI (statuslist+jwt, or a Bitstring Status List VC-JWT). */
  statusLists?: { uri: string; jwt: string; fetchedAt?: string }[];
  statusPolicy?: StatusPolicy;
}

export interface IVouchCredentials extends IPluginMethodMap {
  createSdJwtVc(
    args: ICreateSdJwtVcArgs,
    context: IAgentContext<IKeyManager & IDIDManager>,
  ): Promise<ICreateSdJwtVcResult>;
  createSdJwtPresentation(
    args: ICreateSdJwtPresentationArgs,
    context: IAgentContext<IKeyManager & IDIDManager>,
  ): Promise<{ presentation: string }>;
  createHolderDid(
    args: ICreateHolderDidArgs,
    context: IAgentContext<IKeyManager & IDIDManager>,
  ): Promise<IIdentifier>;
  createVcJwt(
    args: ICreateVcJwtArgs,
    context: IAgentContext<IKeyManager & IDIDManager>,
  ): Promise<{ credential: string; subject: string }>;
  createVpJwt(
    args: ICreateVpJwtArgs,
    context: IAgentContext<IKeyManager & IDIDManager>,
  ): Promise<{ presentation: string }>;
  verifyVouchCredential(args: IVerifyVouchCredentialArgs): Promise<VerificationResult>;
  verifySdJwtPresentation(args: IVerifyVouchPresentationArgs): Promise<VerificationResult>;
  verifyVouchPresentation(args: IVerifyVouchPresentationArgs): Promise<VerificationResult>;
  checkCredentialStatus(args: ICheckVcJwtStatusArgs): Promise<IVcJwtStatus>;
}

/** A bare credential (no holder binding): the verify options without audience and nonce. */
export type IVerifyVouchCredentialArgs = Omit<
  IVerifyVouchPresentationArgs,
  'presentation' | 'audience' | 'nonce' | 'nonceAlreadyUsed' | 'maxAgeSeconds'
> & { credential: string };

/** Veramo's ICredentialStatusVerifier arguments: a VC (normalised, or its JWT). */
export interface ICheckVcJwtStatusArgs {
  credential: string | { proof?: { jwt?: string } };
}

/** Veramo's CredentialStatus: `revoked`, and `verified: false` when the status could not be read. */
export interface IVcJwtStatus {
  revoked: boolean;
  verified: boolean;
  /** 'revoked' | 'valid' | 'none' | 'status-unavailable' */
  state: 'revoked' | 'valid' | 'none' | 'status-unavailable';
  message: string;
}

/** The caller's cache of status lists by URI (statuslist+jwt, or a Bitstring Status List VC-JWT). */
export type StatusListSource = (uri: string) => { jwt: string; fetchedAt: Date } | undefined;

export interface VouchCredentialsOptions {
  crypto: JwsCrypto;
  randomBytes: (length: number) => Uint8Array;
  now: () => Date;
  /** did:web keys are resolved with this fetch, and only when it is given. */
  didWebFetch?: HttpFetch;
  /** Status lists the agent may use when a call brings none. */
  statusList?: StatusListSource;
}

function date(value: unknown, field: string, fallback: () => Date): Date {
  if (value === undefined) return fallback();
  const parsed = typeof value === 'string' || value instanceof Date ? new Date(value) : undefined;
  if (parsed === undefined || Number.isNaN(parsed.getTime())) {
    throw new TypeError(
      `invalid_argument: "${field}" expected an ISO 8601 date, got ${shortValue(value)}`,
    );
  }
  return parsed;
}

function holderKey(holder: unknown): { jwk: PublicJwk; did?: string } {
  if (typeof holder !== 'object' || holder === null) {
    throw new TypeError('invalid_argument: "holder" expected { xpub, child }, { jwk } or { did }');
  }
  const record = holder as Record<string, unknown>;
  if (record.xpub !== undefined) {
    const xpub = parseExtendedPublicKey(record.xpub as string);
    if (!xpub.ok) throw new TypeError(`invalid_argument: "holder.xpub" ${xpub.detail.message}`);
    const child = record.child;
    if (!Number.isSafeInteger(child) || (child as number) < 0 || (child as number) >= 2 ** 31) {
      throw new TypeError(
        `invalid_argument: "holder.child" expected an integer 0..2^31-1, got ${shortValue(child)}`,
      );
    }
    const publicKey = deriveCredentialPublicKey(xpub.value, child as number);
    const jwk = publicKeyToJwk(publicKey) as PublicJwk;
    // A secp256k1 key: its did:key is what a W3C VC's `sub` would be.
    return { jwk, did: didKeyFromJwk(jwk) };
  }
  if (record.jwk !== undefined) {
    const jwk = parsePublicJwk(record.jwk);
    if (!jwk.ok) throw new TypeError(`invalid_argument: "holder.jwk" ${jwk.detail.message}`);
    return { jwk: jwk.value };
  }
  if (typeof record.did === 'string') {
    const resolved = record.did.startsWith('did:jwk:')
      ? jwkFromDidJwk(record.did)
      : resolveDidKey(record.did);
    if (!resolved.ok) {
      throw new TypeError(`invalid_argument: "holder.did" ${resolved.detail.message}`);
    }
    return { jwk: resolved.value, did: record.did };
  }
  throw new TypeError('invalid_argument: "holder" expected { xpub, child }, { jwk } or { did }');
}

async function trustListsOf(
  lists: unknown,
  opts: { crypto: JwsCrypto; now: Date },
): Promise<TrustList[]> {
  if (lists === undefined) return [];
  if (!Array.isArray(lists)) throw new TypeError('invalid_argument: "trustLists" expected a list');
  const out: TrustList[] = [];
  for (const [i, list] of lists.entries()) {
    if (typeof list === 'string') {
      const verified = await verifyTrustList(list, opts);
      if (!verified.ok) {
        throw new Error(`invalid_argument: "trustLists[${i}]" ${verified.detail.message}`);
      }
      out.push(verified.value);
    } else if (typeof list === 'object' && list !== null && Array.isArray(list.entries)) {
      out.push(list as TrustList);
    } else {
      throw new TypeError(
        `invalid_argument: "trustLists[${i}]" expected a trust list or its signed JWS`,
      );
    }
  }
  return out;
}

/** A core function's refusal of its input, as the plugin's `invalid_argument` (without its name). */
async function asInvalidArgument<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const message = (error as Error).message;
    const own = message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
    throw new TypeError(`invalid_argument: ${own}`, { cause: error });
  }
}

export class VouchCredentialsPlugin implements IAgentPlugin {
  readonly schema = credentialsSchema;
  readonly methods: IVouchCredentials;
  readonly #options: VouchCredentialsOptions;

  constructor(options: VouchCredentialsOptions) {
    this.#options = options;
    this.methods = {
      createSdJwtVc: this.createSdJwtVc.bind(this),
      createSdJwtPresentation: this.createSdJwtPresentation.bind(this),
      createVcJwt: this.createVcJwt.bind(this),
      createVpJwt: this.createVpJwt.bind(this),
      verifyVouchCredential: this.verifyVouchCredential.bind(this),
      createHolderDid: this.createHolderDid.bind(this),
      verifySdJwtPresentation: this.verifySdJwtPresentation.bind(this),
      verifyVouchPresentation: this.verifyVouchPresentation.bind(this),
      checkCredentialStatus: this.checkCredentialStatus.bind(this),
    };
  }

  async createSdJwtVc(
    args: ICreateSdJwtVcArgs,
    context: IAgentContext<IKeyManager & IDIDManager>,
  ): Promise<ICreateSdJwtVcResult> {
    const { type: typeId, claims, status, decoys } = args ?? ({} as ICreateSdJwtVcArgs);
    const type =
      typeId !== undefined ? CREDENTIAL_TYPES[typeId] : credentialTypeByVct(String(args?.vct));
    if (typeId !== undefined && type === undefined) {
      throw new TypeError(
        `invalid_argument: "type" expected one of ${Object.keys(CREDENTIAL_TYPES).join(', ')}, got ${shortValue(typeId)}`,
      );
    }
    const vct = type?.vct ?? args?.vct;
    if (typeof vct !== 'string' || vct === '') {
      throw new TypeError('invalid_argument: give "type" (a Vouch credential type) or "vct"');
    }
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
      throw new TypeError(
        'invalid_argument: "claims" expected an object of claim names and values',
      );
    }
    let checked: Record<string, unknown> = claims;
    if (type !== undefined) {
      const result = checkClaims(type.id, claims);
      if (!result.ok) {
        const first = result.detail.issues[0];
        throw new TypeError(
          `invalid_argument: the claims do not fit ${type.id}: ${first ? `${first.claim}: ${first.message}` : ''}`,
        );
      }
      checked = result.value;
    }
    const holder = holderKey(args.holder);
    const issuer = await managedSigner(context.agent as SigningAgent, args.issuer, 'issuer');
    const issuedAt = date(args.issuedAt, 'issuedAt', this.#options.now);
    const expiresAt =
      args.expiresAt !== undefined
        ? date(args.expiresAt, 'expiresAt', this.#options.now)
        : type?.expiresAfterDays === undefined
          ? undefined
          : new Date(issuedAt.getTime() + type.expiresAfterDays * 86_400_000);
    const credential = await issueSdJwtVc({
      issuer,
      vct,
      claims: checked,
      holderJwk: holder.jwk,
      issuedAt,
      ...(expiresAt === undefined ? {} : { expiresAt }),
      ...(status === undefined ? {} : { status }),
      ...(decoys === undefined ? {} : { decoys }),
      randomBytes: this.#options.randomBytes,
    });
    return { credential, vct, ...(holder.did === undefined ? {} : { holderDid: holder.did }) };
  }

  /**
   * A Vouch VC-JWT (docs/w3c-vc.md "The credential": kid, iat, jti, BitstringStatusListEntry)
   * through core's issueVcJwt, signed by a managed issuer DID. Veramo's createVerifiableCredential
   * also makes VC-JWTs Vouch accepts; this one is byte for byte what the desk and the CLI issue.
   */
  async createVcJwt(
    args: ICreateVcJwtArgs,
    context: IAgentContext<IKeyManager & IDIDManager>,
  ): Promise<{ credential: string; subject: string }> {
    const { type: typeId, types, claims, status } = args ?? ({} as ICreateVcJwtArgs);
    const type = typeId === undefined ? undefined : CREDENTIAL_TYPES[typeId];
    if (typeId !== undefined && type === undefined) {
      throw new TypeError(
        `invalid_argument: "type" expected one of ${Object.keys(CREDENTIAL_TYPES).join(', ')}, got ${shortValue(typeId)}`,
      );
    }
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
      throw new TypeError(
        'invalid_argument: "claims" expected an object of claim names and values',
      );
    }
    const holder = args.holder as Record<string, unknown> | undefined;
    const subject =
      typeof holder?.did === 'string' && holder.xpub === undefined
        ? holder.did
        : holderKey(holder).did;
    if (typeof subject !== 'string' || !subject.startsWith('did:')) {
      throw new TypeError('invalid_argument: "holder" expected { did } or { xpub, child }');
    }
    const issuer = await managedSigner(context.agent as SigningAgent, args.issuer, 'issuer');
    const issuedAt = date(args.issuedAt, 'issuedAt', this.#options.now);
    const expiresAt =
      args.expiresAt !== undefined
        ? date(args.expiresAt, 'expiresAt', this.#options.now)
        : type?.expiresAfterDays === undefined
          ? undefined
          : new Date(issuedAt.getTime() + type.expiresAfterDays * 86_400_000);
    const credential = await asInvalidArgument('issueVcJwt', () =>
      issueVcJwt({
        issuer,
        subject: subject as Did,
        ...(typeId === undefined ? { types: types ?? [] } : { typeId }),
        claims,
        issuedAt,
        ...(expiresAt === undefined ? {} : { expiresAt }),
        ...(status === undefined ? {} : { status }),
        randomBytes: this.#options.randomBytes,
      }),
    );
    return { credential, subject };
  }

  /**
   * A Vouch VP-JWT (docs/w3c-vc.md "The presentation": aud, nonce, iat, exp = iat + 300, jti)
   * through core's createVpJwt, signed by the managed holder DID (ES256K).
   */
  async createVpJwt(
    args: ICreateVpJwtArgs,
    context: IAgentContext<IKeyManager & IDIDManager>,
  ): Promise<{ presentation: string }> {
    const holder = await managedSigner(context.agent as SigningAgent, args?.holder, 'holder');
    if (holder.alg !== 'ES256K') {
      throw new TypeError(
        `invalid_argument: "holder" must be a secp256k1 did:key (ES256K), got an ${holder.alg} key`,
      );
    }
    if (typeof args.credential !== 'string' || args.credential === '') {
      throw new TypeError('invalid_argument: "credential" expected the VC-JWT text');
    }
    const presentation = await asInvalidArgument('createVpJwt', () =>
      createVpJwt({
        holder: { did: holder.did, alg: 'ES256K', sign: holder.sign },
        credential: args.credential.trim(),
        audience: args.audience,
        nonce: args.nonce,
        issuedAt: date(args.issuedAt, 'issuedAt', this.#options.now),
        randomBytes: this.#options.randomBytes,
      }),
    );
    return { presentation };
  }

  async createSdJwtPresentation(
    args: ICreateSdJwtPresentationArgs,
    context: IAgentContext<IKeyManager & IDIDManager>,
  ): Promise<{ presentation: string }> {
    const holder = await managedSigner(context.agent as SigningAgent, args?.holder, 'holder');
    const made = await createPresentation({
      credential: args.credential,
      disclose: args.disclose,
      audience: args.audience,
      nonce: args.nonce,
      issuedAt: date(args.issuedAt, 'issuedAt', this.#options.now),
      holder,
    });
    if (!made.ok) throw new Error(`invalid_argument: ${made.detail.message}`);
    return { presentation: made.value };
  }

  async createHolderDid(
    args: ICreateHolderDidArgs,
    context: IAgentContext<IKeyManager & IDIDManager>,
  ): Promise<IIdentifier> {
    const meta = {
      relationship: args?.relationship,
      ...(args?.child === undefined ? {} : { child: args.child }),
    };
    const key = await context.agent.keyManagerCreate({ kms: VOUCH_KMS, type: 'Secp256k1', meta });
    const did = key.meta?.did as Did;
    try {
      return await context.agent.didManagerGet({ did });
    } catch {
      // Not managed yet: the did:key provider makes the identifier over the derived key.
    }
    return context.agent.didManagerCreate({
      provider: 'did:key',
      kms: VOUCH_KMS,
      options: { keyRef: key.kid },
    });
  }

  /** The Vouch verdict for a bare W3C VC-JWT (no holder binding): core's verifyCredentialJwt. */
  async verifyVouchCredential(args: IVerifyVouchCredentialArgs): Promise<VerificationResult> {
    if (typeof args?.credential !== 'string') {
      throw new TypeError('invalid_argument: "credential" expected the VC-JWT text');
    }
    const {
      presentation: _p,
      audience: _a,
      nonce: _n,
      ...opts
    } = await this.#verifyOptions({
      ...args,
      presentation: args.credential,
      audience: '-',
      nonce: '-',
    });
    return verifyCredentialJwt(args.credential.trim(), opts);
  }

  async verifySdJwtPresentation(args: IVerifyVouchPresentationArgs): Promise<VerificationResult> {
    const result = await this.verifyVouchPresentation(args);
    if (result.format === 'jwt_vc_json') {
      return {
        valid: false,
        format: 'jwt_vc_json',
        checks: [
          {
            name: 'encoding',
            ok: false,
            code: 'bad-encoding',
            message:
              'This is a W3C presentation (VP-JWT), not an SD-JWT VC: use verifyVouchPresentation',
          },
        ],
        claims: {},
      };
    }
    return result;
  }

  async verifyVouchPresentation(args: IVerifyVouchPresentationArgs): Promise<VerificationResult> {
    if (typeof args?.presentation !== 'string') {
      throw new TypeError('invalid_argument: "presentation" expected the presentation text');
    }
    const { presentation: _p, ...opts } = await this.#verifyOptions(args);
    return verifyPresentation(args.presentation.trim(), opts);
  }

  /** Core's VerifyPresentationOptions from JSON-able arguments, each checked. */
  async #verifyOptions(
    args: IVerifyVouchPresentationArgs,
  ): Promise<VerifyPresentationOptions & { presentation: string }> {
    const { crypto, didWebFetch } = this.#options;
    const now = date(args.now, 'now', this.#options.now);
    for (const field of ['audience', 'nonce'] as const) {
      if (typeof args[field] !== 'string' || args[field] === '') {
        throw new TypeError(`invalid_argument: "${field}" expected a non-empty string`);
      }
    }
    if (args.statusLists !== undefined && !Array.isArray(args.statusLists)) {
      throw new TypeError('invalid_argument: "statusLists" expected a list of { uri, jwt }');
    }
    const statusLists = new Map<string, { jwt: string; fetchedAt: Date }>();
    for (const [i, entry] of (args.statusLists ?? []).entries()) {
      if (typeof entry?.uri !== 'string' || typeof entry.jwt !== 'string') {
        throw new TypeError(`invalid_argument: "statusLists[${i}]" expected { uri, jwt }`);
      }
      statusLists.set(entry.uri, {
        jwt: entry.jwt,
        fetchedAt: date(entry.fetchedAt, `statusLists[${i}].fetchedAt`, () => now),
      });
    }
    let issuerKey: PublicJwk | undefined;
    if (args.issuerKey !== undefined) {
      const parsed = parsePublicJwk(args.issuerKey);
      if (!parsed.ok) throw new TypeError(`invalid_argument: "issuerKey" ${parsed.detail.message}`);
      issuerKey = parsed.value;
    }
    return {
      presentation: args.presentation,
      crypto,
      ...(issuerKey === undefined ? {} : { issuerKey }),
      now,
      audience: args.audience,
      nonce: args.nonce,
      trustLists: await trustListsOf(args.trustLists, { crypto, now }),
      statusList: (uri) => statusLists.get(uri) ?? this.#options.statusList?.(uri),
      ...(args.maxAgeSeconds === undefined ? {} : { maxAgeSeconds: args.maxAgeSeconds }),
      ...(args.nonceAlreadyUsed === undefined ? {} : { nonceAlreadyUsed: args.nonceAlreadyUsed }),
      ...(args.requiredClaims === undefined ? {} : { requiredClaims: args.requiredClaims }),
      ...(args.requiredValues === undefined ? {} : { requiredValues: args.requiredValues }),
      ...(args.statusPolicy === undefined ? {} : { statusPolicy: args.statusPolicy }),
      ...(didWebFetch === undefined ? {} : { didWebFetch }),
    };
  }

  /**
   * Veramo's ICredentialStatusVerifier for Vouch VC-JWTs: CredentialPlugin.verifyCredential calls
   * it for a credential with a `credentialStatus`. A BitstringStatusListEntry is read from the
   * agent's status lists (option `statusList`): the list must verify, be the entry's URL, be signed
   * by the credential's issuer and have purpose revocation. When it cannot be read the answer is
   * `verified: false` (Veramo then refuses the credential): fail closed.
   */
  async checkCredentialStatus(args: ICheckVcJwtStatusArgs): Promise<IVcJwtStatus> {
    const unavailable = (message: string): IVcJwtStatus => ({
      revoked: false,
      verified: false,
      state: 'status-unavailable',
      message,
    });
    const credential = args?.credential;
    const jwt = typeof credential === 'string' ? credential : credential?.proof?.jwt;
    if (typeof jwt !== 'string') return unavailable('only VC-JWTs are checked here');
    const read = readVcJwt(jwt);
    if (!read.ok) return unavailable(`the credential cannot be read: ${read.detail.message}`);
    const entry = read.value.status;
    if (entry === undefined) {
      return { revoked: false, verified: true, state: 'none', message: 'no status entry' };
    }
    const held = this.#options.statusList?.(entry.uri);
    if (held === undefined) return unavailable(`no status list at hand for ${entry.uri}`);
    const now = this.#options.now();
    const resolver = createDidResolver(
      this.#options.didWebFetch === undefined ? {} : { didWebFetch: this.#options.didWebFetch },
    );
    const list = await verifyBitstringStatusListCredential(held.jwt, {
      now,
      resolver,
      expectedUrl: entry.uri,
    });
    if (!list.ok) return unavailable(`the status list: ${list.detail.message}`);
    if (list.value.issuer !== read.value.issuer) {
      return unavailable("the status list is not signed by the credential's issuer");
    }
    if (list.value.purpose !== 'revocation' || entry.purpose !== 'revocation') {
      return unavailable(`status purpose ${shortValue(entry.purpose)} is not revocation`);
    }
    const bit = list.value.statusAt(entry.idx);
    if (bit === -1) return unavailable(`index ${entry.idx} is outside the status list`);
    return bit === 1
      ? { revoked: true, verified: true, state: 'revoked', message: 'revoked by the issuer' }
      : { revoked: false, verified: true, state: 'valid', message: 'not revoked' };
  }
}
