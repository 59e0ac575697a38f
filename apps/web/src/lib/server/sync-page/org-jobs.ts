import "server-only";

import type { Enqueuer } from "@lytics-access/worker";

/** The worker's sync queue, as the enqueuer opened it. */
type Queue = Enqueuer["queues"]["sync"];

/** A sync job of the organization that has not finished yet. */
export interface OrgJobView {
  readonly id: string;
  /** `sync.reconcile-org`, `sync.sync-people`, `sync.apply-held-plan`. */
  readonly name: string;
  readonly state: string;
  readonly dryRun: boolean;
  readonly trigger: string | null;
  /** Epoch ms the job was queued. */
  readonly queuedAt: number;
}

// Every state a job sits in before it finishes. The sync queue holds every organization's jobs,
// but only those waiting or running: a few per organization, so a bounded read is enough.
const UNFINISHED = ["active", "waiting", "delayed", "prioritized", "waiting-children"] as const;
const READ_AT_MOST = 500;

/** The organization's sync jobs queued or running now, oldest first. */
export async function unfinishedOrgJobs(queue: Queue, orgUid: string): Promise<OrgJobView[]> {
  const views: OrgJobView[] = [];
  for (const state of UNFINISHED) {
    const jobs = await queue.getJobs([state], 0, READ_AT_MOST - 1, true);
    for (const job of jobs) {
      const data = (job.data ?? {}) as { orgUid?: unknown; dryRun?: unknown; trigger?: unknown };
      if (data.orgUid !== orgUid || !job.id) continue;
      views.push({
        id: job.id,
        name: job.name,
        state,
        dryRun: data.dryRun === true,
        trigger: typeof data.trigger === "string" ? data.trigger : null,
        queuedAt: job.timestamp,
      });
    }
  }
  return views.sort((a, b) => a.queuedAt - b.queuedAt);
}
