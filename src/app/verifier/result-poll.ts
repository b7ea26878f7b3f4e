/**
 * Waiting for the answer to a request the clerk made through the server: ask
 * `GET /admin/results/:id` every few seconds, only while that request is on screen, the page is
 * visible and the request has not expired. Hidden pauses (no request leaves a tab nobody looks
 * at); visible again resumes at once; the answer, the expiry, a lasting refusal or `stop()` ends
 * it. Timers, clock and visibility are injected, so the rules are tested without a browser.
 */

/** What one look at the result says. */
export type PollRead =
  /** No answer yet: look again. */
  | 'pending'
  /** The answer is in (the caller has shown it). */
  | 'done'
  /** The server could not be reached this time: look again. */
  | 'retry'
  /** A lasting refusal (token refused, request unknown): stop. */
  | 'stop';

export type PollState = 'waiting' | 'paused' | 'expired' | 'stopped' | 'done';

export interface PollEnvironment {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  isHidden(): boolean;
  /** Subscribe to visibility changes; returns the unsubscribe. */
  onVisibilityChange(listener: () => void): () => void;
}

export interface PollOptions {
  /** Milliseconds between looks (default 2,000). */
  intervalMs?: number;
  /** When the request expires (epoch ms): no look after it. */
  until: number;
  read(): Promise<PollRead>;
  onState(state: PollState): void;
}

export const POLL_INTERVAL_MS = 2000;

export function browserPollEnvironment(): PollEnvironment {
  return {
    now: () => Date.now(),
    setTimer: (run, ms) => globalThis.setTimeout(run, ms),
    clearTimer: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    isHidden: () => globalThis.document?.visibilityState === 'hidden',
    onVisibilityChange(listener) {
      globalThis.document?.addEventListener('visibilitychange', listener);
      return () => globalThis.document?.removeEventListener('visibilitychange', listener);
    },
  };
}

/** Start waiting; the first look is one interval from now. Returns `stop`. */
export function pollResult(options: PollOptions, env: PollEnvironment): { stop(): void } {
  const interval = options.intervalMs ?? POLL_INTERVAL_MS;
  let timer: unknown = null;
  let ended = false;
  let reading = false;
  let paused = false;

  const end = (state: PollState) => {
    if (ended) return;
    ended = true;
    if (timer !== null) env.clearTimer(timer);
    timer = null;
    unsubscribe();
    options.onState(state);
  };

  const schedule = (ms: number) => {
    if (ended) return;
    if (timer !== null) env.clearTimer(timer);
    timer = env.setTimer(() => {
      timer = null;
      void look();
    }, ms);
  };

  const look = async () => {
    if (ended || reading) return;
    if (env.now() >= options.until) return end('expired');
    if (env.isHidden()) {
      paused = true;
      options.onState('paused');
      return;
    }
    reading = true;
    let read: PollRead;
    try {
      read = await options.read();
    } catch {
      read = 'retry';
    } finally {
      reading = false;
    }
    if (ended) return;
    if (read === 'done') return end('done');
    if (read === 'stop') return end('stopped');
    schedule(interval);
  };

  const unsubscribe = env.onVisibilityChange(() => {
    if (ended) return;
    if (env.isHidden()) {
      if (timer !== null) env.clearTimer(timer);
      timer = null;
      paused = true;
      options.onState('paused');
    } else if (paused) {
      paused = false;
      options.onState('waiting');
      void look();
    }
  });

  options.onState('waiting');
  schedule(interval);
  return { stop: () => end('stopped') };
}
