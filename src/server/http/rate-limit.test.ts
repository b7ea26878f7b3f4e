import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

describe('createRateLimiter', () => {
  it('Given a bucket of 2 refilling 2 per second, when drained, then it says how long to wait', () => {
    const limiter = createRateLimiter({ burst: 2, perSecond: 2 });
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBe(1);
    expect(limiter.take('a', 500)).toBe(0); // half a second = one token
    expect(limiter.take('a', 500)).toBe(1);
  });

  it('Given a slow refill, when empty, then Retry-After rounds up to whole seconds', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.1 });
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBe(10);
  });

  it('Given maxClients, when more clients come, then the least recently seen are forgotten', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.001, maxClients: 2 });
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('b', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBeGreaterThan(0); // a is now the most recent
    expect(limiter.take('c', 0)).toBe(0); // b is forgotten
    expect(limiter.take('a', 0)).toBeGreaterThan(0); // a is still remembered
    expect(limiter.take('b', 0)).toBe(0); // b comes back with a full bucket
  });

  it('Given a clock that goes backwards, when asked, then no tokens are made up', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 1 });
    expect(limiter.take('a', 10_000)).toBe(0);
    expect(limiter.take('a', 0)).toBe(1);
  });

  it('Given nonsense options, when creating, then it throws', () => {
    expect(() => createRateLimiter({ burst: 0, perSecond: 1 })).toThrow(RangeError);
    expect(() => createRateLimiter({ burst: 1, perSecond: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ burst: Number.NaN, perSecond: 1 })).toThrow(RangeError);
  });
});
