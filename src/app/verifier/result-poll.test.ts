import { describe, expect, it } from 'vitest';
import { pollResult, type PollEnvironment, type PollRead, type PollState } from './result-poll.ts';

/** A hand-driven clock, timer queue and page visibility. */
function fakeEnvironment() {
  let now = 0;
  let hidden = false;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const listeners = new Set<() => void>();
  const env: PollEnvironment = {
    now: () => now,
    setTimer(run, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimer(handle) {
      timers.delete(handle as number);
    },
    isHidden: () => hidden,
    onVisibilityChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    env,
    listeners,
    pendingTimers: () => timers.size,
    /** Move the clock, firing due timers in order, letting each look settle. */
    async advance(ms: number) {
      const target = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= target)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
        await flush();
      }
      now = target;
    },
    async setHidden(value: boolean) {
      hidden = value;
      for (const listener of [...listeners]) listener();
      await flush();
    },
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function start(env: PollEnvironment, answers: PollRead[], until = 600_000) {
  const states: PollState[] = [];
  let reads = 0;
  const poll = pollResult(
    {
      until,
      intervalMs: 2000,
      read: async () => answers[Math.min(reads++, answers.length - 1)] ?? 'pending',
      onState: (state) => states.push(state),
    },
    env,
  );
  return { poll, states, reads: () => reads };
}

describe('pollResult', () => {
  it('Given a pending request, when 2 s pass, then it looks once; nothing before the first interval', async () => {
    const fake = fakeEnvironment();
    const run = start(fake.env, ['pending']);
    await fake.advance(1999);
    expect(run.reads()).toBe(0);
    await fake.advance(1);
    expect(run.reads()).toBe(1);
    await fake.advance(10_000);
    expect(run.reads()).toBe(6);
    expect(run.states).toEqual(['waiting']);
  });

  it('Given the answer arrives on the third look, then it stops there and says done', async () => {
    const fake = fakeEnvironment();
    const run = start(fake.env, ['pending', 'retry', 'done']);
    await fake.advance(20_000);
    expect(run.reads()).toBe(3);
    expect(run.states).toEqual(['waiting', 'done']);
    expect(fake.pendingTimers()).toBe(0);
    expect(fake.listeners.size).toBe(0);
  });

  it('Given the request expires, then no look happens after it and the state is expired', async () => {
    const fake = fakeEnvironment();
    const run = start(fake.env, ['pending'], 5000);
    await fake.advance(60_000);
    expect(run.reads()).toBe(2);
    expect(run.states).toEqual(['waiting', 'expired']);
    expect(fake.pendingTimers()).toBe(0);
  });

  it('Given the page is hidden, then no look leaves until it is visible again, and then one at once', async () => {
    const fake = fakeEnvironment();
    const run = start(fake.env, ['pending']);
    await fake.advance(2000);
    expect(run.reads()).toBe(1);
    await fake.setHidden(true);
    await fake.advance(60_000);
    expect(run.reads()).toBe(1);
    expect(run.states.at(-1)).toBe('paused');
    await fake.setHidden(false);
    expect(run.reads()).toBe(2);
    expect(run.states.at(-1)).toBe('waiting');
    await fake.advance(2000);
    expect(run.reads()).toBe(3);
  });

  it('Given it comes back visible after the expiry, then it looks no more and says expired', async () => {
    const fake = fakeEnvironment();
    const run = start(fake.env, ['pending'], 10_000);
    await fake.setHidden(true);
    await fake.advance(30_000);
    await fake.setHidden(false);
    expect(run.reads()).toBe(0);
    expect(run.states.at(-1)).toBe('expired');
  });

  it('Given a lasting refusal, then it stops', async () => {
    const fake = fakeEnvironment();
    const run = start(fake.env, ['stop']);
    await fake.advance(20_000);
    expect(run.reads()).toBe(1);
    expect(run.states).toEqual(['waiting', 'stopped']);
  });

  it('Given stop() (a new request, the desk locked), then no further look, no timer, no listener', async () => {
    const fake = fakeEnvironment();
    const run = start(fake.env, ['pending']);
    await fake.advance(2000);
    run.poll.stop();
    await fake.advance(20_000);
    await fake.setHidden(false);
    expect(run.reads()).toBe(1);
    expect(run.states).toEqual(['waiting', 'stopped']);
    expect(fake.pendingTimers()).toBe(0);
    expect(fake.listeners.size).toBe(0);
  });

  it('Given a read that throws, then it is a retry, not a crash', async () => {
    const fake = fakeEnvironment();
    let reads = 0;
    const states: PollState[] = [];
    pollResult(
      {
        until: 600_000,
        read: async () => {
          reads++;
          if (reads === 1) throw new Error('boom');
          return 'done';
        },
        onState: (state) => states.push(state),
      },
      fake.env,
    );
    await fake.advance(4000);
    expect(reads).toBe(2);
    expect(states).toEqual(['waiting', 'done']);
  });
});
