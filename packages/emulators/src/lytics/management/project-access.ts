// Seed 002's project rules, first match wins: (1) organization Owner/Admin, (2) the project's owner,
// (3) a project role that covers the action, (4) denied. "Depends on role" is answered with seed
// 001's task matrix: inviting, changing roles, removing collaborators and editing the account need
// Admin on that account. Pure: the caller and the store records come in as arguments.
import type {
  ContentstackUser,
  ContentstackUserOrganization,
} from "../contentstack/contentstack-identity";
import { isOrganizationAdmin } from "../contentstack/contentstack-identity";
import type {
  AccountMembership,
  AccountRecord,
  LyticsStore,
  LyticsUserRecord,
} from "../store/lytics-store";

export type ProjectAction = "view" | "edit" | "manage_collaborators" | "delete";

export interface ManagementCaller {
  user: ContentstackUser;
  organization: ContentstackUserOrganization;
  organizationAdmin: boolean;
  /** The caller's Lytics user, when they have one anywhere. */
  lyticsUser: LyticsUserRecord | undefined;
}

export function toManagementCaller(
  store: LyticsStore,
  user: ContentstackUser,
  organization: ContentstackUserOrganization,
): ManagementCaller {
  return {
    user,
    organization,
    organizationAdmin: isOrganizationAdmin(organization),
    lyticsUser: store.findUserOfPerson(user.uid, user.email),
  };
}

export function isProjectOwner(caller: ManagementCaller, account: AccountRecord): boolean {
  return account.owner_uid === caller.user.uid;
}

export function membershipOf(
  caller: ManagementCaller,
  account: AccountRecord,
): AccountMembership | undefined {
  return caller.lyticsUser ? account.members.get(caller.lyticsUser.id) : undefined;
}

export function canOnProject(
  caller: ManagementCaller,
  account: AccountRecord,
  action: ProjectAction,
): boolean {
  if (caller.organizationAdmin) return true;
  if (isProjectOwner(caller, account)) return true;
  const membership = membershipOf(caller, account);
  if (!membership) return false;
  switch (action) {
    case "view":
      return true;
    case "edit":
    case "manage_collaborators":
      return membership.roles.includes("admin");
    case "delete":
      return false;
  }
}

/** Projects the caller may list: all for org Owner/Admin; otherwise owned or collaborated ones. */
export function visibleProjects(
  caller: ManagementCaller,
  accounts: readonly AccountRecord[],
): AccountRecord[] {
  return accounts.filter((account) => canOnProject(caller, account, "view"));
}

/** Holders of `admin` on the account: the last one may be neither removed nor demoted. */
export function adminCount(account: AccountRecord): number {
  let count = 0;
  for (const membership of account.members.values())
    if (membership.roles.includes("admin")) count += 1;
  return count;
}
