/**
 * Locks after `timeoutMs` without activity, and when the page comes back after being hidden for at
 * least that long (background tabs throttle timers, so the visible check is what counts on phones).
 */
export interface IdleLockOptions {
  readonly timeoutMs: number;
  readonly onLock: () => void;
  readonly now?: () => number;
}

export interface IdleLock {
  /** The citizen did something: restart the countdown. */
  activity(): void;
  /** The page was hidden (tab switched, phone locked). */
  hidden(): void;
  /** The page is visible again: lock if it was away too long. */
  visible(): void;
  stop(): void;
}

export function createIdleLock({ timeoutMs, onLock, now = Date.now }: IdleLockOptions): IdleLock {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`"timeoutMs" expected a positive number, got ${timeoutMs}`);
  }
  let lastActivity = now();
  let hiddenSince: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const lock = (): void => {
    if (stopped) return;
    stop();
    onLock();
  };
  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    const remaining = lastActivity + timeoutMs - now();
    timer = setTimeout(check, Math.max(remaining, 0));
  };
  const check = (): void => {
    if (now() - lastActivity >= timeoutMs) lock();
    else schedule();
  };
  function stop(): void {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  schedule();
  return {
    activity() {
      if (stopped) return;
      lastActivity = now();
      schedule();
    },
    hidden() {
      if (stopped) return;
      hiddenSince = now();
    },
    visible() {
      if (stopped) return;
      const away = hiddenSince === null ? 0 : now() - hiddenSince;
      hiddenSince = null;
      if (away >= timeoutMs) lock();
      else check();
    },
    stop,
  };
}
