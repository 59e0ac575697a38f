// How store records look on the wire: v2 `models.UserResp` (api-notes §A2.2) and the Management API
// project / collaborator objects (docs/lytics-shapes.md). Kept together so a shape change is one edit.
import type {
  AccountMembership,
  AccountRecord,
  LyticsStore,
  LyticsUserRecord,
  ProjectConnections,
} from "./lytics-store";
import { BASELINE_ROLE } from "./role-catalogue";

export interface WireUserAccount {
  aid: number;
  account_id: string;
  roles: string[];
  granted_by: string;
  created: string;
  updated: string;
}

export interface WireUserResp {
  id: string;
  email: string;
  name: string;
  created: string;
  updated: string;
  last_logon: string | null;
  accounts: WireUserAccount[];
}

/**
 * The project exactly as seen live (api-notes Part C1, and the DNI suite's checks of `createdBy`,
 * `createdAt`, `updatedBy` and `updatedAt`): no owner field of our own.
 */
export interface WireProject {
  uid: string;
  name: string;
  domain: string;
  description: string;
  organizationUid: string;
  connections: ProjectConnections;
  cdp: {
    aid: number;
    orgId: string;
    accountId: string;
    status: "active";
    syncedAt: string;
  };
  /** The Contentstack uid of who created the project (its owner here). */
  createdBy: string;
  createdAt: string;
  /** The Contentstack uid of who changed it last. */
  updatedBy: string;
  updatedAt: string;
}

export interface WireCollaborator {
  userUid: string;
  email: string;
  name: string;
  roles: string[];
  status: "active" | "invited";
  isOwner: boolean;
  invitedAt: string;
}

/** Account roles as the server reports them: the stored ones plus the baseline `authed2`. */
export function reportedRoles(membership: AccountMembership): string[] {
  return [...membership.roles, BASELINE_ROLE];
}

/**
 * The user with every account they are on. The current account is listed last on purpose when the
 * user has several: clients must pick the entry whose `aid` matches, never the first one.
 */
export function toUserResp(
  store: LyticsStore,
  user: LyticsUserRecord,
  currentAid: number,
): WireUserResp {
  const accounts = store
    .accountsOfUser(user.id)
    .sort((a, b) => Number(a.account.aid === currentAid) - Number(b.account.aid === currentAid))
    .map(({ account, membership }) => ({
      aid: account.aid,
      account_id: account.account_id,
      roles: reportedRoles(membership),
      granted_by: membership.granted_by,
      created: membership.created,
      updated: membership.updated,
    }));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    created: user.created,
    updated: user.updated,
    last_logon: user.last_logon,
    accounts,
  };
}

export function toProject(account: AccountRecord): WireProject {
  return {
    uid: account.project_uid,
    name: account.name,
    domain: account.domain,
    description: account.description,
    organizationUid: account.organization_uid,
    connections: structuredClone(account.connections),
    cdp: {
      aid: account.aid,
      orgId: account.cdp_org_id,
      accountId: account.account_id,
      status: "active",
      // The emulator's account is always in step with its project: synced at the last change.
      syncedAt: account.updated_at,
    },
    createdBy: account.owner_uid,
    createdAt: account.created_at,
    updatedBy: account.updated_by,
    updatedAt: account.updated_at,
  };
}

/** The collaborator's uid: their Contentstack uid, or `invite_<lytics id>` when they have none. */
export function collaboratorUid(user: LyticsUserRecord): string {
  return user.cs_user_uid ?? `invite_${user.id}`;
}

export function toCollaborator(
  account: AccountRecord,
  user: LyticsUserRecord,
  membership: AccountMembership,
): WireCollaborator {
  return {
    userUid: collaboratorUid(user),
    email: user.email,
    name: user.name,
    roles: [...membership.roles],
    status: user.cs_user_uid ? "active" : "invited",
    isOwner: user.cs_user_uid !== null && user.cs_user_uid === account.owner_uid,
    invitedAt: membership.created,
  };
}

/** The whole store as plain JSON, for the control API's read-the-store call. */
export function storeSnapshot(store: LyticsStore): unknown {
  return {
    accounts: store.accounts().map((account) => ({
      ...toProject(account),
      aid: account.aid,
      account_id: account.account_id,
      ownerUid: account.owner_uid,
      createdAt: account.created_at,
      updatedAt: account.updated_at,
      api_tokens: account.api_tokens.length,
      roles_available: account.roles_available,
      audiences: account.audiences,
      users: store.membersOf(account).map(({ user, membership }) => ({
        id: user.id,
        email: user.email,
        name: user.name,
        cs_user_uid: user.cs_user_uid,
        roles: [...membership.roles],
        granted_by: membership.granted_by,
        last_logon: user.last_logon,
      })),
    })),
  };
}
