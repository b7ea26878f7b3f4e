/**
 * `vouch present`: an SD-JWT VC → a presentation of the chosen claims with a key binding JWT
 * (RFC 9901 §4.3) for one verifier and nonce, on stdout (docs/cli.md).
 */
import { algorithmForJwk, parsePrivateJwk, publicJwkOf, sameJwk } from '../../core/jose/index.ts';
import { parsePublicJwk } from '../../core/jose/jwk.ts';
import { createPresentation } from '../../core/presentation/index.ts';
import { parseSdJwt } from '../../core/sd-jwt/index.ts';
import { CommandFailure, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec } from '../command.ts';
import { readJsonFile, readTextFile } from '../shared/inputs.ts';
import { jwsCrypto } from '../shared/runtime.ts';

const MAX_CREDENTIAL_FILE_BYTES = 1024 * 1024;

export const present: CommandSpec = {
  path: ['present'],
  summary: 'Present chosen claims of an SD-JWT VC to a verifier (with key binding).',
  description: [
    'Prints the presentation (issuer JWT ~ the chosen disclosures ~ key binding JWT) on stdout.',
    'The key binding JWT has typ "kb+jwt", aud = --aud, nonce = --nonce, iat = now and sd_hash.',
    'The holder JWK must be the key the credential is bound to (its cnf.jwk); its alg follows the',
    'curve: secp256k1 → ES256K, P-256 → ES256, Ed25519 → EdDSA.',
  ].join('\n'),
  flags: [
    {
      name: 'credential',
      kind: 'string',
      valueName: 'file',
      required: true,
      description: 'The SD-JWT VC (issuance form, as `vouch issue` prints it).',
    },
    {
      name: 'holder-jwk',
      kind: 'string',
      valueName: 'file',
      required: true,
      description: "The holder's private JWK (the credential's cnf key).",
    },
    {
      name: 'disclose',
      kind: 'string',
      valueName: 'claim,claim',
      required: true,
      description: 'Top-level claims to reveal, comma-separated; all others stay hidden.',
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
  ],
  async run({ flags, io }) {
    const usage = (message: string) => new UsageError(message, ['present']);
    const disclose = (flags.string('disclose') as string)
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    if (disclose.length === 0)
      throw usage('--disclose: name at least one claim, e.g. period,net_wage_cents');
    const audience = flags.string('aud') as string;
    const nonce = flags.string('nonce') as string;
    if (audience.trim() === '') throw usage('--aud: the verifier id is empty');
    if (nonce.trim() === '') throw usage('--nonce: the nonce is empty');

    const credentialPath = flags.string('credential') as string;
    const credential = (
      await readTextFile(credentialPath, '--credential', MAX_CREDENTIAL_FILE_BYTES)
    ).trim();
    const parsed = parseSdJwt(credential);
    if (!parsed.ok)
      throw new CommandFailure(
        `--credential: ${credentialPath} is not an SD-JWT: ${parsed.detail.message}`,
      );
    const keyPath = flags.string('holder-jwk') as string;
    const holderJwk = parsePrivateJwk(await readJsonFile(keyPath, '--holder-jwk'));
    if (!holderJwk.ok)
      throw new CommandFailure(`--holder-jwk: ${keyPath}: ${holderJwk.detail.message}`);
    const cnf = parsed.value.payload.cnf;
    const cnfJwk = parsePublicJwk(
      typeof cnf === 'object' && cnf !== null ? (cnf as Record<string, unknown>).jwk : undefined,
    );
    if (cnfJwk.ok && !sameJwk(cnfJwk.value, publicJwkOf(holderJwk.value))) {
      throw new CommandFailure(
        `--holder-jwk: ${keyPath} is not the key this credential is bound to (its cnf.jwk); a verifier would refuse the presentation`,
      );
    }
    const alg = algorithmForJwk(holderJwk.value);
    const crypto = jwsCrypto();
    const privateJwk = holderJwk.value;
    const made = await createPresentation({
      credential,
      disclose,
      audience,
      nonce,
      issuedAt: new Date(),
      holder: { alg, sign: (data) => crypto.sign(alg, privateJwk, data) },
    });
    if (!made.ok)
      throw new CommandFailure(
        `${made.reason === 'unknown-claim' ? '--disclose' : '--credential'}: ${made.detail.message}`,
      );
    io.stdout(`${made.value}\n`);
    return EXIT_OK;
  },
};
