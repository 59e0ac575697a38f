import "server-only";

import { ForbiddenError } from "@lytics-access/contentstack";
import type { SessionPerson } from "@lytics-access/store";

import type { Services } from "./services";

/** The person is not (or no longer) an accepted user of the organization. */
export class NotInOrganizationError extends Error {
  readonly code = "NOT_IN_ORGANIZATION";
  constructor(readonly reason: string) {
    super(reason);
    this.name = "NotInOrganizationError";
  }
}

/**
 * Who the token's owner is in the organization, read from Contentstack with their own token:
 * the user behind the token must be the one the app token named, and their standing comes from
 * the organization's users (owner_uid, role uids, guest flag), never from the browser.
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
  let role: SessionPerson["role"] = membership.isOwner
    ? "owner"
    : membership.roles.some((r) => r.isAdmin)
      ? "admin"
      : "member";
  if (role === "member") {
    // Only the organization's users listing says "guest"; Contentstack lets Owners and Admins
    // read it, so for everyone else it may be refused, and then the person counts as a Member.
    try {
      const [share] = (await client.searchMembersByEmail([user.email])).filter(
        (candidate) => candidate.userUid === input.userUid,
      );
      if (share?.role === "guest") role = "guest";
      if (share && (share.status !== "accepted" || share.role === "pending"))
        throw new NotInOrganizationError("Your invitation to this organization is still pending.");
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
    }
  }
  return {
    email: user.email,
    ...(user.name ? { name: user.name } : {}),
    role,
    checkedAt: Date.now(),
  };
}
