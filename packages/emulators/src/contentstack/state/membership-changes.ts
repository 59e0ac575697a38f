// Every change to who belongs to an organization goes through here, whether it comes from the CMA
// (invite, remove, transfer ownership) or from the control API acting as an administrator (add,
// role change, accept). Each change writes one audit item that logs the API call as the service
// does: its request body and its response body (docs/contentstack-shapes.md "Audit log").
import { randomBytes } from "node:crypto";

import { CmaError } from "../cma/cma-error";
import { toWireShare } from "../cma/share-view";
import { appendAudit, localOrigin, type AuditOrigin } from "./audit-log";
import type { Membership, Organization, World } from "./world";

export const INVITE_NOTICE = "The invitation has been sent successfully.";
export const REMOVE_NOTICE = "The invitation has been deleted successfully.";
export const ROLES_NOTICE = "The user roles have been updated successfully.";
export const ACCEPT_NOTICE = "The invitation has been accepted successfully.";
export const TRANSFER_NOTICE = "The organization ownership has been transferred successfully.";

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
  origin: AuditOrigin = localOrigin(),
  now = origin.at ?? new Date(),
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
  const invited = inputs.map((input) => {
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
    return membership;
  });
  const first = inputs[0];
  if (first) {
    // One item per call, as `POST /share` is one call: the request names every email with its
    // role uids, the response holds the new share objects.
    const message = first.message ?? null;
    appendAudit(
      org.audit,
      org.uid,
      {
        module: "user",
        event_type: "share",
        created_by: first.invited_by,
        metadata: { title: invited.map((member) => member.email).join(", ") },
        request: {
          share: {
            users: Object.fromEntries(invited.map((member) => [member.email, member.org_roles])),
            ...(message ? { message } : {}),
          },
        },
        response: {
          notice: INVITE_NOTICE,
          shares: invited.map((member) => toWireShare(org, member)),
        },
      },
      origin,
      now,
    );
  }
  return invited;
}

/** Removes every listed email or none: an unknown email or the Owner aborts the whole call. */
export function removeMembers(
  org: Organization,
  emails: readonly string[],
  actorUid: string,
  origin: AuditOrigin = localOrigin(),
  now = origin.at ?? new Date(),
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
  const removedShares = targets.map((member) => toWireShare(org, member));
  org.members = org.members.filter((candidate) => !targets.includes(candidate));
  appendAudit(
    org.audit,
    org.uid,
    {
      module: "user",
      event_type: "unshare",
      created_by: actorUid,
      metadata: { title: targets.map((member) => member.email).join(", ") },
      request: { emails: targets.map((member) => member.email) },
      response: { notice: REMOVE_NOTICE, shares: removedShares },
    },
    origin,
    now,
  );
  return targets;
}

export function changeRoles(
  org: Organization,
  email: string,
  roleUids: readonly string[],
  actorUid: string,
  origin: AuditOrigin = localOrigin(),
  now = origin.at ?? new Date(),
): Membership {
  const member = findMember(org, email);
  if (!member) throw new CmaError("CMA_NOT_FOUND", "The user is not part of this organization.");
  assertRolesExist(org, roleUids, member.email);
  const previous = member.org_roles;
  member.org_roles = [...roleUids];
  member.updated_at = now.toISOString();
  // The request carries the new roles, as a re-share of the user does; the roles it replaced are
  // in the metadata (the response only shows the share as it now is).
  appendAudit(
    org.audit,
    org.uid,
    {
      module: "user",
      event_type: "role_change",
      created_by: actorUid,
      metadata: { title: member.email, share_uid: member.uid, previous_org_roles: [...previous] },
      request: { share: { users: { [member.email]: [...member.org_roles] } } },
      response: { notice: ROLES_NOTICE, shares: [toWireShare(org, member)] },
    },
    origin,
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
  origin: AuditOrigin = localOrigin(),
  now = origin.at ?? new Date(),
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
  // Accepting follows the emailed link: the call has no body, the response shows the share.
  appendAudit(
    org.audit,
    org.uid,
    {
      module: "user",
      event_type: "accept_share",
      created_by: userUid,
      metadata: { title: member.email, share_uid: member.uid },
      request: {},
      response: { notice: ACCEPT_NOTICE, shares: [toWireShare(org, member)] },
    },
    origin,
    now,
  );
  return member;
}

/**
 * `POST /transfer-ownership {transfer_to}`: the named accepted member becomes the Owner at once
 * (the emulator skips the acceptance email). Both keep an Admin role, so the former Owner stays an
 * administrator. Only the current Owner may do it (checked by the caller).
 */
export function transferOwnership(
  org: Organization,
  email: string,
  origin: AuditOrigin = localOrigin(),
  now = origin.at ?? new Date(),
): Membership {
  const target = findMember(org, email);
  if (!target || target.status !== "accepted" || target.user_uid === null) {
    throw new CmaError("CMA_UNPROCESSABLE", "Ownership can only go to an accepted member.", {
      transfer_to: ["is not an accepted member of this organization"],
    });
  }
  if (target.user_uid === org.owner_uid) {
    throw new CmaError("CMA_UNPROCESSABLE", "This user already owns the organization.", {
      transfer_to: ["is already the organization owner"],
    });
  }
  const adminRole = org.roles.find((role) => role.admin);
  const previousOwnerUid = org.owner_uid;
  const at = now.toISOString();
  org.owner_uid = target.user_uid;
  if (adminRole) {
    for (const member of org.members) {
      if (member !== target && member.user_uid !== previousOwnerUid) continue;
      if (!member.org_roles.includes(adminRole.uid)) {
        member.org_roles = [adminRole.uid];
        member.updated_at = at;
      }
    }
  }
  appendAudit(
    org.audit,
    org.uid,
    {
      module: "organization",
      event_type: "transfer_ownership",
      created_by: previousOwnerUid,
      metadata: {
        title: org.name,
        uid: org.uid,
        owner_uid: target.user_uid,
        previous_owner_uid: previousOwnerUid,
      },
      request: { transfer_to: target.email },
      response: { notice: TRANSFER_NOTICE },
    },
    origin,
    now,
  );
  return target;
}
