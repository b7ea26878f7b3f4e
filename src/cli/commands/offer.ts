/**
 * `vouch offer`: asks a `vouch serve` for an OpenID4VCI credential offer (POST /admin/offers) and
 * prints its `openid-credential-offer://?credential_offer_uri=…` URI on stdout, one line, for the
 * pre-authorized code flow (with --by-value, `…?credential_offer=<JSON>`). With --tx-code the offer needs a transaction code, printed on stderr
 * as `vouch: transaction code: <digits>` (send it to the holder by another channel; stdout stays
 * the URI alone, for scripts and QR encoders). The claims are checked by the server against the
 * type's schema before the offer exists: a refusal names every problem (exit 1). With
 * --format jwt_vc_json the wallet gets a W3C VC-JWT (the diploma only; SD-JWT VC is the default).
 */
import { CREDENTIAL_TYPE_IDS, type CredentialTypeId } from '../../core/credentials/index.ts';
import {
  JWT_VC_JSON_FORMAT,
  SD_JWT_VC_FORMAT,
  W3C_CREDENTIAL_TYPES,
} from '../../core/oid4vci/metadata.ts';
import { DEFAULT_COPIES } from '../../core/issuer/issuance.ts';
import { encodeOfferForCopies } from '../../core/issuer/issue-copies.ts';
import { relationshipFingerprint } from '../../core/protocol/index.ts';
import { encodeForText } from '../../core/transport/index.ts';
import { CommandFailure, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec, ParsedFlags } from '../command.ts';
import { callAdmin, serverUrl, SERVER_FLAG } from '../shared/admin-client.ts';
import {
  copiesFlag,
  issueCopiesToXpub,
  readCheckedClaims,
  readCopies,
  readXpubHolder,
} from '../shared/copies.ts';
import { readIssuerFile, readJsonFile } from '../shared/inputs.ts';
import { parseIsoDate } from '../shared/runtime.ts';

const OFFER_URI = /^openid-credential-offer:\/\/\?credential_offer(_uri)?=[A-Za-z0-9%._~!*'()-]+$/;

export const offer: CommandSpec = {
  path: ['offer'],
  summary:
    'Create an OpenID4VCI credential offer at a vouch serve, or (--issuer) an offline offer of copies.',
  description: [
    'Sends {"type","claims","format"?,"txCode"?} to the server\'s POST /admin/offers (admin token from',
    'VOUCH_ADMIN_TOKEN) and prints the openid-credential-offer://?credential_offer_uri=… URI, one',
    'line on stdout. With --tx-code the wallet must also type a 6-digit transaction code, printed',
    'on stderr as "vouch: transaction code: <digits>". Exit 0 when the offer exists, 1 when the',
    'server refuses it (e.g. claims that do not fit the type) or cannot be reached, 2 on a usage',
    'error.',
    'Offline (--issuer instead of --server): issues --copies n (1-50, default 10) copies of the',
    'credential, each on its own child of --holder-xpub (children --child-index to --child-index +',
    'n - 1; the next credential for this holder starts after them), fresh salts and its own index',
    'of --status-list, and prints the offer (v2; v1 for one copy) as one line of .vouch text: save',
    'it as a .vouch file for the wallet (one copy also fits a QR code: vouch qr encode).',
  ].join('\n'),
  flags: [
    {
      ...SERVER_FLAG,
      required: false,
      description: 'The vouch serve (its public URL): an online offer.',
    },
    {
      name: 'issuer',
      kind: 'string',
      valueName: 'issuer.json',
      description: 'Offline: the issuer key file (instead of --server).',
    },
    {
      name: 'holder-xpub',
      kind: 'string',
      valueName: 'xpub',
      description: "Offline: the holder's relationship xpub (from its connect request).",
    },
    {
      name: 'child-index',
      kind: 'string',
      valueName: 'n',
      description: "Offline: the first copy's child index under --holder-xpub.",
    },
    copiesFlag(DEFAULT_COPIES, 'Offline: how many copies (1-50; a VC-JWT is one copy).'),
    {
      name: 'status-list',
      kind: 'string',
      valueName: 'list.json',
      description: 'Offline: the status list to take one index per copy from.',
    },
    {
      name: 'expires',
      kind: 'string',
      valueName: 'ISO date',
      description: 'Offline: expiry (exp).',
      defaultText: "the type's policy",
    },
    {
      name: 'type',
      kind: 'string',
      valueName: 'type',
      required: true,
      description: `The credential type: ${CREDENTIAL_TYPE_IDS.join(', ')}.`,
    },
    {
      name: 'claims',
      kind: 'string',
      valueName: 'claims JSON file',
      required: true,
      description: 'The claims, a JSON object (the same as for vouch issue).',
    },
    {
      name: 'format',
      kind: 'string',
      valueName: 'format',
      description: `${SD_JWT_VC_FORMAT} (default) or ${JWT_VC_JSON_FORMAT} (a W3C VC-JWT; for ${W3C_CREDENTIAL_TYPES.join(', ')}).`,
    },
    {
      name: 'tx-code',
      kind: 'boolean',
      description: 'Protect the offer with a transaction code (printed on stderr).',
    },
    {
      name: 'by-value',
      kind: 'boolean',
      description:
        'Print the offer by value (openid-credential-offer://?credential_offer=…) instead of by reference.',
    },
  ],
  examples: [
    'VOUCH_ADMIN_TOKEN=… vouch offer --server https://vouch.example.org --type income-statement --claims september.json',
    'VOUCH_ADMIN_TOKEN=… vouch offer --server https://vouch.example.org --type diploma --claims diploma.json --tx-code',
    'VOUCH_ADMIN_TOKEN=… vouch offer --server https://vouch.example.org --type diploma --format jwt_vc_json --claims diploma.json',
    'vouch offer --issuer issuer.json --type income-statement --claims september.json --holder-xpub xpub6… --child-index 20 --status-list list.json > anna.vouch',
  ],
  async run({ flags, io }) {
    const serverText = flags.string('server');
    const offline = flags.string('issuer') !== undefined;
    if (offline === (serverText !== undefined)) {
      throw new UsageError(
        offline
          ? 'give --server (an online offer) or --issuer (an offline one), not both'
          : 'missing required flag --server <url> (or --issuer <issuer.json> for an offline offer)',
        offer.path,
      );
    }
    for (const name of ONLINE_FLAGS) {
      if (offline && flags.boolean(name)) {
        throw new UsageError(`--${name} is for an online offer (--server)`, offer.path);
      }
    }
    for (const name of OFFLINE_FLAGS) {
      if (!offline && flags.string(name) !== undefined) {
        throw new UsageError(
          `--${name} is for an offline offer (--issuer)${name === 'copies' ? '; a vouch serve issues as many copies as it is set to (vouch serve --copies)' : ''}`,
          offer.path,
        );
      }
    }
    const type = flags.string('type') as string;
    if (!(CREDENTIAL_TYPE_IDS as readonly string[]).includes(type)) {
      throw new UsageError(
        `--type: expected one of ${CREDENTIAL_TYPE_IDS.join(', ')}, got ${JSON.stringify(type)}`,
        offer.path,
      );
    }
    const format = flags.string('format') ?? SD_JWT_VC_FORMAT;
    if (format !== SD_JWT_VC_FORMAT && format !== JWT_VC_JSON_FORMAT) {
      throw new UsageError(
        `--format: expected ${SD_JWT_VC_FORMAT} or ${JWT_VC_JSON_FORMAT}, got ${JSON.stringify(format)}`,
        offer.path,
      );
    }
    if (
      format === JWT_VC_JSON_FORMAT &&
      !(W3C_CREDENTIAL_TYPES as readonly string[]).includes(type)
    ) {
      throw new UsageError(
        `--format ${JWT_VC_JSON_FORMAT}: only for ${W3C_CREDENTIAL_TYPES.join(', ')}, not ${type}`,
        offer.path,
      );
    }
    if (offline) return offerOffline(flags, io, type as CredentialTypeId, format);
    const server = serverUrl(serverText as string, offer.path);
    const claims = await readJsonFile(flags.string('claims') as string, '--claims');
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
      throw new CommandFailure('--claims: the file must hold a JSON object of claims');
    }
    const txCode = flags.boolean('tx-code');
    const byValue = flags.boolean('by-value');
    const answer = await callAdmin(
      { server, token: process.env.VOUCH_ADMIN_TOKEN, command: offer.path },
      'POST',
      '/admin/offers',
      {
        type,
        claims,
        ...(format === SD_JWT_VC_FORMAT ? {} : { format }),
        ...(txCode ? { txCode: true } : {}),
        ...(byValue ? { byValue: true } : {}),
      },
    );
    const { uri, txCode: code } = answer;
    if (typeof uri !== 'string' || !OFFER_URI.test(uri)) {
      throw new CommandFailure(`${server}: the answer holds no credential offer URI`);
    }
    if (txCode && (typeof code !== 'string' || !/^\d{4,12}$/.test(code))) {
      throw new CommandFailure(`${server}: the answer holds no transaction code`);
    }
    if (txCode) io.stderr(`vouch: transaction code: ${code as string}\n`);
    io.stdout(`${uri}\n`);
    return EXIT_OK;
  },
};

/** The flags of an online offer (--server), refused with --issuer, and the other way round. */
const ONLINE_FLAGS = ['tx-code', 'by-value'];
const OFFLINE_FLAGS = ['holder-xpub', 'child-index', 'copies', 'status-list', 'expires'];

/** The offline offer: issue the copies (the desk's path) and print the offer's .vouch text. */
async function offerOffline(
  flags: ParsedFlags,
  io: Parameters<CommandSpec['run']>[0]['io'],
  type: CredentialTypeId,
  format: typeof SD_JWT_VC_FORMAT | typeof JWT_VC_JSON_FORMAT,
): Promise<number> {
  const usage = (message: string) => new UsageError(message, offer.path);
  const copies =
    format === JWT_VC_JSON_FORMAT
      ? readCopies(flags, 1, usage)
      : readCopies(flags, DEFAULT_COPIES, usage);
  if (copies > 1 && format === JWT_VC_JSON_FORMAT) {
    throw usage(`--copies ${copies}: a W3C VC-JWT is issued as one copy (leave out --copies)`);
  }
  const { xpub, firstChild } = readXpubHolder(flags, copies, usage);
  const expiresText = flags.string('expires');
  const expiresAt = expiresText === undefined ? undefined : parseIsoDate(expiresText);
  if (expiresText !== undefined && !expiresAt) {
    throw usage(
      `--expires: expected an ISO date such as 2026-12-31, got ${JSON.stringify(expiresText)}`,
    );
  }
  const claims = await readCheckedClaims(flags.string('claims') as string, type);
  const issuer = await readIssuerFile(flags.string('issuer') as string);
  const issued = await issueCopiesToXpub({
    issuer,
    xpub,
    firstChild,
    count: copies,
    typeId: type,
    claims,
    format,
    statusListPath: flags.string('status-list'),
    expiresAt,
  });
  io.stdout(
    `${encodeForText('offer', encodeOfferForCopies(relationshipFingerprint(xpub), issued))}\n`,
  );
  return EXIT_OK;
}
