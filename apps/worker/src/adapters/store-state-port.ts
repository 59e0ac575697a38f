// The sync's state port on packages/store: the mapping policy, collaborator grants, project owners
// and Member level grants of one organization.
import type {
  GrantsStore,
  MemberLevelsStore,
  PolicyStore,
  ProjectOwnersStore,
} from "@lytics-access/store";
import type { StatePort } from "@lytics-access/sync";

export interface StateStores {
  readonly policy: PolicyStore;
  readonly grants: GrantsStore;
  readonly projectOwners: ProjectOwnersStore;
  readonly memberLevels: MemberLevelsStore;
}

export function createStoreStatePort(stores: StateStores, orgUid: string): StatePort {
  return {
    async load() {
      const [policy, grants, owners, levels] = await Promise.all([
        stores.policy.getEffective(orgUid),
        stores.grants.list(orgUid),
        stores.projectOwners.list(orgUid),
        stores.memberLevels.list(orgUid),
      ]);
      return {
        policy,
        grants: grants.map((grant) => ({
          projectId: grant.projectUid,
          // The plan keys people by Contentstack uid, or by email before they have one.
          uid: grant.userUid ?? grant.email,
          roles: grant.roles,
          expiresAt: grant.expiresAt === undefined ? null : new Date(grant.expiresAt).toISOString(),
        })),
        projectOwners: Object.fromEntries(owners.map((owner) => [owner.projectUid, owner.userUid])),
        levelGrants: Object.fromEntries(levels.map((grant) => [grant.userUid, grant.level])),
      };
    },
  };
}
