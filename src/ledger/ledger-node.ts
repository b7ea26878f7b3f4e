/**
 * A ledger node (issue 14): one organisation's Hypercore of receipts, plus read-only replicas of
 * the other organisations' cores, replicated over TCP (Corestore's replication stream, with a
 * small Protomux channel beside it in which nodes tell each other which cores they hold and each
 * core's signed head). docs/evidence.md has the rules; in short:
 *
 * - append: both signatures verify; one party is a known organisation; the other (the
 *   counter-signer) is a known organisation too, or a wallet relationship key (ES256K) whose
 *   receipt the node holds: the request carries the opening (salt, H(document)), the commitment
 *   opens, and the node keeps that opening in its private file (held-receipts.jsonl), never in
 *   the ledger. The same commitment or signature twice is refused (replay).
 * - forks: a truncation of a replicated core (Hypercore's `truncate` event) and two valid signed
 *   heads of one core for the same length and fork with different tree hashes (equivocation) are
 *   reported as `fork` events (log line, `events`, /status).
 * - entries replicated from other cores are checked too: an entry that is not a double-signed
 *   receipt, or a commitment already seen, is reported (`invalid-entry`, `replayed-entry`).
 */
import { EventEmitter } from 'node:events';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import c from 'compact-encoding';
import Corestore from 'corestore';
import Hypercore from 'hypercore';
import type Protomux from 'protomux';
import type { ProtomuxChannel } from 'protomux';
import { z } from 'zod';
import { bytesToHex, hexToBytes } from '../core/encoding/hex.ts';
import {
  decodeReanchor,
  decodeReceipt,
  encodeReanchor,
  encodeReceipt,
  HASH_ALGORITHMS,
  isReanchorEntry,
  makeReanchor,
  receiptId,
  SIGNATURE_ALGORITHMS,
  receiptRecordToJson,
  verifyReceipt,
} from '../core/evidence/index.ts';
import type {
  HashAlgorithm,
  InclusionProof,
  Party,
  Reanchor,
  Receipt,
  ReceiptOpening,
  ReceiptVerifier,
} from '../core/evidence/index.ts';
import type { JwsSign } from '../core/jose/jws-crypto.ts';
import { failedWith, ok } from '../core/result.ts';
import type { Result } from '../core/result.ts';
import { verifyOnlyCrypto } from './crypto.ts';
import { makeInclusionProof } from './inclusion-proof.ts';
import { KnownOrganisations } from './known-orgs.ts';
import { reanchorProblemOn } from './reanchor-check.ts';
import { REPLAY_INDEX_DIR, ReplayIndex } from './replay-index.ts';
import type { IndexedEntry } from './replay-index.ts';
import { signedHeadOf, signedHeadSchema, verifySignedHead } from './signed-head.ts';
import type { SignedHead } from './signed-head.ts';

export const HEADS_PROTOCOL = 'vouch-ledger/heads/1';
const OWN_CORE_NAME = 'vouch-receipts';
/** In the data dir: this node's own core key and the other cores it replicates. */
export const LEDGER_STATE_FILE = 'ledger.json';
const STATE_FILE = LEDGER_STATE_FILE;
const HELD_FILE = 'held-receipts.jsonl';
const MAX_EVENTS = 1000;

export type LedgerEvent =
  | {
      readonly type: 'fork';
      readonly kind: 'truncated' | 'conflicting-heads';
      readonly core: string;
      readonly length: number;
      readonly fork: number;
      readonly heads?: readonly SignedHead[];
      readonly time: string;
      readonly message: string;
    }
  | {
      readonly type: 'invalid-entry' | 'replayed-entry';
      readonly core: string;
      readonly index: number;
      readonly time: string;
      readonly message: string;
    };

export type AppendProblem =
  | 'not-double-signed'
  | 'algorithm-not-allowed'
  | 'bad-opening'
  | 'unknown-organisation'
  | 'unknown-counter-signer'
  | 'replayed';

export interface Appended {
  readonly coreKey: string;
  readonly index: number;
}

interface PendingEntry {
  readonly receipt: Receipt;
  readonly id: string;
  readonly signatures: readonly string[];
  readonly held?: ReceiptOpening;
  readonly resolve: (result: Result<Appended, AppendProblem, { message: string }>) => void;
  readonly reject: (error: unknown) => void;
}

export interface ReanchorOptions {
  /** The new hash: the commitments of the re-anchor entries are made with it. */
  readonly hashAlg: HashAlgorithm;
  /** The organisation's current key (its party) and a signer for it. */
  readonly signer: Party;
  readonly sign: JwsSign;
  /** The first index to cover (default 0). */
  readonly from?: number;
  /** At most this many entries per re-anchor entry (default 1024). */
  readonly batch?: number;
}

export interface ReanchorResult {
  readonly core: string;
  readonly hashAlg: HashAlgorithm;
  /** The re-anchor entries appended now: their index and the range each covers. */
  readonly appended: readonly { index: number; start: number; end: number }[];
  /** Entries in [from, length) already covered under this hash (skipped). */
  readonly alreadyCovered: number;
  readonly length: number;
}

export const DEFAULT_REANCHOR_BATCH = 1024;
/** Re-anchor entries written per Hypercore append. */
const REANCHOR_APPEND = 64;
/** The most entries one re-anchor entry covers (its commitment hashes them all at once). */
export const MAX_REANCHOR_BATCH = 65_536;

/** Signed heads remembered per core, to compare with the heads peers send. */
const HEADS_KEPT = 4096;

/** Blocks read at once while indexing a core. */
const INDEX_CHUNK = 64;
/** At most this many receipts in one Hypercore append. */
const MAX_BATCH = 512;

export interface LedgerNodeOptions {
  readonly dataDir: string;
  readonly knownOrgs?: KnownOrganisations;
  /** Verifies receipt signatures; default WebCrypto (ES256, EdDSA) and noble (ES256K). */
  readonly crypto?: ReceiptVerifier;
  /** One line per event (JSON), e.g. to stderr. */
  readonly log?: (line: string) => void;
  readonly now?: () => Date;
  /**
   * The data dir was copied from elsewhere (a restored backup): hypercore-storage refuses a moved
   * store unless told. A copy that keeps writing beside its original forks the core.
   */
  readonly copiedData?: boolean;
}

const stateSchema = z.object({
  own: z.string().regex(/^[0-9a-f]{64}$/),
  cores: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
});

const headsMessageSchema = z.strictObject({
  cores: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(10_000),
  heads: z.array(signedHeadSchema).max(10_000),
});

/** Serialises async work (appends to one core, indexing of one core). */
class Queue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

interface Peer {
  readonly channel: ProtomuxChannel;
  readonly stream: Duplex;
}

export class LedgerNode extends EventEmitter {
  readonly events: LedgerEvent[] = [];
  private readonly cores = new Map<string, Hypercore>();
  private readonly indexed = new Map<string, number>();
  private readonly indexQueues = new Map<string, Queue>();
  private readonly pending: PendingEntry[] = [];
  private writing = false;
  /** core → "fork:length" → the tree hash of a verified signed head. */
  private readonly heads = new Map<string, Map<string, SignedHead>>();
  private readonly peers = new Set<Peer>();
  private readonly servers = new Set<net.Server>();
  private readonly sockets = new Set<net.Socket>();
  private readonly crypto: ReceiptVerifier;
  private readonly knownOrgs: KnownOrganisations;
  private readonly log: (line: string) => void;
  private readonly now: () => Date;
  private broadcastPending = false;
  private closed = false;

  private constructor(
    private readonly options: LedgerNodeOptions,
    private readonly store: Corestore,
    private readonly own: Hypercore,
    /** Commitments and signatures of every entry on every core held (on disk). */
    private readonly index: ReplayIndex,
  ) {
    super();
    this.crypto = options.crypto ?? verifyOnlyCrypto();
    this.knownOrgs = options.knownOrgs ?? new KnownOrganisations();
    this.log = options.log ?? (() => undefined);
    this.now = options.now ?? (() => new Date());
  }

  static async open(options: LedgerNodeOptions): Promise<LedgerNode> {
    mkdirSync(options.dataDir, { recursive: true });
    const store = new Corestore(join(options.dataDir, 'corestore'), {
      allowBackup: options.copiedData === true,
    });
    const own = store.get({ name: OWN_CORE_NAME });
    await own.ready();
    const index = await ReplayIndex.open(join(options.dataDir, REPLAY_INDEX_DIR));
    const node = new LedgerNode(options, store, own, index);
    await node.watch(own);
    const state = node.readState();
    for (const key of state?.cores ?? []) await node.openRemote(key);
    node.writeState();
    return node;
  }

  get coreKey(): string {
    return bytesToHex(this.own.key);
  }

  get length(): number {
    return this.own.length;
  }

  /** Appends a double-signed receipt to this node's core, if the rules allow it. */
  /**
   * Appends a double-signed receipt to this node's core, if the rules allow it. Checks run as
   * requests come; accepted receipts are written in batches (one Hypercore append for all that
   * wait), in the order they were accepted, with the replay check made in that order.
   */
  async append(input: {
    receipt: Receipt;
    opening?: ReceiptOpening;
  }): Promise<Result<Appended, AppendProblem, { message: string }>> {
    const checked = await this.checkForAppend(input);
    if (!checked.ok) return checked;
    return new Promise((resolve, reject) => {
      this.pending.push({ ...checked.value, resolve, reject });
      void this.writePending();
    });
  }

  private async checkForAppend(input: {
    receipt: Receipt;
    opening?: ReceiptOpening;
  }): Promise<
    Result<Omit<PendingEntry, 'resolve' | 'reject'>, AppendProblem, { message: string }>
  > {
    const { receipt, opening } = input;
    const verdict = await verifyReceipt(receipt, {
      crypto: this.crypto,
      ...(opening ? { opening } : {}),
    });
    const failedCheck = verdict.checks.find((check) => !check.ok);
    if (failedCheck) {
      const reason: AppendProblem =
        failedCheck.code === 'algorithm-not-allowed'
          ? 'algorithm-not-allowed'
          : failedCheck.name === 'commitment'
            ? 'bad-opening'
            : 'not-double-signed';
      return failedWith(reason, { message: failedCheck.message });
    }
    const senderOrg = this.knownOrgs.organisationOf(receipt.sender);
    const recipientOrg = this.knownOrgs.organisationOf(receipt.recipient);
    if (!senderOrg && !recipientOrg) {
      return failedWith('unknown-organisation', {
        message: 'neither party is a known organisation',
      });
    }
    const counterSigner = senderOrg ? receipt.recipient : receipt.sender;
    const heldAsWallet =
      !(senderOrg && recipientOrg) && counterSigner.alg === 'ES256K' && verdict.level === 2;
    if (!(senderOrg && recipientOrg) && !heldAsWallet) {
      return failedWith('unknown-counter-signer', {
        message:
          counterSigner.alg === 'ES256K'
            ? 'the counter-signer is no known organisation; a wallet key needs the receipt opened (salt and document hash)'
            : 'the counter-signer is no known organisation (and not a wallet relationship key)',
      });
    }
    return ok({
      receipt,
      id: receiptId(receipt),
      signatures: [receipt.signatures.sender, receipt.signatures.recipient].map((signature) =>
        bytesToHex(signature as Uint8Array),
      ),
      ...(heldAsWallet && opening ? { held: opening } : {}),
    });
  }

  /** The replay check, then one append for every accepted entry waiting; again while any wait. */
  private async writePending(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_BATCH);
        const accepted: PendingEntry[] = [];
        const ids = new Set<string>();
        const signatures = new Set<string>();
        let known: Awaited<ReturnType<ReplayIndex['lookup']>>;
        try {
          known = await this.index.lookup(
            batch.map((entry) => entry.id),
            batch.flatMap((entry) => entry.signatures),
          );
        } catch (error) {
          for (const entry of batch) entry.reject(error);
          continue;
        }
        for (const entry of batch) {
          const where = known.places.get(entry.id);
          if (where || ids.has(entry.id)) {
            entry.resolve(
              failedWith('replayed', {
                message: where
                  ? `the commitment is already entry ${where.index} of core ${where.core}`
                  : 'the same receipt was posted twice at once',
              }),
            );
          } else if (entry.signatures.some((s) => known.used.has(s) || signatures.has(s))) {
            entry.resolve(
              failedWith('replayed', { message: 'a signature of this receipt is already used' }),
            );
          } else {
            accepted.push(entry);
            ids.add(entry.id);
            for (const s of entry.signatures) signatures.add(s);
          }
        }
        if (accepted.length === 0) continue;
        await this.writeBatch(accepted);
      }
    } finally {
      this.writing = false;
    }
  }

  private async writeBatch(accepted: readonly PendingEntry[]): Promise<void> {
    const key = this.coreKey;
    const held = accepted.filter((entry) => entry.held);
    if (held.length > 0) {
      // The openings the node holds (never in the ledger), written before the entries.
      appendFileSync(
        join(this.options.dataDir, HELD_FILE),
        held
          .map(
            (entry) =>
              `${JSON.stringify(receiptRecordToJson({ receipt: entry.receipt, opening: entry.held as ReceiptOpening }))}\n`,
          )
          .join(''),
      );
    }
    let first = 0;
    try {
      await this.indexQueues.get(key)?.run(async () => {
        const { length } = await this.own.append(accepted.map((e) => encodeReceipt(e.receipt)));
        first = length - accepted.length;
        await this.index.record(
          key,
          accepted.map((entry, i) => ({
            index: first + i,
            id: entry.id,
            signatures: entry.signatures,
          })),
          length,
          this.own.fork,
        );
        this.indexed.set(key, length);
      });
    } catch (error) {
      for (const entry of accepted) entry.reject(error);
      return;
    }
    accepted.forEach((entry, i) => entry.resolve(ok({ coreKey: key, index: first + i })));
    this.scheduleBroadcast();
  }

  /**
   * Re-anchors this node's own core under `hashAlg` (docs/evidence.md §Algorithm agility): appends
   * re-anchor entries, each covering up to `batch` consecutive entries of [from, length) with a
   * commitment under the new hash over their bytes and the core's tree hash at the batch's end,
   * signed by the organisation's current key. Idempotent: entries already covered under this hash,
   * and re-anchor entries under this hash themselves, are skipped, so a second run appends nothing.
   */
  async reanchor(options: ReanchorOptions): Promise<ReanchorResult> {
    const key = this.coreKey;
    const batch = options.batch ?? DEFAULT_REANCHOR_BATCH;
    const from = options.from ?? 0;
    if (!Number.isSafeInteger(batch) || batch < 1 || batch > MAX_REANCHOR_BATCH) {
      throw new RangeError(`reanchor: batch expected 1–${MAX_REANCHOR_BATCH}, got ${batch}`);
    }
    if (!Number.isSafeInteger(from) || from < 0) {
      throw new RangeError(`reanchor: from expected an index, got ${from}`);
    }
    await this.indexUpTo(this.own);
    const queue = this.indexQueues.get(key) as Queue;
    return queue.run(async () => {
      const length = this.own.length;
      const existing = await this.index.reanchorsOf(key, options.hashAlg);
      const isReanchor = new Set(existing.map((place) => place.index));
      const byStart = [...existing].sort((a, b) => a.start - b.start);
      let next = 0;
      let coveredUpTo = 0;
      const runs: { start: number; end: number }[] = [];
      let alreadyCovered = 0;
      for (let index = from; index < length; index++) {
        for (
          ;
          next < byStart.length && (byStart[next] as { start: number }).start <= index;
          next++
        ) {
          coveredUpTo = Math.max(coveredUpTo, (byStart[next] as { end: number }).end);
        }
        if (index < coveredUpTo) {
          alreadyCovered++;
          continue;
        }
        if (isReanchor.has(index)) continue;
        const last = runs[runs.length - 1];
        if (last && last.end === index && last.end - last.start < batch) last.end = index + 1;
        else runs.push({ start: index, end: index + 1 });
      }
      const time = this.now().getTime();
      const appended: { index: number; start: number; end: number }[] = [];
      let made: Reanchor[] = [];
      const flush = async (): Promise<void> => {
        if (made.length === 0) return;
        const { length: newLength } = await this.own.append(made.map(encodeReanchor));
        const first = newLength - made.length;
        made.forEach((reanchor, i) =>
          appended.push({ index: first + i, start: reanchor.start, end: reanchor.end }),
        );
        await this.index.record(
          key,
          made.map((reanchor, i) => ({
            index: first + i,
            id: bytesToHex(reanchor.commitment),
            signatures: [bytesToHex(reanchor.signature)],
            reanchor: { hashAlg: reanchor.hashAlg, start: reanchor.start, end: reanchor.end },
          })),
          newLength,
          this.own.fork,
        );
        this.indexed.set(key, newLength);
        made = [];
      };
      for (const run of runs) {
        const entries: Uint8Array[] = [];
        for (let index = run.start; index < run.end; index++) {
          entries.push((await this.own.get(index)) as Uint8Array);
        }
        made.push(
          await makeReanchor(
            {
              hashAlg: options.hashAlg,
              time,
              coreKey: this.own.key,
              start: run.start,
              end: run.end,
              treeHash: await this.own.treeHash(run.end),
              signer: options.signer,
            },
            entries,
            options.sign,
          ),
        );
        if (made.length >= REANCHOR_APPEND) await flush();
      }
      await flush();
      if (appended.length > 0) this.scheduleBroadcast();
      return {
        core: key,
        hashAlg: options.hashAlg,
        appended,
        alreadyCovered,
        length: this.own.length,
      };
    });
  }

  /** Where a commitment is, and its inclusion proof against that core's current signed tree. */
  async proofOf(
    commitmentHex: string,
  ): Promise<{ entry: Uint8Array; inclusion: InclusionProof } | undefined> {
    const where = await this.index.placeOf(commitmentHex);
    const core = where && this.cores.get(where.core);
    if (!where || !core) return undefined;
    const entry = await core.get(where.index, { wait: false });
    // The index may lag a truncation by a moment: the entry must still be this receipt.
    const decoded = entry ? decodeReceipt(entry) : undefined;
    if (!entry || !decoded?.ok || receiptId(decoded.value) !== commitmentHex) return undefined;
    return { entry, inclusion: await makeInclusionProof(core, where.index) };
  }

  status(): {
    core: string;
    length: number;
    fork: number;
    peers: number;
    cores: { key: string; length: number; fork: number; own: boolean }[];
    forks: number;
    events: readonly LedgerEvent[];
  } {
    return {
      core: this.coreKey,
      length: this.own.length,
      fork: this.own.fork,
      peers: this.peers.size,
      cores: [...this.cores.entries()].map(([key, core]) => ({
        key,
        length: core.length,
        fork: core.fork,
        own: core === this.own,
      })),
      forks: this.events.filter((e) => e.type === 'fork').length,
      events: this.events.slice(-100),
    };
  }

  /** Listens for replication connections; resolves with the port. */
  listen(port = 0, host = '127.0.0.1'): Promise<number> {
    const server = net.createServer((socket) => this.replicateOver(socket, false));
    this.servers.add(server);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** Connects to a peer's replication port, and again (every retryMs) whenever it drops. */
  connect(host: string, port: number, retryMs = 1000): void {
    if (this.closed) return;
    const socket = net.connect(port, host);
    socket.once('close', () => {
      if (!this.closed) setTimeout(() => this.connect(host, port, retryMs), retryMs).unref();
    });
    this.replicateOver(socket, true);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const server of this.servers) server.close();
    for (const socket of this.sockets) socket.destroy();
    await this.store.close();
    // Indexing stops with the store (its reads fail, or wait for blocks no peer will send).
    await this.index.close();
  }

  // — replication —

  private replicateOver(socket: net.Socket, initiator: boolean): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const stream = this.store.replicate(initiator);
    socket.pipe(stream).pipe(socket);
    const drop = () => {
      this.sockets.delete(socket);
      socket.destroy();
      stream.destroy();
    };
    socket.on('error', drop);
    socket.on('close', drop);
    stream.on('error', drop);
    stream.on('close', drop);
    const mux = Hypercore.getProtocolMuxer(stream) as Protomux;
    let peer: Peer | undefined;
    const channel = mux.createChannel({
      protocol: HEADS_PROTOCOL,
      messages: [
        {
          encoding: c.json,
          onmessage: (message: never) => {
            void this.onHeads(message).catch((error: Error) =>
              this.log(JSON.stringify({ event: 'peer-message-error', message: error.message })),
            );
          },
        },
      ],
      onopen: () => {
        if (!channel) return;
        const opened: Peer = { channel, stream };
        peer = opened;
        this.peers.add(opened);
        void this.sendHeads(opened);
      },
      onclose: () => {
        if (peer) this.peers.delete(peer);
      },
    });
    if (!channel) return;
    channel.open();
  }

  private async headsMessage(): Promise<{ cores: string[]; heads: SignedHead[] }> {
    const heads: SignedHead[] = [];
    for (const core of this.cores.values()) {
      const head = await signedHeadOf(core).catch(() => undefined);
      if (head) {
        heads.push(head);
        this.rememberHead(head, core);
      }
    }
    return { cores: [...this.cores.keys()], heads };
  }

  private async sendHeads(peer: Peer): Promise<void> {
    const message = await this.headsMessage();
    peer.channel.messages[0]?.send(message);
  }

  private scheduleBroadcast(): void {
    if (this.broadcastPending || this.closed) return;
    this.broadcastPending = true;
    setTimeout(() => {
      this.broadcastPending = false;
      if (this.closed || this.peers.size === 0) return;
      void this.headsMessage().then((message) => {
        for (const peer of this.peers) peer.channel.messages[0]?.send(message);
      });
    }, 20).unref();
  }

  private async onHeads(value: unknown): Promise<void> {
    const parsed = headsMessageSchema.safeParse(value);
    if (!parsed.success || this.closed) return;
    const allowed = this.knownOrgs.allowedCores;
    let added = false;
    for (const key of parsed.data.cores) {
      if (this.cores.has(key) || (allowed.size > 0 && !allowed.has(key))) continue;
      await this.openRemote(key);
      added = true;
    }
    if (added) {
      this.writeState();
      this.scheduleBroadcast();
    }
    for (const head of parsed.data.heads) {
      const core = this.cores.get(head.core);
      if (core) this.rememberHead(head, core);
    }
  }

  /** Records a verified signed head; a second one for the same length and fork is a fork. */
  private rememberHead(head: SignedHead, core: Hypercore): void {
    if (!verifySignedHead(head, core.key, core.core.header.manifest)) return;
    let seen = this.heads.get(head.core);
    if (!seen) this.heads.set(head.core, (seen = new Map()));
    const slot = `${head.fork}:${head.length}`;
    const earlier = seen.get(slot);
    if (!earlier) {
      seen.set(slot, head);
      // Memory stays bounded: the most recent heads of each core are kept (a fork shows where two
      // nodes meet soon after it, not millions of appends later).
      if (seen.size > HEADS_KEPT) seen.delete(seen.keys().next().value as string);
      return;
    }
    if (earlier.treeHash !== head.treeHash) {
      this.report({
        type: 'fork',
        kind: 'conflicting-heads',
        core: head.core,
        length: head.length,
        fork: head.fork,
        heads: [earlier, head],
        time: this.now().toISOString(),
        message: `core ${head.core} signed two different trees of length ${head.length}`,
      });
    }
  }

  private async openRemote(key: string): Promise<void> {
    if (this.cores.has(key)) return;
    const bytes = hexToBytes(key);
    if (!bytes.ok) return;
    const core = this.store.get({ key: bytes.value });
    await core.ready();
    await this.watch(core);
    core.download({ start: 0, end: -1 });
  }

  private async watch(core: Hypercore): Promise<void> {
    const key = bytesToHex(core.key);
    this.cores.set(key, core);
    const progress = await this.index.progress(key);
    if (progress.fork !== core.fork) {
      // Truncated while this node was not running (e.g. by hand): index the core again.
      await this.index.truncate(key, 0, core.fork);
      progress.length = 0;
    }
    this.indexed.set(key, Math.min(core.length, progress.length));
    this.indexQueues.set(key, new Queue());
    core.on('append', () => {
      this.indexUpTo(core).catch((error: Error) =>
        this.log(JSON.stringify({ event: 'index-error', core: key, message: error.message })),
      );
      if (core !== this.own) this.scheduleBroadcast();
    });
    core.on('truncate', (length: number, fork: number) => this.onTruncate(core, length, fork));
    await this.indexUpTo(core);
  }

  private onTruncate(core: Hypercore, length: number, fork: number): void {
    const key = bytesToHex(core.key);
    this.indexed.set(key, Math.min(this.indexed.get(key) ?? 0, length));
    void this.indexQueues
      .get(key)
      ?.run(() => this.index.truncate(key, length, fork))
      .catch((error: Error) =>
        this.log(JSON.stringify({ event: 'index-error', core: key, message: error.message })),
      );
    this.report({
      type: 'fork',
      kind: 'truncated',
      core: key,
      length,
      fork,
      time: this.now().toISOString(),
      message: `core ${key} was truncated to ${length} entries (fork ${fork}): entries were deleted or rewritten`,
    });
  }

  private indexUpTo(core: Hypercore): Promise<void> {
    const key = bytesToHex(core.key);
    const queue = this.indexQueues.get(key);
    if (!queue) return Promise.resolve();
    const indexing = queue.run(async () => {
      const remote = core !== this.own;
      // Blocks are read a chunk at a time (parallel reads), checked, then indexed in one write.
      for (let start = this.indexed.get(key) ?? 0; start < core.length;) {
        const end = Math.min(core.length, start + INDEX_CHUNK);
        const indices = Array.from({ length: end - start }, (_, i) => start + i);
        const blocks = await Promise.all(indices.map((index) => core.get(index)));
        const present = blocks.findIndex((block) => !block);
        const got = present === -1 ? blocks.length : present;
        if (got === 0 || this.closed) return;
        const entries: IndexedEntry[] = [];
        for (const [i, block] of blocks.slice(0, got).entries()) {
          const entry = await this.checkEntry(core, start + i, block as Uint8Array, remote);
          if (entry) entries.push(entry);
        }
        const known = await this.index.lookup(entries.map((entry) => entry.id));
        const fresh: IndexedEntry[] = [];
        const inChunk = new Map<string, number>();
        for (const entry of entries) {
          const earlier = known.places.get(entry.id);
          const sameChunk = inChunk.get(entry.id);
          if (
            (earlier && (earlier.core !== key || earlier.index !== entry.index)) ||
            sameChunk !== undefined
          ) {
            const where = earlier ?? { core: key, index: sameChunk as number };
            this.report({
              type: 'replayed-entry',
              core: key,
              index: entry.index,
              time: this.now().toISOString(),
              message: `the same receipt is entry ${where.index} of core ${where.core}`,
            });
          } else {
            fresh.push(entry);
            inChunk.set(entry.id, entry.index);
          }
        }
        await this.index.record(key, fresh, start + got, core.fork);
        this.indexed.set(key, start + got);
        if (got < blocks.length || this.closed) return;
        start = end;
      }
    });
    return indexing.catch((error: unknown) => {
      if (this.closed) return;
      throw error;
    });
  }

  /** Decodes (and, for another node's core, verifies) an entry: what to index, if anything. */
  private async checkEntry(
    hypercore: Hypercore,
    index: number,
    entry: Uint8Array,
    remote: boolean,
  ): Promise<IndexedEntry | undefined> {
    const core = bytesToHex(hypercore.key);
    const time = this.now().toISOString();
    const invalid = (message: string): undefined => {
      this.report({ type: 'invalid-entry', core, index, time, message });
      return undefined;
    };
    if (isReanchorEntry(entry)) {
      const decoded = decodeReanchor(entry);
      if (!decoded.ok) return invalid(decoded.detail.message);
      const reanchor = decoded.value;
      if (bytesToHex(reanchor.coreKey) !== core || reanchor.end > index) {
        return invalid('a re-anchor entry covers only earlier entries of its own core');
      }
      // Re-anchors are rare: each is checked in full, on every core (its own too: a hand-written
      // one is reported), against the entries it covers.
      const problem = await reanchorProblemOn(hypercore, reanchor, {
        crypto: this.crypto,
        allowedHashAlgorithms: HASH_ALGORITHMS,
        allowedSignatureAlgorithms: SIGNATURE_ALGORITHMS,
      });
      if (problem) return invalid(`re-anchor entry: ${problem}`);
      return {
        index,
        id: bytesToHex(reanchor.commitment),
        signatures: [bytesToHex(reanchor.signature)],
        reanchor: { hashAlg: reanchor.hashAlg, start: reanchor.start, end: reanchor.end },
      };
    }
    const decoded = decodeReceipt(entry);
    if (!decoded.ok) return invalid(decoded.detail.message);
    const receipt = decoded.value;
    if (remote) {
      const verdict = await verifyReceipt(receipt, { crypto: this.crypto });
      if (!verdict.valid) {
        const failing = verdict.checks.find((check) => !check.ok);
        return invalid(`not a double-signed receipt: ${failing?.message}`);
      }
    }
    return {
      index,
      id: receiptId(receipt),
      signatures: [receipt.signatures.sender, receipt.signatures.recipient].flatMap((signature) =>
        signature ? [bytesToHex(signature)] : [],
      ),
    };
  }

  private report(event: LedgerEvent): void {
    this.events.push(event);
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
    this.log(JSON.stringify({ event: event.type, ...event }));
    this.emit('event', event);
  }

  // — state file —

  private readState(): z.infer<typeof stateSchema> | undefined {
    try {
      const parsed = stateSchema.safeParse(
        JSON.parse(readFileSync(join(this.options.dataDir, STATE_FILE), 'utf8')),
      );
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  private writeState(): void {
    const state = {
      own: this.coreKey,
      cores: [...this.cores.keys()].filter((key) => key !== this.coreKey),
    };
    writeFileSync(join(this.options.dataDir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
  }
}
