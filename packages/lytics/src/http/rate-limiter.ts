import {
  createRateLimiter as createCoreRateLimiter,
  type Clock,
  type RateLimiter,
} from "@lytics-access/http";

/**
 * Lytics publishes no rate limits for either API (api-notes Part A §5.2), so the client paces
 * itself below anything plausible. 10 requests per second per account (v2) or per organization
 * (Management API) keeps a full reconcile of a large organization within minutes.
 */
export const DEFAULT_RATE_PER_SECOND = 10;

export type { RateLimiter };

/**
 * The core's sliding-window limiter at `ratePerSecond` per key. A fractional rate becomes one
 * start per longer window (0.5/s: one start per 2 s). Most callers want {@link sharedRateLimiter}.
 */
export function createRateLimiter(ratePerSecond: number, clock?: Clock): RateLimiter {
  if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) {
    throw new RangeError(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
  }
  const limit = Math.max(1, Math.floor(ratePerSecond));
  return createCoreRateLimiter({
    limit,
    windowMs: Math.round((1000 * limit) / ratePerSecond),
    // The service sees arrival times, which drift from our start times by network jitter.
    safetyMarginMs: 100,
    ...(clock ? { clock } : {}),
  });
}

// Every client for the same account (or organization) in this process shares one limiter, so
// creating a client per job does not multiply the rate. Other processes need the worker's
// limiter on top (DESIGN §4), which takes the same `RateLimiter` interface.
const shared = new Map<number, RateLimiter>();
// Clients on an injected clock (tests) share per clock: a limiter paces on one clock only.
const sharedPerClock = new WeakMap<Clock, Map<number, RateLimiter>>();

/**
 * The process-wide limiter at `ratePerSecond`; clients pace per key within it. Clients asking
 * for a different rate get their own limiter: the caller chose that rate on purpose.
 */
export function sharedRateLimiter(ratePerSecond: number, clock?: Clock): RateLimiter {
  let byRate = shared;
  if (clock) {
    byRate = sharedPerClock.get(clock) ?? new Map<number, RateLimiter>();
    sharedPerClock.set(clock, byRate);
  }
  let limiter = byRate.get(ratePerSecond);
  if (!limiter) {
    limiter = createRateLimiter(ratePerSecond, clock);
    byRate.set(ratePerSecond, limiter);
  }
  return limiter;
}
