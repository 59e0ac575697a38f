// Per-key pacing of request starts. The interface is what a caller needs, so a Redis-backed limiter
// (the sync worker's, shared by several processes) can stand in for the in-process one.
import { systemClock, type Clock } from "../clock";

/** Paces request starts per key (an organization, an account, `org:read`). */
export interface RateLimiter {
  /** Resolves when `key` may start one more request; callers of one key are served in order. */
  acquire(key: string, signal?: AbortSignal): Promise<void>;
  /** Holds `key` shut for `ms` (after a 429 that named a Retry-After). */
  pause(key: string, ms: number): void | Promise<void>;
}

export interface RateLimiterOptions {
  /** Starts allowed per window, for every key or per key. */
  limit: number | ((key: string) => number);
  /** Window length. @defaultValue 1000 */
  windowMs?: number;
  /**
   * Added to the window, because the service measures arrival times that drift from our start
   * times by network jitter. @defaultValue 0
   */
  safetyMarginMs?: number;
  /** @defaultValue the system clock */
  clock?: Clock;
}

interface Bucket {
  readonly limit: number;
  readonly starts: number[];
  pausedUntil: number;
  tail: Promise<void>;
}

/**
 * An in-process sliding-window limiter: no more than `limit` starts in any window. It counts
 * every start, retries included, so a 429 storm cannot push a client over the budget. Fixed
 * buckets would allow twice the rate across a bucket edge, which is what trips a service's own
 * sliding-window limiter.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const windowMs = (options.windowMs ?? 1000) + (options.safetyMarginMs ?? 0);
  const clock = options.clock ?? systemClock;
  const limitOf = (key: string) =>
    typeof options.limit === "function" ? options.limit(key) : options.limit;
  if (!Number.isFinite(windowMs) || windowMs <= 0)
    throw new RangeError("rate limiter window must be a positive number of milliseconds");
  if (typeof options.limit === "number") checkLimit(options.limit);
  const buckets = new Map<string, Bucket>();

  function bucketFor(key: string): Bucket {
    let bucket = buckets.get(key);
    if (!bucket) {
      const limit = limitOf(key);
      checkLimit(limit);
      bucket = { limit, starts: [], pausedUntil: 0, tail: Promise.resolve() };
      buckets.set(key, bucket);
    }
    return bucket;
  }

  async function waitForRoom(bucket: Bucket, signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      const now = clock.now();
      while (bucket.starts.length > 0 && (bucket.starts[0] ?? 0) <= now - windowMs)
        bucket.starts.shift();
      const oldest = bucket.starts[0];
      const windowWait =
        bucket.starts.length >= bucket.limit && oldest !== undefined ? oldest + windowMs - now : 0;
      const wait = Math.max(windowWait, bucket.pausedUntil - now);
      if (wait <= 0) break;
      await clock.sleep(wait, signal);
    }
    bucket.starts.push(clock.now());
  }

  return {
    acquire(key, signal) {
      const bucket = bucketFor(key);
      const turn = bucket.tail.then(() => waitForRoom(bucket, signal));
      // The chain must survive a failed turn, or one aborted caller would block the key forever.
      bucket.tail = turn.catch(() => undefined);
      return turn;
    },
    pause(key, ms) {
      const bucket = bucketFor(key);
      bucket.pausedUntil = Math.max(bucket.pausedUntil, clock.now() + ms);
    },
  };
}

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`rate limiter limit must be a positive integer, got ${limit}`);
}
