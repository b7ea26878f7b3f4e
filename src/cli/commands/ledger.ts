/**
 * `vouch ledger serve`: an organisation's evidence ledger node (src/ledger, docs/evidence.md).
 * Prints one JSON line when ready — {"url","core","replication"} — then one JSON line per event
 * (fork, invalid-entry, replayed-entry) on stderr, until SIGINT or SIGTERM.
 */
import { once } from 'node:events';
import { parseKnownOrganisations, parsePeer, startLedger } from '../../ledger/index.ts';
import type { LedgerPeer, RunningLedger, StartLedgerOptions } from '../../ledger/index.ts';
import { CommandFailure, EXIT_OK, UsageError } from '../command.ts';
import type { CommandIo, CommandSpec, ParsedFlags } from '../command.ts';
import { readTextFile } from '../shared/inputs.ts';

export const DEFAULT_LEDGER_PORT = 8090;
export const DEFAULT_REPLICATION_PORT = 8091;
export const DEFAULT_LEDGER_DATA_DIR = 'vouch-ledger';

const usage = (message: string) => new UsageError(message, ['ledger', 'serve']);

function port(flags: ParsedFlags, name: string, fallback: number): number {
  const text = flags.string(name) ?? String(fallback);
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) {
    throw usage(`--${name}: expected 0–65535, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

/** Reads and checks the flags (exit 2 on a mistake, 1 on an unreadable known-orgs file). */
export async function ledgerSettings(flags: ParsedFlags): Promise<Omit<StartLedgerOptions, 'log'>> {
  const dataDir = flags.string('data') ?? DEFAULT_LEDGER_DATA_DIR;
  if (dataDir === '') throw usage('--data: expected a directory');
  const peers: LedgerPeer[] = [];
  for (const text of (flags.string('peer') ?? '').split(',').filter((p) => p.trim() !== '')) {
    const peer = parsePeer(text);
    if (!peer) throw usage(`--peer: expected host:port, got ${JSON.stringify(text)}`);
    peers.push(peer);
  }
  const knownOrgsFile = flags.string('known-orgs');
  let knownOrgs: StartLedgerOptions['knownOrgs'];
  if (knownOrgsFile !== undefined) {
    const parsed = parseKnownOrganisations(await readTextFile(knownOrgsFile, '--known-orgs'));
    if (!parsed.ok)
      throw new CommandFailure(`--known-orgs: ${knownOrgsFile}: ${parsed.detail.message}`);
    knownOrgs = parsed.value;
  }
  return {
    dataDir,
    port: port(flags, 'port', DEFAULT_LEDGER_PORT),
    replicationPort: port(flags, 'replication-port', DEFAULT_REPLICATION_PORT),
    host: flags.string('host') ?? '127.0.0.1',
    peers,
    ...(knownOrgs ? { knownOrgs } : {}),
  };
}

/** Starts the node and prints the ready line; `stopped` resolves when it should stop. */
export async function runLedgerServe(
  settings: Omit<StartLedgerOptions, 'log'>,
  io: CommandIo,
  stopped: Promise<unknown>,
): Promise<number> {
  let ledger: RunningLedger;
  try {
    ledger = await startLedger({ ...settings, log: (line) => io.stderr(`${line}\n`) });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE') throw new CommandFailure('a ledger port is already in use');
    throw new CommandFailure(`cannot start the ledger: ${(error as Error).message}`);
  }
  io.stdout(
    `${JSON.stringify({
      url: ledger.url,
      core: ledger.node.coreKey,
      replication: `${settings.host ?? '127.0.0.1'}:${ledger.replicationPort}`,
    })}\n`,
  );
  await stopped;
  await ledger.close();
  return EXIT_OK;
}

export const ledgerServe: CommandSpec = {
  path: ['ledger', 'serve'],
  summary: "Run an organisation's evidence ledger node (Hypercore), replicating with its peers.",
  description: [
    "Keeps this organisation's append-only core of double-signed receipts in --data and replicates",
    "the other organisations' cores over TCP (--replication-port, --peer). Appends only receipts",
    'that both parties signed, where one party is a known organisation (--known-orgs) and the',
    'other is one too, or a wallet relationship key whose receipt (salt and document hash) is',
    'posted with it; refuses replays; reports forks of the cores it replicates. HTTP API on',
    '--port: GET /status, POST /entries, GET /proof?commitment=<hex>, GET /events',
    '(docs/evidence.md). Prints {"url","core","replication"} when ready; stops on SIGINT/SIGTERM.',
  ].join('\n'),
  flags: [
    {
      name: 'data',
      kind: 'string',
      valueName: 'dir',
      description: 'Data directory: the Corestore, ledger.json, held-receipts.jsonl.',
      defaultText: DEFAULT_LEDGER_DATA_DIR,
    },
    {
      name: 'port',
      kind: 'string',
      valueName: 'n',
      description: 'HTTP API port (0: any free one).',
      defaultText: String(DEFAULT_LEDGER_PORT),
    },
    {
      name: 'replication-port',
      kind: 'string',
      valueName: 'n',
      description: 'TCP replication port for the other nodes (0: any free one).',
      defaultText: String(DEFAULT_REPLICATION_PORT),
    },
    {
      name: 'peer',
      kind: 'string',
      valueName: 'host:port,…',
      description: "Other nodes' replication ports, comma-separated (redialled when they drop).",
    },
    {
      name: 'known-orgs',
      kind: 'string',
      valueName: 'file',
      description:
        'The known organisations: {"type":"vouch-known-organisations","organisations":[{"name","keys":[JWK…],"cores"?}]}. Without it nothing is appended.',
    },
    {
      name: 'host',
      kind: 'string',
      valueName: 'address',
      description: 'Interface for both ports (0.0.0.0 to let other organisations in).',
      defaultText: '127.0.0.1',
    },
  ],
  examples: [
    'vouch ledger serve --data ./ledger --known-orgs orgs.json --port 8090 --replication-port 8091 --peer ledger.svb.example:8091',
  ],
  async run({ flags, io }) {
    const settings = await ledgerSettings(flags);
    const stop = new AbortController();
    const stopped = Promise.race([
      once(process, 'SIGINT', { signal: stop.signal }),
      once(process, 'SIGTERM', { signal: stop.signal }),
    ]).catch(() => undefined);
    try {
      return await runLedgerServe(settings, io, stopped);
    } finally {
      stop.abort();
    }
  },
};
