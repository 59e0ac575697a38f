// The Lytics budget setting: Lytics publishes no limit, so the worker's own budget is a setting.
import { describe, expect, it } from "vitest";

import { DEFAULT_LYTICS_RATE_PER_SECOND, loadWorkerConfig } from "../src/config/worker-config";
import { WorkerConfigError } from "../src/config/worker-config-error";
import { testKeyring, workerEnv } from "./support/worker-env";

const env = (extra: Record<string, string> = {}) => ({
  ...workerEnv("redis://127.0.0.1:6379", undefined, testKeyring()),
  ...extra,
});

describe("LYTICS_RATE_PER_SECOND", () => {
  it("defaults to 15 requests per second", () => {
    expect(DEFAULT_LYTICS_RATE_PER_SECOND).toBe(15);
    expect(loadWorkerConfig(env()).lyticsRatePerSecond).toBe(15);
  });

  it("takes a configured budget, fractions included", () => {
    expect(loadWorkerConfig(env({ LYTICS_RATE_PER_SECOND: "8" })).lyticsRatePerSecond).toBe(8);
    expect(loadWorkerConfig(env({ LYTICS_RATE_PER_SECOND: "2.5" })).lyticsRatePerSecond).toBe(2.5);
  });

  it.each(["0.0", "-3", "fast", "5000"])(
    "refuses %s, naming the variable and not the value",
    (value) => {
      const error = (() => {
        try {
          loadWorkerConfig(env({ LYTICS_RATE_PER_SECOND: value }));
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(WorkerConfigError);
      expect((error as Error).message).toContain("LYTICS_RATE_PER_SECOND");
      expect((error as Error).message).not.toContain(value);
    },
  );
});

describe("HELD_PLAN_RETENTION_DAYS", () => {
  it("keeps approved and replaced held plans 30 days unless configured", () => {
    expect(loadWorkerConfig(env()).heldPlanRetentionDays).toBe(30);
    expect(loadWorkerConfig(env({ HELD_PLAN_RETENTION_DAYS: "7" })).heldPlanRetentionDays).toBe(7);
  });

  it.each(["0", "-1", "2.5", "a month"])("refuses %s, naming the variable", (value) => {
    expect(() => loadWorkerConfig(env({ HELD_PLAN_RETENTION_DAYS: value }))).toThrow(
      /HELD_PLAN_RETENTION_DAYS/,
    );
  });
});

describe("STORE_KEYRING", () => {
  const key = Buffer.alloc(32, 7).toString("base64");
  it.each([
    ["not JSON", "{nope", "not valid JSON"],
    [
      "a short key",
      JSON.stringify({ currentKeyId: "k1", keys: { k1: Buffer.alloc(8, 7).toString("base64") } }),
      "keys.k1: must decode to exactly 32 bytes",
    ],
    [
      "a current key id with no key",
      JSON.stringify({ currentKeyId: "k2", keys: { k1: key } }),
      "currentKeyId: currentKeyId names no key in keys",
    ],
  ])("refuses %s at start, naming the variable and never the key", (_what, value, problem) => {
    const error = (() => {
      try {
        loadWorkerConfig(env({ STORE_KEYRING: value }));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(WorkerConfigError);
    expect((error as Error).message).toContain(`STORE_KEYRING: ${problem}`);
    expect((error as Error).message).not.toContain(key);
    expect((error as Error).message).not.toContain(Buffer.alloc(8, 7).toString("base64"));
  });
});
