import { describe, expect, it } from "vitest";

import { createAppliedStepsStore } from "../src/applied-steps/applied-steps-store";
import { createAuditLogStore } from "../src/audit-log/audit-log-store";
import { AlreadyExistsError } from "../src/errors/already-exists-error";
import { NotFoundError } from "../src/errors/not-found-error";
import { PlanAlreadyDecidedError } from "../src/errors/plan-already-decided-error";
import { createHeldPlansStore } from "../src/held-plans/held-plans-store";
import type { AuditEntryInput } from "../src/audit-log/audit-entry";
import { createKeys } from "../src/keys";
import { isolation, lapseNow, manualClock, useRedis } from "./support/test-redis";

const redis = useRedis();

function setup(leaseMs = 60_000) {
  const { keyPrefix, orgUid } = isolation();
  const clock = manualClock(Date.now());
  const auditLog = createAuditLogStore({ redis, clock, keyPrefix });
  return {
    orgUid,
    keys: createKeys(keyPrefix),
    clock,
    auditLog,
    steps: createAppliedStepsStore({ redis, clock, keyPrefix, auditLog, timings: { leaseMs } }),
    held: createHeldPlansStore({ redis, clock, keyPrefix, auditLog }),
  };
}

const applied: AuditEntryInput = {
  kind: "change-applied",
  actor: { type: "system", name: "sync" },
  projectUid: "p1",
  person: { email: "a@x.test" },
  change: "remove",
  beforeRoles: ["observer"],
  afterRoles: [],
  why: { rules: ["not-in-organization"], text: "left the organization" },
  runId: "run-1",
  stepId: "s1",
};

describe("applied steps", () => {
  it("claims a step once, and a done step is never applied or audited again", async () => {
    const { steps, orgUid, auditLog } = setup();
    const claims = await Promise.all([
      steps.claim(orgUid, "plan1", "s1"),
      steps.claim(orgUid, "plan1", "s1"),
    ]);
    expect(claims.map((c) => c.status).sort()).toEqual(["busy", "claimed"]);
    expect(await steps.isDone(orgUid, "plan1", "s1")).toBe(false);

    // Two finishers (a retried job and the original): one marker, one audit entry.
    const finished = await Promise.all([
      steps.markDone(orgUid, "plan1", "s1", { audit: applied }),
      steps.markDone(orgUid, "plan1", "s1", { audit: applied }),
    ]);
    expect(finished.sort()).toEqual([false, true]);
    expect(await steps.isDone(orgUid, "plan1", "s1")).toBe(true);
    expect(await steps.claim(orgUid, "plan1", "s1")).toEqual({ status: "done" });
    expect((await auditLog.read(orgUid)).entries).toHaveLength(1);
  });

  it("a crashed worker's claim lapses, so the next run can finish the step", async () => {
    const { steps, orgUid, keys } = setup(60_000);
    expect((await steps.claim(orgUid, "plan1", "s2")).status).toBe("claimed");
    // ...the worker is killed here, before markDone.
    expect((await steps.claim(orgUid, "plan1", "s2")).status).toBe("busy");
    // The lease runs out (Redis expiry, no later than the lease) without the test waiting for it.
    await lapseNow(redis, keys.step(orgUid, "plan1", "s2"), 60_000);
    expect((await steps.claim(orgUid, "plan1", "s2")).status).toBe("claimed");
    expect(await steps.markDone(orgUid, "plan1", "s2")).toBe(true);
  });

  it("an invalid audit entry writes neither the marker nor the entry", async () => {
    const { steps, orgUid, auditLog } = setup();
    await expect(
      steps.markDone(orgUid, "plan1", "s3", {
        audit: { ...applied, change: "explode" } as unknown as AuditEntryInput,
      }),
    ).rejects.toThrow(/audit entry/);
    expect(await steps.isDone(orgUid, "plan1", "s3")).toBe(false);
    expect((await auditLog.read(orgUid)).entries).toEqual([]);
  });
});

describe("held plans", () => {
  it("holds, lists and approves a plan exactly once, auditing the approval", async () => {
    const { held, orgUid, clock, auditLog } = setup();
    const plan = { steps: [{ kind: "remove", email: "a@x.test" }] };
    const h = await held.hold(orgUid, {
      planId: "plan-7",
      plan,
      removals: 30,
      share: 0.3,
      threshold: 0.2,
    });
    expect(h).toMatchObject({ planId: "plan-7", createdAt: clock.now(), plan });
    await expect(
      held.hold(orgUid, { planId: "plan-7", plan, removals: 1, share: 0.3, threshold: 0.2 }),
    ).rejects.toThrow(AlreadyExistsError);
    expect((await held.list(orgUid)).map((p) => p.planId)).toEqual(["plan-7"]);

    const owner = { type: "person", uid: "owner-1", email: "owner@acme.test" } as const;
    const other = { type: "person", uid: "owner-2" } as const;
    const outcomes = await Promise.allSettled([
      held.approve(orgUid, "plan-7", owner),
      held.approve(orgUid, "plan-7", other),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(PlanAlreadyDecidedError);
    const approved = await held.get(orgUid, "plan-7");
    expect(approved?.approval?.approvedAt).toBe(clock.now());
    const audit = await auditLog.read(orgUid, { kinds: ["plan-approved"] });
    expect(audit.entries).toHaveLength(1);

    await expect(held.approve(orgUid, "nope", owner)).rejects.toThrow(NotFoundError);
    expect(await held.discard(orgUid, "plan-7")).toBe(true);
    expect(await held.discard(orgUid, "plan-7")).toBe(false);
    expect(await held.get(orgUid, "plan-7")).toBeNull();
    expect((await auditLog.read(orgUid, { kinds: ["plan-discarded"] })).entries).toHaveLength(1);
  });

  it("validates a held plan's numbers", async () => {
    const { held, orgUid } = setup();
    await expect(
      held.hold(orgUid, { planId: "p", plan: {}, removals: 1, share: 1.5, threshold: 0.2 }),
    ).rejects.toThrow(/share/);
  });
});
