/**
 * Whether a desk-signed edition of a hosted status list may replace the one hosted (PUT
 * /admin/status/:list for the IETF list and its `.w3c` twin alike): a list the server keeps itself
 * is changed through POST /admin/status/revoke, never replaced; the same list again changes
 * nothing; otherwise the new one must be newer (`iat`), keep the list's size and still revoke
 * everything the hosted one revokes, so a replayed old list cannot bring a revoked credential back.
 */
export type ReplaceProblem = 'managed-list' | 'stale' | 'size-changed' | 'unrevokes';

export type ReplaceVerdict =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'replace' }
  | { readonly kind: 'refused'; readonly reason: ReplaceProblem; readonly message: string };

export const MANAGED_LIST_MESSAGE =
  'this list is kept by the server: revoke with POST /admin/status/revoke';

const refused = (reason: ReplaceProblem, message: string): ReplaceVerdict => ({
  kind: 'refused',
  reason,
  message,
});

/** True when `next` clears a bit `hosted` sets (both the lists' packed bits, one bit an entry). */
export function unrevokes(hosted: Uint8Array, next: Uint8Array): boolean {
  for (let i = 0; i < hosted.length; i++) {
    if (((hosted[i] ?? 0) & ~(next[i] ?? 0)) !== 0) return true;
  }
  return false;
}

/**
 * `hostedEntries` reads the hosted list's packed bits (only when they are needed); `undefined`
 * when they cannot be read, which only a damaged row could cause: the edition is then judged by
 * its `iat` alone.
 */
export async function judgeReplacement(
  hosted: { readonly managed: boolean; readonly jwt: string; readonly iat: number | string },
  next: { readonly jwt: string; readonly iat: number; readonly entries: Uint8Array },
  hostedEntries: () => Promise<Uint8Array | undefined> | Uint8Array | undefined,
): Promise<ReplaceVerdict> {
  if (hosted.managed) return refused('managed-list', MANAGED_LIST_MESSAGE);
  if (hosted.jwt === next.jwt) return { kind: 'unchanged' };
  if (next.iat <= Number(hosted.iat)) {
    return refused('stale', 'the hosted list is as new as this one or newer ("iat")');
  }
  const old = await hostedEntries();
  if (old !== undefined) {
    if (old.length !== next.entries.length) return refused('size-changed', 'a list keeps its size');
    if (unrevokes(old, next.entries)) {
      return refused('unrevokes', 'the list would un-revoke entries the hosted list revokes');
    }
  }
  return { kind: 'replace' };
}
