/**
 * Forgetting the page's imported signing keys on every lock (shared/session-slot.ts), without
 * loading the signing code: the JWS crypto registers itself here when composition.ts creates it,
 * and a page that never created it has nothing to forget.
 */
let holders: Array<() => void> = [];

/** Called by composition.ts for each cache of imported signing keys it creates. */
export function registerSigningKeys(forget: () => void): void {
  holders = [...holders, forget];
}

/** Every lock calls this: no signing key stays imported on the page. */
export function forgetSigningKeys(): void {
  for (const forget of holders) forget();
}
