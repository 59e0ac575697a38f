// Where a held plan stands. An approval lifts the hold only of the plan the next run makes, when
// the ids match, so only the newest held plan can still be approved: an older one a later hold
// replaced no longer describes Lytics, and approving it would apply nothing. The web app and the
// operator command ask here, so both refuse the same plans and count the same ones as waiting.
import type { HeldPlan } from "./held-plans-store";

export type HeldPlanStanding =
  | { readonly kind: "waiting" }
  | { readonly kind: "approved" }
  | { readonly kind: "replaced"; readonly by: HeldPlan };

/** The newest plan held after `plan`, if any. */
function newerThan(plan: HeldPlan, plans: readonly HeldPlan[]): HeldPlan | undefined {
  let newest: HeldPlan | undefined;
  for (const other of plans)
    if (other.createdAt > plan.createdAt && (!newest || other.createdAt > newest.createdAt))
      newest = other;
  return newest;
}

/** How `plan` stands among the organization's held `plans`. */
export function heldPlanStanding(plan: HeldPlan, plans: readonly HeldPlan[]): HeldPlanStanding {
  if (plan.approval) return { kind: "approved" };
  const newer = newerThan(plan, plans);
  return newer ? { kind: "replaced", by: newer } : { kind: "waiting" };
}

/** The plans still waiting for an Owner: at most one, the newest, when it is not approved. */
export function plansWaiting(plans: readonly HeldPlan[]): HeldPlan[] {
  return plans.filter((plan) => heldPlanStanding(plan, plans).kind === "waiting");
}
