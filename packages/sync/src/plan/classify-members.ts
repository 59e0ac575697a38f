import type { DesiredStateMember } from "@lytics-access/permissions";
import type { PlanMember } from "./plan-input";
import { memberKey, normalizeEmail } from "./person-key";

/**
 * The listing's people as permissions counts them (DESIGN §3.1): the Owner is the organization's
 * `owner_uid` (whatever role the record says), a Member marked guest/collaborator is a Guest, and
 * a pending invitation keeps its role but gets nothing until accepted.
 */
export function toDesiredStateMember(member: PlanMember, ownerUid: string): DesiredStateMember {
  const orgRole =
    member.uid !== null && member.uid === ownerUid
      ? "owner"
      : member.orgRole === "owner"
        ? // Only owner_uid is the Owner: a record claiming it otherwise gets no more than a Member.
          "member"
        : member.isGuest && member.orgRole === "member"
          ? "guest"
          : member.orgRole;
  return {
    uid: memberKey(member),
    email: normalizeEmail(member.email),
    orgRole,
    status: member.status,
    grantedLevel: member.grantedLevel ?? null,
  };
}

/** Members indexed by plan key and by email, to match Lytics users listed by either. */
export interface MemberIndex {
  readonly byKey: ReadonlyMap<string, DesiredStateMember>;
  readonly byEmail: ReadonlyMap<string, DesiredStateMember>;
}

export function indexMembers(members: readonly DesiredStateMember[]): MemberIndex {
  const byKey = new Map<string, DesiredStateMember>();
  const byEmail = new Map<string, DesiredStateMember>();
  for (const member of members) {
    byKey.set(member.uid, member);
    if (member.email !== undefined) byEmail.set(member.email, member);
  }
  return { byKey, byEmail };
}
