/**
 * The holder a command works for, from its flags (docs/cli.md):
 *
 * - issuing (`vouch issue`): the public side only — a public JWK file (`--holder-jwk`), a
 *   relationship xpub and a child index (`--holder-xpub`, `--child-index`: the credential key the
 *   wallet will find, docs/keys.md), or a DID (`--holder-did`).
 * - presenting (`vouch present`): the private side — a private JWK file (`--holder-jwk`), or the
 *   wallet's mnemonic with the relationship and child index of the credential key. A key derived
 *   from the mnemonic is lent to a copy-and-wipe signer; call `wipe()` when done.
 */
import type { Did } from '../../core/brand.ts';
import { didKeyFromJwk, resolveDidKey } from '../../core/did/index.ts';
import { hexToBytes } from '../../core/encoding/hex.ts';
import { algorithmForJwk, parsePrivateJwk, publicJwkOf } from '../../core/jose/index.ts';
import type { JwsAlgorithm, JwsSign, PrivateJwk, PublicJwk } from '../../core/jose/index.ts';
import {
  checkMnemonic,
  credentialPath,
  deriveCredentialPublicKey,
  describeKey,
  es256kSigner,
  MAX_CHILD_INDEX,
  mnemonicToSeed,
  parseExtendedPublicKey,
  publicKeyToJwk,
  withPrivateKey,
} from '../../core/keys/index.ts';
import { describeProblem } from '../commands/keys.ts';
import { CommandFailure } from '../command.ts';
import type { FlagSpec, ParsedFlags, UsageError } from '../command.ts';
import { readJsonFile, readPublicJwkFile } from './inputs.ts';

/** Who a credential is issued to: `sub` (VC-JWT) and, when the DID names a key, `cnf.jwk`. */
export interface IssuanceHolder {
  readonly did: Did;
  /** Absent only for a DID whose key cannot be known offline (did:web): VC-JWT only. */
  readonly jwk: PublicJwk | undefined;
}

export { ISSUANCE_HOLDER_FLAGS } from './issuance-flags.ts';

/**
 * Exactly one of --holder-jwk, --holder-xpub (+ --child-index) or --holder-did. `needsKey`: the
 * format binds a key (`cnf.jwk`), so a DID must name one (did:key, did:jwk).
 */
export async function issuanceHolder(
  flags: ParsedFlags,
  opts: { needsKey: boolean; usage: (message: string) => UsageError },
): Promise<IssuanceHolder> {
  const { usage } = opts;
  const given = ['holder-jwk', 'holder-xpub', 'holder-did'].filter(
    (name) => flags.string(name) !== undefined,
  );
  if (given.length === 0) {
    throw usage(
      'missing required flag --holder-jwk <file> (or --holder-xpub <xpub> --child-index <n>, or --holder-did <did>; or use --batch)',
    );
  }
  if (given.length > 1) {
    throw usage(`give one holder, not ${given.map((name) => `--${name}`).join(' and ')}`);
  }
  if (flags.string('holder-xpub') === undefined && flags.string('child-index') !== undefined) {
    throw usage('--child-index goes with --holder-xpub');
  }
  const jwkPath = flags.string('holder-jwk');
  if (jwkPath !== undefined) {
    const jwk = await readPublicJwkFile(jwkPath, '--holder-jwk');
    return { did: didKeyFromJwk(jwk), jwk };
  }
  const xpubText = flags.string('holder-xpub');
  if (xpubText !== undefined) {
    const child = index(flags, 'child-index', MAX_CHILD_INDEX, usage, '--holder-xpub');
    const xpub = parseExtendedPublicKey(xpubText);
    if (!xpub.ok) throw usage(`--holder-xpub: ${xpub.detail.message}`);
    const jwk = publicKeyToJwk(deriveCredentialPublicKey(xpub.value, child));
    return { did: didKeyFromJwk(jwk), jwk };
  }
  const did = (flags.string('holder-did') as string).trim();
  const resolved = resolveDidKey(did);
  if (resolved.ok) {
    if (did.includes('#')) throw usage('--holder-did: give the DID without a #fragment');
    return { did: did as Did, jwk: resolved.value };
  }
  if (resolved.reason !== 'unsupported-did-method') {
    throw new CommandFailure(`--holder-did: ${resolved.detail.message}`);
  }
  if (opts.needsKey || !/^did:web:[^\s#?]+$/.test(did)) {
    throw usage(
      `--holder-did: expected a did:key or did:jwk${opts.needsKey ? '' : ' (or did:web)'} DID, got ${JSON.stringify(did.slice(0, 40))}`,
    );
  }
  return { did: did as Did, jwk: undefined };
}

/** The holder flags of `vouch present`. */
export const PRESENTING_HOLDER_FLAGS: readonly FlagSpec[] = [
  {
    name: 'holder-jwk',
    kind: 'string',
    valueName: 'file',
    description: "The holder's private JWK (the key the credential is bound to).",
  },
  {
    name: 'mnemonic',
    kind: 'string',
    valueName: 'words',
    description:
      "Or the wallet's 24 words, with --relationship and --child-index: the credential key.",
  },
  {
    name: 'passphrase',
    kind: 'string',
    valueName: 'text',
    description: 'BIP39 passphrase of --mnemonic.',
    defaultText: 'none',
  },
  {
    name: 'relationship',
    kind: 'string',
    valueName: 'r',
    description: "The relationship index r of the credential key m/7467'/0'/r'/c.",
  },
  {
    name: 'child-index',
    kind: 'string',
    valueName: 'c',
    description: "The child index c of the credential key m/7467'/0'/r'/c.",
  },
];

/** A holder's signing key, for as long as the command needs it. */
export interface PresentingHolder {
  readonly did: Did;
  readonly publicJwk: PublicJwk;
  readonly alg: JwsAlgorithm;
  readonly sign: JwsSign;
  /** Zeroes a key derived from the mnemonic; then `sign` refuses. */
  wipe(): void;
}

function index(
  flags: ParsedFlags,
  name: string,
  max: number,
  usage: (message: string) => UsageError,
  needer: string,
): number {
  const text = flags.string(name);
  if (text === undefined) throw usage(`${needer} needs --${name} <n>`);
  const value = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value <= max)) {
    throw usage(`--${name}: expected a whole number from 0 to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** Exactly one of --holder-jwk (a private JWK file) or --mnemonic (+ --relationship, --child-index). */
export async function presentingHolder(
  flags: ParsedFlags,
  opts: {
    usage: (message: string) => UsageError;
    sign: (alg: JwsAlgorithm, jwk: PrivateJwk, data: Uint8Array) => Promise<Uint8Array>;
  },
): Promise<PresentingHolder> {
  const { usage } = opts;
  const keyPath = flags.string('holder-jwk');
  const words = flags.string('mnemonic');
  if (keyPath !== undefined && words !== undefined) {
    throw usage('give one holder key: --holder-jwk or --mnemonic, not both');
  }
  if (keyPath !== undefined) {
    for (const name of ['passphrase', 'relationship', 'child-index']) {
      if (flags.string(name) !== undefined) throw usage(`--${name} goes with --mnemonic`);
    }
    const parsed = parsePrivateJwk(await readJsonFile(keyPath, '--holder-jwk'));
    if (!parsed.ok) throw new CommandFailure(`--holder-jwk: ${keyPath}: ${parsed.detail.message}`);
    const privateJwk = parsed.value;
    const publicJwk = publicJwkOf(privateJwk);
    const alg = algorithmForJwk(privateJwk);
    return {
      did: didKeyFromJwk(publicJwk),
      publicJwk,
      alg,
      sign: (data) => opts.sign(alg, privateJwk, data),
      wipe: () => undefined,
    };
  }
  if (words === undefined) {
    throw usage(
      'missing required flag --holder-jwk <file> (or --mnemonic <words> --relationship <r> --child-index <c>)',
    );
  }
  const relationship = index(flags, 'relationship', MAX_CHILD_INDEX, usage, '--mnemonic');
  const child = index(flags, 'child-index', MAX_CHILD_INDEX, usage, '--mnemonic');
  const mnemonic = checkMnemonic(words);
  if (!mnemonic.ok) throw new CommandFailure(`invalid mnemonic: ${describeProblem(mnemonic)}`);
  const seed = await mnemonicToSeed(mnemonic.value, flags.string('passphrase') ?? '');
  try {
    const path = credentialPath(relationship, child);
    const { did, publicKeyHex } = describeKey(seed, path);
    const compressed = hexToBytes(publicKeyHex);
    if (!compressed.ok) throw new Error('describeKey gave a public key that is not hex');
    const publicJwk: PublicJwk = publicKeyToJwk(compressed.value);
    const signer = await withPrivateKey(seed, path, (privateKey) => es256kSigner(privateKey));
    return { did, publicJwk, alg: 'ES256K', sign: signer, wipe: () => signer.wipe() };
  } finally {
    seed.fill(0);
  }
}
