// Step bookkeeping for crash safety, on packages/store's applied-steps store: done markers and the
// change's audit entry (one atomic script writes both, once), and the content of each claimed step
// until it is done or released, so the run after a crash finds the writes that may have landed
// unaudited and finishes them.
import type { AppliedStepsStore, AuditEntryInput } from "@lytics-access/store";
import type { AuditPort, PlanStep, StepsPort } from "@lytics-access/sync";

export function createStoreStepsPort(appliedSteps: AppliedStepsStore, orgUid: string): StepsPort {
  return {
    async claim(planId, step) {
      const claim = await appliedSteps.claim(orgUid, planId, step.stepId);
      if (claim.status === "done") return "done";
      // "busy" is a claim of a run that died: the organization's run lock is ours, so nobody else
      // is applying, and taking the step over is safe (writes are idempotent, the audit is once).
      await appliedSteps.remember(orgUid, planId, step.stepId, step);
      return "claimed";
    },
    async markDone(planId, stepId) {
      // Usually done already by the audit port (same script, with the entry); this clears the
      // remembered step when it was not.
      await appliedSteps.markDone(orgUid, planId, stepId);
    },
    async unfinished() {
      return (await appliedSteps.unfinished(orgUid)).map(({ planId, content }) => ({
        planId,
        step: content as PlanStep,
      }));
    },
    async release(planId, stepId) {
      await appliedSteps.release(orgUid, planId, stepId);
    },
  };
}

/** The audit entry of an applied step, in packages/store's shape. */
export function changeAppliedEntry(
  change: Parameters<AuditPort["changeApplied"]>[0],
): AuditEntryInput {
  const step: PlanStep = change.step;
  return {
    kind: "change-applied",
    at: Date.parse(change.at),
    actor: { type: "system", name: "sync" },
    runId: change.runId,
    planId: change.planId,
    stepId: step.stepId,
    projectUid: step.projectId,
    person: personOf(step),
    change: step.kind,
    beforeRoles: [...change.before],
    afterRoles: [...change.after],
    why: {
      rules: change.why.map((why) => why.rule),
      text: change.why.map((why) => why.text).join(" "),
    },
  };
}

export function personOf(step: PlanStep): { email?: string; uid?: string } {
  return {
    ...(step.person.email ? { email: step.person.email } : {}),
    ...(step.person.uid ? { uid: step.person.uid } : {}),
  };
}

/** A step that put back roles changed inside Lytics by hand: what was found and what was expected. */
export function driftFoundEntry(
  change: Parameters<AuditPort["changeApplied"]>[0],
): AuditEntryInput | null {
  const step = change.step;
  if (step.kind !== "replace-roles" || !change.drift) return null;
  return {
    kind: "drift-found",
    at: Date.parse(change.at),
    actor: { type: "system", name: "sync" },
    runId: change.runId,
    projectUid: step.projectId,
    person: personOf(step),
    expectedRoles: [...step.after],
    actualRoles: [...step.before],
  };
}

/** The roles record a done step leaves (null: the person is no longer on the project). */
export function syncedRolesOf(step: PlanStep): {
  projectUid: string;
  person: string;
  roles: readonly string[] | null;
} {
  return {
    projectUid: step.projectId,
    person: step.person.key,
    roles: step.kind === "invite" ? step.roles : step.kind === "replace-roles" ? step.after : null,
  };
}
