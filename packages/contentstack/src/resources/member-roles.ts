// Who counts as what in an organization (DESIGN §3.1): the Owner is the organization's
// `owner_uid`; a pending invitation is nobody yet; a guest/collaborator is marked on the share;
// Admin and Member come from the person's organization role uids.
import type { WireShare } from "../wire/wire-share";
import type { OrgRoleDefinition } from "./roles";

export const ORG_ROLES = ["owner", "admin", "member", "guest", "pending"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export interface RoleResolutionContext {
  readonly ownerUid: string;
  /** Role uid → definition, from `listOrgRoles`. */
  readonly rolesByUid: ReadonlyMap<string, Pick<OrgRoleDefinition, "isAdmin">>;
}

export interface ResolvedRole {
  readonly role: OrgRole;
  /** Role uids on the share that the roles list does not know (stale or custom). */
  readonly unknownRoleUids: readonly string[];
}

/**
 * Resolves one share to an organization role. Precedence: owner, pending, guest, admin, member.
 * Role uids the roles list does not know grant nothing beyond Member, the level with no Lytics
 * access by default, so an unknown uid can never raise anyone's access.
 */
export function resolveOrgRole(
  share: Pick<WireShare, "user_uid" | "status" | "guest" | "org_roles" | "roles">,
  context: RoleResolutionContext,
): ResolvedRole {
  const unknownRoleUids = share.org_roles.filter((uid) => !context.rolesByUid.has(uid));
  if (share.user_uid && share.user_uid === context.ownerUid)
    return { role: "owner", unknownRoleUids };
  if (share.status === "pending" || !share.user_uid) return { role: "pending", unknownRoleUids };
  if (share.guest === true) return { role: "guest", unknownRoleUids };
  const isAdmin = share.org_roles.some((uid) => context.rolesByUid.get(uid)?.isAdmin === true);
  return { role: isAdmin ? "admin" : "member", unknownRoleUids };
}

export function rolesByUid(
  roles: readonly OrgRoleDefinition[],
): ReadonlyMap<string, OrgRoleDefinition> {
  return new Map(roles.map((role) => [role.uid, role]));
}
