import type { OrgStanding } from "../policy/access-levels";

/** What the Contentstack organization says about one person (DESIGN §3.1, "who counts as what"). */
export interface OrgUserFacts {
  readonly uid: string;
  /** The organization's `owner_uid`. */
  readonly orgOwnerUid: string;
  /** False when the person is absent from the organization's users. */
  readonly present: boolean;
  /** True while the person's invitation has not been accepted. */
  readonly invitationPending?: boolean | undefined;
  /** True when one of the person's organization role uids is the Admin role. */
  readonly hasAdminRole?: boolean | undefined;
  /** True when the organization marks the person as a guest or collaborator. */
  readonly isGuest?: boolean | undefined;
}

/** How a person counts in the organization, and why. */
export interface OrgStandingAnswer {
  readonly standing: OrgStanding;
  /** True when `standing` is `none` because of a pending invitation (grants are orphaned, not lost). */
  readonly pending: boolean;
  readonly reasons: readonly string[];
}

/**
 * Classifies a person: the Owner is the org's `owner_uid` (the Owner is not in the roles list);
 * Admin and Member come from org role uids; a Guest is a user marked guest/collaborator. A pending
 * invitation is not a member yet, and someone absent is nobody: both count as `none`.
 */
export function orgStandingOf(facts: OrgUserFacts): OrgStandingAnswer {
  if (!facts.present)
    return {
      standing: "none",
      pending: false,
      reasons: ["Absent from the organization's users: counts as nobody."],
    };
  if (facts.invitationPending)
    return {
      standing: "none",
      pending: true,
      reasons: [
        "Invitation pending: not a member yet, so nothing is granted; existing grants are kept but not enforced.",
      ],
    };
  if (facts.uid === facts.orgOwnerUid)
    return {
      standing: "owner",
      pending: false,
      reasons: ["Is the organization's owner_uid: organization Owner."],
    };
  if (facts.hasAdminRole)
    return { standing: "admin", pending: false, reasons: ["Holds the organization Admin role."] };
  if (facts.isGuest)
    return {
      standing: "guest",
      pending: false,
      reasons: ["Marked as a guest / collaborator of the organization."],
    };
  return {
    standing: "member",
    pending: false,
    reasons: ["Organization user without the Admin role: Member."],
  };
}
