// Every change to who belongs to an organization goes through here, whether it comes from the CMA
// (invite, remove) or from the control API acting as an administrator (add, role change, accept).
// Each change writes one audit entry, so the organization logs endpoint sees all of them.
import { randomBytes } from "node:crypto";

import { CmaError } from "../cma/cma-error";
import { appendAudit } from "./audit-log";
import type { Membership, Organization, World } from "./world";

export interface InviteInput {
  email: string;
  org_roles: string[];
  invited_by: string;
  message?: string | null;
  /** Control API only: add the person as an accepted member straight away. */
  accepted?: boolean;
  guest?: boolean;
}

function assertRolesExist(org: Organization, roleUids: readonly string[], email: string): void {
  if (roleUids.length === 0) {
    throw new CmaError("CMA_UNPROCESSABLE", "Each user needs at least one organization role.", {
      [email]: ["needs at least one organization role"],
    });
  }
  const unknown = roleUids.filter((uid) => !org.roles.some((role) => role.uid === uid));
  if (unknown.length > 0) {
    throw new CmaError("CMA_UNPROCESSABLE", "Unknown organization role.", {
      [email]: unknown.map((uid) => `role ${uid} does not exist in this organization`),
    });
  }
}

export function findMember(org: Organization, email: string): Membership | undefined {
  const wanted = email.toLowerCase();
  return org.members.find((member) => member.email === wanted);
}

function personUidByEmail(world: World, email: string): string | null {
  const wanted = email.toLowerCase();
  for (const person of world.people.values())
    if (person.email.toLowerCase() === wanted) return person.uid;
  return null;
}

/** Validates the whole batch first, so a bad entry changes nothing. */
export function inviteMembers(
  world: World,
  org: Organization,
  inputs: readonly InviteInput[],
  now = new Date(),
): Membership[] {
  const seen = new Set<string>();
  for (const input of inputs) {
    const email = input.email.toLowerCase();
    assertRolesExist(org, input.org_roles, email);
    if (findMember(org, email) || seen.has(email)) {
      throw new CmaError("CMA_UNPROCESSABLE", "The user is already part of this organization.", {
        [email]: ["is already a member or has a pending invitation"],
      });
    }
    if (input.accepted && personUidByEmail(world, email) === null) {
      throw new CmaError("CMA_UNPROCESSABLE", "No person with this email exists.", {
        [email]: ["has no Contentstack account; invite them instead"],
      });
    }
    seen.add(email);
  }
  return inputs.map((input) => {
    const email = input.email.toLowerCase();
    const at = now.toISOString();
    const membership: Membership = {
      uid: `blt_share_${randomBytes(8).toString("hex")}`,
      email,
      user_uid: input.accepted ? personUidByEmail(world, email) : null,
      org_roles: [...input.org_roles],
      status: input.accepted ? "accepted" : "pending",
      guest: input.guest ?? false,
      invited_by: input.invited_by,
      invited_at: at,
      message: input.message ?? null,
      created_at: at,
      updated_at: at,
    };
    org.members.push(membership);
    appendAudit(
      org.audit,
      {
        event_type: "share",
        created_by: input.invited_by,
        metadata: auditMetadata(membership),
      },
      now,
    );
    return membership;
  });
}

/** Removes every listed email or none: an unknown email or the Owner aborts the whole call. */
export function removeMembers(
  org: Organization,
  emails: readonly string[],
  actorUid: string,
  now = new Date(),
): Membership[] {
  const targets = emails.map((email) => {
    const member = findMember(org, email);
    if (!member) {
      throw new CmaError("CMA_NOT_FOUND", "The user is not part of this organization.", {
        [email.toLowerCase()]: ["is not a member of this organization"],
      });
    }
    if (member.user_uid === org.owner_uid) {
      throw new CmaError("CMA_UNPROCESSABLE", "The organization owner cannot be removed.", {
        [member.email]: ["is the organization owner; transfer ownership first"],
      });
    }
    return member;
  });
  for (const member of targets) {
    org.members = org.members.filter((candidate) => candidate !== member);
    appendAudit(
      org.audit,
      {
        event_type: "unshare",
        created_by: actorUid,
        metadata: auditMetadata(member),
      },
      now,
    );
  }
  return targets;
}

export function changeRoles(
  org: Organization,
  email: string,
  roleUids: readonly string[],
  actorUid: string,
  now = new Date(),
): Membership {
  const member = findMember(org, email);
  if (!member) throw new CmaError("CMA_NOT_FOUND", "The user is not part of this organization.");
  assertRolesExist(org, roleUids, member.email);
  const previous = member.org_roles;
  member.org_roles = [...roleUids];
  member.updated_at = now.toISOString();
  appendAudit(
    org.audit,
    {
      event_type: "role_change",
      created_by: actorUid,
      metadata: { ...auditMetadata(member), previous_org_roles: [...previous] },
    },
    now,
  );
  return member;
}

/**
 * The invited person accepts. A person without a Contentstack account gets one (named after the
 * email), as signing up from the invitation email would create it.
 */
export function acceptInvitation(
  world: World,
  org: Organization,
  email: string,
  now = new Date(),
): Membership {
  const member = findMember(org, email);
  if (!member) throw new CmaError("CMA_NOT_FOUND", "There is no invitation for this email.");
  if (member.status !== "pending")
    throw new CmaError("CMA_UNPROCESSABLE", "The invitation was already accepted.");
  let userUid = personUidByEmail(world, member.email);
  if (userUid === null) {
    userUid = `blt_user_${randomBytes(6).toString("hex")}`;
    const local = member.email.split("@")[0] ?? "user";
    world.people.set(userUid, {
      uid: userUid,
      email: member.email,
      first_name: local,
      last_name: "(invited)",
      username: local,
    });
  }
  member.user_uid = userUid;
  member.status = "accepted";
  member.updated_at = now.toISOString();
  appendAudit(
    org.audit,
    {
      event_type: "accept_share",
      created_by: userUid,
      metadata: { ...auditMetadata(member), user_uid: userUid },
    },
    now,
  );
  return member;
}

/** What every membership audit entry says about the member it concerns. */
function auditMetadata(member: Membership) {
  return {
    email: member.email,
    user_uid: member.user_uid,
    share_uid: member.uid,
    org_roles: [...member.org_roles],
  };
}
