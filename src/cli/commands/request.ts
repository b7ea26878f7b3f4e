/**
 * `vouch request`: asks a `vouch serve` for an OpenID4VP presentation request (POST
 * /admin/requests) and prints one JSON line, `{"id": …, "uri": "openid4vp://?client_id=…&request_uri=…"}`.
 * Read the answer later with `vouch result --id <id>`.
 */
import { CREDENTIAL_TYPE_IDS, CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import type { CredentialTypeId } from '../../core/credentials/index.ts';
import { CommandFailure, EXIT_OK, UsageError } from '../command.ts';
import type { CommandSpec } from '../command.ts';
import { callAdmin, serverUrl, SERVER_FLAG } from '../shared/admin-client.ts';

const REQUEST_URI = /^openid4vp:\/\/\?client_id=[A-Za-z0-9%._~-]+&request_uri=[A-Za-z0-9%._~-]+$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const request: CommandSpec = {
  path: ['request'],
  summary: 'Create an OpenID4VP request at a vouch serve; print {"id","uri"}.',
  description: [
    'Sends {"type","claims",…} to the server\'s POST /admin/requests (admin token from',
    'VOUCH_ADMIN_TOKEN) and prints one JSON line {"id": …, "uri": "openid4vp://?client_id=…&request_uri=…"}.',
    'Show the uri as a QR code or link to the citizen; read the verdict with vouch result --id.',
    'Exit 0 when the request exists, 1 when the server refuses it or cannot be reached, 2 on a',
    'usage error.',
  ].join('\n'),
  flags: [
    SERVER_FLAG,
    {
      name: 'type',
      kind: 'string',
      valueName: 'type',
      required: true,
      description: `The credential type asked for: ${CREDENTIAL_TYPE_IDS.join(', ')}.`,
    },
    {
      name: 'claims',
      kind: 'string',
      valueName: 'claim,claim',
      required: true,
      description: 'The claims the citizen must disclose, comma-separated.',
    },
    {
      name: 'purpose',
      kind: 'string',
      valueName: 'text',
      description: 'Why you ask (shown to the citizen).',
    },
    {
      name: 'verifier-name',
      kind: 'string',
      valueName: 'text',
      description: 'Your name as the wallet shows it (your own words, not verified).',
    },
    {
      name: 'response-mode',
      kind: 'string',
      valueName: 'mode',
      description: 'direct_post, or direct_post.jwt to have the answer encrypted to the server.',
      defaultText: 'direct_post',
    },
  ],
  examples: [
    'VOUCH_ADMIN_TOKEN=… vouch request --server https://vouch.example.org --type income-statement --claims period,net_wage_cents --purpose "Income supplement"',
  ],
  async run({ flags, io }) {
    const usage = (message: string) => new UsageError(message, request.path);
    const server = serverUrl(flags.string('server') as string, request.path);
    const type = flags.string('type') as string;
    if (!(CREDENTIAL_TYPE_IDS as readonly string[]).includes(type)) {
      throw usage(
        `--type: expected one of ${CREDENTIAL_TYPE_IDS.join(', ')}, got ${JSON.stringify(type)}`,
      );
    }
    const known = CREDENTIAL_TYPES[type as CredentialTypeId].claims.map((claim) => claim.name);
    const claims = (flags.string('claims') as string).split(',').map((name) => name.trim());
    const unknown = claims.find((name) => !known.includes(name));
    if (unknown !== undefined) {
      throw usage(
        `--claims: ${JSON.stringify(unknown)} is not a claim of ${type} (${known.join(', ')})`,
      );
    }
    if (new Set(claims).size !== claims.length) throw usage('--claims: a claim is named twice');
    const responseMode = flags.string('response-mode');
    if (
      responseMode !== undefined &&
      responseMode !== 'direct_post' &&
      responseMode !== 'direct_post.jwt'
    ) {
      throw usage(
        `--response-mode: expected direct_post or direct_post.jwt, got ${JSON.stringify(responseMode)}`,
      );
    }
    const purpose = flags.string('purpose');
    const verifierName = flags.string('verifier-name');
    const answer = await callAdmin(
      { server, token: process.env.VOUCH_ADMIN_TOKEN, command: request.path },
      'POST',
      '/admin/requests',
      {
        type,
        claims,
        ...(purpose === undefined ? {} : { purpose }),
        ...(verifierName === undefined ? {} : { verifierName }),
        ...(responseMode === undefined ? {} : { responseMode }),
      },
    );
    const { id, uri } = answer;
    if (
      typeof id !== 'string' ||
      !ID.test(id) ||
      typeof uri !== 'string' ||
      !REQUEST_URI.test(uri)
    ) {
      throw new CommandFailure(`${server}: the answer holds no request id and openid4vp:// URI`);
    }
    io.stdout(`${JSON.stringify({ id, uri })}\n`);
    return EXIT_OK;
  },
};
