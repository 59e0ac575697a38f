// The sync's audit and held-plan ports on packages/store. An applied change is audited together
// with its step's done marker in one atomic write, keyed by plan and step, so a repeat after a
// crash writes nothing twice. A plan held again by the next scheduled run is the same plan (same
// id): it is held and audited once.
import type { AppliedStepsStore, AuditLogStore, HeldPlansStore } from "@lytics-access/store";
import type { AuditPort, HeldPort } from "@lytics-access/sync";
import type { Logger } from "pino";

import { changeAppliedEntry, driftFoundEntry, syncedRolesOf } from "./store-steps-port";

export function createStoreAuditPort(
  appliedSteps: AppliedStepsStore,
  orgUid: string,
  logger: Logger,
): AuditPort {
  return {
    async changeApplied(change) {
      // One script: the done marker, the change's entry, a drift-found entry when the step put
      // back roles changed by hand, and the roles record the next run's drift check reads.
      const drift = driftFoundEntry(change);
      const done = await appliedSteps.markDone(orgUid, change.planId, change.step.stepId, {
        audit: changeAppliedEntry(change),
        ...(drift ? { alsoAudit: [drift] } : {}),
        synced: syncedRolesOf(change.step),
      });
      if (done && drift) logger.warn({ orgUid, projectUid: change.step.projectId, stepId: change.step.stepId }, "drift found and put back");
    },
    async record(event) {
      // plan-held is audited by the held port when the plan is first held; approvals by the
      // held-plans store; an aborted run by its run-finished entry.
      logger.debug({ orgUid, kind: event.kind, runId: event.runId }, "sync event");
    },
  };
}

export function createStoreHeldPort(
  heldPlans: HeldPlansStore,
  auditLog: AuditLogStore,
  orgUid: string,
  maxRemovalShare: number,
): HeldPort {
  return {
    async hold(plan) {
      const total = Math.max(1, plan.summary.lyticsUsersTotal);
      const share = Math.min(1, plan.summary.peopleLosingAccess / total);
      try {
        await heldPlans.hold(orgUid, {
          planId: plan.planId,
          plan,
          removals: plan.summary.removals,
          share,
          threshold: maxRemovalShare,
        });
      } catch (error) {
        if ((error as { code?: unknown }).code === "STORE_ALREADY_EXISTS") return;
        throw error;
      }
      await auditLog.append(orgUid, {
        kind: "plan-held",
        actor: { type: "system", name: "sync" },
        planId: plan.planId,
        removals: plan.summary.removals,
        share,
        threshold: maxRemovalShare,
      });
    },
  };
}
