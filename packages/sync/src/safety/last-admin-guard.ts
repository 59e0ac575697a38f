import { withoutSteps } from "../plan/finalize-plan";
import type { Plan, PlanNotice, PlanStep } from "../plan/plan-types";
import { byString } from "../roles/role-set";
import type { SafetyDecision } from "./safety-decision";

const losesAdmin = (step: PlanStep): boolean =>
  (step.kind === "remove" && step.before.includes("admin")) ||
  (step.kind === "replace-roles" && step.before.includes("admin") && !step.after.includes("admin"));

const gainsAdmin = (step: PlanStep): boolean =>
  step.kind === "replace-roles" && !step.before.includes("admin") && step.after.includes("admin");

/**
 * DESIGN §3.3 (`project.guard.last-admin`): never remove or demote the last holder of `admin` on
 * a project. When a plan would leave a project that has an Admin now with none, one holder keeps
 * Admin: the step that would take it from them is dropped, with a notice; the next run retries it
 * once someone else holds Admin. An invitation does not count as a holder until it is accepted.
 */
export function lastAdminGuard(plan: Plan): { decision: SafetyDecision; plan: Plan } {
  const dropped = new Set<string>();
  const notices: PlanNotice[] = [];
  for (const project of plan.projects) {
    if (project.adminsBefore.length === 0) continue;
    const steps = plan.steps.filter((step) => step.projectId === project.projectId);
    const losing = steps.filter(losesAdmin);
    if (losing.length === 0) continue;
    const losingKeys = new Set(losing.map((step) => step.person.key));
    const keeping = project.adminsBefore.filter((key) => !losingKeys.has(key));
    if (keeping.length > 0 || steps.some(gainsAdmin)) continue;
    // Keep the first holder in key order, so the choice does not depend on input order.
    const kept = [...losing].sort((a, b) => byString(a.person.key, b.person.key))[0];
    if (!kept) continue;
    dropped.add(kept.stepId);
    notices.push({
      kind: "last-admin-kept",
      projectId: project.projectId,
      person: kept.person.key,
      droppedStepId: kept.stepId,
      message: `${kept.kind === "remove" ? "Removing" : "Demoting"} ${kept.person.email ?? kept.person.key} on ${project.name} is skipped: they are the last person with Admin there (project.guard.last-admin).`,
    });
  }
  if (dropped.size === 0)
    return {
      decision: {
        guard: "last-admin",
        outcome: "pass",
        rule: "safety.last-admin.ok",
        reason: "Every project keeps at least one Admin.",
      },
      plan,
    };
  return {
    decision: {
      guard: "last-admin",
      outcome: "adjust",
      rule: "project.guard.last-admin",
      reason: notices.map((notice) => notice.message).join(" "),
      data: { dropped: dropped.size },
    },
    plan: withoutSteps(plan, dropped, notices),
  };
}
