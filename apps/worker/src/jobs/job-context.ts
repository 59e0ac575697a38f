import type { Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

import type { CredentialProblemReporter } from "../credentials/report-credential-problem";
import type { WorkerMetrics } from "../http/worker-metrics";
import type { Enqueuer } from "../queues/enqueue";
import type { AuditChangeReader } from "./audit-change-reader";
import type { OrgSyncRunner } from "./org-sync-runner";
import type { WorkerStores } from "./worker-stores";

/** What every processor may use; built once per worker process. */
export interface WorkerDeps {
  readonly logger: Logger;
  readonly metrics: WorkerMetrics;
  readonly stores: WorkerStores;
  readonly runSync: OrgSyncRunner;
  readonly readAuditChanges: AuditChangeReader;
  readonly enqueuer: Enqueuer;
  /** A connection for the pending-people sets. */
  readonly redis: Redis;
  readonly prefix: string;
  readonly credentialProblems: CredentialProblemReporter;
  /** Upserts the connected organizations' schedulers and removes the others'; `ran: false` when another process held the lock. */
  readonly ensureSchedulers?: () => Promise<{ readonly ran: boolean }>;
  /** The organization run lock's lifetime, extended while a run lives. @defaultValue 60000 */
  readonly runLockTtlMs?: number;
  /** The clock a degraded organization's next attempt is compared with (tests move it). @defaultValue Date.now */
  readonly now?: () => number;
  /** Aborted when the worker begins shutting down. */
  readonly shutdown: AbortSignal;
}

/** One processing attempt. */
export interface JobContext {
  readonly job: Job;
  readonly token: string | undefined;
  readonly logger: Logger;
}

export type JobHandler<T> = (payload: T, context: JobContext, deps: WorkerDeps) => Promise<unknown>;
