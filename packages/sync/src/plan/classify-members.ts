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

/**
 * Members indexed by plan key and by email, to match Lytics users listed by either. Each member
 * has a slot (their position), so a project can keep per-person marks in one typed array instead
 * of a map per project; the email index is built only when a Lytics user is not found by uid (an
 * open invitation, someone outside the organization).
 */
export class MemberIndex {
  private readonly slots = new Map<string, number>();
  private emails: Map<string, number> | undefined;

  constructor(readonly list: readonly DesiredStateMember[]) {
    // The last listing of a key wins (permissions refuses duplicates before this is used).
    list.forEach((member, slot) => this.slots.set(member.uid, slot));
  }

  get size(): number {
    return this.list.length;
  }

  /** The slot of the member with this plan key. */
  slotOf(key: string): number | undefined {
    return this.slots.get(key);
  }

  /** The slot of the member with this (normalised) email; the last listed wins. */
  slotOfEmail(email: string): number | undefined {
    if (!this.emails) {
      this.emails = new Map();
      for (let slot = 0; slot < this.list.length; slot += 1) {
        const address = this.list[slot]?.email;
        if (address !== undefined) this.emails.set(address, slot);
      }
    }
    return this.emails.get(email);
  }

  /** The member with this plan key. */
  byKey(key: string): DesiredStateMember | undefined {
    const slot = this.slots.get(key);
    return slot === undefined ? undefined : this.list[slot];
  }

  /** The member with this (normalised) email. */
  byEmail(email: string): DesiredStateMember | undefined {
    const slot = this.slotOfEmail(email);
    return slot === undefined ? undefined : this.list[slot];
  }
}

export function indexMembers(members: readonly DesiredStateMember[]): MemberIndex {
  return new MemberIndex(members);
}
