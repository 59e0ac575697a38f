// The limiter on a fake clock: time only moves when the test (or a sleeping caller) moves it.
import { describe, expect, it } from "vitest";
import { createRateLimiter, type Clock } from "../src/index";

function fakeClock(): Clock & { readonly starts: number[] } {
  let now = 0;
  return {
    starts: [],
    now: () => now,
    // A sleeper jumps the clock to its wake-up time: the limiter's own waits drive time.
    sleep: async (ms) => {
      now += ms;
    },
  };
}

async function startTimes(
  limiter: ReturnType<typeof createRateLimiter>,
  clock: Clock,
  key: string,
  n: number,
) {
  const starts: number[] = [];
  for (let i = 0; i < n; i++) {
    await limiter.acquire(key);
    starts.push(clock.now());
  }
  return starts;
}

describe("createRateLimiter", () => {
  it("starts no more than the limit in any window", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000, clock });
    const starts = await startTimes(limiter, clock, "org", 9);
    expect(starts).toEqual([0, 0, 0, 1000, 1000, 1000, 2000, 2000, 2000]);
  });

  it("keeps keys independent and limits per key", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({
      limit: (key) => (key.endsWith(":write") ? 1 : 2),
      windowMs: 100,
      safetyMarginMs: 10,
      clock,
    });
    expect(await startTimes(limiter, clock, "a:write", 2)).toEqual([0, 110]);
    expect(await startTimes(limiter, clock, "b:read", 3)).toEqual([110, 110, 220]);
  });

  it("serves callers of one key in order, concurrently", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 500, clock });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => limiter.acquire("k").then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(clock.now()).toBe(1000);
  });

  it("holds a key shut while paused and survives an aborted caller", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 10, clock });
    limiter.pause("k", 700);
    await limiter.acquire("k");
    expect(clock.now()).toBe(700);
    const aborted = AbortSignal.abort(new Error("gone"));
    const stuck = {
      ...clock,
      sleep: (_ms: number, signal?: AbortSignal) => Promise.reject(signal?.reason as Error),
    };
    const pausedLimiter = createRateLimiter({ limit: 1, clock: stuck });
    pausedLimiter.pause("k", 10);
    await expect(pausedLimiter.acquire("k", aborted)).rejects.toThrow("gone");
    expect(() => createRateLimiter({ limit: 0 })).toThrow(RangeError);
  });
});
