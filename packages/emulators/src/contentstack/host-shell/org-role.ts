// The person's role in an organization as Contentstack shows it (DESIGN §3.1): the Owner is the
// organization's `owner_uid`, Admin and Member come from the role uids, a Guest is a membership
// marked as a guest. The shell uses it to show the role and to offer only what it may open.
import { activeMembership, isOwnerOrAdmin, type Organization } from "../state/world";

export type OrgRoleLabel = "Owner" | "Admin" | "Member" | "Guest";

export function orgRoleLabel(org: Organization, userUid: string): OrgRoleLabel | null {
  const membership = activeMembership(org, userUid);
  if (!membership) return null;
  if (org.owner_uid === userUid) return "Owner";
  if (membership.guest) return "Guest";
  return isOwnerOrAdmin(org, userUid) ? "Admin" : "Member";
}

/** Only Owners and Admins see or create the Data Activation Layer (seed 000, DESIGN §5). */
export function mayOpenDataActivationLayer(org: Organization, userUid: string): boolean {
  const role = orgRoleLabel(org, userUid);
  return role === "Owner" || role === "Admin";
}
