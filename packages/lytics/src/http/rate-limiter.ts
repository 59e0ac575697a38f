import pThrottle from "p-throttle";

/**
 * Lytics publishes no rate limits for either API (api-notes Part A §5.2), so the client paces
 * itself below anything plausible. 10 requests per second per account (v2) or per organization
 * (Management API) keeps a full reconcile of a large organization within minutes.
 */
export const DEFAULT_RATE_PER_SECOND = 10;

/** Paces calls so that no more than `ratePerSecond` start within any one-second window. */
export interface RateLimiter {
  readonly ratePerSecond: number;
  /** Runs `task` when the window allows; calls queue in order. */
  schedule<T>(task: () => Promise<T>): Promise<T>;
}

/** A limiter of its own (not shared). Most callers want {@link sharedRateLimiter}. */
export function createRateLimiter(ratePerSecond: number): RateLimiter {
  if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) {
    throw new RangeError(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
  }
  // Strict mode checks every sliding window, not fixed buckets: fixed buckets allow twice the
  // rate across a bucket edge, which is exactly what trips a sliding-window limiter upstream.
  const limit = Math.max(1, Math.floor(ratePerSecond));
  const interval = Math.round((1000 * limit) / ratePerSecond);
  const throttle = pThrottle({ limit, interval, strict: true });
  const run = throttle(<T>(task: () => Promise<T>) => task());
  return {
    ratePerSecond,
    schedule: <T>(task: () => Promise<T>) => run(task) as Promise<T>,
  };
}

// Every client for the same account (or organization) in this process shares one limiter, so
// creating a client per job does not multiply the rate. Other processes need the worker's
// BullMQ limiter on top (DESIGN §4).
const shared = new Map<string, RateLimiter>();

/**
 * The process-wide limiter for `key` at `ratePerSecond`. Clients asking for a different rate on
 * the same key get their own limiter: the caller chose that rate on purpose.
 */
export function sharedRateLimiter(key: string, ratePerSecond: number): RateLimiter {
  const mapKey = `${key}@${ratePerSecond}`;
  let limiter = shared.get(mapKey);
  if (!limiter) {
    limiter = createRateLimiter(ratePerSecond);
    shared.set(mapKey, limiter);
  }
  return limiter;
}
