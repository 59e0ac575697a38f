import { describe, expect, it } from "vitest";

import { createRateLimiter, sharedRateLimiter } from "./rate-limiter";

describe("rate limiter", () => {
  it("starts no more than the rate within any one-second window", async () => {
    const limiter = createRateLimiter(4);
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, () =>
        limiter.schedule(async () => {
          starts.push(performance.now());
        }),
      ),
    );
    expect(starts).toHaveLength(10);
    // The k-th start and the (k+4)-th start are at least a second apart (timer slack allowed).
    starts.slice(4).forEach((start, index) => {
      expect(start - (starts[index] ?? Number.NaN)).toBeGreaterThanOrEqual(990);
    });
  });

  it("is shared per key and rate, and refuses a rate that is not positive", () => {
    expect(sharedRateLimiter("v2|x|1", 5)).toBe(sharedRateLimiter("v2|x|1", 5));
    expect(sharedRateLimiter("v2|x|1", 5)).not.toBe(sharedRateLimiter("v2|x|2", 5));
    expect(() => createRateLimiter(0)).toThrow(RangeError);
  });
});
