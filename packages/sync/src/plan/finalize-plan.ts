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

/** One pass over the steps. */
export function summarize(content: PlanContent): PlanSummary {
  let invites = 0;
  let roleChanges = 0;
  let drift = 0;
  let removals = 0;
  const losing = new Set<string>();
  for (const step of content.steps) {
    if (step.kind === "invite") invites += 1;
    else if (step.kind === "replace-roles") {
      roleChanges += 1;
      if (step.drift) drift += 1;
    } else {
      removals += 1;
      losing.add(step.person.key);
    }
  }
  return {
    invites,
    roleChanges,
    drift,
    removals,
    unchanged: content.unchanged,
    lyticsUsersTotal: content.lyticsUsersTotal,
    peopleLosingAccess: losing.size,
  };
}

/**
 * Seals a plan: summary and `planId`. The id hashes everything but `createdAt`, so re-planning the
 * same situation later yields the same id; that is what lets an Owner approve a held plan and the
 * next run recognise it. The content is hashed as it is walked (see `stableHash`), never built as
 * one JSON string: a first sync of a large organization has hundreds of thousands of steps.
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
