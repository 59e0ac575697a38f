import { describe, expect, it } from "vitest";

import { InvalidInputError } from "../src/errors/invalid-input-error";
import { LockNotHeldError } from "../src/errors/lock-not-held-error";
import { createRunLockStore } from "../src/sync-runs/run-lock";
import type { SyncRun } from "../src/sync-runs/sync-run";
import { createSyncRunsStore } from "../src/sync-runs/sync-runs-store";
import { createKeys } from "../src/keys";
import { isolation, lapseNow, useRedis } from "./support/test-redis";

const redis = useRedis();

function run(i: number, overrides: Partial<SyncRun> = {}): SyncRun {
  return {
    runId: `run-${i}`,
    trigger: "scheduled",
    startedAt: 1000 * i,
    finishedAt: 1000 * i + 250,
    durationMs: 250,
    outcome: "no-changes",
    counts: { invites: 0, roleChanges: 0, removals: 0, failed: 0, calls: 4 },
    ...overrides,
  };
}

describe("sync runs", () => {
  it("keeps the newest runs up to the cap, newest first", async () => {
    const { keyPrefix, orgUid } = isolation();
    const runs = createSyncRunsStore({ redis, keyPrefix, historyLimit: 5 });
    expect(await runs.latest(orgUid)).toBeNull();
    for (let i = 1; i <= 8; i += 1) await runs.record(orgUid, run(i));
    await runs.record(
      orgUid,
      run(9, { outcome: "failed", error: "lytics 503", trigger: "person" }),
    );
    const listed = await runs.list(orgUid);
    expect(listed.map((r) => r.runId)).toEqual(["run-9", "run-8", "run-7", "run-6", "run-5"]);
    expect(await runs.latest(orgUid)).toMatchObject({ outcome: "failed", error: "lytics 503" });
    expect(await runs.list(orgUid, { limit: 2 })).toHaveLength(2);
    await expect(runs.record(orgUid, run(10, { outcome: "exploded" as "failed" }))).rejects.toThrow(
      InvalidInputError,
    );
    await expect(runs.record(orgUid, run(10, { finishedAt: 0 }))).rejects.toThrow(/finishedAt/);
  });
});

describe("run lock", () => {
  it("lets one worker at a time hold an organization, and another organization is independent", async () => {
    const { keyPrefix, orgUid } = isolation();
    const locks = createRunLockStore({ redis, keyPrefix });
    const attempts = await Promise.all([
      locks.acquire(orgUid),
      locks.acquire(orgUid),
      locks.acquire(orgUid),
    ]);
    expect(attempts.filter((lock) => lock !== null)).toHaveLength(1);
    expect(await locks.acquire(`${orgUid}b`)).not.toBeNull();
    const held = attempts.find((lock) => lock !== null);
    await held?.extend(30_000);
    expect(await held?.release()).toBe(true);
    expect(await held?.release()).toBe(false);
    expect(await locks.isLocked(orgUid)).toBe(false);
    expect(await locks.acquire(orgUid)).not.toBeNull();
  });

  it("an expired lock taken by another worker cannot be extended or released by the old holder", async () => {
    const { keyPrefix, orgUid } = isolation();
    const locks = createRunLockStore({ redis, keyPrefix });
    const first = await locks.acquire(orgUid, { ttlMs: 10_000 });
    // The lock runs out (Redis expiry, no later than its TTL) without the test waiting for it.
    await lapseNow(redis, createKeys(keyPrefix).runLock(orgUid), 10_000);
    const second = await locks.acquire(orgUid, { ttlMs: 10_000 });
    expect(second).not.toBeNull();
    await expect(first?.extend()).rejects.toThrow(LockNotHeldError);
    expect(await first?.release()).toBe(false);
    expect(await locks.isLocked(orgUid)).toBe(true);
    await second?.release();
  });
});
