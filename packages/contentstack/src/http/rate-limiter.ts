// The CMA's published budget: 10 GET/s and 10 writes/s per organization (api-notes Part B §3.3),
// as keys `<org>:read` and `<org>:write` of the core's sliding-window limiter. It is per process:
// several workers against one organization share the budget through the worker's Redis-backed
// limiter, which takes the same `RateLimiter` interface.
import {
  createRateLimiter as createCoreRateLimiter,
  type Clock,
  type RateLimiter,
} from "@lytics-access/http";

export type RequestKind = "read" | "write";

export interface ContentstackRateLimiterOptions {
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
  /** @defaultValue the system clock */
  clock?: Clock;
}

/** The limiter key of one organization's read or write budget. */
export function limiterKey(organizationUid: string, kind: RequestKind): string {
  return `contentstack:${organizationUid}:${kind}`;
}

/** A limiter holding the CMA budget per organization and kind. */
export function createRateLimiter(options: ContentstackRateLimiterOptions = {}): RateLimiter {
  const reads = options.readsPerSecond ?? 10;
  const writes = options.writesPerSecond ?? 10;
  return createCoreRateLimiter({
    limit: (key) => (key.endsWith(":read") ? reads : writes),
    windowMs: options.windowMs ?? 1000,
    safetyMarginMs: options.safetyMarginMs ?? 100,
    ...(options.clock ? { clock: options.clock } : {}),
  });
}
