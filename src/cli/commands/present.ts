/**
 * `vouch present`: a credential → a presentation for one verifier and nonce, on stdout
 * (docs/cli.md):
 *
 * - an SD-JWT VC → the chosen claims' disclosures and a key binding JWT (RFC 9901 §4.3);
 * - a W3C VC-JWT → a VP-JWT around it (docs/w3c-vc.md "The presentation"), signed by the holder's
 *   key, with aud and nonce. A VC-JWT has no selective disclosure: every claim is shown.
 */
import { resolveDidKey } from '../../core/did/index.ts';
import { parsePublicJwk, sameJwk } from '../../core/jose/index.ts';
import { createPresentation } from '../../core/presentation/index.ts';
import { parseSdJwt } from '../../core/sd-jwt/index.ts';
import { CommandFailure, EXIT_OK, UsageError } from '../command.ts';
import type { CommandIo, CommandSpec } from '../command.ts';
import { PRESENTING_HOLDER_FLAGS, presentingHolder } from '../shared/holder.ts';
import type { PresentingHolder } from '../shared/holder.ts';
import type * as W3cModule from '../../core/w3c/index.ts';
import { isVcJwt } from '../../core/w3c/shape.ts';
import { readTextFile } from '../shared/inputs.ts';
import { jwsCrypto } from '../shared/runtime.ts';

const MAX_CREDENTIAL_FILE_BYTES = 1024 * 1024;

const usage = (message: string) => new UsageError(message, ['present']);

export const present: CommandSpec = {
  path: ['present'],
  summary: 'Present an SD-JWT VC (chosen claims, key binding) or a VC-JWT (as a VP-JWT).',
  description: [
    'SD-JWT VC: prints the presentation (issuer JWT ~ the chosen disclosures ~ key binding JWT).',
    'The key binding JWT has typ "kb+jwt", aud = --aud, nonce = --nonce, iat = now and sd_hash.',
    'W3C VC-JWT: prints a VP-JWT {iss: the holder DID, aud, nonce, iat, exp: iat + 300, vp} whose',
    'one verifiableCredential is the VC-JWT as given. It has no selective disclosure: every claim',
    'is shown, so --disclose is not needed (when given, its claims must exist; a note says so).',
    'The holder key must be the one the credential is bound to (cnf.jwk, or the VC-JWT sub); its',
    'alg follows the curve: secp256k1 → ES256K, P-256 → ES256, Ed25519 → EdDSA (a VP-JWT takes',
    "secp256k1 only). A key from --mnemonic is the credential key m/7467'/0'/r'/c (secp256k1).",
  ].join('\n'),
  flags: [
    {
      name: 'credential',
      kind: 'string',
      valueName: 'file',
      required: true,
      description: 'The SD-JWT VC (issuance form, as `vouch issue` prints it) or VC-JWT.',
    },
    ...PRESENTING_HOLDER_FLAGS,
    {
      name: 'disclose',
      kind: 'string',
      valueName: 'claim,claim',
      description:
        'SD-JWT VC: top-level claims to reveal, comma-separated; all others stay hidden (required).',
    },
    {
      name: 'aud',
      kind: 'string',
      valueName: 'verifier id',
      required: true,
      description: 'The verifier (aud).',
    },
    {
      name: 'nonce',
      kind: 'string',
      valueName: 'nonce',
      required: true,
      description: "The verifier's nonce.",
    },
  ],
  examples: [
    'vouch present --credential income.sdjwt --holder-jwk holder.private.jwk --disclose period,net_wage_cents --aud did:key:zDn… --nonce 3q2-7wE…',
    'vouch present --credential diploma.jwt --mnemonic "$(cat words.txt)" --relationship 0 --child-index 0 --aud did:key:zDn… --nonce 3q2-7wE…',
  ],
  async run({ flags, io }) {
    const discloseText = flags.string('disclose');
    const disclose = (discloseText ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    if (discloseText !== undefined && disclose.length === 0)
      throw usage('--disclose: name at least one claim, e.g. period,net_wage_cents');
    const audience = flags.string('aud') as string;
    const nonce = flags.string('nonce') as string;
    if (audience.trim() === '') throw usage('--aud: the verifier id is empty');
    if (nonce.trim() === '') throw usage('--nonce: the nonce is empty');

    const credentialPath = flags.string('credential') as string;
    const credential = (
      await readTextFile(credentialPath, '--credential', MAX_CREDENTIAL_FILE_BYTES).catch(
        (error: unknown) => {
          // Which flags are required depends on the credential; unread, it is an SD-JWT's.
          if (discloseText === undefined && error instanceof CommandFailure)
            throw usage('missing required flag --disclose <claim,claim>');
          throw error;
        },
      )
    ).trim();
    const w3c = await loadW3cIfVcJwt(credential);
    if (w3c === undefined && discloseText === undefined)
      throw usage('missing required flag --disclose <claim,claim> (an SD-JWT VC)');

    const crypto = jwsCrypto();
    const holder = await presentingHolder(flags, {
      usage,
      sign: (alg, jwk, data) => crypto.sign(alg, jwk, data),
    });
    try {
      const presentation =
        w3c === undefined
          ? await presentSdJwt({ credential, credentialPath, holder, disclose, audience, nonce })
          : await presentVcJwt(w3c, { credential, holder, disclose, audience, nonce, io });
      io.stdout(`${presentation}\n`);
    } finally {
      holder.wipe();
    }
    return EXIT_OK;
  },
};

type W3c = typeof W3cModule;

/** did-jwt-vc is loaded only for a VC-JWT (a cheap shape test first, src/core/w3c/shape.ts). */
async function loadW3cIfVcJwt(text: string): Promise<W3c | undefined> {
  return isVcJwt(text) ? import('../../core/w3c/index.ts') : undefined;
}

async function presentSdJwt(opts: {
  credential: string;
  credentialPath: string;
  holder: PresentingHolder;
  disclose: readonly string[];
  audience: string;
  nonce: string;
}): Promise<string> {
  const { credential, holder } = opts;
  const parsed = parseSdJwt(credential);
  if (!parsed.ok)
    throw new CommandFailure(
      `--credential: ${opts.credentialPath} is not an SD-JWT or a VC-JWT: ${parsed.detail.message}`,
    );
  const cnf = parsed.value.payload.cnf;
  const cnfJwk = parsePublicJwk(
    typeof cnf === 'object' && cnf !== null ? (cnf as Record<string, unknown>).jwk : undefined,
  );
  if (cnfJwk.ok && !sameJwk(cnfJwk.value, holder.publicJwk)) {
    throw new CommandFailure(
      'the holder key is not the key this credential is bound to (its cnf.jwk); a verifier would refuse the presentation',
    );
  }
  const made = await createPresentation({
    credential,
    disclose: [...opts.disclose],
    audience: opts.audience,
    nonce: opts.nonce,
    issuedAt: new Date(),
    holder: { alg: holder.alg, sign: holder.sign },
  });
  if (!made.ok)
    throw new CommandFailure(
      `${made.reason === 'unknown-claim' ? '--disclose' : '--credential'}: ${made.detail.message}`,
    );
  return made.value;
}

async function presentVcJwt(
  w3c: W3c,
  opts: {
    credential: string;
    holder: PresentingHolder;
    disclose: readonly string[];
    audience: string;
    nonce: string;
    io: CommandIo;
  },
): Promise<string> {
  const { holder } = opts;
  const read = w3c.readVcJwt(opts.credential);
  if (!read.ok)
    throw new CommandFailure(
      `--credential: not a readable VC-JWT (${read.reason}): ${read.detail.message}`,
    );
  const { subject, claims } = read.value;
  if (subject === undefined) {
    throw new CommandFailure(
      '--credential: the VC-JWT names no holder (no sub), so no presentation can prove who holds it',
    );
  }
  const subjectKey = resolveDidKey(subject);
  const bound =
    subject === holder.did || (subjectKey.ok && sameJwk(subjectKey.value, holder.publicJwk));
  if (!bound) {
    throw new CommandFailure(
      `the holder key is not the key this credential is bound to (its sub, ${subject.slice(0, 60)}); a verifier would refuse the presentation`,
    );
  }
  const unknown = opts.disclose.filter((name) => !(name in claims));
  if (unknown.length > 0) {
    throw new CommandFailure(
      `--disclose: the credential has no claim ${unknown.map((name) => JSON.stringify(name)).join(', ')}`,
    );
  }
  if (opts.disclose.length > 0) {
    opts.io.stderr(
      'vouch: note: a VC-JWT has no selective disclosure: every claim is shown, not only those named by --disclose\n',
    );
  }
  if (holder.alg !== 'ES256K') {
    throw new CommandFailure(
      `a VP-JWT is signed with a secp256k1 holder key (ES256K, docs/w3c-vc.md); this key is ${holder.alg}`,
    );
  }
  return w3c.createVpJwt({
    holder: { did: holder.did, alg: 'ES256K', sign: holder.sign },
    credential: opts.credential,
    audience: opts.audience,
    nonce: opts.nonce,
    issuedAt: new Date(),
  });
}
