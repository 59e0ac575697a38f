import { normalizeEmail } from "../plan/person-key";
import type { PlanProject } from "../plan/plan-input";
import type { Plan, PlanStep } from "../plan/plan-types";
import { sameRoles } from "../roles/role-set";
import type { SyncPorts } from "./ports";

/** Whether a step's effect is visible in what the run just read. */
export function hasLanded(step: PlanStep, projects: readonly PlanProject[]): boolean {
  const project = projects.find((p) => p.id === step.projectId);
  if (!project) return step.kind === "remove";
  const entry =
    step.kind === "invite"
      ? project.collaborators.find((c) => normalizeEmail(c.email) === normalizeEmail(step.email))
      : project.collaborators.find((c) => c.userUid === step.lyticsUserUid);
  switch (step.kind) {
    case "invite":
      return entry !== undefined && sameRoles(entry.roles, step.roles);
    case "replace-roles":
      return entry !== undefined && sameRoles(entry.roles, step.after);
    case "remove":
      return entry === undefined;
  }
}

/**
 * Finishes what an interrupted run left: a claimed step whose write landed (the re-plan no longer
 * contains it, since actual == desired) is audited and marked done, so the audit entry is never
 * lost; the audit key is the same one the interrupted run used, so a repeat is written once. A
 * claim whose write never landed is left for the current plan when it carries the same step, and
 * released otherwise (the current plan has the step under its own id, or no longer needs it).
 */
export async function recoverSteps(
  ports: SyncPorts,
  context: {
    runId: string;
    orgUid: string;
    plan: Plan;
    projects: readonly PlanProject[];
    actor?: string | undefined;
  },
): Promise<number> {
  let recovered = 0;
  for (const claim of await ports.steps.unfinished()) {
    const { step } = claim;
    if (hasLanded(step, context.projects)) {
      await ports.audit.changeApplied(
        appliedChange(context, claim.planId, step, ports.clock.now()),
      );
      await ports.steps.markDone(claim.planId, step.stepId);
      recovered += 1;
    } else if (
      claim.planId !== context.plan.planId ||
      !context.plan.steps.some((s) => s.stepId === step.stepId)
    ) {
      await ports.steps.release(claim.planId, step.stepId);
    }
  }
  return recovered;
}

/** The audit entry of one applied step; `key` is plan + step, the store's idempotency key. */
export function appliedChange(
  context: { runId: string; orgUid: string; actor?: string | undefined },
  planId: string,
  step: PlanStep,
  nowMs: number,
) {
  return {
    key: `${planId}:${step.stepId}`,
    runId: context.runId,
    planId,
    orgUid: context.orgUid,
    step,
    before: step.kind === "invite" ? [] : step.before,
    after: step.kind === "invite" ? step.roles : step.kind === "remove" ? [] : step.after,
    why: step.why,
    drift: step.kind === "replace-roles" && step.drift,
    at: new Date(nowMs).toISOString(),
    ...(context.actor === undefined ? {} : { actor: context.actor }),
  };
}
