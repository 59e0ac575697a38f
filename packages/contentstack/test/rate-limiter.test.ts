import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../src/index";
import { maxInWindow } from "./support/emulator";

describe("createRateLimiter", () => {
  it("starts no more than the limit in any window, per organization and kind", async () => {
    // The margin absorbs the delay between the limiter granting a slot and the task noting the time,
    // as it absorbs network jitter against the real server.
    const limiter = createRateLimiter({
      readsPerSecond: 4,
      writesPerSecond: 2,
      windowMs: 200,
      safetyMarginMs: 50,
    });
    const starts: Record<string, Array<{ at: number; key: string; status: number }>> = {
      a: [],
      b: [],
      w: [],
    };
    const run = (bucket: string, org: string, kind: "read" | "write") =>
      limiter.schedule(org, kind, async () => {
        starts[bucket]?.push({ at: Date.now(), key: bucket, status: 200 });
      });
    await Promise.all([
      ...Array.from({ length: 12 }, () => run("a", "org_a", "read")),
      ...Array.from({ length: 12 }, () => run("b", "org_b", "read")),
      ...Array.from({ length: 6 }, () => run("w", "org_a", "write")),
    ]);
    expect(maxInWindow(starts.a ?? [], 200)).toBeLessThanOrEqual(4);
    expect(maxInWindow(starts.b ?? [], 200)).toBeLessThanOrEqual(4);
    expect(maxInWindow(starts.w ?? [], 200)).toBeLessThanOrEqual(2);
    // Buckets are independent: org_b did not queue behind org_a's 12 reads (which take > 500 ms).
    expect(Math.abs((starts.a?.[0]?.at ?? 0) - (starts.b?.[0]?.at ?? 0))).toBeLessThan(300);
    // 12 reads at 4 per 250 ms need at least two full windows.
    const spanA = (starts.a?.at(-1)?.at ?? 0) - (starts.a?.[0]?.at ?? 0);
    expect(spanA).toBeGreaterThanOrEqual(500);
  });

  it("keeps a bucket shut while paused, and survives failing tasks", async () => {
    const limiter = createRateLimiter({ windowMs: 100, safetyMarginMs: 0 });
    await expect(
      limiter.schedule("org", "read", async () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    limiter.pause("org", "read", 150);
    const before = Date.now();
    await limiter.schedule("org", "read", async () => undefined);
    expect(Date.now() - before).toBeGreaterThanOrEqual(140);
  });
});
