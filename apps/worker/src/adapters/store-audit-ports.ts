// The sync's audit and held-plan ports on packages/store. An applied change is audited together
// with its step's done marker in one atomic write, keyed by plan and step, so a repeat after a
// crash writes nothing twice. A plan held again by the next scheduled run is the same plan (same
// id): it is held and audited once.
import type {
  AppliedStepsStore,
  AuditEntryInput,
  AuditLogStore,
  GrantsStore,
  HeldPlansStore,
} from "@lytics-access/store";
import type { AuditPort, HeldPort, PlanStep } from "@lytics-access/sync";
import type { Logger } from "pino";

import { changeAppliedEntry, driftFoundEntry, syncedRolesOf } from "./store-steps-port";

/**
 * The `grant-expired` entries of a step that took away what lapsed grants gave: which grant, its
 * roles and when it expired (the store's grants of that person on that project, expired by `at`).
 */
async function grantExpiredEntries(
  grants: GrantsStore,
  orgUid: string,
  step: PlanStep,
  runId: string,
  at: number,
): Promise<AuditEntryInput[]> {
  if (!step.why.some((why) => why.rule === "sync.grant-expired")) return [];
  const person = step.person.uid
    ? { uid: step.person.uid }
    : step.person.email
      ? { email: step.person.email }
      : null;
  if (!person) return [];
  const lapsed = (await grants.listByPerson(orgUid, person)).filter(
    (grant) =>
      grant.projectUid === step.projectId && grant.expiresAt !== undefined && grant.expiresAt <= at,
  );
  return lapsed.map((grant) => ({
    kind: "grant-expired",
    at,
    actor: { type: "system", name: "sync" },
    runId,
    grantId: grant.id,
    projectUid: grant.projectUid,
    person: {
      ...(step.person.email ? { email: step.person.email } : {}),
      ...(step.person.uid ? { uid: step.person.uid } : {}),
    },
    roles: [...grant.roles],
    expiresAt: grant.expiresAt ?? at,
  }));
}

export function createStoreAuditPort(
  appliedSteps: AppliedStepsStore,
  orgUid: string,
  logger: Logger,
  grants?: GrantsStore,
): AuditPort {
  return {
    async changeApplied(change) {
      // One script: the done marker, the change's entry, a drift-found entry when the step put
      // back roles changed by hand, grant-expired entries when it took away what a lapsed grant
      // gave, and the roles record the next run's drift check reads.
      const drift = driftFoundEntry(change);
      const expired = grants
        ? await grantExpiredEntries(
            grants,
            orgUid,
            change.step,
            change.runId,
            Date.parse(change.at),
          )
        : [];
      const alsoAudit = [...(drift ? [drift] : []), ...expired];
      const done = await appliedSteps.markDone(orgUid, change.planId, change.step.stepId, {
        audit: changeAppliedEntry(change),
        ...(alsoAudit.length > 0 ? { alsoAudit } : {}),
        synced: syncedRolesOf(change.step),
      });
      if (done && drift)
        logger.warn(
          { orgUid, projectUid: change.step.projectId, stepId: change.step.stepId },
          "drift found and put back",
        );
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
