// `startWorker(options)`: the whole worker in one call (what `npm start` and main.ts use). Settings
// come from the environment (validated, clear errors) unless given; returns `{ close() }`.
import type { Logger } from "pino";

import { createAuditReader } from "./adapters/create-audit-reader";
import { createSyncRunner } from "./adapters/create-sync-runner";
import type { OrgClientsDeps } from "./adapters/org-clients";
import { createOrgRoleCache, createRedisRoleGenerations } from "./adapters/org-role-cache";
import { createAppOAuthClient } from "./connect/create-app-oauth-client";
import { loadWorkerConfig, type WorkerConfig } from "./config/worker-config";
import { createWorkerMetrics } from "./http/worker-metrics";
import { createWorkerLogger } from "./log/create-logger";
import { QUEUE_PREFIX } from "./queues/constants";
import { openStores } from "./runtime/open-stores";
import { startWorkerRuntime, type WorkerRuntime } from "./runtime/start-worker-runtime";

export interface StartWorkerOptions {
  /** Environment to read settings from. @defaultValue process.env */
  env?: Record<string, string | undefined>;
  /** Already parsed settings; win over `env`. */
  config?: WorkerConfig;
  logger?: Logger;
  /** Queue key prefix (tests). @defaultValue "{lytics-access}" */
  queuePrefix?: string;
  /** Store key prefix (tests). @defaultValue the store's */
  storePrefix?: string;
  /** Per-organization request budgets instead of ORG_BUCKETS (tests throttle one organization). */
  orgLimits?: OrgClientsDeps["limitsFor"];
  /** The sync's clock (grant expiry, plan and audit times); tests move it. @defaultValue Date.now */
  now?: () => number;
  /** Audit-log items one poll reads at most (tests). @defaultValue 5000 */
  maxAuditItemsPerPoll?: number;
}

export interface RunningWorker extends WorkerRuntime {
  readonly config: WorkerConfig;
}

export async function startWorker(options: StartWorkerOptions = {}): Promise<RunningWorker> {
  const config = options.config ?? loadWorkerConfig(options.env ?? process.env);
  const logger = options.logger ?? createWorkerLogger({ level: config.logLevel });
  const prefix = options.queuePrefix ?? QUEUE_PREFIX;
  const stores = openStores({
    redisUrl: config.redisUrl,
    keyring: config.keyring,
    auditRetentionDays: config.auditRetentionDays,
    heldPlanRetentionDays: config.heldPlanRetentionDays,
    ...(options.now ? { now: options.now } : {}),
    logger,
    ...(options.storePrefix ? { keyPrefix: options.storePrefix } : {}),
  });
  const oauth = createAppOAuthClient(config, logger);
  const metrics = createWorkerMetrics();
  // One per process, shared by the sync runs and the audit-log reader (which drops an
  // organization's entry on an ownership transfer, for every replica through Redis).
  const roleCache = createOrgRoleCache({
    generations: createRedisRoleGenerations(stores.redis, prefix),
  });
  const clientDeps = {
    config,
    installations: stores.installations,
    oauth,
    limiter: stores.limiter,
    metrics,
    logger,
    ...(options.orgLimits ? { limitsFor: options.orgLimits } : {}),
  };
  const runtime = await startWorkerRuntime({
    redisUrl: config.redisUrl,
    logger,
    metrics,
    stores,
    runSync: createSyncRunner({
      ...clientDeps,
      state: stores,
      appliedSteps: stores.appliedSteps,
      heldPlans: stores.heldPlans,
      auditLog: stores.auditLog,
      maxRemovalShare: config.maxRemovalShare,
      roleCache,
      memberDirectory: stores.memberDirectory,
      ...(options.now ? { now: options.now } : {}),
    }),
    readAuditChanges: createAuditReader({
      ...clientDeps,
      roleCache,
      ...(options.maxAuditItemsPerPoll
        ? { maxAuditItemsPerPoll: options.maxAuditItemsPerPoll }
        : {}),
    }),
    syncIntervalMs: config.syncIntervalMs,
    auditPollIntervalMs: config.auditPollIntervalMs,
    concurrency: config.concurrency,
    shutdownDeadlineMs: config.shutdownDeadlineMs,
    runLockTtlMs: config.runLockTtlMs,
    jobLockMs: config.jobLockMs,
    http: { ...config.http, operatorToken: config.operatorToken },
    prefix,
    ownedConnections: [stores.redis],
    ...(options.now ? { now: options.now } : {}),
  });
  return { ...runtime, config };
}
