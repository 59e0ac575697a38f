// Names and defaults every producer and the worker share. Frozen, so nothing can drift at run time;
// the braced prefix keeps every queue key in one Redis Cluster hash slot, which BullMQ's Lua
// scripts need.
import type { JobsOptions } from "bullmq";

/** BullMQ key prefix (`{lytics-access}:<queue>:...`). */
export const QUEUE_PREFIX = "{lytics-access}";

export const QUEUE_NAMES = Object.freeze({
  /** Reconciles, targeted syncs and approved plans: everything that writes to Lytics. */
  sync: "sync",
  /** Audit-log polls: kept apart so a long reconcile never delays change detection. */
  audit: "audit",
} as const);
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export const JOB_NAMES = Object.freeze({
  reconcile: "sync.reconcile-org",
  syncPeople: "sync.sync-people",
  applyHeldPlan: "sync.apply-held-plan",
  pollAuditLog: "audit.poll-log",
  /** An installation connected or disconnected: upsert or remove its schedulers. */
  installationChanged: "audit.installation-changed",
} as const);
export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

/** Which queue carries each job. */
export const QUEUE_OF = Object.freeze({
  [JOB_NAMES.reconcile]: QUEUE_NAMES.sync,
  [JOB_NAMES.syncPeople]: QUEUE_NAMES.sync,
  [JOB_NAMES.applyHeldPlan]: QUEUE_NAMES.sync,
  [JOB_NAMES.pollAuditLog]: QUEUE_NAMES.audit,
  [JOB_NAMES.installationChanged]: QUEUE_NAMES.audit,
} satisfies Record<JobName, QueueName>);

/** Job scheduler ids, one per organization and kind. */
export const schedulerId = Object.freeze({
  reconcile: (orgUid: string) => `reconcile:${orgUid}`,
  pollAuditLog: (orgUid: string) => `poll-audit:${orgUid}`,
});

/** Deduplication id that coalesces an organization's targeted syncs. */
export const peopleDeduplicationId = (orgUid: string): string => `people:${orgUid}`;

/**
 * Defaults for every job: a few attempts with exponential backoff for transient failures (the
 * HTTP core already retried each call), and bounded history so Redis does not grow forever.
 */
export const DEFAULT_JOB_OPTIONS = Object.freeze({
  attempts: 5,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
} satisfies JobsOptions);

/** Polls repeat every few seconds: keep little history and never retry a stale poll. */
export const POLL_JOB_OPTIONS = Object.freeze({
  attempts: 1,
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 500 },
} satisfies JobsOptions);

/** How long a job waits when its organization is being synced elsewhere. */
export const ORG_BUSY_DELAY_MS = 1_000;
