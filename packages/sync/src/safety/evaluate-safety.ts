import type { Plan } from "../plan/plan-types";
import { lastAdminGuard } from "./last-admin-guard";
import { listingGuard, type ListingOutcome } from "./listing-guard";
import { DEFAULT_MAX_REMOVAL_SHARE, removalShareGuard } from "./removal-share-guard";
import type { SafetyDecision } from "./safety-decision";

export interface SafetyContext {
  /** @defaultValue {@link DEFAULT_MAX_REMOVAL_SHARE} (0.2) */
  readonly maxRemovalShare?: number | undefined;
  /** How the member listing went; omitted when the caller checked it already. */
  readonly listing?: ListingOutcome | undefined;
  /** An Owner approved this plan id: a removal-share hold on exactly this plan is lifted. */
  readonly approvedPlanId?: string | undefined;
}

export interface SafetyVerdict {
  readonly verdict: "apply" | "hold" | "abort";
  /** Every guard's decision, in the order they ran. */
  readonly reasons: readonly SafetyDecision[];
  /** The plan to apply or hold: with the steps the last-Admin guard dropped taken out. */
  readonly plan: Plan;
}

/**
 * Runs the guards in order: the listing (abort wins over everything), the last-Admin guard (drops
 * steps, which may change the plan id), then the removal share on what is left. An approval lifts
 * a hold only for the exact plan id approved, never an abort.
 */
export function evaluateSafety(plan: Plan, context: SafetyContext = {}): SafetyVerdict {
  const reasons: SafetyDecision[] = [];
  if (context.listing) {
    const listing = listingGuard(context.listing);
    reasons.push(listing);
    if (listing.outcome === "abort") return { verdict: "abort", reasons, plan };
  }
  const admin = lastAdminGuard(plan);
  reasons.push(admin.decision);
  const share = removalShareGuard(admin.plan, context.maxRemovalShare ?? DEFAULT_MAX_REMOVAL_SHARE);
  reasons.push(share);
  const held = share.outcome === "hold" && context.approvedPlanId !== admin.plan.planId;
  return { verdict: held ? "hold" : "apply", reasons, plan: admin.plan };
}
