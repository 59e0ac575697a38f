// Held plans are not kept forever: an approved plan, or one a newer hold replaced, is discarded
// once the retention has passed since then; the newest plan still waiting is kept whatever its age.
import { describe, expect, it } from "vitest";

import { createAuditLogStore } from "../src/audit-log/audit-log-store";
import { InvalidInputError } from "../src/errors/invalid-input-error";
import {
  DEFAULT_HELD_PLAN_RETENTION,
  heldPlansPastRetention,
} from "../src/held-plans/held-plan-retention";
import { createHeldPlansStore, type HeldPlan } from "../src/held-plans/held-plans-store";
import { isolation, manualClock, useRedis } from "./support/test-redis";

const redis = useRedis();
const DAY = 24 * 60 * 60_000;
const owner = { type: "person", uid: "owner-1", email: "owner@acme.test" } as const;

function setup(retentionDays?: number) {
  const { keyPrefix, orgUid } = isolation();
  const clock = manualClock();
  const auditLog = createAuditLogStore({ redis, clock, keyPrefix });
  const held = createHeldPlansStore({
    redis,
    clock,
    keyPrefix,
    auditLog,
    ...(retentionDays === undefined ? {} : { retention: { maxAgeMs: retentionDays * DAY } }),
  });
  const hold = (planId: string) =>
    held.hold(orgUid, { planId, plan: { planId }, removals: 3, share: 0.3, threshold: 0.2 });
  const ids = async () => (await held.list(orgUid)).map((plan) => plan.planId);
  return { orgUid, clock, auditLog, held, hold, ids };
}

describe("held plan retention", () => {
  it("keeps 30 days by default", () => {
    expect(DEFAULT_HELD_PLAN_RETENTION.maxAgeMs).toBe(30 * DAY);
  });

  it("discards an approved plan once the retention has passed since its approval, and audits it", async () => {
    const { orgUid, clock, auditLog, held, hold, ids } = setup();
    await hold("plan-a");
    clock.advance(2 * DAY);
    await held.approve(orgUid, "plan-a", owner);

    clock.advance(30 * DAY - 1);
    expect(await held.prune(orgUid)).toEqual([]);
    expect(await ids()).toEqual(["plan-a"]);

    clock.advance(1);
    expect(await held.prune(orgUid)).toEqual(["plan-a"]);
    expect(await ids()).toEqual([]);
    expect(await held.get(orgUid, "plan-a")).toBeNull();
    const discarded = await auditLog.read(orgUid, { kinds: ["plan-discarded"] });
    expect(discarded.entries).toMatchObject([
      { planId: "plan-a", actor: { type: "system", name: "held-plan-retention" } },
    ]);
    // Nothing left to discard, nothing audited twice.
    expect(await held.prune(orgUid)).toEqual([]);
    expect((await auditLog.read(orgUid, { kinds: ["plan-discarded"] })).entries).toHaveLength(1);
  });

  it("discards a plan a newer hold replaced, counted from the newer plan; keeps the newest waiting one however old", async () => {
    const { orgUid, clock, held, hold, ids } = setup();
    await hold("plan-old");
    clock.advance(10 * DAY);
    await hold("plan-new");

    // 30 days after plan-old was held, but only 20 since it was replaced.
    clock.advance(20 * DAY);
    expect(await held.prune(orgUid)).toEqual([]);

    clock.advance(10 * DAY);
    expect(await held.prune(orgUid)).toEqual(["plan-old"]);
    expect(await ids()).toEqual(["plan-new"]);

    // The newest plan still waits for an Owner: a year on, it is still there to approve.
    clock.advance(365 * DAY);
    expect(await held.prune(orgUid)).toEqual([]);
    expect(await ids()).toEqual(["plan-new"]);
  });

  it("takes the retention from its options", async () => {
    const { orgUid, clock, held, hold } = setup(1);
    await hold("plan-a");
    await held.approve(orgUid, "plan-a", owner);
    clock.advance(DAY);
    expect(await held.prune(orgUid)).toEqual(["plan-a"]);
  });

  it("refuses a retention that is not a duration", () => {
    expect(() => createHeldPlansStore({ redis, retention: { maxAgeMs: -1 } })).toThrow(
      InvalidInputError,
    );
    expect(() => createHeldPlansStore({ redis, retention: { maxAgeMs: Number.NaN } })).toThrow(
      InvalidInputError,
    );
  });

  it("decides from approvals and later holds only (pure)", () => {
    const plan = (planId: string, createdAt: number, approvedAt?: number): HeldPlan => ({
      planId,
      plan: {},
      removals: 1,
      share: 0.5,
      threshold: 0.2,
      createdAt,
      ...(approvedAt === undefined ? {} : { approval: { approver: owner, approvedAt } }),
    });
    const plans = [plan("a", 0, 5), plan("b", 1), plan("c", 3), plan("d", 4)];
    // a: approved at 5; b: replaced by c at 3; c: replaced by d at 4; d: newest, waiting.
    expect(heldPlansPastRetention(plans, 13, { maxAgeMs: 10 }).sort()).toEqual(["b"]);
    expect(heldPlansPastRetention(plans, 14, { maxAgeMs: 10 }).sort()).toEqual(["b", "c"]);
    expect(heldPlansPastRetention(plans, 15, { maxAgeMs: 10 }).sort()).toEqual(["a", "b", "c"]);
    expect(heldPlansPastRetention(plans, 1e9, { maxAgeMs: 10 }).sort()).toEqual(["a", "b", "c"]);
  });
});
