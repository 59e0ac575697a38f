// The frame every writing job runs in: the organization must be connected (and its
// first-connection import accepted: until then a reconcile would remove the collaborators the
// import is about to adopt), its run lock held for
// the whole run (no organization is synced by two workers at once), and failures handled by kind:
// a lost credential stops the organization, a 429 re-delays only this organization's job, a
// transient failure is retried with growing delays (and the organization shows "degraded").
import { UnrecoverableError } from "bullmq";

import { CredentialLostError } from "../credentials/credential-lost-error";
import { ORG_BUSY_DELAY_MS } from "../queues/constants";
import { classifyError } from "./classify-error";
import type { JobContext, WorkerDeps } from "./job-context";
import { delayJob } from "./org-busy";
import type { SyncResult } from "./org-sync-runner";

/** How long the run lock outlives a worker that died holding it, unless the worker says. */
export const DEFAULT_RUN_LOCK_TTL_MS = 60_000;

export type OrgJobOutcome =
  | { readonly status: "skipped"; readonly reason: string }
  | { readonly status: "ran"; readonly result: SyncResult };

export interface OrgJobOptions {
  readonly orgUid: string;
  readonly kind: "reconcile" | "people" | "held-plan";
  /** Scheduled runs respect a degraded organization's backoff; asked-for runs do not. */
  readonly respectBackoff: boolean;
  /** Runs with the lock held; gets a signal aborted if the lock is lost or the worker stops. */
  run(signal: AbortSignal): Promise<SyncResult>;
}

export async function runOrgJob(
  options: OrgJobOptions,
  context: JobContext,
  deps: WorkerDeps,
): Promise<OrgJobOutcome> {
  const { orgUid } = options;
  const { installations, runLock } = deps.stores;
  const installation = await installations.get(orgUid);
  if (!installation) return { status: "skipped", reason: "not-connected" };
  if (installation.status === "needs-reconnect")
    return { status: "skipped", reason: "needs-reconnect" };
  if (installation.awaitingImport) {
    // Not scheduled while it waits (listConnected leaves it out); this catches a job queued anyway
    // ("sync now", a scheduler left from before, an audit-log event).
    context.logger.info(
      { orgUid, job: options.kind },
      "organization awaits its first-connection import; job skipped",
    );
    return { status: "skipped", reason: "awaiting-import" };
  }
  if (
    options.respectBackoff &&
    installation.nextAttemptAt !== undefined &&
    installation.nextAttemptAt > (deps.now ?? Date.now)()
  ) {
    return { status: "skipped", reason: "backing-off" };
  }

  const lockTtlMs = deps.runLockTtlMs ?? DEFAULT_RUN_LOCK_TTL_MS;
  const lock = await runLock.acquire(orgUid, { ttlMs: lockTtlMs });
  if (!lock) {
    context.logger.debug({ orgUid }, "organization busy elsewhere; job delayed");
    return delayJob(context.job, context.token, ORG_BUSY_DELAY_MS);
  }
  const controller = new AbortController();
  const onShutdown = () => controller.abort(new Error("worker shutting down"));
  deps.shutdown.addEventListener("abort", onShutdown, { once: true });
  const keepAlive = setInterval(
    () => {
      lock.extend(lockTtlMs).catch((error: unknown) => {
        context.logger.error({ err: error, orgUid }, "run lock lost; stopping the run");
        controller.abort(error);
      });
      // Four extensions per lifetime: a slow Redis round trip or a busy event loop never loses it.
    },
    Math.max(250, Math.floor(lockTtlMs / 4)),
  );
  try {
    const result = await options.run(controller.signal);
    deps.metrics.runs.inc({ kind: options.kind, outcome: result.outcome });
    for (const change of result.changes) deps.metrics.changes.inc({ kind: change.kind });
    if (result.outcome !== "failed" && result.outcome !== "aborted")
      await installations.recordSuccess(orgUid);
    else
      await installations.recordFailure(orgUid, result.error ?? result.outcome, {
        runId: result.runId,
      });
    return { status: "ran", result };
  } catch (error) {
    return await handleFailure(error, options, context, deps);
  } finally {
    clearInterval(keepAlive);
    deps.shutdown.removeEventListener("abort", onShutdown);
    await lock.release().catch(() => undefined);
  }
}

async function handleFailure(
  error: unknown,
  options: OrgJobOptions,
  context: JobContext,
  deps: WorkerDeps,
): Promise<never> {
  const { orgUid } = options;
  if (error instanceof CredentialLostError) {
    deps.metrics.runs.inc({ kind: options.kind, outcome: "needs-reconnect" });
    await deps.credentialProblems(orgUid, error.problem, error.message);
    throw new UnrecoverableError(`needs reconnect: ${error.message}`);
  }
  const failure = classifyError(error);
  const message = error instanceof Error ? error.message : String(error);
  if (failure.kind === "unauthorized") {
    // The clients already refreshed once after a 401; one that persists means the person is gone
    // or the grant was revoked.
    deps.metrics.runs.inc({ kind: options.kind, outcome: "needs-reconnect" });
    await deps.credentialProblems(
      orgUid,
      "unauthorized",
      `${failure.api} answered ${failure.status}: ${message}`,
    );
    throw new UnrecoverableError(`needs reconnect: ${message}`);
  }
  if (failure.kind === "rate-limited") {
    deps.metrics.runs.inc({ kind: options.kind, outcome: "rate-limited" });
    context.logger.warn(
      { orgUid, api: failure.api, retryAfterMs: failure.retryAfterMs },
      "rate limited; job re-delayed",
    );
    return delayJob(context.job, context.token, failure.retryAfterMs);
  }
  deps.metrics.runs.inc({ kind: options.kind, outcome: "failed" });
  const installation = await deps.stores.installations
    .recordFailure(orgUid, message)
    .catch(() => null);
  context.logger.error(
    { err: error, orgUid, failureCount: installation?.failureCount, status: installation?.status },
    "sync run failed",
  );
  if (failure.kind === "transient") throw error;
  throw new UnrecoverableError(message);
}
