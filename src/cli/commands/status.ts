/**
 * `vouch status new | revoke | publish`: an issuer's IETF Token Status List (docs/cli.md), and,
 * for VC-JWTs, the same bits as a W3C BitstringStatusListCredential (docs/w3c-vc.md "Status").
 */
import {
  createStatusList,
  MIN_STATUS_LIST_SIZE,
  publishStatusListJwt,
  revokeStatusIndex,
  statusListSizeProblem,
} from '../../core/status-list/index.ts';
import { issuerSigner } from '../../core/jose/index.ts';
import { writeFileAtomic, writeNewFile } from '../../platform/node/files.ts';
import { CommandFailure, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec } from '../command.ts';
import { readIssuerFile, readStatusListFile } from '../shared/inputs.ts';
import { revokeAtServer } from '../shared/admin-client.ts';
import { jwsCrypto } from '../shared/runtime.ts';

const listJson = (list: unknown) => `${JSON.stringify(list, null, 2)}\n`;

export const statusNew: CommandSpec = {
  path: ['status', 'new'],
  summary: 'Create an empty status list file.',
  description: `Writes {"uri","size","bits","lst","used","revoked"} to --out. At least ${MIN_STATUS_LIST_SIZE} entries (herd privacy). An existing file is never replaced unless --force.`,
  flags: [
    {
      name: 'issuer',
      kind: 'string',
      valueName: 'issuer.json',
      required: true,
      description: 'Issuer key file (checked; the list is published with it).',
    },
    {
      name: 'uri',
      kind: 'string',
      valueName: 'URL',
      required: true,
      description: 'Where the published statuslist+jwt will be hosted (https).',
    },
    {
      name: 'size',
      kind: 'string',
      valueName: 'n',
      description: 'Number of entries.',
      defaultText: String(MIN_STATUS_LIST_SIZE),
    },
    {
      name: 'out',
      kind: 'string',
      valueName: 'list.json',
      required: true,
      description: 'Where to write the list file.',
    },
    { name: 'force', kind: 'boolean', description: 'Replace an existing file.' },
  ],
  examples: [
    'vouch status new --issuer issuer.json --uri https://example.org/status/1 --size 100000 --out list.json',
  ],
  async run({ flags, io }) {
    const sizeText = flags.string('size') ?? String(MIN_STATUS_LIST_SIZE);
    const size = /^\d{1,10}$/.test(sizeText) ? Number(sizeText) : Number.NaN;
    const sizeProblem = Number.isNaN(size)
      ? `expected a whole number, got ${JSON.stringify(sizeText)}`
      : statusListSizeProblem(size);
    if (sizeProblem) throw new UsageError(`--size: ${sizeProblem}`, statusNew.path);
    const uri = flags.string('uri') as string;
    if (!/^https?:\/\/\S+$/.test(uri)) {
      throw new UsageError(
        `--uri: expected an http(s) URL, got ${JSON.stringify(uri)}`,
        statusNew.path,
      );
    }
    await readIssuerFile(flags.string('issuer') as string);
    let list;
    try {
      list = createStatusList({ uri, size });
    } catch (error) {
      throw new UsageError((error as Error).message, statusNew.path);
    }
    const out = flags.string('out') as string;
    if (
      !(await writeNewFile(out, listJson(list), { mode: 0o644, force: flags.boolean('force') }))
    ) {
      throw new CommandFailure(`${out} already exists; use --force to replace it`);
    }
    io.stdout(`${JSON.stringify({ uri: list.uri, size: list.size, out })}\n`);
    return EXIT_OK;
  },
};

export const statusRevoke: CommandSpec = {
  path: ['status', 'revoke'],
  summary: 'Revoke the credential with a status index.',
  description:
    'Sets the bit and writes the list file back atomically; publish again afterwards. Revoking an index this file never handed out works too (a note goes to stderr) and marks it used; revoking twice is not an error (exit 0, a note on stderr). An index outside the list exits 1. With --server, the server revokes and re-signs its hosted list at once; prints {"revoked","list"}.',
  flags: [
    {
      name: 'list',
      kind: 'string',
      valueName: 'list.json',
      description:
        'The status list file (required without --server). With --server: the list id or URL on the server, when it keeps several.',
    },
    {
      name: 'index',
      kind: 'string',
      valueName: 'n',
      required: true,
      description: 'The status index (status.status_list.idx).',
    },
    {
      name: 'server',
      kind: 'string',
      valueName: 'url',
      description:
        'Revoke at a `vouch serve` (admin token from VOUCH_ADMIN_TOKEN); the hosted list changes at once.',
    },
  ],
  examples: [
    'vouch status revoke --list list.json --index 48213',
    'VOUCH_ADMIN_TOKEN=… vouch status revoke --server https://vouch.example.org --index 48213',
  ],
  async run({ flags, io }) {
    const indexText = flags.string('index') as string;
    if (!/^\d{1,10}$/.test(indexText)) {
      throw new UsageError(
        `--index: expected a whole number, got ${JSON.stringify(indexText)}`,
        statusRevoke.path,
      );
    }
    const index = Number(indexText);
    const server = flags.string('server');
    if (server !== undefined) {
      const result = await revokeAtServer({
        server,
        index,
        list: flags.string('list'),
        token: process.env.VOUCH_ADMIN_TOKEN,
        command: statusRevoke.path,
      });
      if (!result.changed) {
        io.stderr(`vouch: note: index ${index} was already revoked; nothing changed\n`);
      }
      io.stdout(`${JSON.stringify({ revoked: index, list: result.list })}\n`);
      return EXIT_OK;
    }
    const path = flags.string('list');
    if (path === undefined) {
      throw new UsageError(
        'missing required flag --list <list.json> (or --server <url>)',
        statusRevoke.path,
      );
    }
    const list = await readStatusListFile(path);
    const strict = revokeStatusIndex(list, index);
    const wasIssued = strict.ok || strict.reason !== 'index-not-issued';
    const revoked = revokeStatusIndex(list, index, { evenIfNotIssued: true });
    if (!revoked.ok && revoked.reason === 'already-revoked') {
      io.stderr(`vouch: note: index ${index} was already revoked; nothing changed\n`);
      io.stdout(`${JSON.stringify({ revoked: index, total: list.revoked })}\n`);
      return EXIT_OK;
    }
    if (!revoked.ok) throw new CommandFailure(revoked.detail.message);
    if (!wasIssued) {
      io.stderr(
        `vouch: note: index ${index} was not handed out by this list file; it is now revoked and will never be handed out\n`,
      );
    }
    await writeFileAtomic(path, listJson(revoked.value));
    io.stdout(`${JSON.stringify({ revoked: index, total: revoked.value.revoked })}\n`);
    return EXIT_OK;
  },
};

export const statusPublish: CommandSpec = {
  path: ['status', 'publish'],
  summary: 'Print the signed statuslist+jwt to host at the list URI.',
  description: [
    'Prints the statuslist+jwt (sub = the list URI) to host at the URI. With --w3c-out, also writes',
    'the same bits as a BitstringStatusListCredential VC-JWT (W3C Bitstring Status List v1.0,',
    'signed by the same issuer key) to that file, to host at the URI + ".w3c": where the',
    'BitstringStatusListEntry of every VC-JWT issued from this list points.',
  ].join('\n'),
  flags: [
    {
      name: 'list',
      kind: 'string',
      valueName: 'list.json',
      required: true,
      description: 'The status list file.',
    },
    {
      name: 'issuer',
      kind: 'string',
      valueName: 'issuer.json',
      required: true,
      description: 'Issuer key file that signs it.',
    },
    {
      name: 'ttl',
      kind: 'string',
      valueName: 'seconds',
      description: 'How long verifiers may cache it (ttl).',
      defaultText: 'none',
    },
    {
      name: 'w3c-out',
      kind: 'string',
      valueName: 'file',
      description: 'Also write the BitstringStatusListCredential (for VC-JWTs) to this file.',
    },
  ],
  examples: [
    'vouch status publish --list list.json --issuer issuer.json > status.jwt',
    'vouch status publish --list list.json --issuer issuer.json --w3c-out status.w3c.jwt > status.jwt',
  ],
  async run({ flags, io }) {
    const ttlText = flags.string('ttl');
    if (ttlText !== undefined && !/^[1-9]\d{0,8}$/.test(ttlText)) {
      throw new UsageError(
        `--ttl: expected a positive whole number of seconds, got ${JSON.stringify(ttlText)}`,
        statusPublish.path,
      );
    }
    const list = await readStatusListFile(flags.string('list') as string);
    const issuer = await readIssuerFile(flags.string('issuer') as string);
    const signer = { did: issuer.did, alg: issuer.alg, sign: issuerSigner(jwsCrypto(), issuer) };
    const issuedAt = new Date();
    const ttlSeconds = ttlText === undefined ? undefined : Number(ttlText);
    const jwt = await publishStatusListJwt({ list, issuer: signer, issuedAt, ttlSeconds });
    const w3cOut = flags.string('w3c-out');
    if (w3cOut !== undefined) {
      // Loaded only here: the other status commands never load did-jwt-vc.
      const { bitstringStatusListUrl, signBitstringStatusListCredential } =
        await import('../../core/w3c/index.ts');
      const credential = await signBitstringStatusListCredential({
        issuer: signer,
        url: bitstringStatusListUrl(list.uri),
        list,
        issuedAt,
        ...(ttlSeconds === undefined ? {} : { ttlSeconds }),
      });
      await writeFileAtomic(w3cOut, `${credential}\n`).catch((error: unknown) => {
        const code = (error as { code?: unknown }).code;
        throw new CommandFailure(
          `--w3c-out: cannot write ${w3cOut}${typeof code === 'string' ? ` (${code})` : ''}`,
        );
      });
    }
    io.stdout(`${jwt}\n`);
    return EXIT_OK;
  },
};
