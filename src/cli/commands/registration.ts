/**
 * `vouch registration issue` and `vouch registration verify`: registration certificates, which a
 * registration authority signs for a verifier and the verifier signs into every request's
 * `verifier_info` (docs/ux.md §Consent and who asks; core/trust/verifier-registration.ts).
 */
import type { Did } from '../../core/brand.ts';
import { issuerSigner, parseIssuerKeyFile } from '../../core/jose/index.ts';
import {
  DEFAULT_REGISTRATION_DAYS,
  readRegistrationCertificate,
  signRegistrationCertificate,
  type RegisteredName,
} from '../../core/trust/index.ts';
import { writeNewFile } from '../../platform/node/files.ts';
import { CommandFailure, EXIT_FAILURE, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec } from '../command.ts';
import { readJsonFile, readTextFile } from '../shared/inputs.ts';
import { jwsCrypto } from '../shared/runtime.ts';

const MAX_DAYS = 5 * 366;
const MAX_CERTIFICATE_BYTES = 8 * 1024;

export const registrationIssue: CommandSpec = {
  path: ['registration', 'issue'],
  summary: 'Sign a registration certificate for a verifier DID (rc-rp+jwt).',
  description: [
    'Signs, with the registration authority key in --key (a key file of "vouch issuer new"), a',
    'certificate that registers --verifier under --name, valid from now for --days days. The desk',
    'adds it in Settings → Registration certificate and sends it in every request; wallets that',
    'trust the authority show the verifier as verified. Prints the certificate (a JWS) on stdout,',
    'or writes it to --out (never replacing a file unless --force).',
  ].join('\n'),
  flags: [
    {
      name: 'key',
      kind: 'string',
      valueName: 'authority.json',
      required: true,
      description: 'The registration authority key file.',
    },
    {
      name: 'verifier',
      kind: 'string',
      valueName: 'did',
      required: true,
      description:
        'The verifier DID (its requests\' client_id without "decentralized_identifier:").',
    },
    {
      name: 'name',
      kind: 'string',
      valueName: 'name',
      required: true,
      description: 'The registered name (Dutch, or the only one).',
    },
    { name: 'name-fr', kind: 'string', valueName: 'name', description: 'The name in French.' },
    { name: 'name-en', kind: 'string', valueName: 'name', description: 'The name in English.' },
    {
      name: 'days',
      kind: 'string',
      valueName: 'N',
      description: `Days of validity (1–${MAX_DAYS}).`,
      defaultText: String(DEFAULT_REGISTRATION_DAYS),
    },
    { name: 'out', kind: 'string', valueName: 'file.jwt', description: 'Write it to this file.' },
    { name: 'force', kind: 'boolean', description: 'Replace an existing --out file.' },
  ],
  examples: [
    'vouch registration issue --key authority.json --verifier did:key:zDn… --name "Gemeente Utrecht" --out utrecht.rc.jwt',
  ],
  async run({ flags, io }) {
    const path = registrationIssue.path;
    const daysText = flags.string('days') ?? String(DEFAULT_REGISTRATION_DAYS);
    const days = /^\d{1,4}$/.test(daysText) ? Number(daysText) : Number.NaN;
    if (!(days >= 1 && days <= MAX_DAYS)) {
      throw new UsageError(
        `--days: expected a whole number 1–${MAX_DAYS}, got ${JSON.stringify(daysText)}`,
        path,
      );
    }
    const name = (flags.string('name') ?? '').trim();
    const fr = flags.string('name-fr')?.trim();
    const en = flags.string('name-en')?.trim();
    const registered: RegisteredName =
      fr === undefined && en === undefined
        ? name
        : { nl: name, ...(fr === undefined ? {} : { fr }), ...(en === undefined ? {} : { en }) };
    const keyPath = flags.string('key') as string;
    const key = parseIssuerKeyFile(await readJsonFile(keyPath, '--key'));
    if (!key.ok) throw new CommandFailure(`--key: ${keyPath}: ${key.detail.message}`);
    const crypto = jwsCrypto();
    const now = new Date();
    let jwt: string;
    try {
      jwt = await signRegistrationCertificate({
        authority: {
          did: key.value.did as Did,
          alg: key.value.alg,
          sign: issuerSigner(crypto, key.value),
        },
        verifier: (flags.string('verifier') ?? '').trim(),
        name: registered,
        issuedAt: now,
        expiresAt: new Date(now.getTime() + days * 86_400_000),
      });
    } catch (error) {
      // signRegistrationCertificate names the field that is wrong (the verifier DID, a name).
      const message = error instanceof Error ? error.message : String(error);
      throw new UsageError(message.replace(/^signRegistrationCertificate: /, ''), path);
    }
    const out = flags.string('out');
    if (out === undefined) {
      io.stdout(`${jwt}\n`);
      return EXIT_OK;
    }
    const written = await writeNewFile(out, `${jwt}\n`, {
      mode: 0o644,
      force: flags.boolean('force'),
    });
    if (!written) throw new CommandFailure(`${out} already exists; use --force to replace it`);
    io.stdout(
      `${JSON.stringify({ out, authority: key.value.did, verifier: flags.string('verifier')?.trim() })}\n`,
    );
    return EXIT_OK;
  },
};

export const registrationVerify: CommandSpec = {
  path: ['registration', 'verify'],
  summary: 'Read a registration certificate and check its signature and dates.',
  description: [
    'Prints one line of JSON: {"valid","problem"?,"authority","verifier","name","iat","exp"}.',
    'With --authority (space-separated DIDs), the certificate is valid only when signed by one of',
    'them, as a wallet trusting those authorities would read it. Exit 1 when it is not valid.',
  ].join('\n'),
  args: [{ name: 'file', description: 'The certificate (a JWS) in a file.', required: true }],
  flags: [
    {
      name: 'authority',
      kind: 'string',
      valueName: 'dids',
      description: 'Trusted registration authorities (space-separated DIDs).',
    },
  ],
  examples: ['vouch registration verify utrecht.rc.jwt --authority did:key:zDn…'],
  async run({ flags, args, io }) {
    const file = args[0] as string;
    const text = await readTextFile(file, 'certificate', MAX_CERTIFICATE_BYTES + 2);
    const read = await readRegistrationCertificate(text.trim(), {
      crypto: jwsCrypto(),
      now: new Date(),
    });
    if (!read.ok) {
      io.stdout(
        `${JSON.stringify({ valid: false, problem: read.reason, message: read.detail.message })}\n`,
      );
      return EXIT_FAILURE;
    }
    const authorities = flags.string('authority')?.split(/\s+/).filter(Boolean);
    const trusted = authorities === undefined || authorities.includes(read.value.authority);
    const { authority, verifier, name, iat, exp } = read.value;
    io.stdout(
      `${JSON.stringify({
        valid: trusted,
        ...(trusted ? {} : { problem: 'untrusted-authority' }),
        authority,
        verifier,
        name,
        iat,
        exp,
      })}\n`,
    );
    return trusted ? EXIT_OK : EXIT_FAILURE;
  },
};
