/** The guards of DESIGN §4 "Safety". */
export type GuardName = "listing" | "removal-share" | "last-admin";

/**
 * One guard's answer, naming its rule (as permissions' decisions do): `pass`, `adjust` (steps
 * dropped, the rest may proceed), `hold` (wait for an Owner's approval) or `abort` (apply nothing).
 */
export interface SafetyDecision {
  readonly guard: GuardName;
  readonly outcome: "pass" | "adjust" | "hold" | "abort";
  /** Stable rule id, cited by the audit log and the UI. */
  readonly rule:
    | "safety.listing.ok"
    | "safety.listing.failed"
    | "safety.listing.empty"
    | "safety.listing.truncated"
    | "safety.listing.owner-missing"
    | "safety.removal-share.within"
    | "safety.removal-share.exceeded"
    | "project.guard.last-admin"
    | "safety.last-admin.ok";
  readonly reason: string;
  /** Figures behind the decision (share and threshold, counts...). */
  readonly data?: Readonly<Record<string, number | string>>;
}
