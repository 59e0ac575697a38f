import "server-only";

import type { HeldPlan } from "@lytics-access/store";
import { planToDiffJson, removalShareGuard, type Plan, type PlanDiff } from "@lytics-access/sync";

/** A held plan as the Sync page shows it: what it would do, and why it waits. */
export interface HeldPlanView {
  readonly planId: string;
  readonly createdAt: number;
  readonly removals: number;
  readonly share: number;
  readonly threshold: number;
  /** The safety guard that held it, its rule and its explanation in words. */
  readonly heldBy: { readonly guard: string; readonly rule: string; readonly reason: string };
  readonly approval: { readonly by: string; readonly at: number } | null;
  /** The plan as a diff; null when the stored plan is not one this version can read. */
  readonly diff: PlanDiff | null;
}

function isPlan(value: unknown): value is Plan {
  const plan = value as Partial<Plan> | null;
  return (
    typeof plan === "object" &&
    plan !== null &&
    Array.isArray(plan.steps) &&
    Array.isArray(plan.projects) &&
    typeof plan.summary === "object"
  );
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * Only the removal-share guard holds plans (DESIGN §4; packages/sync `evaluateSafety`), so its
 * explanation is asked again of the guard with the threshold the plan was held under.
 */
export function heldPlanView(held: HeldPlan): HeldPlanView {
  const plan = isPlan(held.plan) ? held.plan : null;
  const guard = plan ? removalShareGuard(plan, held.threshold) : null;
  const approver = held.approval?.approver;
  return {
    planId: held.planId,
    createdAt: held.createdAt,
    removals: held.removals,
    share: held.share,
    threshold: held.threshold,
    heldBy: {
      guard: "removal-share",
      rule: guard?.rule ?? "safety.removal-share.exceeded",
      reason:
        guard?.reason ??
        `The plan removes ${held.removals} Lytics users (${percent(held.share)}), more than the ${percent(held.threshold)} allowed without an Owner's approval.`,
    },
    approval:
      held.approval && approver
        ? {
            by: approver.type === "person" ? (approver.email ?? approver.uid) : approver.name,
            at: held.approval.approvedAt,
          }
        : null,
    diff: plan ? planToDiffJson(plan) : null,
  };
}
