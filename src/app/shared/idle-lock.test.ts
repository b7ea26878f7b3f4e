import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleLock } from './idle-lock.ts';

const MINUTE = 60_000;

describe('idle lock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('Given 5 minutes without activity, when the time passes, then it locks once', () => {
    const onLock = vi.fn();
    createIdleLock({ timeoutMs: 5 * MINUTE, onLock });
    vi.advanceTimersByTime(5 * MINUTE - 1);
    expect(onLock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onLock).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('Given activity every 4 minutes, when 20 minutes pass, then it never locks', () => {
    const onLock = vi.fn();
    const idle = createIdleLock({ timeoutMs: 5 * MINUTE, onLock });
    for (let i = 0; i < 5; i += 1) {
      vi.advanceTimersByTime(4 * MINUTE);
      idle.activity();
    }
    expect(onLock).not.toHaveBeenCalled();
  });

  it('Given the page hidden longer than the timeout while timers were frozen, when it is visible again, then it locks', () => {
    const onLock = vi.fn();
    let clock = 0;
    const idle = createIdleLock({ timeoutMs: 5 * MINUTE, onLock, now: () => clock });
    idle.hidden();
    clock += 6 * MINUTE; // a throttled background tab: no timer fired
    idle.visible();
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('Given the page hidden briefly, when it is visible again, then it stays unlocked', () => {
    const onLock = vi.fn();
    let clock = 0;
    const idle = createIdleLock({ timeoutMs: 5 * MINUTE, onLock, now: () => clock });
    idle.hidden();
    clock += MINUTE;
    idle.visible();
    expect(onLock).not.toHaveBeenCalled();
  });

  it('Given it was stopped (manual lock), when time passes, then it does not lock again', () => {
    const onLock = vi.fn();
    const idle = createIdleLock({ timeoutMs: MINUTE, onLock });
    idle.stop();
    vi.advanceTimersByTime(10 * MINUTE);
    idle.visible();
    expect(onLock).not.toHaveBeenCalled();
  });

  it('Given a timeout of 0, when created, then it is refused', () => {
    expect(() => createIdleLock({ timeoutMs: 0, onLock: () => undefined })).toThrow(/timeoutMs/);
  });
});
