// The HTTP core's `RateLimiter` (acquire per request attempt, pause after a 429's Retry-After) on
// packages/store's token bucket in Redis: every HTTP request of every replica spends the
// organization's one budget per API, and a 429 shuts that budget for every replica at once.
// One organization's buckets are its own, so its throttling never slows another organization.
import type { RateLimiter as HttpRateLimiter } from "@lytics-access/lytics";
import type { RateLimit, RateLimiter as StoreRateLimiter } from "@lytics-access/store";

import { OrgThrottledError } from "./org-throttled-error";

/**
 * Each organization's budget per bucket, shared by every replica. A token bucket grants at most
 * `burst + rate x T` requests in any T seconds; the services count in sliding 1 s windows
 * (Contentstack: 10 reads/s and 10 writes/s per organization), measured at arrival, with jitter.
 * At 9/s with a burst of 1, 11 requests need at least 1.11 s, so up to 111 ms of jitter between
 * the limiter's grant and the service's arrival stays within 10 in any second. (A burst of 1.5,
 * tried to win back the time a waiter loses when it wakes late, leaves 55 ms of that margin, and
 * the reconcile benchmark then met 429s on a busy machine: the margin is worth more.)
 */
export const ORG_BUCKETS = Object.freeze({
  "contentstack-read": { ratePerSecond: 9, burst: 1 },
  "contentstack-write": { ratePerSecond: 9, burst: 1 },
  /**
   * Lytics publishes no limit (api-notes §1.4): the worker holds itself to
   * `LYTICS_RATE_PER_SECOND` (default 15/s; the emulator allows 20/s), see {@link lyticsBucket}.
   */
  lytics: { ratePerSecond: 15, burst: 3 },
} satisfies Record<string, RateLimit>);

/** The Lytics bucket at a configured rate: a fifth of a second's worth of burst, at least 1. */
export function lyticsBucket(ratePerSecond: number): RateLimit {
  return { ratePerSecond, burst: Math.max(1, Math.round(ratePerSecond / 5)) };
}

export type OrgBucket = keyof typeof ORG_BUCKETS;

/** Waits up to this long in-process for a slot; longer, and the job is re-delayed instead. */
export const MAX_IN_PROCESS_WAIT_MS = 5_000;

export interface SharedRateLimiterOptions {
  readonly limiter: StoreRateLimiter;
  readonly orgUid: string;
  /** The bucket a client's limiter key spends (its keys name read or write, or one per client). */
  readonly bucketOf: (key: string) => OrgBucket;
  /** @defaultValue {@link MAX_IN_PROCESS_WAIT_MS} */
  readonly maxWaitMs?: number;
  /** Limits per bucket. @defaultValue {@link ORG_BUCKETS} */
  readonly limits?: Partial<Record<OrgBucket, RateLimit>>;
  /** Called for every request that got a slot (metrics, tests). */
  readonly onAcquire?: (bucket: OrgBucket) => void;
  /** Called when a 429 shut the bucket. */
  readonly onPause?: (bucket: OrgBucket, ms: number) => void;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
      },
      { once: true },
    );
  });

export function createSharedRateLimiter(options: SharedRateLimiterOptions): HttpRateLimiter {
  const maxWaitMs = options.maxWaitMs ?? MAX_IN_PROCESS_WAIT_MS;
  const sleep = options.sleep ?? defaultSleep;
  const limitOf = (bucket: OrgBucket): RateLimit => options.limits?.[bucket] ?? ORG_BUCKETS[bucket];
  const keyOf = (bucket: OrgBucket) => options.limiter.bucketKey(options.orgUid, bucket);
  return {
    async acquire(key, signal) {
      const bucket = options.bucketOf(key);
      let waited = 0;
      for (;;) {
        signal?.throwIfAborted();
        const decision = await options.limiter.tryAcquire(keyOf(bucket), limitOf(bucket));
        if (decision.granted) {
          options.onAcquire?.(bucket);
          return;
        }
        if (waited + decision.retryInMs > maxWaitMs)
          throw new OrgThrottledError(options.orgUid, bucket, decision.retryInMs);
        await sleep(decision.retryInMs, signal);
        waited += decision.retryInMs;
      }
    },
    async pause(key, ms) {
      const bucket = options.bucketOf(key);
      options.onPause?.(bucket, ms);
      await options.limiter.pause(keyOf(bucket), ms);
    },
  };
}

/** Contentstack's keys end in `:read` or `:write` (packages/contentstack `limiterKey`). */
export const contentstackBucketOf = (key: string): OrgBucket =>
  key.endsWith(":write") ? "contentstack-write" : "contentstack-read";
