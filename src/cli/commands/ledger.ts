/**
 * `vouch ledger serve`: an organisation's evidence ledger node (src/ledger, docs/evidence.md).
 * Prints one JSON line when ready — {"url","core","replication"} — then one JSON line per event
 * (fork, invalid-entry, replayed-entry) on stderr, until SIGINT or SIGTERM.
 * `vouch ledger reanchor`: re-anchors the node's own core under a new hash (algorithm agility).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HASH_ALGORITHMS, partyFromJwk } from '../../core/evidence/index.ts';
import type { HashAlgorithm } from '../../core/evidence/index.ts';
import { issuerSigner, parseIssuerKeyFile } from '../../core/jose/index.ts';
import {
  DEFAULT_REANCHOR_BATCH,
  LEDGER_STATE_FILE,
  LedgerNode,
  MAX_REANCHOR_BATCH,
  parseKnownOrganisations,
  parsePeer,
  startLedger,
} from '../../ledger/index.ts';
import type { LedgerPeer, RunningLedger, StartLedgerOptions } from '../../ledger/index.ts';
import { CommandFailure, EXIT_OK, UsageError } from '../command.ts';
import type { CommandIo, CommandSpec, ParsedFlags } from '../command.ts';
import { readJsonFile, readTextFile } from '../shared/inputs.ts';
import { jwsCrypto } from '../shared/runtime.ts';
import { runUntilStopped } from '../shared/until-stopped.ts';

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
    'posted with it; refuses replays (its replay index is on disk in --data); reports forks of the',
    'cores it replicates. HTTP API on --port: GET /status, POST /entries,',
    'GET /proof?commitment=<hex>, GET /events',
    '(docs/evidence.md). Prints {"url","core","replication"} when ready; stops on SIGINT/SIGTERM.',
  ].join('\n'),
  flags: [
    {
      name: 'data',
      kind: 'string',
      valueName: 'dir',
      description:
        'Data directory: the Corestore, ledger.json, replay-index/, held-receipts.jsonl.',
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
    return runUntilStopped((stopped) => runLedgerServe(settings, io, stopped));
  },
};

function count(flags: ParsedFlags, name: string, fallback: number, min: number, max: number) {
  const text = flags.string(name) ?? String(fallback);
  if (!/^\d{1,16}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name}: expected ${min}–${max}, got ${JSON.stringify(text)}`, [
      'ledger',
      'reanchor',
    ]);
  }
  return Number(text);
}

export const ledgerReanchor: CommandSpec = {
  path: ['ledger', 'reanchor'],
  summary: "Re-anchor the node's own entries under a new hash, signed by the organisation's key.",
  description: [
    "Appends to the node's own core (in --data; stop `vouch ledger serve` first) re-anchor entries",
    'that each cover up to --batch consecutive entries: a commitment under --hash over their bytes',
    "and the core's tree hash at the batch's end, signed with --key (the organisation's current key,",
    'an issuer key file). Entries already covered under that hash are skipped, so running it again',
    'appends nothing. `vouch evidence verify --withdraw <old hash>` then accepts the old receipts',
    'from a copy of the data directory (docs/evidence.md §Algorithm agility). Prints',
    '{"core","hash","appended":[{"index","start","end"}],"alreadyCovered","length"}.',
  ].join('\n'),
  flags: [
    {
      name: 'data',
      kind: 'string',
      valueName: 'dir',
      description: "The node's data directory (the node must not be running).",
      defaultText: DEFAULT_LEDGER_DATA_DIR,
    },
    {
      name: 'hash',
      kind: 'string',
      valueName: 'alg',
      required: true,
      description: `The new hash: ${HASH_ALGORITHMS.join(', ')}.`,
    },
    {
      name: 'key',
      kind: 'string',
      valueName: 'file',
      required: true,
      description:
        "The organisation's current signing key: an issuer key file {did, alg, publicJwk, privateJwk}.",
    },
    {
      name: 'from',
      kind: 'string',
      valueName: 'index',
      description: 'The first entry to cover.',
      defaultText: '0',
    },
    {
      name: 'batch',
      kind: 'string',
      valueName: 'n',
      description: `Entries per re-anchor entry (1–${MAX_REANCHOR_BATCH}).`,
      defaultText: String(DEFAULT_REANCHOR_BATCH),
    },
  ],
  examples: ['vouch ledger reanchor --data ./ledger --hash sha-512 --key organisation-key.json'],
  async run({ flags, io }) {
    const usage = (message: string) => new UsageError(message, ['ledger', 'reanchor']);
    const dataDir = flags.string('data') ?? DEFAULT_LEDGER_DATA_DIR;
    if (dataDir === '') throw usage('--data: expected a directory');
    const hash = flags.string('hash') as string;
    if (!(HASH_ALGORITHMS as readonly string[]).includes(hash)) {
      throw usage(`--hash: expected ${HASH_ALGORITHMS.join(', ')}, got ${JSON.stringify(hash)}`);
    }
    const from = count(flags, 'from', 0, 0, Number.MAX_SAFE_INTEGER);
    const batch = count(flags, 'batch', DEFAULT_REANCHOR_BATCH, 1, MAX_REANCHOR_BATCH);
    const keyPath = flags.string('key') as string;
    const key = parseIssuerKeyFile(await readJsonFile(keyPath, '--key'));
    if (!key.ok) throw new CommandFailure(`--key: ${keyPath}: ${key.detail.message}`);
    if (!existsSync(join(dataDir, LEDGER_STATE_FILE))) {
      throw new CommandFailure(`--data: ${dataDir} holds no ledger (no ${LEDGER_STATE_FILE})`);
    }
    let node: LedgerNode;
    try {
      node = await LedgerNode.open({ dataDir });
    } catch (error) {
      throw new CommandFailure(
        `cannot open the ledger in ${dataDir} (is vouch ledger serve running on it?): ${(error as Error).message}`,
      );
    }
    try {
      const result = await node.reanchor({
        hashAlg: hash as HashAlgorithm,
        signer: partyFromJwk(key.value.publicJwk),
        sign: issuerSigner(jwsCrypto(), key.value),
        from,
        batch,
      });
      io.stdout(
        `${JSON.stringify({
          core: result.core,
          hash: result.hashAlg,
          appended: result.appended,
          alreadyCovered: result.alreadyCovered,
          length: result.length,
        })}\n`,
      );
      return EXIT_OK;
    } finally {
      await node.close();
    }
  },
};
