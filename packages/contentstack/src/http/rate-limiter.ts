// A sliding-window limiter keyed by organization and by kind (reads, writes), matching the CMA's
// published budget: 10 GET/s and 10 writes/s per organization (api-notes Part B §3.3). It counts
// request starts, including retries, so a 429 storm cannot push the client over the budget.
// It is per process: several workers against one organization must share the budget through
// their queue limiter (DESIGN §4), not through this class.

export type RequestKind = "read" | "write";

export interface RateLimiterOptions {
  /** Requests allowed per window for GETs. @defaultValue 10 */
  readsPerSecond?: number;
  /** Requests allowed per window for POST/PUT/DELETE. @defaultValue 10 */
  writesPerSecond?: number;
  /** Window length. @defaultValue 1000 */
  windowMs?: number;
  /**
   * Extra spacing added to the window, because the server measures arrival times that drift from
   * our start times by network jitter. @defaultValue 100
   */
  safetyMarginMs?: number;
}

export interface RateLimiter {
  /** Runs `task` once the bucket for `key`/`kind` has room; FIFO per bucket. */
  schedule<T>(key: string, kind: RequestKind, task: () => Promise<T>): Promise<T>;
  /** Holds a bucket shut for `ms` (after a 429 that named a Retry-After). */
  pause(key: string, kind: RequestKind, ms: number): void;
}

interface Bucket {
  readonly limit: number;
  starts: number[];
  pausedUntil: number;
  tail: Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const readsPerSecond = options.readsPerSecond ?? 10;
  const writesPerSecond = options.writesPerSecond ?? 10;
  const windowMs = (options.windowMs ?? 1000) + (options.safetyMarginMs ?? 100);
  for (const [name, value] of Object.entries({ readsPerSecond, writesPerSecond, windowMs })) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`rate limiter ${name} must be a positive integer`);
  }
  const buckets = new Map<string, Bucket>();

  function bucketFor(key: string, kind: RequestKind): Bucket {
    const id = `${kind}:${key}`;
    let bucket = buckets.get(id);
    if (!bucket) {
      bucket = {
        limit: kind === "read" ? readsPerSecond : writesPerSecond,
        starts: [],
        pausedUntil: 0,
        tail: Promise.resolve(),
      };
      buckets.set(id, bucket);
    }
    return bucket;
  }

  async function waitForRoom(bucket: Bucket): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (bucket.starts.length > 0 && (bucket.starts[0] ?? 0) <= now - windowMs)
        bucket.starts.shift();
      const oldest = bucket.starts[0];
      const windowWait =
        bucket.starts.length >= bucket.limit && oldest !== undefined ? oldest + windowMs - now : 0;
      const wait = Math.max(windowWait, bucket.pausedUntil - now);
      if (wait <= 0) break;
      await sleep(wait);
    }
    bucket.starts.push(Date.now());
  }

  return {
    async schedule<T>(key: string, kind: RequestKind, task: () => Promise<T>): Promise<T> {
      const bucket = bucketFor(key, kind);
      const turn = bucket.tail.then(() => waitForRoom(bucket));
      // The chain must survive a failed turn, or one error would block the bucket forever.
      bucket.tail = turn.catch(() => undefined);
      await turn;
      return task();
    },
    pause(key: string, kind: RequestKind, ms: number): void {
      const bucket = bucketFor(key, kind);
      bucket.pausedUntil = Math.max(bucket.pausedUntil, Date.now() + ms);
    },
  };
}
