import "server-only";

import { plansWaiting, type Installation, type SyncRun } from "@lytics-access/store";

import { authorize } from "./authorize";
import type { SessionState } from "./load-session";
import { organizationProjectNames } from "./org-credential";
import type { Services } from "./services";

type Active = Extract<SessionState, { status: "active" }>;

export interface OverviewData {
  readonly organizationName: string | null;
  /** Data & Insights (Lytics) project names of the organization; null when they could not be read. */
  readonly projectNames: readonly string[] | null;
  readonly projectsError: string | null;
  /**
   * How many projects the organization has: the person's own count when they list every project
   * (Owners and Admins), else read with the organization's connected credential; null when unknown.
   */
  readonly organizationProjectCount: number | null;
  /**
   * Whether a Data & Insights account of the organization bears its name (DESIGN §5), judged on
   * every project of the organization, not only those the person may list (a Member on one
   * project named otherwise is no mismatch); null when unknown.
   */
  readonly namesMatch: boolean | null;
  /** True when the person lists every project (Owners and Admins). */
  readonly listsEveryProject: boolean;
  readonly installation: Installation | null;
  readonly lastRun: SyncRun | null;
  readonly heldPlansWaiting: number;
  /** Owners and Admins may connect or reconnect (permissions: org settings). */
  readonly canConnect: boolean;
  readonly connectRefusal: readonly string[];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Everything the Overview shows, read on the server with the person's own token and the store. */
export async function loadOverview(svc: Services, state: Active): Promise<OverviewData> {
  const { orgUid } = state.session;
  const token = state.tokens.accessToken;
  const [organization, projects, installation, lastRun, held] = await Promise.allSettled([
    svc.contentstackAs(orgUid, token).getOrganization(),
    svc.lyticsAs(orgUid, token).listProjects(),
    svc.installations.get(orgUid),
    svc.syncRuns.latest(orgUid),
    svc.heldPlans.list(orgUid),
  ]);
  const decision = authorize(state.person, "sync.connect");
  const listsEveryProject = state.person.role === "owner" || state.person.role === "admin";
  const ownNames = projects.status === "fulfilled" ? projects.value.map((p) => p.name) : null;
  const allNames = listsEveryProject ? ownNames : await organizationProjectNames(svc, orgUid);
  const organizationName = organization.status === "fulfilled" ? organization.value.name : null;
  const waiting = held.status === "fulfilled" ? plansWaiting(held.value) : [];
  return {
    organizationName,
    projectNames: ownNames,
    projectsError: projects.status === "rejected" ? errorText(projects.reason) : null,
    organizationProjectCount: allNames?.length ?? null,
    namesMatch: namesMatch(organizationName, allNames),
    listsEveryProject,
    installation: installation.status === "fulfilled" ? installation.value : null,
    lastRun: lastRun.status === "fulfilled" ? lastRun.value : null,
    heldPlansWaiting: waiting.length,
    canConnect: decision.allowed,
    connectRefusal: decision.allowed ? [] : decision.reasons,
  };
}

/** True when the Data & Insights account name is the organization's (DESIGN §5: they must match). */
export function namesMatch(
  orgName: string | null,
  projectNames: readonly string[] | null,
): boolean | null {
  if (orgName === null || projectNames === null || projectNames.length === 0) return null;
  const norm = (value: string) => value.trim().toLowerCase();
  return projectNames.some((name) => norm(name) === norm(orgName));
}
