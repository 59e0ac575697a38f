import type { Plan, PlanNotice, PlanStep, PlanSummary, StepWhy } from "../plan/plan-types";

/** One line of the diff, as the UI shows it. */
export interface DiffLine {
  readonly stepId: string;
  readonly kind: PlanStep["kind"];
  /** `+` invite, `~` replace roles, `-` remove. */
  readonly sign: "+" | "~" | "-";
  readonly person: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly drift: boolean;
  readonly why: readonly StepWhy[];
}

export interface DiffProject {
  readonly projectId: string;
  readonly name: string;
  readonly lines: readonly DiffLine[];
}

/** The plan as the UI's dry run: grouped by project, in plan order. */
export interface PlanDiff {
  readonly planId: string;
  readonly orgUid: string;
  readonly createdAt: string;
  readonly summary: PlanSummary;
  readonly projects: readonly DiffProject[];
  readonly notices: readonly PlanNotice[];
}

const SIGN = { invite: "+", "replace-roles": "~", remove: "-" } as const;

export function toDiffLine(step: PlanStep): DiffLine {
  return {
    stepId: step.stepId,
    kind: step.kind,
    sign: SIGN[step.kind],
    person: step.person.email ?? step.person.key,
    before: step.kind === "invite" ? [] : step.before,
    after: step.kind === "invite" ? step.roles : step.kind === "remove" ? [] : step.after,
    drift: step.kind === "replace-roles" && step.drift,
    why: step.why,
  };
}

/** Groups a plan's steps by project (projects without steps are left out). */
export function planToDiffJson(plan: Plan): PlanDiff {
  const projects = plan.projects
    .map((project) => ({
      projectId: project.projectId,
      name: project.name,
      lines: plan.steps.filter((step) => step.projectId === project.projectId).map(toDiffLine),
    }))
    .filter((project) => project.lines.length > 0);
  return {
    planId: plan.planId,
    orgUid: plan.orgUid,
    createdAt: plan.createdAt,
    summary: plan.summary,
    projects,
    notices: plan.notices,
  };
}
