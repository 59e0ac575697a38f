import "server-only";

import {
  createAppTokenVerifier,
  createContentstackClient,
  createOAuthClient,
  type AppTokenVerifier,
  type ContentstackClient,
  type OAuthClient,
} from "@lytics-access/contentstack";
import { createLyticsManagementClient, type LyticsManagementClient } from "@lytics-access/lytics";
import {
  createAccessRequestsStore,
  createAppliedStepsStore,
  createAuditLogStore,
  createGrantsStore,
  createHeldPlansStore,
  createInstallationsStore,
  createMemberLevelsStore,
  createOneTimeStore,
  createPolicyStore,
  createProjectOwnersStore,
  createSecretBox,
  createSessionsStore,
  createStoreRedis,
  createSyncRunsStore,
  type AccessRequestsStore,
  type AppliedStepsStore,
  type AuditLogStore,
  type GrantsStore,
  type HeldPlansStore,
  type InstallationsStore,
  type MemberLevelsStore,
  type OneTimeStore,
  type PolicyStore,
  type ProjectOwnersStore,
  type SessionsStore,
  type SyncRunsStore,
} from "@lytics-access/store";
import type { Redis } from "ioredis";

import { env, type WebEnv } from "../../env";

/** Everything a route handler or server page needs, built once per process from the env. */
export interface Services {
  readonly env: WebEnv;
  readonly redis: Redis;
  readonly sessions: SessionsStore;
  readonly oneTime: OneTimeStore;
  readonly installations: InstallationsStore;
  readonly syncRuns: SyncRunsStore;
  readonly heldPlans: HeldPlansStore;
  /** The sync's audit log (what it read, decided and wrote; who approved what). */
  readonly auditLog: AuditLogStore;
  /** Access granted through the app (access requests, invitations with an expiry). */
  readonly grants: GrantsStore;
  readonly projectOwners: ProjectOwnersStore;
  readonly memberLevels: MemberLevelsStore;
  /** The organization's mapping policy (DESIGN §3.1), versioned. */
  readonly policy: PolicyStore;
  /** Roles the sync last applied or found converged, per person and project (drift, status). */
  readonly appliedSteps: AppliedStepsStore;
  /** People's requests for roles on a project, decided by its owner or an Owner/Admin (DESIGN §5). */
  readonly accessRequests: AccessRequestsStore;
  readonly appTokens: AppTokenVerifier;
  readonly oauth: OAuthClient;
  /** A Contentstack client acting with a person's own OAuth access token. */
  contentstackAs(orgUid: string, accessToken: string): ContentstackClient;
  lyticsAs(orgUid: string, accessToken: string): LyticsManagementClient;
}

const overridesOf = (e: WebEnv) => ({
  ...(e.CONTENTSTACK_API_URL ? { apiUrl: e.CONTENTSTACK_API_URL } : {}),
  ...(e.CONTENTSTACK_APP_URL ? { appUrl: e.CONTENTSTACK_APP_URL } : {}),
  ...(e.CONTENTSTACK_DEVELOPER_HUB_URL
    ? { developerHubUrl: e.CONTENTSTACK_DEVELOPER_HUB_URL }
    : {}),
  ...(e.LYTICS_MANAGEMENT_API_URL ? { lyticsManagementUrl: e.LYTICS_MANAGEMENT_API_URL } : {}),
});

export function createServices(e: WebEnv): Services {
  const redis = createStoreRedis(e.REDIS_URL, {
    connectionName: "web",
    onError: (error) => console.error(`[web] redis: ${error.message}`),
  });
  const secretBox = createSecretBox(e.STORE_KEYRING);
  const store = { redis, keyPrefix: e.STORE_KEY_PREFIX };
  const overrides = overridesOf(e);
  return {
    env: e,
    redis,
    sessions: createSessionsStore({ ...store, secretBox }),
    oneTime: createOneTimeStore({ ...store, secretBox }),
    installations: createInstallationsStore({ ...store, secretBox }),
    syncRuns: createSyncRunsStore(store),
    heldPlans: createHeldPlansStore(store),
    auditLog: createAuditLogStore(store),
    grants: createGrantsStore(store),
    projectOwners: createProjectOwnersStore(store),
    memberLevels: createMemberLevelsStore(store),
    policy: createPolicyStore(store),
    appliedSteps: createAppliedStepsStore(store),
    accessRequests: createAccessRequestsStore(store),
    appTokens: createAppTokenVerifier({
      region: e.CONTENTSTACK_REGION,
      appUid: e.CONTENTSTACK_APP_UID,
      ...(e.CONTENTSTACK_APP_URL ? { appUrl: e.CONTENTSTACK_APP_URL } : {}),
    }),
    oauth: createOAuthClient({
      region: e.CONTENTSTACK_REGION,
      overrides,
      appUid: e.CONTENTSTACK_APP_UID,
      clientId: e.CONTENTSTACK_CLIENT_ID,
      ...(e.CONTENTSTACK_CLIENT_SECRET ? { clientSecret: e.CONTENTSTACK_CLIENT_SECRET } : {}),
      redirectUri: e.CONTENTSTACK_REDIRECT_URI,
    }),
    contentstackAs: (orgUid, accessToken) =>
      createContentstackClient({
        region: e.CONTENTSTACK_REGION,
        overrides,
        organizationUid: orgUid,
        // The session layer refreshes tokens itself (single flight across replicas, see
        // require-session), so the client gets a plain, current access token.
        credentials: { kind: "oauth", accessToken, expiresAt: Number.MAX_SAFE_INTEGER },
      }),
    lyticsAs: (orgUid, accessToken) =>
      createLyticsManagementClient({
        ...(e.LYTICS_MANAGEMENT_API_URL
          ? { baseUrl: e.LYTICS_MANAGEMENT_API_URL }
          : { region: e.CONTENTSTACK_REGION }),
        organizationUid: orgUid,
        credentials: { getAccessToken: async () => accessToken },
      }),
  };
}

// One set per process; kept on globalThis so `next dev` reloads do not open a connection each.
const holder = globalThis as { __laWebServices?: Services };

export function services(): Services {
  holder.__laWebServices ??= createServices(env());
  return holder.__laWebServices;
}

/** Tests swap the services (and close the old connection themselves). */
export function setServicesForTests(value: Services | undefined): void {
  holder.__laWebServices = value;
}
