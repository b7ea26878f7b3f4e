/**
 * `vouch offer`: asks a `vouch serve` for an OpenID4VCI credential offer (POST /admin/offers) and
 * prints its `openid-credential-offer://?credential_offer_uri=…` URI on stdout, one line, for the
 * pre-authorized code flow (with --by-value, `…?credential_offer=<JSON>`). With --tx-code the offer needs a transaction code, printed on stderr
 * as `vouch: transaction code: <digits>` (send it to the holder by another channel; stdout stays
 * the URI alone, for scripts and QR encoders). The claims are checked by the server against the
 * type's schema before the offer exists: a refusal names every problem (exit 1). With
 * --format jwt_vc_json the wallet gets a W3C VC-JWT (the diploma only; SD-JWT VC is the default).
 */
import { CREDENTIAL_TYPE_IDS } from '../../core/credentials/index.ts';
import {
  JWT_VC_JSON_FORMAT,
  SD_JWT_VC_FORMAT,
  W3C_CREDENTIAL_TYPES,
} from '../../core/oid4vci/metadata.ts';
import { CommandFailure, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec } from '../command.ts';
import { callAdmin, serverUrl, SERVER_FLAG } from '../shared/admin-client.ts';
import { readJsonFile } from '../shared/inputs.ts';

const OFFER_URI = /^openid-credential-offer:\/\/\?credential_offer(_uri)?=[A-Za-z0-9%._~!*'()-]+$/;

export const offer: CommandSpec = {
  path: ['offer'],
  summary: 'Create an OpenID4VCI credential offer at a vouch serve and print its URI.',
  description: [
    'Sends {"type","claims","format"?,"txCode"?} to the server\'s POST /admin/offers (admin token from',
    'VOUCH_ADMIN_TOKEN) and prints the openid-credential-offer://?credential_offer_uri=… URI, one',
    'line on stdout. With --tx-code the wallet must also type a 6-digit transaction code, printed',
    'on stderr as "vouch: transaction code: <digits>". Exit 0 when the offer exists, 1 when the',
    'server refuses it (e.g. claims that do not fit the type) or cannot be reached, 2 on a usage',
    'error.',
  ].join('\n'),
  flags: [
    SERVER_FLAG,
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
  ],
  async run({ flags, io }) {
    const server = serverUrl(flags.string('server') as string, offer.path);
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
