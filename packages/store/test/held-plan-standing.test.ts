// Only the newest held plan can still be approved: an older one a later hold replaced applies
// nothing, so it is neither counted as waiting nor offered for approval.
import { describe, expect, it } from "vitest";

import { heldPlanStanding, plansWaiting } from "../src/held-plans/held-plan-standing";
import type { HeldPlan } from "../src/held-plans/held-plans-store";

const owner = { type: "person", uid: "owner-1", email: "owner@acme.test" } as const;
const plan = (planId: string, createdAt: number, approvedAt?: number): HeldPlan => ({
  planId,
  createdAt,
  plan: { planId },
  removals: 3,
  share: 0.3,
  threshold: 0.2,
  ...(approvedAt === undefined ? {} : { approval: { approver: owner, approvedAt } }),
});

describe("held plan standing", () => {
  it("the newest unapproved plan waits; the ones it replaced do not", () => {
    const plans = [plan("a", 1), plan("b", 2), plan("c", 3)];
    expect(plansWaiting(plans).map((p) => p.planId)).toEqual(["c"]);
    expect(heldPlanStanding(plans[0] as HeldPlan, plans)).toEqual({
      kind: "replaced",
      by: plans[2],
    });
    expect(heldPlanStanding(plans[2] as HeldPlan, plans)).toEqual({ kind: "waiting" });
  });

  it("an approved plan is approved, and a newer plan replaces older waiting ones even when approved", () => {
    const plans = [plan("a", 1), plan("b", 2, 5)];
    expect(heldPlanStanding(plans[1] as HeldPlan, plans)).toEqual({ kind: "approved" });
    expect(heldPlanStanding(plans[0] as HeldPlan, plans).kind).toBe("replaced");
    expect(plansWaiting(plans)).toEqual([]);
    expect(plansWaiting([])).toEqual([]);
  });
});
