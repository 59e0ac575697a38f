// Every packages/store store the worker and the CLI use, on one store connection.
import {
  createAppliedStepsStore,
  createAuditCursorStore,
  createAuditLogStore,
  createGrantsStore,
  createHeldPlansStore,
  createInstallationsStore,
  createMemberDirectoryStore,
  createMemberLevelsStore,
  createPolicyStore,
  createProjectOwnersStore,
  createRateLimiter,
  createRunLockStore,
  createSecretBox,
  createSyncRunsStore,
  createStoreRedis,
  type AppliedStepsStore,
  type GrantsStore,
  type MemberDirectoryStore,
  type MemberLevelsStore,
  type PolicyStore,
  type ProjectOwnersStore,
  type RateLimiter,
} from "@lytics-access/store";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

import type { WorkerStores } from "../jobs/worker-stores";

const DAY_MS = 24 * 60 * 60_000;

export interface AllStores extends WorkerStores {
  readonly appliedSteps: AppliedStepsStore;
  readonly grants: GrantsStore;
  readonly policy: PolicyStore;
  readonly projectOwners: ProjectOwnersStore;
  readonly memberLevels: MemberLevelsStore;
  readonly memberDirectory: MemberDirectoryStore;
  readonly limiter: RateLimiter;
  readonly redis: Redis;
}

export interface OpenStoresOptions {
  redisUrl: string;
  keyring: string;
  auditRetentionDays: number;
  /** Days approved and replaced held plans are kept. @defaultValue the store's (30) */
  heldPlanRetentionDays?: number;
  /** The held plans' clock (when held, approved, past retention); tests move it. @defaultValue Date.now */
  now?: () => number;
  /** Store key prefix; tests pass their own. @defaultValue the store's */
  keyPrefix?: string;
  logger: Logger;
}

export function openStores(options: OpenStoresOptions): AllStores {
  const redis = createStoreRedis(options.redisUrl, {
    onError: (error) => options.logger.warn({ err: error }, "store redis error"),
    connectionName: "worker:store",
  });
  const base = { redis, ...(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {}) };
  const auditLog = createAuditLogStore({
    ...base,
    retention: { maxAgeMs: options.auditRetentionDays * DAY_MS },
  });
  return {
    redis,
    installations: createInstallationsStore({
      ...base,
      secretBox: createSecretBox(options.keyring),
      auditLog,
    }),
    runLock: createRunLockStore(base),
    syncRuns: createSyncRunsStore(base),
    auditLog,
    heldPlans: createHeldPlansStore({
      ...base,
      auditLog,
      ...(options.heldPlanRetentionDays === undefined
        ? {}
        : { retention: { maxAgeMs: options.heldPlanRetentionDays * DAY_MS } }),
      ...(options.now ? { clock: { now: options.now } } : {}),
    }),
    auditCursor: createAuditCursorStore(base),
    appliedSteps: createAppliedStepsStore({ ...base, auditLog }),
    grants: createGrantsStore(base),
    policy: createPolicyStore(base),
    projectOwners: createProjectOwnersStore(base),
    memberLevels: createMemberLevelsStore(base),
    memberDirectory: createMemberDirectoryStore(base),
    limiter: createRateLimiter(base),
  };
}
