import "server-only";

import { ForbiddenError, type OrgMember } from "@lytics-access/contentstack";
import type { SessionPerson } from "@lytics-access/store";

import { organizationToken } from "./org-credential";
import type { Services } from "./services";

/** The person is not (or no longer) an accepted user of the organization. */
export class NotInOrganizationError extends Error {
  readonly code = "NOT_IN_ORGANIZATION";
  constructor(readonly reason: string) {
    super(reason);
    this.name = "NotInOrganizationError";
  }
}

type Standing = SessionPerson["role"];

/** The person's share among the organization's users, or "refused" when the token may not list them. */
async function shareOf(
  svc: Services,
  orgUid: string,
  accessToken: string,
  user: { uid: string; email: string },
): Promise<OrgMember | null | "refused"> {
  try {
    const found = await svc.contentstackAs(orgUid, accessToken).searchMembersByEmail([user.email]);
    return found.find((candidate) => candidate.userUid === user.uid) ?? null;
  } catch (error) {
    if (error instanceof ForbiddenError) return "refused";
    throw error;
  }
}

/**
 * The organization's users listing, read with the organization's connected credential (the sync's
 * Owner/Admin grant) when there is one, else with the person's own token (Contentstack lets only
 * Owners and Admins list users). "unreadable" when neither may. A failure of the organization's
 * credential is never the person's: it falls through to their own token.
 */
async function listedShare(
  svc: Services,
  orgUid: string,
  ownToken: string,
  user: { uid: string; email: string },
): Promise<OrgMember | null | "unreadable"> {
  let orgToken: string | null = null;
  try {
    orgToken = await organizationToken(svc, orgUid);
  } catch {
    // Not usable now (refresh refused, store unreachable): the person's own token may still do.
  }
  if (orgToken) {
    try {
      const share = await shareOf(svc, orgUid, orgToken, user);
      if (share !== "refused") return share;
    } catch {
      // The organization's credential failed (revoked, Contentstack hiccup): try the person's.
    }
  }
  const own = await shareOf(svc, orgUid, ownToken, user);
  return own === "refused" ? "unreadable" : own;
}

/**
 * Who the token's owner is in the organization, read from Contentstack on the server, never from
 * the browser. The user behind the token must be the one the app token named. Their standing
 * (DESIGN §3.1: owner_uid, role uids, and the guest/collaborator mark) comes from the
 * organization's users listing, read with the organization's connected credential when there is
 * one, so a Guest is a Guest even though their own token may not list users. When no credential
 * at hand may read the listing, the standing comes from the person's own profile (GET /v3/user:
 * owner flag and role uids), which cannot show the guest mark; the session records that
 * (`standingSource: "own-profile"`) and the pages say so.
 *
 * @throws {@link NotInOrganizationError} when they are absent, pending, or someone else
 */
export async function resolvePerson(
  svc: Services,
  input: { orgUid: string; userUid: string; accessToken: string },
): Promise<SessionPerson> {
  const client = svc.contentstackAs(input.orgUid, input.accessToken);
  const user = await client.getUser();
  if (user.uid !== input.userUid)
    throw new NotInOrganizationError(
      "The Contentstack account that signed in is not the one Contentstack opened the app for.",
    );
  // The person's own view of their organizations (GET /v3/user): owner flag and role uids.
  const membership = user.organizations.find((org) => org.uid === input.orgUid);
  if (!membership)
    throw new NotInOrganizationError("You are not a member of this organization (any longer).");
  const share = await listedShare(svc, input.orgUid, input.accessToken, user);
  if (share === null)
    throw new NotInOrganizationError("You are not one of this organization's users (any longer).");
  let role: Standing;
  let standingSource: SessionPerson["standingSource"];
  if (share === "unreadable") {
    role = membership.isOwner
      ? "owner"
      : membership.roles.some((r) => r.isAdmin)
        ? "admin"
        : "member";
    standingSource = "own-profile";
  } else {
    if (share.status !== "accepted" || share.role === "pending")
      throw new NotInOrganizationError("Your invitation to this organization is still pending.");
    role = share.role;
    standingSource = "organization-users";
  }
  return {
    email: user.email,
    ...(user.name ? { name: user.name } : {}),
    role,
    checkedAt: Date.now(),
    standingSource,
  };
}
