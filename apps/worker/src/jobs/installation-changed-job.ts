// An installation connected, reconnected or disconnected after the worker started: its Job
// Schedulers are upserted or removed now, not at the next worker start. The schedulers are
// ensured from the store's installations (not from the payload), so jobs in any order converge.
import type { JOB_NAMES } from "../queues/constants";
import type { PayloadOf } from "../queues/payloads";
import type { JobHandler } from "./job-context";

/** Another process held the schedulers lock; it may have read the installations before the change. */
class SchedulersBusyError extends Error {
  readonly code = "SCHEDULERS_BUSY";
  constructor() {
    super("Job schedulers are being ensured by another process; retrying");
    this.name = "SchedulersBusyError";
  }
}

export const installationChangedJob: JobHandler<
  PayloadOf<typeof JOB_NAMES.installationChanged>
> = async (payload, context, deps) => {
  if (!deps.ensureSchedulers) return { status: "skipped", reason: "no-schedulers" };
  const result = await deps.ensureSchedulers();
  // Retried with backoff (the job's attempts): the next try runs after the other holder is done.
  if (!result.ran) throw new SchedulersBusyError();
  context.logger.info(
    { orgUid: payload.orgUid, change: payload.change },
    "installation changed; schedulers ensured",
  );
  return { status: "ran" };
};
