/**
 * Per-client rate limit on the public endpoints: one token bucket per client address, in this
 * process's memory (several instances behind a load balancer each keep their own buckets, so the
 * effective limit is per instance; docs/server.md). A client with an empty bucket gets 429 with
 * `Retry-After` in whole seconds. The table of buckets is bounded: past `maxClients`, the least
 * recently seen are forgotten (they come back with a full bucket, which errs on the open side).
 */
export interface RateLimitOptions {
  /** Bucket size: requests a client may make in one burst. */
  readonly burst: number;
  /** Tokens added per second (the sustained rate). */
  readonly perSecond: number;
  /** How many client buckets to remember at most. */
  readonly maxClients?: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = {
  burst: 60,
  perSecond: 10,
  maxClients: 10_000,
};

export interface RateLimiter {
  /** Takes one token for `client`; 0 when allowed, else the seconds to wait (≥ 1). */
  take(client: string, nowMs: number): number;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { burst, perSecond, maxClients = 10_000 } = options;
  if (!(burst >= 1) || !(perSecond > 0) || !Number.isFinite(burst) || !Number.isFinite(perSecond)) {
    throw new RangeError('createRateLimiter: "burst" must be ≥ 1 and "perSecond" > 0');
  }
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(client, nowMs) {
      const bucket = buckets.get(client);
      let tokens = burst;
      if (bucket !== undefined) {
        const elapsed = Math.max(0, nowMs - bucket.at) / 1000;
        tokens = Math.min(burst, bucket.tokens + elapsed * perSecond);
        buckets.delete(client); // re-inserted below: the Map's order is least recently seen first
      }
      let wait = 0;
      if (tokens >= 1) tokens -= 1;
      else wait = Math.max(1, Math.ceil((1 - tokens) / perSecond));
      buckets.set(client, { tokens, at: nowMs });
      while (buckets.size > maxClients) {
        const oldest = buckets.keys().next();
        if (oldest.done) break;
        buckets.delete(oldest.value);
      }
      return wait;
    },
  };
}
