import { describe, expect, it } from "vitest";

import { createRateLimiter } from "../src/rate-limit/rate-limiter";
import { isolation, useRedis } from "./support/test-redis";

const redis = useRedis();

// The scripts run on a clock the test holds (the test-only `now`), not on Redis server time: a
// refill happens when a wait moves the clock, never because the machine was slow.
function setup() {
  const { keyPrefix, orgUid } = isolation();
  const waits: number[] = [];
  let now = 1_767_225_600_000;
  const limiter = createRateLimiter({
    redis,
    keyPrefix,
    now: () => now,
    // Records each wait and moves the clock by it instead of waiting.
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      waits.push(ms);
      now += ms;
    },
  });
  return { limiter, orgUid, waits };
}

describe("rate limiter", () => {
  it("grants the burst, then says how long until the next token", async () => {
    const { limiter, orgUid } = setup();
    const bucket = limiter.bucketKey(orgUid, "lytics-management");
    const limit = { ratePerSecond: 10, burst: 3 };
    const decisions = await Promise.all([1, 2, 3, 4].map(() => limiter.tryAcquire(bucket, limit)));
    expect(decisions.filter((d) => d.granted)).toHaveLength(3);
    const refused = decisions.find((d) => !d.granted);
    expect(refused).toMatchObject({ granted: false });
    // One token at 10 per second: exactly 100 ms away.
    if (refused && !refused.granted) expect(refused.retryInMs).toBe(100);
  });

  it("acquire waits with the injected sleep until a token is there", async () => {
    const { limiter, orgUid, waits } = setup();
    const bucket = limiter.bucketKey(orgUid, "contentstack-cma");
    const limit = { ratePerSecond: 20, burst: 1 };
    await limiter.acquire(bucket, limit);
    await limiter.acquire(bucket, limit);
    expect(waits).toEqual([50]);
  });

  it("one organization's exhausted or paused bucket never stalls another's", async () => {
    const { limiter, orgUid } = setup();
    const limit = { ratePerSecond: 1, burst: 2 };
    const throttled = limiter.bucketKey(orgUid, "lytics-management");
    const other = limiter.bucketKey(`${orgUid}b`, "lytics-management");
    await limiter.tryAcquire(throttled, limit);
    await limiter.tryAcquire(throttled, limit);
    expect((await limiter.tryAcquire(throttled, limit)).granted).toBe(false);
    expect((await limiter.tryAcquire(other, limit)).granted).toBe(true);

    // A 429 with Retry-After: every replica sharing the bucket waits it out.
    const fresh = limiter.bucketKey(`${orgUid}c`, "lytics-management");
    await limiter.pause(fresh, 5000);
    const paused = await limiter.tryAcquire(fresh, limit);
    expect(paused.granted).toBe(false);
    if (!paused.granted) expect(paused.retryInMs).toBe(5000);
    expect((await limiter.tryAcquire(other, limit)).granted).toBe(true);
  });

  it("acquire stops when its signal aborts", async () => {
    const { limiter, orgUid } = setup();
    const bucket = limiter.bucketKey(orgUid, "x");
    await limiter.pause(bucket, 10_000);
    const controller = new AbortController();
    const pending = limiter.acquire(
      bucket,
      { ratePerSecond: 1, burst: 1 },
      { signal: controller.signal },
    );
    controller.abort(new Error("shutting down"));
    await expect(pending).rejects.toThrow("shutting down");
  });

  it("runs on Redis server time when no clock is given (production)", async () => {
    const { keyPrefix, orgUid } = isolation();
    const limiter = createRateLimiter({ redis, keyPrefix });
    const bucket = limiter.bucketKey(orgUid, "lytics-management");
    // One token per 1000 s: no machine is slow enough to see a refill within this test.
    const limit = { ratePerSecond: 0.001, burst: 2 };
    const decisions = await Promise.all([1, 2, 3].map(() => limiter.tryAcquire(bucket, limit)));
    expect(decisions.map((decision) => decision.granted).sort()).toEqual([false, true, true]);
    await limiter.pause(bucket, 5000);
    const paused = await limiter.tryAcquire(bucket, limit);
    expect(paused.granted).toBe(false);
    if (!paused.granted) expect(paused.retryInMs).toBeGreaterThan(0);
  });

  it("refuses nonsense limits", async () => {
    const { limiter, orgUid } = setup();
    const bucket = limiter.bucketKey(orgUid, "x");
    await expect(limiter.tryAcquire(bucket, { ratePerSecond: 0, burst: 1 })).rejects.toThrow(
      /ratePerSecond/,
    );
    await expect(limiter.tryAcquire(bucket, { ratePerSecond: 1, burst: 1 }, 2)).rejects.toThrow(
      RangeError,
    );
  });
});
