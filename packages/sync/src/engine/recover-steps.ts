import { stableHash } from "../ids/stable-hash";
import { normalizeEmail } from "../plan/person-key";
import type { PlanProject } from "../plan/plan-input";
import type { Plan, PlanStep } from "../plan/plan-types";
import { sameRoles } from "../roles/role-set";
import type { SyncPorts } from "./ports";

/**
 * What a run's claims, done markers and audit keys are scoped to: the plan and the run. The plan
 * alone is not enough: plan ids are content hashes, so demote-promote-demote yields the same plan
 * twice, and the second application must not be skipped as "done". The run id is hashed because
 * BullMQ job ids hold colons, which store keys and fields do not.
 */
export function claimScope(planId: string, runId: string): string {
  return `${planId}@${stableHash("run", runId).slice(-16)}`;
}

/** The plan id inside a claim scope. */
export function planIdOf(scope: string): string {
  return scope.split("@")[0] ?? scope;
}

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
 * claim whose write never landed is released: the current run's plan has the step again if it is
 * still needed, and applies it under the current run's own scope.
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
    } else {
      // Never landed: the current run applies it under its own scope if its plan still has it.
      await ports.steps.release(claim.planId, step.stepId);
    }
  }
  return recovered;
}

/**
 * The audit entry of one applied step; `key` is the claim scope (plan and run) + step, the
 * store's idempotency key.
 */
export function appliedChange(
  context: { runId: string; orgUid: string; actor?: string | undefined },
  scope: string,
  step: PlanStep,
  nowMs: number,
) {
  return {
    key: `${scope}:${step.stepId}`,
    runId: context.runId,
    planId: planIdOf(scope),
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
