import "server-only";

import { plansWaiting, type SyncRun } from "@lytics-access/store";

import type { SyncLink } from "../connect/sync-link";
import type { Services } from "../services";
import { unfinishedOrgJobs, type OrgJobView } from "./org-jobs";

/** The organization's sync at this moment: what the status panel shows and the live feed sends. */
export interface SyncStatus {
  /** `not-connected` when no installation exists. */
  readonly connection: "connected" | "degraded" | "needs-reconnect" | "not-connected";
  readonly statusReason: string | null;
  readonly failureCount: number;
  readonly awaitingImport: boolean;
  /** Sync jobs queued or running now; a run is in progress while this is not empty. */
  readonly jobs: readonly OrgJobView[];
  readonly latestRun: SyncRun | null;
  readonly heldPlans: number;
}

export async function readSyncStatus(
  svc: Pick<Services, "installations" | "syncRuns" | "heldPlans">,
  link: SyncLink,
  orgUid: string,
): Promise<SyncStatus> {
  const [installation, latestRun, held, jobs] = await Promise.all([
    svc.installations.get(orgUid),
    svc.syncRuns.latest(orgUid),
    svc.heldPlans.list(orgUid),
    unfinishedOrgJobs(link.enqueuer().queues.sync, orgUid),
  ]);
  return {
    connection: installation?.status ?? "not-connected",
    statusReason: installation?.statusReason ?? null,
    failureCount: installation?.failureCount ?? 0,
    awaitingImport: installation?.awaitingImport ?? false,
    jobs,
    latestRun,
    heldPlans: plansWaiting(held).length,
  };
}
