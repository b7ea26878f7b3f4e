/**
 * `vouch serve`: the organisation's online half (docs/server.md). Prints exactly one JSON line on
 * stdout when ready — {"url","issuer","verifier"} — then logs one JSON line per request on
 * stderr until SIGINT or SIGTERM, when it stops accepting, finishes what is in flight, closes
 * the database and exits 0.
 */
import { ServerSetupError } from '../../server/data-dir.ts';
import { createJsonLog } from '../../server/log.ts';
import { startServer } from '../../server/start.ts';
import type { RunningServer, StartServerOptions } from '../../server/start.ts';
import { CommandFailure, EXIT_OK, UsageError } from '../command.ts';
import type { CommandIo, CommandSpec, ParsedFlags } from '../command.ts';
import { jwsCrypto, randomBytes } from '../shared/runtime.ts';
import { runUntilStopped } from '../shared/until-stopped.ts';

export const DEFAULT_PORT = 8080;
export const DEFAULT_DATA_DIR = 'vouch-data';
/** Copies of each credential issued online (OpenID4VCI batch_size), and the most the policy may set. */
export const DEFAULT_COPIES = 10;
export const MAX_COPIES = 50;

type ServeSettings = Omit<StartServerOptions, 'crypto' | 'randomBytes' | 'log' | 'announce'>;

const usage = (message: string) => new UsageError(message, ['serve']);

function httpUrl(text: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usage(`${flag}: expected an http(s) URL, got ${JSON.stringify(text)}`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search !== '' || url.hash !== '') {
    throw usage(`${flag}: expected an http(s) URL without query or fragment`);
  }
  if (url.username !== '' || url.password !== '') throw usage(`${flag}: a URL without credentials`);
  return text.replace(/\/+$/, '');
}

/** Reads and checks the flags (exit 2 on a mistake). */
export function serveSettings(flags: ParsedFlags, env: NodeJS.ProcessEnv): ServeSettings {
  const portText = flags.string('port') ?? String(DEFAULT_PORT);
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535) {
    throw usage(`--port: expected 0–65535, got ${JSON.stringify(portText)}`);
  }
  const database = flags.string('database');
  if (database !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(database)) {
    // Never echo it: it may hold a password.
    throw usage('--database: expected a postgres://… or postgresql://… URL');
  }
  const publicUrl = flags.string('public-url');
  const origins = (flags.string('admin-origin') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    if (httpUrl(origin, '--admin-origin') !== new URL(origin).origin) {
      throw usage(
        `--admin-origin: expected origins like https://desk.example.org, got ${JSON.stringify(origin)}`,
      );
    }
  }
  const data = flags.string('data') ?? DEFAULT_DATA_DIR;
  if (data === '') throw usage('--data: expected a directory');
  const ledger = flags.string('ledger');
  const copiesText = flags.string('copies') ?? String(DEFAULT_COPIES);
  if (!/^\d{1,2}$/.test(copiesText) || Number(copiesText) < 1 || Number(copiesText) > MAX_COPIES) {
    throw usage(`--copies: expected 1–${MAX_COPIES}, got ${JSON.stringify(copiesText)}`);
  }
  return {
    port: Number(portText),
    host: flags.string('host'),
    dataDir: data,
    databaseUrl: database,
    issuerFile: flags.string('issuer'),
    verifierFile: flags.string('verifier'),
    registrationFile: flags.string('registration'),
    copies: Number(copiesText),
    ...(ledger === undefined ? {} : { ledgerUrl: httpUrl(ledger, '--ledger') }),
    publicUrl: publicUrl === undefined ? undefined : httpUrl(publicUrl, '--public-url'),
    envAdminToken: env.VOUCH_ADMIN_TOKEN,
    keyPassphrase: env.VOUCH_KEY_PASSPHRASE,
    app: { trustProxy: flags.boolean('trust-proxy'), adminOrigins: origins },
  };
}

/** What a start failure means to the operator, in one line with no secret in it. */
function startFailure(error: unknown, settings: ServeSettings): CommandFailure {
  if (error instanceof ServerSetupError) return new CommandFailure(error.message);
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return new CommandFailure(`port ${settings.port} is already in use`);
  if (code === 'EACCES')
    return new CommandFailure(`not allowed to listen on port ${settings.port}`);
  if (settings.databaseUrl !== undefined && typeof code === 'string') {
    return new CommandFailure(`cannot use the database given by --database (${code})`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CommandFailure(
    `cannot start: ${message.replace(/postgres(ql)?:\/\/\S+/g, '<database>')}`,
  );
}

/** Starts the server and prints the ready line; `stopped` resolves when it should stop. */
export async function runServe(
  settings: ServeSettings,
  io: CommandIo,
  stopped: Promise<unknown>,
): Promise<number> {
  let server: RunningServer;
  try {
    server = await startServer({
      ...settings,
      crypto: jwsCrypto(),
      randomBytes,
      log: createJsonLog(io.stderr),
      announce: io.stderr,
    });
  } catch (error) {
    throw startFailure(error, settings);
  }
  io.stdout(
    `${JSON.stringify({ url: server.url, issuer: server.issuer, verifier: server.verifier })}\n`,
  );
  await stopped;
  await server.close();
  return EXIT_OK;
}

export const serve: CommandSpec = {
  path: ['serve'],
  summary: "Run the organisation's server: OpenID4VCI issuer, OpenID4VP verifier, status lists.",
  description:
    'Prints one JSON line when ready: {"url","issuer","verifier"}; then one JSON log line per request on stderr. Keys missing from --data are made there and kept. The admin token is VOUCH_ADMIN_TOKEN, or made at first start, kept in <data>/admin-token and printed once on stderr. Stops on SIGINT/SIGTERM.',
  flags: [
    {
      name: 'port',
      kind: 'string',
      valueName: 'n',
      description: 'TCP port (0: any free one).',
      defaultText: String(DEFAULT_PORT),
    },
    {
      name: 'data',
      kind: 'string',
      valueName: 'dir',
      description: 'Data directory: keys, admin token, the embedded database.',
      defaultText: DEFAULT_DATA_DIR,
    },
    {
      name: 'database',
      kind: 'string',
      valueName: 'postgres://…',
      description:
        'A PostgreSQL server instead of the embedded database (PGlite in <data>/pgdata).',
    },
    {
      name: 'issuer',
      kind: 'string',
      valueName: 'issuer.json',
      description:
        "Issuer key file (vouch issuer new), or the issuer desk's encrypted export with its passphrase in VOUCH_KEY_PASSPHRASE.",
      defaultText: '<data>/issuer.json, made if absent',
    },
    {
      name: 'verifier',
      kind: 'string',
      valueName: 'verifier.json',
      description: 'Verifier key file (same format).',
      defaultText: '<data>/verifier.json, made if absent',
    },
    {
      name: 'registration',
      kind: 'string',
      valueName: 'certificate.jwt',
      description:
        "The verifier's registration certificate (vouch registration issue --verifier <its DID>): checked at start, sent in every request's verifier_info while valid.",
    },
    {
      name: 'copies',
      kind: 'string',
      valueName: 'n',
      description:
        'Copies of each credential a wallet may ask for at once (1–50), each bound to its own key with its own status index: batch_credential_issuance.batch_size.',
      defaultText: String(DEFAULT_COPIES),
    },
    {
      name: 'ledger',
      kind: 'string',
      valueName: 'url',
      description:
        "The organisation's ledger node (vouch ledger serve): every receipt this server countersigns is appended there and its inclusion proof goes to the wallet.",
    },
    {
      name: 'public-url',
      kind: 'string',
      valueName: 'url',
      description: 'The https URL wallets reach this server at (issuer id, status list URIs).',
      defaultText: 'http://localhost:<port>',
    },
    {
      name: 'host',
      kind: 'string',
      valueName: 'address',
      description: 'Interface to listen on, e.g. 127.0.0.1.',
      defaultText: 'all interfaces',
    },
    {
      name: 'trust-proxy',
      kind: 'boolean',
      description: 'Behind a load balancer: rate-limit by the last X-Forwarded-For entry.',
    },
    {
      name: 'admin-origin',
      kind: 'string',
      valueName: 'origins',
      description: 'Comma-separated browser origins of the desks allowed to call /admin.',
    },
  ],
  examples: [
    'vouch serve --port 8080 --data ./vouch-data --public-url https://vouch.example.org',
    'vouch serve --port 8080 --data ./vouch-data --database postgres://vouch@db/vouch --trust-proxy',
  ],
  async run({ flags, io }) {
    const settings = serveSettings(flags, process.env);
    return runUntilStopped((stopped) => runServe(settings, io, stopped));
  },
};
