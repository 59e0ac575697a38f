import type { SafetyDecision } from "./safety-decision";

/** What the member listing returned, or how it failed. */
export type ListingOutcome =
  | {
      readonly ok: true;
      /** People listed. */
      readonly count: number;
      /** The total the service reported alongside the listing. */
      readonly total: number;
      /** Whether the organization's Owner is among them. */
      readonly ownerPresent: boolean;
    }
  | { readonly ok: false; readonly error: string };

/**
 * DESIGN §4: a failed, empty or truncated member listing is an error, never "everyone left".
 * An organization always has its Owner, so a listing without them is damaged too. Truncated means
 * fewer (or more) people than the reported total: pages were lost or the listing moved under us.
 */
export function listingGuard(listing: ListingOutcome): SafetyDecision {
  if (!listing.ok)
    return {
      guard: "listing",
      outcome: "abort",
      rule: "safety.listing.failed",
      reason: `The member listing failed (${listing.error}); nothing is removed on a listing we could not read.`,
    };
  if (listing.count === 0)
    return {
      guard: "listing",
      outcome: "abort",
      rule: "safety.listing.empty",
      reason:
        "The member listing is empty; an organization always has its Owner, so the listing is damaged, not everyone gone.",
      data: { count: 0, total: listing.total },
    };
  if (listing.count !== listing.total)
    return {
      guard: "listing",
      outcome: "abort",
      rule: "safety.listing.truncated",
      reason: `The member listing has ${listing.count} people but reports ${listing.total}; a partial listing would read as people leaving.`,
      data: { count: listing.count, total: listing.total },
    };
  if (!listing.ownerPresent)
    return {
      guard: "listing",
      outcome: "abort",
      rule: "safety.listing.owner-missing",
      reason:
        "The organization's Owner is missing from the member listing, so the listing is damaged.",
      data: { count: listing.count, total: listing.total },
    };
  return {
    guard: "listing",
    outcome: "pass",
    rule: "safety.listing.ok",
    reason: `The member listing is complete (${listing.count} of ${listing.total}).`,
    data: { count: listing.count, total: listing.total },
  };
}
