// The sync's state port on packages/store: the mapping policy, collaborator grants, project owners
// and Member level grants of one organization, and the roles the sync last established (drift).
import type {
  AppliedStepsStore,
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
  /** Where done steps leave the roles they established; without it no drift is claimed. */
  readonly appliedSteps?: AppliedStepsStore;
}

export function createStoreStatePort(stores: StateStores, orgUid: string): StatePort {
  return {
    async load() {
      const [policy, grants, owners, levels, synced] = await Promise.all([
        stores.policy.getEffective(orgUid),
        stores.grants.list(orgUid),
        stores.projectOwners.list(orgUid),
        stores.memberLevels.list(orgUid),
        stores.appliedSteps?.lastSynced(orgUid) ?? Promise.resolve([]),
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
        lastSynced: synced.map((record) => ({
          projectId: record.projectUid,
          person: record.person,
          roles: record.roles,
        })),
      };
    },
  };
}
