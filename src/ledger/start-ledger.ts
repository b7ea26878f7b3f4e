/**
 * `vouch ledger serve`: a ledger node with its HTTP API on `port` and its replication on
 * `replicationPort` (TCP), dialling every peer's replication port (and again when it drops).
 */
import type { Server } from 'node:http';
import type { KnownOrganisations } from './known-orgs.ts';
import { ledgerHttpServer } from './ledger-http.ts';
import { LedgerNode } from './ledger-node.ts';

export interface LedgerPeer {
  readonly host: string;
  readonly port: number;
}

export interface StartLedgerOptions {
  readonly dataDir: string;
  /** HTTP API port (0: any free port). */
  readonly port?: number;
  /** Replication port (0: any free port). */
  readonly replicationPort?: number;
  readonly host?: string;
  readonly peers?: readonly LedgerPeer[];
  readonly knownOrgs?: KnownOrganisations;
  readonly log?: (line: string) => void;
}

export interface RunningLedger {
  readonly node: LedgerNode;
  readonly url: string;
  readonly port: number;
  readonly replicationPort: number;
  close(): Promise<void>;
}

/** "host:port" or ":port" or "port" → a peer; undefined when it is not one. */
export function parsePeer(text: string): LedgerPeer | undefined {
  const match = /^(?:(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)?:)?(\d{1,5})$/.exec(text.trim());
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  return { host: (match[1] ?? '127.0.0.1').replace(/^\[|\]$/g, ''), port };
}

export async function startLedger(options: StartLedgerOptions): Promise<RunningLedger> {
  const host = options.host ?? '127.0.0.1';
  const node = await LedgerNode.open({
    dataDir: options.dataDir,
    ...(options.knownOrgs ? { knownOrgs: options.knownOrgs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  let http: Server | undefined;
  try {
    const replicationPort = await node.listen(options.replicationPort ?? 0, host);
    http = ledgerHttpServer(node);
    const server = http;
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
    for (const peer of options.peers ?? []) node.connect(peer.host, peer.port);
    const urlHost = host.includes(':') ? `[${host}]` : host;
    return {
      node,
      url: `http://${urlHost}:${port}`,
      port,
      replicationPort,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await node.close();
      },
    };
  } catch (error) {
    http?.close();
    await node.close();
    throw error;
  }
}
