import "server-only";

import { QUEUE_NAMES, enqueueAndWait } from "@lytics-access/worker";

import { syncLink } from "../connect/sync-link";
import type { Services } from "../services";

/** How long "Sync this person now" waits for the worker before answering "still running". */
export const SYNC_PERSON_WAIT_MS = 20_000;

/** One line of the sync's step-by-step account (phase: read, decide, safety, write). */
export interface TraceLine {
  readonly phase: string;
  readonly text: string;
}

export type SyncPersonOutcome =
  | {
      readonly status: "finished";
      readonly jobId: string;
      /** The run's outcome (applied, no-changes, held, failed...), or `skipped` with why. */
      readonly outcome: string;
      readonly reason: string | null;
      readonly trace: readonly TraceLine[];
    }
  /** Not finished within the wait: it stays queued and runs when a worker takes it. */
  | { readonly status: "queued"; readonly jobId: string | null; readonly reason: string }
  | { readonly status: "failed"; readonly jobId: string | null; readonly reason: string };

interface JobReturn {
  status?: unknown;
  outcome?: unknown;
  reason?: unknown;
  trace?: unknown;
}

/** The trace entries about this person (the job may have synced others who were waiting too). */
export function traceFor(trace: unknown, email: string): TraceLine[] {
  if (!Array.isArray(trace)) return [];
  const who = email.trim().toLowerCase();
  return trace.flatMap((entry: unknown) => {
    const e = entry as { person?: unknown; phase?: unknown; text?: unknown };
    return typeof e.person === "string" &&
      e.person.trim().toLowerCase() === who &&
      typeof e.phase === "string" &&
      typeof e.text === "string"
      ? [{ phase: e.phase, text: e.text }]
      : [];
  });
}

/** Reads a sync-people job's return value (apps/worker's sync-people-job) for one person. */
export function readSyncPersonResult(
  jobId: string,
  result: unknown,
  email: string,
): SyncPersonOutcome {
  const value = (result ?? {}) as JobReturn;
  if (value.status === "skipped")
    return {
      status: "finished",
      jobId,
      outcome: "skipped",
      reason: typeof value.reason === "string" ? value.reason : "The worker skipped the run.",
      trace: [],
    };
  return {
    status: "finished",
    jobId,
    outcome: typeof value.outcome === "string" ? value.outcome : "unknown",
    reason: null,
    trace: traceFor(value.trace, email),
  };
}

/**
 * Queues a targeted sync of one person through the worker (coalesced with anyone else waiting)
 * and waits a bounded time for its report. A run that does not finish in time stays queued; the
 * caller says so rather than pretending it ran.
 */
export async function syncPersonNow(
  svc: Services,
  orgUid: string,
  email: string,
  waitMs: number = SYNC_PERSON_WAIT_MS,
): Promise<SyncPersonOutcome> {
  const enqueuer = syncLink(svc).enqueuer();
  const queue = enqueuer.queues[QUEUE_NAMES.sync];
  let queuedId: string | null = null;
  try {
    const { jobId, result } = await enqueueAndWait(
      {
        redisUrl: svc.env.REDIS_URL,
        queue,
        prefix: queue.opts.prefix ?? "bull",
        timeoutMs: waitMs,
      },
      () => enqueuer.syncPeople(orgUid, [email], { trigger: "manual" }),
      (id) => {
        queuedId = id;
      },
    );
    return readSyncPersonResult(jobId, result, email);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: /did not finish/.test(message) ? "queued" : "failed",
      jobId: queuedId,
      reason: message,
    };
  }
}
