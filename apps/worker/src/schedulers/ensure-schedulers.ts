// One place upserts the per-organization Job Schedulers: at worker start (behind a short lock, so
// replicas starting together do it once) and whenever an installation connects or disconnects.
// Schedulers are upserted, never removed and re-added (bullmq#3063: removing first can lose the
// next run); only organizations that are no longer connected lose theirs. An organization whose
// first-connection import is not accepted yet is not "connected" here (the installations store's
// `listConnected` leaves it out): it gets no schedulers, and loses any it had.
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

import {
  JOB_NAMES,
  POLL_JOB_OPTIONS,
  DEFAULT_JOB_OPTIONS,
  QUEUE_PREFIX,
  schedulerId,
} from "../queues/constants";
import { parsePayload } from "../queues/payloads";

export interface SchedulerQueues {
  readonly sync: Queue;
  readonly audit: Queue;
}

export interface EnsureSchedulersOptions {
  queues: SchedulerQueues;
  /** Any connection, used for the short lock. */
  redis: Redis;
  /**
   * Organizations that should have schedulers: `installations.listConnected()` (not needing a
   * reconnect, not awaiting their import).
   */
  connectedOrgs: readonly string[];
  syncIntervalMs: number;
  auditPollIntervalMs: number;
  logger?: Logger;
  /** @defaultValue QUEUE_PREFIX */
  prefix?: string;
  /** How long the lock lasts if its holder dies. @defaultValue 30000 */
  lockTtlMs?: number;
}

export interface EnsureSchedulersResult {
  /** False when another process held the lock and did the work. */
  readonly ran: boolean;
  readonly upserted: readonly string[];
  readonly removed: readonly string[];
}

const RELEASE_IF_MINE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0`;

async function upsertFor(options: EnsureSchedulersOptions, orgUid: string): Promise<void> {
  const { queues } = options;
  await queues.sync.upsertJobScheduler(
    schedulerId.reconcile(orgUid),
    { every: options.syncIntervalMs },
    {
      name: JOB_NAMES.reconcile,
      data: parsePayload(JOB_NAMES.reconcile, { orgUid, dryRun: false, trigger: "schedule" }),
      opts: { ...DEFAULT_JOB_OPTIONS, attempts: 1 },
    },
  );
  await queues.audit.upsertJobScheduler(
    schedulerId.pollAuditLog(orgUid),
    { every: options.auditPollIntervalMs },
    {
      name: JOB_NAMES.pollAuditLog,
      data: parsePayload(JOB_NAMES.pollAuditLog, { orgUid }),
      opts: POLL_JOB_OPTIONS,
    },
  );
}

/** The organization a scheduler id belongs to, or null for ids this module did not make. */
function orgOfScheduler(id: string): string | null {
  const match = /^(?:reconcile|poll-audit):(.+)$/.exec(id);
  return match?.[1] ?? null;
}

/** Upserts schedulers for the connected organizations and removes the others'. */
export async function ensureSchedulers(
  options: EnsureSchedulersOptions,
): Promise<EnsureSchedulersResult> {
  const lockKey = `${options.prefix ?? QUEUE_PREFIX}:schedulers-lock`;
  const token = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const acquired = await options.redis.set(lockKey, token, "PX", options.lockTtlMs ?? 30_000, "NX");
  if (acquired !== "OK") {
    options.logger?.debug("schedulers are being ensured by another process");
    return { ran: false, upserted: [], removed: [] };
  }
  try {
    const wanted = new Set(options.connectedOrgs);
    for (const orgUid of wanted) await upsertFor(options, orgUid);
    const removed: string[] = [];
    for (const queue of [options.queues.sync, options.queues.audit]) {
      for (const scheduler of await queue.getJobSchedulers(0, -1)) {
        const id = scheduler.key;
        const orgUid = orgOfScheduler(id);
        if (orgUid !== null && !wanted.has(orgUid)) {
          await queue.removeJobScheduler(id);
          removed.push(id);
        }
      }
    }
    options.logger?.info({ organizations: wanted.size, removed }, "job schedulers ensured");
    return { ran: true, upserted: [...wanted], removed };
  } finally {
    await options.redis.eval(RELEASE_IF_MINE, 1, lockKey, token);
  }
}
