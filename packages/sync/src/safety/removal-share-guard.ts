import type { Plan } from "../plan/plan-types";
import type { SafetyDecision } from "./safety-decision";

/** @defaultValue 0.2, like the accidental-deletion guards of identity provisioning services. */
export const DEFAULT_MAX_REMOVAL_SHARE = 0.2;

/**
 * DESIGN §4: hold a plan that would take access away from more than `maxRemovalShare` of the
 * organization's distinct Lytics users, until an Owner approves it. Counted in people (anyone
 * removed from at least one project), against everyone on any project now, whatever the plan's
 * scope: a targeted plan for one person in a three-person organization is a third of it.
 */
export function removalShareGuard(
  plan: Plan,
  maxRemovalShare: number = DEFAULT_MAX_REMOVAL_SHARE,
): SafetyDecision {
  const removed = plan.summary.peopleLosingAccess;
  const total = plan.summary.lyticsUsersTotal;
  const share = total === 0 ? 0 : removed / total;
  const data = { removed, total, share: Number(share.toFixed(4)), threshold: maxRemovalShare };
  if (share > maxRemovalShare)
    return {
      guard: "removal-share",
      outcome: "hold",
      rule: "safety.removal-share.exceeded",
      reason: `The plan removes ${removed} of ${total} Lytics users (${(share * 100).toFixed(1)}%), more than the ${(maxRemovalShare * 100).toFixed(1)}% allowed without an Owner's approval.`,
      data,
    };
  return {
    guard: "removal-share",
    outcome: "pass",
    rule: "safety.removal-share.within",
    reason: `The plan removes ${removed} of ${total} Lytics users (${(share * 100).toFixed(1)}%), within the ${(maxRemovalShare * 100).toFixed(1)}% threshold.`,
    data,
  };
}
