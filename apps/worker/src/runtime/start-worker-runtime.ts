// Starts one worker process's pieces in order and returns a memoised, ordered close: workers first
// (the active job finishes, or is moved back when the deadline passes), then queues and the
// scheduler lock, then the HTTP server, then Redis connections. A failed start closes whatever
// was opened and rethrows.
import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

import { startWorkerHttpServer, type WorkerHttpServer } from "../http/worker-http-server";
import { createWorkerMetrics, type WorkerMetrics } from "../http/worker-metrics";
import type { AuditChangeReader } from "../jobs/audit-change-reader";
import { createProcessor } from "../jobs/job-registry";
import type { OrgSyncRunner } from "../jobs/org-sync-runner";
import type { WorkerStores } from "../jobs/worker-stores";
import { createCredentialProblemReporter } from "../credentials/report-credential-problem";
import { QUEUE_NAMES, QUEUE_PREFIX } from "../queues/constants";
import { createEnqueuer, type Enqueuer } from "../queues/enqueue";
import { closeConnection, createQueueConnection } from "../queues/redis-connection";
import { ensureSchedulers, type EnsureSchedulersResult } from "../schedulers/ensure-schedulers";

export interface WorkerRuntimeOptions {
  redisUrl: string;
  logger: Logger;
  stores: WorkerStores;
  runSync: OrgSyncRunner;
  readAuditChanges: AuditChangeReader;
  syncIntervalMs: number;
  auditPollIntervalMs: number;
  concurrency: number;
  shutdownDeadlineMs: number;
  /** The organization run lock's lifetime. @defaultValue 60000 */
  runLockTtlMs?: number;
  /** BullMQ's job lock; a killed worker's job is back in waiting within about 1.5 times this. @defaultValue 30000 */
  jobLockMs?: number;
  /** Omit to run without an HTTP server (the CLI, some tests). */
  http?: { host: string; port: number; operatorToken: string | undefined };
  /** @defaultValue QUEUE_PREFIX */
  prefix?: string;
  metrics?: WorkerMetrics;
  /** Extra connections to close last (the store's). */
  ownedConnections?: readonly Redis[];
  /** When a degraded organization's scheduled runs may go again (tests move it). @defaultValue Date.now */
  now?: () => number;
  /** Runs after the workers stopped and before connections close. */
  onClose?: () => Promise<void>;
}

export interface WorkerRuntime {
  readonly enqueuer: Enqueuer;
  readonly metrics: WorkerMetrics;
  readonly httpUrl: string | undefined;
  readonly workers: readonly Worker[];
  /**
   * Upserts schedulers for the connected organizations and removes the others'. Other processes
   * (the web app) ask for it through `enqueuer.installationChanged`.
   */
  ensureSchedulers(): Promise<EnsureSchedulersResult>;
  close(): Promise<void>;
}

export async function startWorkerRuntime(options: WorkerRuntimeOptions): Promise<WorkerRuntime> {
  const { logger } = options;
  const prefix = options.prefix ?? QUEUE_PREFIX;
  const metrics = options.metrics ?? createWorkerMetrics();
  const connections: Redis[] = [];
  const open = (name: string) => {
    const redis = createQueueConnection(options.redisUrl, "worker", logger, name);
    connections.push(redis);
    return redis;
  };
  const shutdown = new AbortController();
  const jobLockMs = options.jobLockMs ?? 30_000;
  const workers: Worker[] = [];
  let http: WorkerHttpServer | undefined;
  let enqueuer: Enqueuer | undefined;
  let runEnsure: () => Promise<EnsureSchedulersResult> = () =>
    Promise.resolve({ ran: false, upserted: [], removed: [] });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      shutdown.abort();
      const step = async (what: string, action: () => Promise<unknown>) => {
        try {
          await action();
        } catch (error) {
          logger.warn({ err: error, step: what }, "shutdown step failed");
        }
      };
      // Workers first: no new job starts; the active one finishes or, past the deadline, is left
      // for the stalled-job check to move back to waiting.
      await step("workers", () =>
        withDeadline(
          Promise.all(workers.map((worker) => worker.close())),
          options.shutdownDeadlineMs,
          () => Promise.all(workers.map((worker) => worker.close(true))),
        ),
      );
      await step("queues", async () => enqueuer?.close());
      await step("http", async () => http?.close());
      if (options.onClose) await step("on close", options.onClose);
      for (const redis of [...connections, ...(options.ownedConnections ?? [])])
        await step("redis", () => closeConnection(redis));
      logger.info("worker stopped");
    })());

  try {
    enqueuer = createEnqueuer({ redisUrl: options.redisUrl, logger, prefix });
    const lockRedis = open("worker:pending");
    const deps = {
      logger,
      metrics,
      stores: options.stores,
      runSync: options.runSync,
      readAuditChanges: options.readAuditChanges,
      enqueuer,
      redis: lockRedis,
      prefix,
      credentialProblems: createCredentialProblemReporter(
        options.stores.installations,
        options.stores.auditLog,
        logger,
      ),
      shutdown: shutdown.signal,
      ensureSchedulers: () => runEnsure(),
      ...(options.runLockTtlMs ? { runLockTtlMs: options.runLockTtlMs } : {}),
      ...(options.now ? { now: options.now } : {}),
    };
    const processor = createProcessor(deps);
    for (const name of [QUEUE_NAMES.sync, QUEUE_NAMES.audit]) {
      const worker = new Worker(name, processor, {
        connection: open(`worker:${name}`),
        prefix,
        concurrency: options.concurrency,
        // A killed worker's job is back in waiting once its lock lapses and the stalled check runs.
        lockDuration: jobLockMs,
        stalledInterval: Math.max(500, Math.floor(jobLockMs / 2)),
        maxStalledCount: 2,
      });
      // An unhandled `error` event would kill the process.
      worker.on("error", (error) => logger.warn({ err: error, queue: name }, "worker error"));
      worker.on("failed", (job, error) =>
        logger.warn(
          { jobId: job?.id, job: job?.name, err: error, attempts: job?.attemptsMade },
          "job failed",
        ),
      );
      workers.push(worker);
    }
    await Promise.all(workers.map((worker) => worker.waitUntilReady()));

    runEnsure = async () => {
      const connected = await options.stores.installations.listConnected();
      return ensureSchedulers({
        queues: enqueuer?.queues ?? { sync: undefined as never, audit: undefined as never },
        redis: lockRedis,
        connectedOrgs: connected.map((installation) => installation.orgUid),
        syncIntervalMs: options.syncIntervalMs,
        auditPollIntervalMs: options.auditPollIntervalMs,
        logger,
        prefix,
      });
    };
    await runEnsure();

    if (options.http) {
      const readyRedis = lockRedis;
      http = await startWorkerHttpServer({
        ...options.http,
        metrics,
        queues: Object.values(enqueuer.queues),
        logger,
        ready: async () => {
          const redisOk = (await readyRedis.ping().catch(() => "")) === "PONG";
          const workersOk = workers.every((worker) => worker.isRunning());
          return {
            ok: redisOk && workersOk && !shutdown.signal.aborted,
            checks: { redis: redisOk, workers: workersOk },
          };
        },
      });
    }
    logger.info(
      { queues: [QUEUE_NAMES.sync, QUEUE_NAMES.audit], http: http?.url },
      "worker started",
    );
    return {
      enqueuer,
      metrics,
      httpUrl: http?.url,
      workers,
      ensureSchedulers: runEnsure,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  onTimeout: () => Promise<unknown>,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), ms);
  });
  try {
    if ((await Promise.race([work, deadline])) === "late") await onTimeout();
  } finally {
    clearTimeout(timer);
  }
}
