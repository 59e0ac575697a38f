// The clients of one organization for one job: its OAuth token (decrypted in memory only, refreshed
// with compare-and-set), the Contentstack organization client and the Lytics Management client.
// Every HTTP request (retries included) spends the organization's budget in Redis, shared by every
// replica, and a 429's Retry-After shuts that budget for all of them; port calls are counted.
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
import { createCallInstrument, type CallInstrument } from "./instrument-call";
import {
  MAX_IN_PROCESS_WAIT_MS,
  contentstackBucketOf,
  createSharedRateLimiter,
  lyticsBucket,
  type OrgBucket,
} from "./shared-rate-limiter";
import type { RateLimit } from "@lytics-access/store";

export interface OrgClientsDeps {
  /** `lyticsRatePerSecond`: the Lytics bucket's rate (`LYTICS_RATE_PER_SECOND`); @defaultValue ORG_BUCKETS.lytics */
  readonly config: Pick<WorkerConfig, "contentstack"> &
    Partial<Pick<WorkerConfig, "lyticsRatePerSecond">>;
  readonly installations: InstallationsStore;
  readonly oauth: OAuthClient;
  readonly limiter: RateLimiter;
  readonly metrics: WorkerMetrics;
  readonly logger: Logger;
  /** Per-bucket limits instead of ORG_BUCKETS (tests throttle one organization). */
  readonly limitsFor?: (orgUid: string) => Partial<Record<OrgBucket, RateLimit>> | undefined;
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

/** A Retry-After longer than the in-process wait goes back to the job, which is re-delayed. */
const RETRY = Object.freeze({ maxRetryAfterMs: MAX_IN_PROCESS_WAIT_MS });

function sharedLimiter(deps: OrgClientsDeps, orgUid: string, bucketOf: (key: string) => OrgBucket) {
  const rate = deps.config.lyticsRatePerSecond;
  const configured = rate === undefined ? undefined : { lytics: lyticsBucket(rate) };
  const overrides = deps.limitsFor?.(orgUid);
  const limits = configured || overrides ? { ...configured, ...overrides } : undefined;
  return createSharedRateLimiter({
    limiter: deps.limiter,
    orgUid,
    bucketOf,
    ...(limits ? { limits } : {}),
    onPause: (bucket, ms) => {
      deps.metrics.rateLimited.inc({ api: bucket === "lytics" ? "lytics" : "contentstack" });
      deps.logger.warn(
        { orgUid, bucket, pauseMs: ms },
        "429: the organization's budget is paused for every replica",
      );
    },
  });
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
  const counted = createCallInstrument(deps.metrics, undefined);
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
    limiter: sharedLimiter(deps, orgUid, contentstackBucketOf),
    retry: RETRY,
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
    rateLimiter: sharedLimiter(deps, orgUid, () => "lytics"),
    retry: RETRY,
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
