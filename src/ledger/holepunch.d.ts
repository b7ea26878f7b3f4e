/**
 * The little of Hypercore 11, Corestore 7, Protomux and compact-encoding that src/ledger uses
 * (they ship no TypeScript types). Deep imports are of hypercore's own proof code
 * (lib/merkle-tree.js, lib/verifier.js, lib/messages.js), which its fully-remote-proof helper uses.
 * rocksdb-native (the RocksDB binding under Hypercore's storage) holds the replay index.
 */
declare module 'hypercore' {
  import type { EventEmitter } from 'node:events';
  import type { Duplex } from 'node:stream';

  export interface TreeNode {
    index: number;
    size: number;
    hash: Uint8Array;
  }
  export interface HypercoreProof {
    fork: number;
    block: { index: number; value: Uint8Array | null; nodes: TreeNode[] } | null;
    hash: unknown;
    seek: unknown;
    upgrade: {
      start: number;
      length: number;
      nodes: TreeNode[];
      additionalNodes: TreeNode[];
      signature: Uint8Array;
    } | null;
    manifest: unknown;
  }
  export default class Hypercore extends EventEmitter {
    readonly key: Buffer;
    readonly discoveryKey: Buffer;
    readonly length: number;
    readonly fork: number;
    readonly writable: boolean;
    readonly manifest: unknown;
    readonly core: { header: { manifest: unknown } };
    ready(): Promise<void>;
    append(block: Uint8Array | Uint8Array[]): Promise<{ length: number; byteLength: number }>;
    get(index: number, options?: { wait?: boolean; timeout?: number }): Promise<Buffer | null>;
    has(index: number): Promise<boolean>;
    update(options?: { wait?: boolean }): Promise<boolean>;
    truncate(length: number): Promise<void>;
    treeHash(length?: number): Promise<Buffer>;
    proof(options: {
      block?: { index: number; nodes: number } | null;
      upgrade?: { start: number; length: number } | null;
    }): Promise<HypercoreProof>;
    download(range?: { start?: number; end?: number; linear?: boolean }): { done(): Promise<void> };
    close(): Promise<void>;
    static getProtocolMuxer(stream: Duplex): unknown;
  }
}

declare module 'corestore' {
  import type { Duplex } from 'node:stream';
  import type Hypercore from 'hypercore';

  export default class Corestore {
    constructor(storage: string, options?: Record<string, unknown>);
    get(options: { name: string } | { key: Uint8Array }): Hypercore;
    ready(): Promise<void>;
    replicate(isInitiatorOrStream: boolean | Duplex, options?: Record<string, unknown>): Duplex;
    close(): Promise<void>;
  }
}

declare module 'protomux' {
  export interface ProtomuxMessage<T> {
    send(value: T): boolean;
  }
  export interface ProtomuxChannel {
    open(handshake?: unknown): void;
    close(): void;
    readonly messages: ProtomuxMessage<unknown>[];
  }
  export default class Protomux {
    createChannel(options: {
      protocol: string;
      id?: Uint8Array | null;
      unique?: boolean;
      messages: { encoding: unknown; onmessage: (value: never) => void }[];
      onopen?: () => void;
      onclose?: () => void;
    }): ProtomuxChannel | null;
  }
}

declare module 'compact-encoding' {
  const c: {
    array(encoding: unknown): unknown;
    fixed32: unknown;
    json: unknown;
    encode(encoding: unknown, value: unknown): Uint8Array;
    decode(encoding: unknown, bytes: Uint8Array): unknown;
  };
  export default c;
}

declare module 'hypercore/lib/merkle-tree.js' {
  import type { HypercoreProof, TreeNode } from 'hypercore';
  export const MerkleTree: {
    verifyFullyRemote(
      session: Record<string, unknown>,
      proof: HypercoreProof,
    ): {
      length: number;
      fork: number;
      roots: TreeNode[];
      nodes: TreeNode[];
      signature: Uint8Array;
      hash(): Uint8Array;
    };
  };
}

declare module 'hypercore/lib/verifier.js' {
  export default class Verifier {
    constructor(manifestHash: Uint8Array, manifest: unknown);
    verify(batch: unknown, signature: Uint8Array): boolean;
    static isValidManifest(key: Uint8Array, manifest: unknown): boolean;
    static createManifest(manifest: unknown): unknown;
  }
}

declare module 'hypercore/lib/messages.js' {
  const messages: { manifest: unknown };
  export default messages;
}

declare module 'hypercore/lib/caps.js' {
  const caps: {
    treeSignable(
      manifestHash: Uint8Array,
      treeHash: Uint8Array,
      length: number,
      fork: number,
    ): Uint8Array;
  };
  export default caps;
}

declare module 'rocksdb-native' {
  export interface RocksDBReadBatch {
    get(key: Uint8Array): Promise<Buffer | null>;
    flush(): Promise<void>;
    tryFlush(): void;
  }
  export interface RocksDBWriteBatch {
    tryPut(key: Uint8Array, value: Uint8Array): void;
    tryDelete(key: Uint8Array): void;
    tryDeleteRange(start: Uint8Array, end: Uint8Array): void;
    flush(): Promise<void>;
  }
  export default class RocksDB {
    constructor(path: string, options?: { readOnly?: boolean });
    ready(): Promise<void>;
    close(): Promise<void>;
    read(options?: { autoDestroy?: boolean }): RocksDBReadBatch;
    write(options?: { autoDestroy?: boolean }): RocksDBWriteBatch;
    get(key: Uint8Array): Promise<Buffer | null>;
    iterator(range: {
      gt?: Uint8Array;
      gte?: Uint8Array;
      lt?: Uint8Array;
      lte?: Uint8Array;
    }): AsyncIterable<{ key: Buffer; value: Buffer }>;
  }
}
