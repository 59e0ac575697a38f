import { AUDIT_ENTRY_KINDS, heldPlanStanding } from "@lytics-access/store";
import type { Metadata } from "next";

import { authorize } from "@/lib/server/authorize";
import { syncLink } from "@/lib/server/connect/sync-link";
import { pageSession } from "@/lib/server/page-session";
import { services } from "@/lib/server/services";
import { heldPlanView } from "@/lib/server/sync-page/held-plan-view";
import { readSyncStatus } from "@/lib/server/sync-page/sync-status";

import { AuditLog } from "./_components/audit-log";
import { DryRunPanel } from "./_components/dry-run-panel";
import { HeldPlanCard } from "./_components/held-plan-card";
import { RunHistory } from "./_components/run-history";
import { SyncStatusPanel } from "./_components/sync-status-panel";
import styles from "./_components/sync.module.css";

export const metadata: Metadata = { title: "Sync · Data & Insights access" };
export const dynamic = "force-dynamic";

const RECENTLY_APPROVED_MS = 24 * 60 * 60_000;

/** The background sync (issue 11 "Sync"): Owners and Admins only. */
export default async function SyncPage() {
  const state = await pageSession();
  if (state.status !== "active") return null; // the layout shows the way back
  const view = authorize(state.person, "sync.view");
  if (!view.allowed)
    return (
      <>
        <h1>Sync</h1>
        <p className="la-notice la-notice-warn" data-testid="sync-refused">
          {view.reasons[0]} <span className="la-muted">({view.rule})</span>
        </p>
      </>
    );
  const svc = services();
  const orgUid = state.session.orgUid;
  const [status, runs, held, audit, projects] = await Promise.all([
    readSyncStatus(svc, syncLink(svc), orgUid),
    svc.syncRuns.list(orgUid, { limit: 25 }),
    svc.heldPlans.list(orgUid),
    svc.auditLog.read(orgUid, { limit: 50 }),
    svc
      .lyticsAs(orgUid, state.tokens.accessToken)
      .listProjects()
      .catch(() => []),
  ]);
  const approve = authorize(state.person, "sync.approve-held-plan");
  // Waiting plans, and those approved in the last day (so an approval stays in view, with who
  // gave it, while the worker applies the plan).
  const since = Date.now() - RECENTLY_APPROVED_MS;
  const shown = held
    .filter((plan) => {
      const standing = heldPlanStanding(plan, held).kind;
      return (
        standing === "waiting" ||
        (standing === "approved" && (plan.approval?.approvedAt ?? 0) >= since)
      );
    })
    .map(heldPlanView);
  return (
    <>
      <h1>Sync</h1>
      <div className="la-grid">
        <SyncStatusPanel initial={status} canRun={authorize(state.person, "sync.run").allowed} />
        <DryRunPanel />
      </div>
      <section aria-labelledby="h-held" className={styles.section}>
        <h2 id="h-held">Held plans</h2>
        {shown.length === 0 ? (
          <p className="la-muted" data-testid="no-held-plans">
            No plan is waiting for approval.
          </p>
        ) : (
          shown.map((plan) => (
            <HeldPlanCard
              key={plan.planId}
              plan={plan}
              canApprove={approve.allowed}
              approveRefusal={approve.allowed ? undefined : approve.reasons[0]}
            />
          ))
        )}
      </section>
      <div className={styles.section}>
        <RunHistory runs={runs} />
      </div>
      <div className={styles.section}>
        <AuditLog
          initial={audit}
          kinds={AUDIT_ENTRY_KINDS}
          projects={projects.map((project) => ({ uid: project.uid, name: project.name }))}
        />
      </div>
    </>
  );
}
