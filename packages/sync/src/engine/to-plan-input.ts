import type { PlanMember, PlanProject } from "../plan/plan-input";
import type { CollaboratorRecord, MemberListing, ProjectRecord, SyncStateSnapshot } from "./ports";

/** The listing's owner: `ownerUid` when the port gives it, else the member whose role is `owner`. */
export function ownerOf(listing: MemberListing): string | null {
  return (
    listing.ownerUid ?? listing.members.find((member) => member.role === "owner")?.userUid ?? null
  );
}

/**
 * Contentstack's records as the plan reads them. A `pending` role or status is a pending
 * invitation (not a member yet); the level grant comes from the app's records.
 */
export function toPlanMembers(listing: MemberListing, state: SyncStateSnapshot): PlanMember[] {
  return listing.members.map((record): PlanMember => {
    const pending =
      record.status === "pending" || record.role === "pending" || record.userUid === null;
    const level = record.userUid === null ? undefined : state.levelGrants?.[record.userUid];
    return {
      uid: record.userUid,
      email: record.email,
      orgRole: record.role === "pending" ? "member" : record.role,
      status: pending ? "pending" : "active",
      isGuest: record.isGuest === true || record.role === "guest",
      grantedLevel: level ?? null,
    };
  });
}

export function toPlanProject(
  project: ProjectRecord,
  collaborators: readonly CollaboratorRecord[],
): PlanProject {
  return {
    id: project.uid,
    name: project.name,
    ownerUid: project.ownerUid ?? null,
    rolesAvailable: project.rolesAvailable,
    collaborators: collaborators.map((c) => ({
      userUid: c.userUid,
      email: c.email,
      roles: c.roles,
    })),
  };
}
