// The clients of one organization for one job: its OAuth token (decrypted in memory only, refreshed
// with compare-and-set), the Contentstack organization client and the Lytics Management client,
// every call counted and paced by the organization's shared budget.
import {
  createContentstackClient,
  type ContentstackClient,
  type OAuthClient,
} from "@lytics-access/contentstack";
import { createLyticsManagementClient, type LyticsManagementClient } from "@lytics-access/lytics";
import type { Installation, InstallationsStore, RateLimiter } from "@lytics-access/store";
import type { Logger } from "pino";

import type { WorkerConfig } from "../config/worker-config";
import { createOrgTokenSource } from "../credentials/org-token-source";
import type { WorkerMetrics } from "../http/worker-metrics";
import { createCallInstrument, type CallInstrument, type OrgBudget } from "./instrument-call";

/** Each organization's budget per API, shared by every replica (published limits, some headroom). */
export const ORG_API_LIMITS = Object.freeze({
  contentstack: { ratePerSecond: 8, burst: 10 },
  lytics: { ratePerSecond: 15, burst: 20 },
});

export interface OrgClientsDeps {
  readonly config: Pick<WorkerConfig, "contentstack">;
  readonly installations: InstallationsStore;
  readonly oauth: OAuthClient;
  readonly limiter: RateLimiter;
  readonly metrics: WorkerMetrics;
  readonly logger: Logger;
}

export interface OrgClients {
  readonly contentstack: ContentstackClient;
  readonly lytics: LyticsManagementClient;
  readonly instrument: CallInstrument;
  /** The last error an upstream call threw in this session (the engine reports failures as text). */
  lastError(): unknown;
  /** Refreshes the token now; throws CredentialLostError when the grant is gone. */
  refreshNow(): Promise<void>;
}

export function orgBudget(limiter: RateLimiter, orgUid: string): OrgBudget {
  return {
    take: (api) => limiter.acquire(limiter.bucketKey(orgUid, api), ORG_API_LIMITS[api]),
  };
}

export async function openOrgClients(
  deps: OrgClientsDeps,
  installation: Installation,
): Promise<OrgClients> {
  const orgUid = installation.orgUid;
  const logger = deps.logger.child({ orgUid });
  const tokens = createOrgTokenSource({
    orgUid,
    region: installation.region,
    installations: deps.installations,
    oauth: deps.oauth,
    logger,
  });
  const start = await tokens.current();
  let lastToken = start.accessToken;
  let lastError: unknown;
  const counted = createCallInstrument(deps.metrics, orgBudget(deps.limiter, orgUid));
  const instrument: CallInstrument = async (api, operation, call) => {
    try {
      return await counted(api, operation, call);
    } catch (error) {
      lastError = error;
      throw error;
    }
  };
  const { contentstack: cs } = deps.config;
  const contentstack = createContentstackClient({
    ...(cs.region ? { region: cs.region } : { region: installation.region }),
    overrides: cs.overrides,
    organizationUid: orgUid,
    logger,
    credentials: {
      kind: "oauth",
      accessToken: start.accessToken,
      refreshToken: start.refreshToken,
      expiresAt: start.accessTokenExpiresAt,
      refresher: {
        refresh: async () => {
          const next = await tokens.refreshAfter(lastToken);
          lastToken = next.accessToken;
          return next;
        },
      },
    },
  });
  const lytics = createLyticsManagementClient({
    ...(cs.overrides.lyticsManagementUrl
      ? { baseUrl: cs.overrides.lyticsManagementUrl }
      : { region: (cs.region ?? installation.region).toLowerCase() }),
    organizationUid: orgUid,
    logger,
    credentials: {
      getAccessToken: async () => {
        lastToken = await tokens.accessToken();
        return lastToken;
      },
    },
  });
  return {
    contentstack,
    lytics,
    instrument,
    lastError: () => lastError,
    refreshNow: async () => {
      lastToken = (await tokens.refreshAfter(lastToken)).accessToken;
    },
  };
}
