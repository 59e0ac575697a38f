// A targeted sync of the people waiting in the organization's pending set. Order matters: take the
// run lock first (while waiting for it the job keeps absorbing new events through deduplication),
// then remove the deduplication key, then drain the set. Anything that arrives after the key is
// gone creates exactly one follow-up job, and anything before the drain is in this run.
import type { JOB_NAMES } from "../queues/constants";
import { drainPendingPeople } from "../queues/pending-people";
import type { PayloadOf } from "../queues/payloads";
import type { JobHandler } from "./job-context";
import { recordRun } from "./record-run";
import { runOrgJob } from "./run-org-job";

export const syncPeopleJob: JobHandler<PayloadOf<typeof JOB_NAMES.syncPeople>> = async (
  payload,
  context,
  deps,
) => {
  const runId = `people-${context.job.id}-${context.job.attemptsStarted}`;
  let people: string[] = [];
  let changedAt = new Map<string, number>();
  const outcome = await runOrgJob(
    {
      orgUid: payload.orgUid,
      kind: "people",
      respectBackoff: false,
      async run(signal) {
        await context.job.removeDeduplicationKey();
        const drained = await drainPendingPeople(deps.redis, payload.orgUid, deps.prefix);
        changedAt = drained.changedAt;
        people = [...new Set([...(payload.drained ?? []), ...drained.people])].sort();
        // Kept on the job: if this attempt dies, the retry still knows whom it was for.
        if (drained.people.length > 0)
          await context.job.updateData({ ...payload, drained: people });
        if (people.length === 0) {
          return {
            runId,
            outcome: "no-changes",
            planId: null,
            counts: { invites: 0, roleChanges: 0, removals: 0, drift: 0, applied: 0 },
            calls: 0,
            durationMs: 0,
            changes: [],
          };
        }
        return deps.runSync(payload.orgUid, {
          runId,
          mode: "apply",
          scope: { kind: "people", people },
          trigger: payload.trigger,
          signal,
        });
      },
    },
    context,
    deps,
  );
  if (outcome.status === "skipped") return outcome;
  const { result } = outcome;
  const now = Date.now();
  for (const change of result.changes) {
    const at = change.email ? changedAt.get(change.email) : undefined;
    if (at !== undefined) deps.metrics.propagationSeconds.observe(Math.max(0, (now - at) / 1000));
  }
  if (people.length > 0) await recordRun(deps, payload.orgUid, "person", result);
  context.logger.info(
    {
      orgUid: payload.orgUid,
      people: people.length,
      outcome: result.outcome,
      applied: result.counts.applied,
    },
    "targeted sync finished",
  );
  return {
    status: "ran",
    people,
    outcome: result.outcome,
    counts: result.counts,
    trace: result.trace,
  };
};
