/** `vouch issuer new`: an issuer key file for scripts (docs/cli.md). */
import { ALLOWED_ALGORITHMS, createIssuerKeyFile } from '../../core/jose/index.ts';
import type { JwsAlgorithm } from '../../core/jose/index.ts';
import { writeNewFile } from '../../platform/node/files.ts';
import { CommandFailure, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec } from '../command.ts';
import { jwsCrypto } from '../shared/runtime.ts';

export const issuerNew: CommandSpec = {
  path: ['issuer', 'new'],
  summary: 'Create an issuer key file {"did","alg","publicJwk","privateJwk"}.',
  description: [
    'Writes a new key pair to --out (mode 0600; the file holds the private key in clear, for',
    'scripts; the issuer desk keeps its own encrypted). The file has exactly the keys did, alg,',
    'publicJwk and privateJwk. An existing file is never replaced unless --force is given.',
    'Prints one line of JSON on stdout: {"did","alg","name","out"} (--name is not stored in the file).',
  ].join('\n'),
  flags: [
    {
      name: 'alg',
      kind: 'string',
      valueName: 'ES256|EdDSA|ES256K',
      description: 'Signature algorithm.',
      defaultText: 'ES256',
    },
    {
      name: 'name',
      kind: 'string',
      valueName: 'org',
      required: true,
      description: 'Organisation name (echoed, for logs).',
    },
    {
      name: 'out',
      kind: 'string',
      valueName: 'issuer.json',
      required: true,
      description: 'Where to write the key file.',
    },
    { name: 'force', kind: 'boolean', description: 'Replace an existing file.' },
  ],
  examples: ['vouch issuer new --name "Bakkerij de Vries B.V." --out issuer.json'],
  async run({ flags, io }) {
    const alg = (flags.string('alg') ?? 'ES256') as JwsAlgorithm;
    if (!ALLOWED_ALGORITHMS.includes(alg)) {
      throw new UsageError(
        `--alg: expected one of ${ALLOWED_ALGORITHMS.join(', ')}, got ${JSON.stringify(alg)}`,
        issuerNew.path,
      );
    }
    const name = (flags.string('name') ?? '').trim();
    if (name === '') throw new UsageError('--name: must not be empty', issuerNew.path);
    const out = flags.string('out') as string;
    const file = await createIssuerKeyFile(jwsCrypto(), alg);
    const { did, publicJwk, privateJwk } = file;
    const text = `${JSON.stringify({ did, alg: file.alg, publicJwk, privateJwk }, null, 2)}\n`;
    const written = await writeNewFile(out, text, { mode: 0o600, force: flags.boolean('force') });
    if (!written) throw new CommandFailure(`${out} already exists; use --force to replace it`);
    io.stdout(`${JSON.stringify({ did, alg: file.alg, name, out })}\n`);
    return EXIT_OK;
  },
};
