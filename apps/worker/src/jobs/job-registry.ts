// Job name -> handler, and the one processor function both Workers run: the payload is parsed
// again here (a bad one fails at once, never retried), and an unknown name is logged and
// completed rather than failed, because a job scheduler can outlive the code that defined it.
import { UnrecoverableError, type Job } from "bullmq";

import { JOB_NAMES, type JobName } from "../queues/constants";
import { InvalidPayloadError } from "../queues/invalid-payload-error";
import { isJobName, parsePayload, type PayloadOf } from "../queues/payloads";
import { applyHeldPlanJob } from "./apply-held-plan-job";
import { installationChangedJob } from "./installation-changed-job";
import type { JobHandler, WorkerDeps } from "./job-context";
import { pollAuditLogJob } from "./poll-audit-log-job";
import { reconcileJob } from "./reconcile-job";
import { syncPeopleJob } from "./sync-people-job";

type Handlers = { [N in JobName]: JobHandler<PayloadOf<N>> };

export const JOB_HANDLERS: Handlers = Object.freeze({
  [JOB_NAMES.reconcile]: reconcileJob,
  [JOB_NAMES.syncPeople]: syncPeopleJob,
  [JOB_NAMES.applyHeldPlan]: applyHeldPlanJob,
  [JOB_NAMES.pollAuditLog]: pollAuditLogJob,
  [JOB_NAMES.installationChanged]: installationChangedJob,
});

export function createProcessor(deps: WorkerDeps, handlers: Partial<Handlers> = {}) {
  const table = { ...JOB_HANDLERS, ...handlers } as Handlers;
  return async (job: Job, token?: string): Promise<unknown> => {
    const logger = deps.logger.child({ jobId: job.id, job: job.name });
    if (!isJobName(job.name)) {
      logger.warn("unknown job name; completed without running");
      return { status: "skipped", reason: "unknown-job" };
    }
    let payload: unknown;
    try {
      payload = parsePayload(job.name, job.data);
    } catch (error) {
      if (error instanceof InvalidPayloadError) {
        logger.error({ err: error }, "invalid job payload");
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
    const handler = table[job.name] as JobHandler<unknown>;
    return handler(payload, { job, token, logger }, deps);
  };
}
