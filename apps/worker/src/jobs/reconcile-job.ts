// A full reconcile of one organization (scheduled, "sync now", or a dry run that only records the
// plan and its readable diff).
import type { PayloadOf } from "../queues/payloads";
import type { JOB_NAMES } from "../queues/constants";
import type { JobHandler } from "./job-context";
import { recordRun } from "./record-run";
import { runOrgJob } from "./run-org-job";

export const reconcileJob: JobHandler<PayloadOf<typeof JOB_NAMES.reconcile>> = async (
  payload,
  context,
  deps,
) => {
  const runId = `run-${context.job.id}-${context.job.attemptsStarted}`;
  const outcome = await runOrgJob(
    {
      orgUid: payload.orgUid,
      kind: "reconcile",
      respectBackoff: payload.trigger === "schedule",
      run: (signal) =>
        deps.runSync(payload.orgUid, {
          runId,
          mode: payload.dryRun ? "dry-run" : "apply",
          scope: { kind: "full" },
          trigger: payload.trigger,
          policy: payload.candidatePolicy,
          signal,
        }),
    },
    context,
    deps,
  );
  if (outcome.status === "skipped") return outcome;
  await recordRun(deps, payload.orgUid, payload.trigger, outcome.result);
  return {
    status: "ran",
    outcome: outcome.result.outcome,
    planId: outcome.result.planId,
    counts: outcome.result.counts,
    diff: outcome.result.diff,
    // What the web app's dry run shows (the sync page, the policy editor's preview).
    ...(payload.dryRun
      ? { plan: outcome.result.plan ?? null, safety: outcome.result.safety ?? [] }
      : {}),
    ...(payload.candidatePolicy ? { policyVersion: payload.candidatePolicy.version } : {}),
  };
};
