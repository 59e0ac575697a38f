import { renderDiff } from "../diff/render-diff";
import { stableHash } from "../ids/stable-hash";
import { buildPlanWithState } from "../plan/build-plan";
import type { PlanProject, PlanScope } from "../plan/plan-input";
import type { Plan } from "../plan/plan-types";
import { evaluateSafety } from "../safety/evaluate-safety";
import { listingGuard } from "../safety/listing-guard";
import type { SafetyDecision } from "../safety/safety-decision";
import { applyPlan } from "./apply-plan";
import { countCalls } from "./call-counter";
import { PersonTrace } from "./person-trace";
import type { MemberListing, SyncPorts } from "./ports";
import { recoverSteps } from "./recover-steps";
import type { RunCounts, RunOutcome, RunReport } from "./run-report";
import { ownerOf, toPlanMembers, toPlanProject } from "./to-plan-input";

/** What to reconcile, and how. */
export interface ReconcileRequest {
  readonly orgUid: string;
  /** @defaultValue a hash of org, start time and scope */
  readonly runId?: string | undefined;
  /** @defaultValue `{ kind: "full" }`; `people` is "sync one person now" and keeps a trace. */
  readonly scope?: PlanScope | undefined;
  /** Plan, check and render only: no write, no audit, no held plan. */
  readonly dryRun?: boolean | undefined;
  /** A plan id an Owner approved: a plan held for its removal share is applied when ids match. */
  readonly approvedPlanId?: string | undefined;
  /** @defaultValue 0.2 */
  readonly maxRemovalShare?: number | undefined;
  /** The connected identity the writes are made with, for the audit log. */
  readonly actor?: string | undefined;
}

/**
 * Every project with its collaborators. The projects' listings go out together (a few requests,
 * well within the Lytics budget, which the client paces); the result keeps the projects' order.
 */
async function readProjects(ports: SyncPorts): Promise<PlanProject[]> {
  const listed = await ports.lytics.listProjects();
  return Promise.all(
    listed.map(async (project) =>
      toPlanProject(project, await ports.lytics.listCollaborators(project.uid)),
    ),
  );
}

const NO_COUNTS: RunCounts = {
  invites: 0,
  roleChanges: 0,
  drift: 0,
  removals: 0,
  unchanged: 0,
  applied: 0,
  skipped: 0,
  recovered: 0,
};

/**
 * One reconcile of an organization (DESIGN §4): read members (count-checked), projects and their
 * collaborators, and the app's records; build the plan; run the guards; then, unless it is a dry
 * run: finish an interrupted run's landed writes, hold the plan if a guard says so (unless this
 * exact plan was approved), or apply it step by step. Every port call is counted in the report.
 */
export async function reconcile(
  rawPorts: SyncPorts,
  request: ReconcileRequest,
): Promise<RunReport> {
  const { ports, calls } = countCalls(rawPorts);
  const started = ports.clock.now();
  const scope = request.scope ?? { kind: "full" as const };
  const runId = request.runId ?? stableHash("run", [request.orgUid, started, scope]);
  const trace = new PersonTrace(scope.kind === "people" ? scope.people : []);
  const safety: SafetyDecision[] = [];
  const report = (
    outcome: RunOutcome,
    extra: Partial<RunReport> = {},
    plan?: Plan,
    counts: Partial<RunCounts> = {},
  ): RunReport => ({
    runId,
    orgUid: request.orgUid,
    planId: plan?.planId ?? null,
    outcome,
    counts: {
      ...NO_COUNTS,
      ...(plan
        ? {
            invites: plan.summary.invites,
            roleChanges: plan.summary.roleChanges,
            drift: plan.summary.drift,
            removals: plan.summary.removals,
            unchanged: plan.summary.unchanged,
          }
        : {}),
      ...counts,
    },
    durationMs: ports.clock.now() - started,
    calls: { ...calls },
    safety,
    trace: trace.entries,
    ...(plan ? { plan } : {}),
    ...extra,
  });
  const abort = async (reasons: readonly string[]): Promise<RunReport> => {
    trace.all("safety", `Run aborted, nothing written: ${reasons.join(" ")}`);
    if (!request.dryRun)
      await ports.audit.record({
        kind: "run-aborted",
        key: `aborted:${runId}`,
        runId,
        orgUid: request.orgUid,
        reasons,
        at: new Date(ports.clock.now()).toISOString(),
      });
    return report("aborted", { error: reasons.join(" ") });
  };

  // 1. Members, and meanwhile the Lytics projects and their collaborators: the listings spend
  // different budgets (Contentstack's 10 reads/s, the Lytics budget), so reading them one after
  // the other only adds the Lytics reads' time to the run. A listing we cannot trust still stops
  // the run before anything is planned or written; the Lytics answers are then dropped.
  const membersRead = ports.members.list();
  const lyticsRead = readProjects(ports);
  // Settled before an abort returns, so no request of this run outlives it; its failure is then
  // not the run's.
  const lyticsSettled = lyticsRead.then(
    () => undefined,
    () => undefined,
  );
  let listing: MemberListing;
  try {
    listing = await membersRead;
  } catch (error) {
    await lyticsSettled;
    const decision = listingGuard({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
    safety.push(decision);
    return abort([decision.reason]);
  }
  const ownerUid = ownerOf(listing);
  const listed = listingGuard({
    ok: true,
    count: listing.members.length,
    total: listing.total,
    ownerPresent: ownerUid !== null && listing.members.some((m) => m.userUid === ownerUid),
  });
  safety.push(listed);
  if (listed.outcome === "abort" || ownerUid === null) {
    await lyticsSettled;
    return abort([listed.reason]);
  }

  // 2. Everything else the plan needs.
  let plan: Plan;
  let projects: PlanProject[];
  try {
    const state = await ports.state.load();
    const members = toPlanMembers(listing, state);
    projects = await lyticsRead;
    trace.reads(members, projects);
    const built = buildPlanWithState({
      orgUid: request.orgUid,
      ownerUid,
      members,
      projects,
      grants: state.grants,
      projectOwners: state.projectOwners,
      policy: state.policy,
      lastSynced: state.lastSynced,
      now: started,
      scope,
    });
    trace.decisions(built.plan, built.desired, members);
    ports.planned?.(built.desired);
    const verdict = evaluateSafety(built.plan, {
      maxRemovalShare: request.maxRemovalShare,
      approvedPlanId: request.approvedPlanId,
    });
    safety.push(...verdict.reasons);
    for (const decision of verdict.reasons)
      if (decision.outcome !== "pass" && trace.touches(built.plan))
        trace.all("safety", decision.reason, decision.rule);
    plan = verdict.plan;

    if (request.dryRun) {
      trace.all("write", "Dry run: nothing written.");
      return report("dry-run", { diff: renderDiff(plan) }, plan);
    }
    const recovered = await recoverSteps(ports, {
      runId,
      orgUid: request.orgUid,
      plan,
      projects,
      actor: request.actor,
    });

    if (verdict.verdict === "hold") {
      const reasons = verdict.reasons.filter((d) => d.outcome === "hold").map((d) => d.reason);
      await ports.held.hold(plan, reasons);
      await ports.audit.record({
        kind: "plan-held",
        key: `held:${plan.planId}`,
        runId,
        plan,
        reasons,
        at: new Date(ports.clock.now()).toISOString(),
      });
      trace.all("write", `Plan ${plan.planId} held for an Owner's approval; nothing written.`);
      return report("held", { diff: renderDiff(plan) }, plan, { recovered });
    }
    if (plan.steps.length === 0) {
      trace.all("write", "Nothing to write: Lytics already matches.");
      return report("no-changes", {}, plan, { recovered });
    }
    if (request.approvedPlanId === plan.planId && verdict.reasons.some((d) => d.outcome === "hold"))
      await ports.audit.record({
        kind: "plan-approved-applied",
        key: `approved:${plan.planId}`,
        runId,
        planId: plan.planId,
        at: new Date(ports.clock.now()).toISOString(),
      });
    if (!trace.touches(plan))
      trace.all("write", "Nothing to write for this person: Lytics already matches.");
    const result = await applyPlan(ports, plan, { runId, actor: request.actor, trace });
    const counts = { applied: result.applied, skipped: result.skipped, recovered };
    if (result.error !== undefined) return report("failed", { error: result.error }, plan, counts);
    return report("applied", {}, plan, counts);
  } catch (error) {
    return report("failed", { error: error instanceof Error ? error.message : String(error) });
  }
}
