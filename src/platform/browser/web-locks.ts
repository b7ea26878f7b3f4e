/**
 * A lock over the Web Locks API (navigator.locks): one holder at a time across every tab and
 * worker of this origin, released when the task settles (or the tab goes away). The verifier desk
 * passes it to its nonce store so two tabs of one desk cannot both accept the same answer
 * (core/verifier/nonce-store.vault.ts). Without Web Locks, undefined: the caller keeps core's
 * in-process mutex.
 */
import type { RunExclusive } from '../../core/verifier/nonce-store.ts';

export function webLock(name: string): RunExclusive | undefined {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return undefined;
  return <T>(task: () => Promise<T>): Promise<T> =>
    locks.request(name, { mode: 'exclusive' }, task) as Promise<T>;
}
