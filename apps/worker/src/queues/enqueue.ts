// The one way anything (worker, CLI, web app) asks for work. Every payload is checked here before
// it is added, and again by the worker before it runs.
import { createHash } from "node:crypto";

import type { MappingPolicy } from "@lytics-access/permissions";
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

import {
  DEFAULT_JOB_OPTIONS,
  JOB_NAMES,
  QUEUE_NAMES,
  QUEUE_OF,
  QUEUE_PREFIX,
  peopleDeduplicationId,
  type JobName,
  type QueueName,
} from "./constants";
import { addPendingPeople, normaliseEmails } from "./pending-people";
import { parsePayload, type PayloadInput, type Trigger } from "./payloads";
import { closeConnection, createQueueConnection } from "./redis-connection";

export interface Enqueuer {
  /**
   * A full reconcile now (or a dry run, whose job returns the plan). With `candidatePolicy` (a dry
   * run only) the plan is made under that mapping policy instead of the saved one: the policy
   * editor's preview. Returns the job id.
   */
  syncNow(
    orgUid: string,
    options?: {
      dryRun?: boolean;
      trigger?: Trigger;
      requestedBy?: string;
      candidatePolicy?: MappingPolicy;
    },
  ): Promise<string>;
  /** A targeted sync of these people, coalesced per organization. */
  syncPeople(
    orgUid: string,
    emails: readonly string[],
    options?: { trigger?: Trigger; changedAt?: ReadonlyMap<string, number> },
  ): Promise<string>;
  /** Applies a held plan an Owner approved; the job checks the approver and records the approval. */
  approveHeldPlan(orgUid: string, planId: string, approvedBy: string): Promise<string>;
  /**
   * Tells the workers an installation was connected, reconnected or disconnected (the web app
   * calls this after `installations.connect`/`disconnect`): one worker then upserts or removes
   * that organization's Job Schedulers. Durable (a job, not a pub/sub message), so a change made
   * while every worker is down is still applied.
   */
  installationChanged(
    orgUid: string,
    change: "connected" | "disconnected" | "reconnected",
  ): Promise<string>;
  readonly queues: Readonly<Record<QueueName, Queue>>;
  close(): Promise<void>;
}

export interface EnqueuerOptions {
  redisUrl: string;
  logger?: Logger;
  /** Queue key prefix; tests pass their own. @defaultValue QUEUE_PREFIX */
  prefix?: string;
}

function reconcileDeduplicationId(
  orgUid: string,
  options: { dryRun?: boolean; candidatePolicy?: MappingPolicy },
): string {
  const base = `reconcile:${orgUid}:${options.dryRun ? "dry" : "apply"}`;
  if (!options.candidatePolicy) return base;
  const digest = createHash("sha256")
    .update(JSON.stringify(options.candidatePolicy))
    .digest("hex")
    .slice(0, 16);
  return `${base}:policy-${digest}`;
}

export function createEnqueuer(options: EnqueuerOptions): Enqueuer {
  const prefix = options.prefix ?? QUEUE_PREFIX;
  const connections: Redis[] = [];
  const open = (name: string) => {
    const redis = createQueueConnection(options.redisUrl, "producer", options.logger, name);
    connections.push(redis);
    return redis;
  };
  const queues = {
    [QUEUE_NAMES.sync]: new Queue(QUEUE_NAMES.sync, { connection: open("producer:sync"), prefix }),
    [QUEUE_NAMES.audit]: new Queue(QUEUE_NAMES.audit, {
      connection: open("producer:audit"),
      prefix,
    }),
  } satisfies Record<QueueName, Queue>;
  for (const queue of Object.values(queues)) {
    // An unhandled `error` event would kill the process.
    queue.on("error", (error) =>
      options.logger?.warn({ err: error, queue: queue.name }, "queue error"),
    );
  }
  const pendingRedis = open("producer:pending");

  async function add<N extends JobName>(name: N, data: PayloadInput<N>, opts: JobsOptions = {}) {
    const payload = parsePayload(name, data);
    const job = await queues[QUEUE_OF[name]].add(name, payload, {
      ...DEFAULT_JOB_OPTIONS,
      ...opts,
    });
    if (!job.id) throw new Error(`BullMQ returned no id for ${name}`);
    return job.id;
  }

  let closing: Promise<void> | undefined;
  return {
    queues,
    syncNow: (orgUid, syncOptions = {}) =>
      add(
        JOB_NAMES.reconcile,
        {
          orgUid,
          dryRun: syncOptions.dryRun ?? false,
          trigger: syncOptions.trigger ?? "manual",
          ...(syncOptions.requestedBy ? { requestedBy: syncOptions.requestedBy } : {}),
          ...(syncOptions.candidatePolicy ? { candidatePolicy: syncOptions.candidatePolicy } : {}),
        },
        // Repeated clicks while one run waits collapse into that run; previews of different
        // candidate policies are different runs.
        { deduplication: { id: reconcileDeduplicationId(orgUid, syncOptions) } },
      ),
    async syncPeople(orgUid, emails, peopleOptions = {}) {
      const data = { orgUid, trigger: peopleOptions.trigger ?? "audit-log" };
      parsePayload(JOB_NAMES.syncPeople, data);
      const people = normaliseEmails(emails);
      if (people.length === 0) throw new RangeError("syncPeople: no email given");
      // The set first, then the job: the job drains the set only after it is active, so nobody
      // added here can miss a run.
      await addPendingPeople(pendingRedis, orgUid, people, {
        prefix,
        ...(peopleOptions.changedAt ? { changedAt: peopleOptions.changedAt } : {}),
      });
      return add(JOB_NAMES.syncPeople, data, {
        deduplication: { id: peopleDeduplicationId(orgUid) },
      });
    },
    // Not deduplicated: a change arriving while an earlier job runs must get its own run, since
    // that job may have read the installations before it.
    installationChanged: (orgUid, change) =>
      add(
        JOB_NAMES.installationChanged,
        { orgUid, change },
        { attempts: 8, backoff: { type: "exponential", delay: 500 } },
      ),
    approveHeldPlan: (orgUid, planId, approvedBy) =>
      add(
        JOB_NAMES.applyHeldPlan,
        { orgUid, planId, approvedBy },
        { jobId: `approve-${orgUid}-${planId}` },
      ),
    close() {
      closing ??= (async () => {
        for (const queue of Object.values(queues)) await queue.close().catch(() => undefined);
        for (const redis of connections) await closeConnection(redis);
      })();
      return closing;
    },
  };
}
