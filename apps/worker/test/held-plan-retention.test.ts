// Held plans are not kept forever: the worker's full runs discard (and audit) the plans approved,
// or replaced by a newer one, longer ago than HELD_PLAN_RETENTION_DAYS; the sync's clock is moved.
import { createHeldPlansStore, createSyncRunsStore } from "@lytics-access/store";
import { describe, expect, it } from "vitest";

import { ACME, allAuditEntries } from "./support/acme";
import { eventually } from "./support/worker-env";
import { useWorkerWorld } from "./support/worker-world";

const DAY = 24 * 60 * 60_000;
const world = useWorkerWorld({ startWorker: false });
const { storePrefix } = world;
let now = Date.now();

describe("held plan retention in the worker", () => {
  it("a full run discards an approved plan and a replaced one past the retention, keeping the newest waiting plan", async () => {
    await world.startWorker({
      env: {
        HELD_PLAN_RETENTION_DAYS: "7",
        MAX_REMOVAL_SHARE: "1",
        AUDIT_POLL_INTERVAL_MS: "3600000",
      },
      now: () => now,
    });
    expect(world.worker.config.heldPlanRetentionDays).toBe(7);
    const runs = createSyncRunsStore({ redis: world.redis, keyPrefix: storePrefix });
    await eventually(
      async () => (await runs.list(ACME)).length > 0 || undefined,
      "the first run",
      600,
    );

    // Plans held on the sync's clock (what the worker's own store would stamp).
    const held = createHeldPlansStore({
      redis: world.redis,
      keyPrefix: storePrefix,
      clock: { now: () => now },
    });
    const hold = (planId: string) =>
      held.hold(ACME, { planId, plan: { planId }, removals: 5, share: 0.5, threshold: 0.2 });
    const owner = {
      type: "person",
      uid: "blt_user_olivia",
      email: "olivia.owner@acme.test",
    } as const;
    await hold("plan-approved");
    await held.approve(ACME, "plan-approved", owner);
    now += DAY;
    await hold("plan-replaced");
    now += DAY;
    await hold("plan-waiting");

    const runOnce = async () => {
      const before = (await runs.list(ACME)).length;
      await world.worker.enqueuer.syncNow(ACME);
      await eventually(
        async () => (await runs.list(ACME)).length > before || undefined,
        "a full run",
        600,
      );
    };
    const ids = async () => (await held.list(ACME)).map((plan) => plan.planId);

    // Day 6: nothing was approved or replaced seven days ago yet.
    now += 4 * DAY;
    await runOnce();
    expect(await ids()).toEqual(["plan-approved", "plan-replaced", "plan-waiting"]);

    // Day 7: seven days since the approval (day 0); plan-replaced was replaced on day 2.
    now += DAY;
    await runOnce();
    expect(await ids()).toEqual(["plan-replaced", "plan-waiting"]);

    // Day 9: seven days since the replacement; the newest plan, still waiting, stays.
    now += 2 * DAY;
    await runOnce();
    expect(await ids()).toEqual(["plan-waiting"]);
    const discarded = (await allAuditEntries(world.redis, ACME, storePrefix)).filter(
      (entry) => entry.kind === "plan-discarded",
    );
    expect(discarded.map((entry) => (entry as { planId: string }).planId).sort()).toEqual([
      "plan-approved",
      "plan-replaced",
    ]);

    now += 365 * DAY;
    await runOnce();
    expect(await ids()).toEqual(["plan-waiting"]);
  }, 120_000);
});
