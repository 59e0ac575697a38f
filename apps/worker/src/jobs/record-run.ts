// Run history (packages/store sync-runs): one entry per finished run, with counts and duration.
import type { WorkerDeps } from "./job-context";
import type { SyncResult } from "./org-sync-runner";

/** Store outcomes; a dry run is recorded as what it found. */
function storeOutcome(
  result: SyncResult,
): "applied" | "no-changes" | "held" | "failed" | "aborted" {
  if (result.outcome === "dry-run") return result.counts.applied > 0 ? "applied" : "no-changes";
  return result.outcome;
}

const STORE_TRIGGER: Record<string, string> = { schedule: "scheduled" };

export async function recordRun(
  deps: WorkerDeps,
  orgUid: string,
  trigger: string,
  result: SyncResult,
): Promise<void> {
  if (result.outcome === "dry-run") return;
  const finishedAt = Date.now();
  try {
    await deps.stores.syncRuns.record(orgUid, {
      runId: result.runId,
      trigger: STORE_TRIGGER[trigger] ?? trigger,
      startedAt: finishedAt - result.durationMs,
      finishedAt,
      durationMs: Math.max(0, Math.round(result.durationMs)),
      outcome: storeOutcome(result),
      counts: {
        invites: result.counts.invites,
        roleChanges: result.counts.roleChanges,
        removals: result.counts.removals,
        failed: 0,
        calls: result.calls,
      },
      ...(result.planId ? { planId: result.planId } : {}),
      ...(result.error ? { error: result.error } : {}),
    });
  } catch (error) {
    // History is for people; a failure to write it must not undo or repeat the run.
    deps.logger.warn({ err: error, orgUid, runId: result.runId }, "sync run history not recorded");
  }
}
