// How long a held plan is kept once nobody needs to act on it any more. A plan waiting for an
// Owner is kept for as long as it is the organization's newest; an approved plan stays in view
// (with who approved it) for a while after it was applied; a plan a later hold replaced can no
// longer be applied (an approval only applies the plan the next run makes, when ids match), so it
// is kept only as a record. Neither is kept forever.
import type { HeldPlan } from "./held-plans-store";

/** Retention of decided and superseded held plans. */
export interface HeldPlanRetention {
  /** How long after its approval, or after a newer plan replaced it, a plan is kept (ms). */
  readonly maxAgeMs: number;
}

/** 30 days: a month of approvals and replaced plans stays readable in the store. */
export const DEFAULT_HELD_PLAN_RETENTION: HeldPlanRetention = Object.freeze({
  maxAgeMs: 30 * 24 * 60 * 60_000,
});

/**
 * When a plan stopped waiting: its approval, else the creation of the next plan held after it;
 * null for the newest plan not yet approved (still waiting for an Owner).
 */
function decidedAt(plan: HeldPlan, newer: readonly HeldPlan[]): number | null {
  if (plan.approval) return plan.approval.approvedAt;
  let next: number | null = null;
  for (const other of newer)
    if (other.createdAt > plan.createdAt && (next === null || other.createdAt < next))
      next = other.createdAt;
  return next;
}

/** The ids of the plans past retention at `now` (epoch ms). */
export function heldPlansPastRetention(
  plans: readonly HeldPlan[],
  now: number,
  retention: HeldPlanRetention,
): string[] {
  const cutoff = now - retention.maxAgeMs;
  return plans
    .filter((plan) => {
      const at = decidedAt(plan, plans);
      return at !== null && at <= cutoff;
    })
    .map((plan) => plan.planId);
}
