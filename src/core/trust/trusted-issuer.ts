import type { TrustEntry, TrustList } from './trust-list.ts';

/** The entry that trusts `did` to issue `vct`, from the first list that has one. */
export function trustedIssuer(
  lists: readonly TrustList[],
  did: string,
  vct: string,
): TrustEntry | undefined {
  for (const list of lists) {
    const entry = list.entries.find(
      (candidate) => candidate.did === did && candidate.vct.includes(vct),
    );
    if (entry !== undefined) return entry;
  }
  return undefined;
}
