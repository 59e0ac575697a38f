import type {
  DesiredStateMember,
  DesiredStateNotice,
  DesiredUser,
} from "@lytics-access/permissions";
import type { ExpiredGrant } from "./active-grants";
import type { StepWhy } from "./plan-types";

/** What is known about one person on one project when deciding why. */
export interface WhyContext {
  readonly projectId: string;
  readonly member: DesiredStateMember | undefined;
  readonly expired: readonly ExpiredGrant[];
  readonly refused: readonly DesiredStateNotice[];
}

const expiredWhy = (grant: ExpiredGrant): StepWhy => ({
  rule: "sync.grant-expired",
  text: `Collaborator grant [${grant.roles.join(", ")}] on ${grant.projectId} expired on ${grant.expiresAt}.`,
  roles: [],
});

const refusedWhy = (notice: DesiredStateNotice): StepWhy => ({
  rule: "sync.roles-refused",
  text: notice.message,
  roles: [],
});

/** Why someone gets roles: each source permissions found, plus any grant that lapsed. */
export function grantWhy(user: DesiredUser, context: WhyContext): StepWhy[] {
  return [
    ...user.sources.map((source): StepWhy => ({
      rule: source.rule,
      text: source.reason,
      source: source.kind,
      roles: source.roles,
    })),
    ...context.expired.map(expiredWhy),
    ...context.refused.map(refusedWhy),
  ];
}

/** Why nobody grants someone anything on a project: the first reason is the deciding one. */
export function removalWhy(context: WhyContext): StepWhy[] {
  const { member } = context;
  const reasons: StepWhy[] = [];
  if (!member) {
    reasons.push({
      rule: "sync.not-in-org",
      text: "Not in the organization's users (left it, or never joined): a person outside the organization is denied everything.",
      roles: [],
    });
  } else if (member.status === "pending") {
    reasons.push({
      rule: "sync.pending-invitation",
      text: "Organization invitation still pending: not a member yet, so nothing is granted.",
      roles: [],
    });
  }
  reasons.push(...context.expired.map(expiredWhy));
  reasons.push(...context.refused.map(refusedWhy));
  if (
    member &&
    member.status !== "pending" &&
    context.expired.length === 0 &&
    context.refused.length === 0
  ) {
    const who =
      member.orgRole === "guest"
        ? "Organization Guest with no grant on this project"
        : member.orgRole === "member"
          ? "Organization Member with no access level and no grant on this project"
          : `Organization ${member.orgRole} whose level writes no roles, with no grant on this project`;
    reasons.push({
      rule: "sync.no-grant",
      text: `${who}: membership of the organization alone grants nothing.`,
      roles: [],
    });
  }
  return reasons;
}
