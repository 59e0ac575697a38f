// Applies a plan the removal-share guard held, once an Owner approved it. The approval goes
// through the store (so the web app and the operator command give it the same way); the run then
// re-plans and applies only if the situation is still the one approved.
import { UnrecoverableError } from "bullmq";

import type { JOB_NAMES } from "../queues/constants";
import type { PayloadOf } from "../queues/payloads";
import type { JobHandler } from "./job-context";
import { recordRun } from "./record-run";
import { runOrgJob } from "./run-org-job";

export const applyHeldPlanJob: JobHandler<PayloadOf<typeof JOB_NAMES.applyHeldPlan>> = async (
  payload,
  context,
  deps,
) => {
  const held = await deps.stores.heldPlans.get(payload.orgUid, payload.planId);
  if (!held) throw new UnrecoverableError(`No held plan ${payload.planId} for ${payload.orgUid}`);
  if (!held.approval) throw new UnrecoverableError(`Held plan ${payload.planId} was not approved`);
  const runId = `approved-${context.job.id}-${context.job.attemptsStarted}`;
  const outcome = await runOrgJob(
    {
      orgUid: payload.orgUid,
      kind: "held-plan",
      respectBackoff: false,
      run: (signal) =>
        deps.runSync(payload.orgUid, {
          runId,
          mode: "apply",
          scope: { kind: "full" },
          trigger: "approval",
          approvedPlanId: payload.planId,
          signal,
        }),
    },
    context,
    deps,
  );
  if (outcome.status === "skipped") return outcome;
  await recordRun(deps, payload.orgUid, "manual", outcome.result);
  return { status: "ran", outcome: outcome.result.outcome, planId: outcome.result.planId };
};
