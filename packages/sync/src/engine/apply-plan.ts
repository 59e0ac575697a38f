import type { Plan, PlanStep } from "../plan/plan-types";
import type { PersonTrace } from "./person-trace";
import type { SyncPorts } from "./ports";
import { appliedChange, claimScope } from "./recover-steps";

export interface ApplyResult {
  readonly applied: number;
  readonly skipped: number;
  /** Set when a write failed; the steps after it were not attempted. */
  readonly error?: string;
}

function write(ports: SyncPorts, step: PlanStep): Promise<unknown> {
  switch (step.kind) {
    case "invite":
      return ports.lytics.invite(step.projectId, step.email, step.roles);
    case "replace-roles":
      return ports.lytics.replaceRoles(step.projectId, step.lyticsUserUid, step.after);
    case "remove":
      return ports.lytics.remove(step.projectId, step.lyticsUserUid);
  }
}

/**
 * Applies a plan step by step: claim, write, audit, mark done, each keyed by the plan and the run
 * (a later run that needs the very same change, because someone undid it in Lytics, applies and
 * audits it again). Whatever point a crash hits, the next run finishes without a second write or
 * audit: before the write, recovery releases the claim and the re-plan has the step and does it;
 * after the write, the re-plan no longer has it (actual == desired) and recovery audits it under
 * the interrupted run's idempotency key and marks it done; after the audit, the store has the
 * key already. Stops at the first failed write: the next run re-plans from
 * what is really there, and the HTTP core has retried what was worth retrying.
 */
export async function applyPlan(
  ports: SyncPorts,
  plan: Plan,
  context: { runId: string; actor?: string | undefined; trace: PersonTrace },
): Promise<ApplyResult> {
  let applied = 0;
  let skipped = 0;
  const scope = claimScope(plan.planId, context.runId);
  for (const step of plan.steps) {
    if ((await ports.steps.claim(scope, step)) === "done") {
      skipped += 1;
      context.trace.step(step, "already applied by an earlier run; skipped.");
      continue;
    }
    try {
      await write(ports, step);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      context.trace.step(step, `write failed: ${message}`);
      return {
        applied,
        skipped,
        error: `${step.kind} ${step.stepId} on ${step.projectId}: ${message}`,
      };
    }
    await ports.audit.changeApplied(
      appliedChange(
        { runId: context.runId, orgUid: plan.orgUid, actor: context.actor },
        scope,
        step,
        ports.clock.now(),
      ),
    );
    await ports.steps.markDone(scope, step.stepId);
    applied += 1;
    context.trace.step(step, "written and audited.");
  }
  return { applied, skipped };
}
