import { stableHash } from "../ids/stable-hash";
import type { Plan, PlanNotice, PlanProjectView, PlanStep, PlanSummary } from "./plan-types";

/** The parts of a plan its id and summary are derived from. */
export interface PlanContent {
  readonly orgUid: string;
  readonly createdAt: string;
  readonly policyVersion: number;
  readonly scope: Plan["scope"];
  readonly projects: readonly PlanProjectView[];
  readonly steps: readonly PlanStep[];
  readonly notices: readonly PlanNotice[];
  readonly unchanged: number;
  readonly lyticsUsersTotal: number;
}

export function summarize(content: PlanContent): PlanSummary {
  const count = (kind: PlanStep["kind"]) =>
    content.steps.filter((step) => step.kind === kind).length;
  return {
    invites: count("invite"),
    roleChanges: count("replace-roles"),
    drift: content.steps.filter((step) => step.kind === "replace-roles" && step.drift).length,
    removals: count("remove"),
    unchanged: content.unchanged,
    lyticsUsersTotal: content.lyticsUsersTotal,
    peopleLosingAccess: new Set(
      content.steps.filter((step) => step.kind === "remove").map((step) => step.person.key),
    ).size,
  };
}

/**
 * Seals a plan: summary and `planId`. The id hashes everything but `createdAt`, so re-planning the
 * same situation later yields the same id; that is what lets an Owner approve a held plan and the
 * next run recognise it.
 */
export function finalizePlan(content: PlanContent): Plan {
  const summary = summarize(content);
  const planId = stableHash("plan", {
    orgUid: content.orgUid,
    policyVersion: content.policyVersion,
    scope: content.scope,
    steps: content.steps,
    notices: content.notices,
    summary,
  });
  return {
    planId,
    orgUid: content.orgUid,
    createdAt: content.createdAt,
    policyVersion: content.policyVersion,
    scope: content.scope,
    projects: content.projects,
    steps: content.steps,
    notices: content.notices,
    summary,
  };
}

/** The same plan with some steps taken out (a guard dropped them) and notices added; new id. */
export function withoutSteps(
  plan: Plan,
  dropped: ReadonlySet<string>,
  notices: readonly PlanNotice[],
): Plan {
  if (dropped.size === 0 && notices.length === 0) return plan;
  return finalizePlan({
    ...plan,
    steps: plan.steps.filter((step) => !dropped.has(step.stepId)),
    notices: [...plan.notices, ...notices],
    unchanged: plan.summary.unchanged,
    lyticsUsersTotal: plan.summary.lyticsUsersTotal,
  });
}
