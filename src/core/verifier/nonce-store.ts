/**
 * The verifier's one nonce store (STYLE habit 15): every request nonce the desk hands out, and
 * whether an answer has spent it. A port with two implementations: nonce-store.vault.ts (the desk's
 * encrypted vault) and createMemoryNonceStore below (tests, and any caller without storage).
 *
 * The rule that makes replay impossible is `consume`: it is ONE atomic step, check-and-spend, so of
 * two submissions of the same answer (even `Promise.all([verify(a), verify(a)])`) exactly one gets
 * `true` and reports valid; the other gets `false` and reports `replayed`. A `lookup` is only a
 * read for finding the request an answer belongs to; it never decides validity on its own, because
 * what it saw can change before the verification ends.
 *
 * When the desk consumes (docs/verification.md §Nonces): only once every other check of the answer
 * has passed, and before the verdict says valid. An answer that fails anything (a forged signature,
 * an untrusted issuer, another verifier's audience, a missing claim, no status list) spends nothing,
 * so nobody who merely saw the request QR can burn its nonce before the real holder answers.
 */
import type { PendingRequest } from './pending-request.ts';

export type NonceState =
  | { readonly state: 'pending'; readonly request: PendingRequest }
  | { readonly state: 'used'; readonly usedAt: string }
  | { readonly state: 'unknown' };

export interface NonceStore {
  /** Keep a new request (and its nonce) as pending. */
  issue(request: PendingRequest, now: Date): Promise<void>;
  /** What the store knows of `nonce` right now. A read only: it may change before `consume`. */
  lookup(nonce: string): Promise<NonceState>;
  /**
   * Spend `nonce`, atomically: true for exactly one caller per issued nonce; false when it was
   * already spent, or never issued here. A spent nonce's pending request is gone.
   */
  consume(nonce: string, now: Date): Promise<boolean>;
  /** The requests still waiting for an answer, newest first. */
  listPending(): Promise<PendingRequest[]>;
  /** Forget a request nobody will answer ("new request"); its nonce is then unknown. */
  cancel(requestId: string): Promise<void>;
}

/** Pending requests nobody answered are dropped after a day. */
export const PENDING_KEEP_SECONDS = 86_400;
/** Used nonces are remembered for 30 days (far beyond any KB-JWT freshness window). */
export const USED_NONCE_KEEP_SECONDS = 30 * 86_400;
export const MAX_USED_NONCES = 10_000;

/** Runs `task` when no other task of the same lock runs, and resolves with its result. */
export type RunExclusive = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * An in-process mutex: tasks run one after the other in call order. A failing task releases the
 * lock too (its rejection goes to its own caller only).
 */
export function createMutex(): RunExclusive {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}

const mutexes = new WeakMap<object, RunExclusive>();

/**
 * One mutex per storage object: two desk sessions over the same storage in one page (a lock and
 * unlock while a check is still running) share it.
 */
export function mutexFor(key: object): RunExclusive {
  let mutex = mutexes.get(key);
  if (!mutex) {
    mutex = createMutex();
    mutexes.set(key, mutex);
  }
  return mutex;
}

/**
 * In memory. `consume` checks and sets in one synchronous step (before its first await), which is
 * atomic in a single JavaScript thread: no interleaving is possible between the check and the set.
 */
export function createMemoryNonceStore(): NonceStore {
  const pending = new Map<string, PendingRequest>();
  const used = new Map<string, string>();
  return {
    async issue(request) {
      pending.set(request.nonce, request);
    },
    async lookup(nonce) {
      const usedAt = used.get(nonce);
      if (usedAt !== undefined) return { state: 'used', usedAt };
      const request = pending.get(nonce);
      return request ? { state: 'pending', request } : { state: 'unknown' };
    },
    async consume(nonce, now) {
      if (used.has(nonce) || !pending.has(nonce)) return false;
      pending.delete(nonce);
      used.set(nonce, now.toISOString());
      return true;
    },
    async listPending() {
      return [...pending.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async cancel(requestId) {
      for (const [nonce, request] of pending) if (request.id === requestId) pending.delete(nonce);
    },
  };
}
