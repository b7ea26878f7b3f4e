/**
 * Sealed results for expected failures (a wrong passcode, a bad word, a corrupt record).
 * Core returns these; the UI turns `reason` codes into words (src/app/i18n). Throw only for bugs.
 */
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Failed<R extends string, D = undefined> = D extends undefined
  ? { readonly ok: false; readonly reason: R }
  : { readonly ok: false; readonly reason: R; readonly detail: D };
export type Result<T, R extends string, D = undefined> = Ok<T> | Failed<R, D>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const failed = <R extends string>(reason: R): Failed<R> =>
  ({ ok: false, reason }) as Failed<R>;
export const failedWith = <R extends string, D>(reason: R, detail: D): Failed<R, D> =>
  ({ ok: false, reason, detail }) as Failed<R, D>;
