import { decide, type Decision } from "../decision";
import type { OrgStanding } from "../policy/access-levels";

/**
 * Organization actions that belong to the Owner alone: the decisions the Owner answers for in
 * DESIGN §3.1 and §4. An Admin may see what each is about (the sync, the policy, the review), but
 * may not take it.
 */
export const OWNER_ONLY_ACTIONS = [
  "sync.approve-held-plan",
  "policy.edit",
  "review.sign-off",
] as const;

/** An Owner-only action id. */
export type OwnerOnlyAction = (typeof OWNER_ONLY_ACTIONS)[number];

const WHAT: Readonly<Record<OwnerOnlyAction, { may: string; source: string; others: string }>> = {
  "sync.approve-held-plan": {
    may: "approve a plan the sync held for removing too many people",
    source: "DESIGN §4",
    others: "Admins see held plans and their reasons",
  },
  "policy.edit": {
    may: "change the mapping policy",
    source: "DESIGN §3.1",
    others: "Admins may view it and preview a change",
  },
  "review.sign-off": {
    may: "sign off an access review",
    source: "DESIGN §5",
    others: "Admins may review and export it",
  },
};

const STANDING_LABEL: Readonly<Record<OrgStanding, string>> = {
  owner: "the organization's Owner",
  admin: "an organization Admin",
  member: "an organization Member",
  guest: "an organization Guest",
  none: "not in the organization",
};

export function isOwnerOnlyAction(action: string): action is OwnerOnlyAction {
  return (OWNER_ONLY_ACTIONS as readonly string[]).includes(action);
}

/**
 * Decides an Owner-only action by the organization role alone: project ownership and project
 * roles never count, since none of these acts on one project.
 */
export function evaluateOwnerOnlyAction(orgRole: OrgStanding, action: OwnerOnlyAction): Decision {
  const { may, source, others } = WHAT[action];
  if (orgRole === "owner")
    return decide(true, "org-role", "org.owner-only", [
      `${action} is allowed: the organization's Owner may ${may} (${source}), and this person is the Owner.`,
    ]);
  return decide(false, "org-role", "org.owner-only", [
    `${action} is denied: only the organization's Owner may ${may} (${source}); this person is ${STANDING_LABEL[orgRole]}.`,
    ...(orgRole === "admin" ? [`${others}.`] : []),
  ]);
}
