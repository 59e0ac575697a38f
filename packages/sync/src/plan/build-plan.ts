import {
  computeDesiredState,
  type DesiredState,
  type DesiredStateNotice,
} from "@lytics-access/permissions";
import { normalizeRoles } from "../roles/role-set";
import type { ExpiredGrant } from "./active-grants";
import { splitGrants } from "./active-grants";
import { indexMembers, toDesiredStateMember } from "./classify-members";
import { finalizePlan } from "./finalize-plan";
import type { PlanInput } from "./plan-input";
import { scopeFilter } from "./plan-scope";
import type { Plan, PlanNotice, PlanProjectView, PlanStep } from "./plan-types";
import { projectSteps } from "./project-steps";

/** project id -> person key -> values, built once so each project looks up its own part. */
function byProjectAndPerson<T, V>(
  items: readonly T[],
  entriesOf: (item: T) => (readonly [projectId: string, person: string])[],
  valueOf: (item: T) => V,
): Map<string, Map<string, V[]>> {
  const groups = new Map<string, Map<string, V[]>>();
  for (const item of items)
    for (const [projectId, person] of entriesOf(item)) {
      const project = groups.get(projectId) ?? new Map<string, V[]>();
      groups.set(projectId, project);
      const list = project.get(person);
      if (list) list.push(valueOf(item));
      else project.set(person, [valueOf(item)]);
    }
  return groups;
}

// The store keeps one last-synced entry per person and project; if it ever holds more, the last wins.
function firstOf(map: Map<string, string[][]> | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [person, values] of map ?? []) {
    const last = values[values.length - 1];
    if (last) out.set(person, last);
  }
  return out;
}

const toMs = (now: string | number): number => (typeof now === "number" ? now : Date.parse(now));

/**
 * DESIGN §4 "plan before apply": the organization's desired Lytics state (computed by
 * packages/permissions from members, the app's grants and project owners, and the mapping policy)
 * against each project's collaborators now, as `invite`, `replace-roles` and `remove` steps, each
 * with the rules that decided it. Pure and deterministic: the same input gives the same plan, ids
 * included, whatever the input order. A targeted scope keeps only the steps of the people named,
 * computed from the same full desired state.
 *
 * @throws {@link InvalidDesiredStateInputError} (from permissions) when a person or project is listed twice.
 */
export function buildPlan(input: PlanInput): Plan {
  return buildPlanWithState(input).plan;
}

/** {@link buildPlan}, also returning the desired state it was computed from (for traces). */
export function buildPlanWithState(input: PlanInput): { plan: Plan; desired: DesiredState } {
  const nowMs = toMs(input.now);
  const scope = input.scope ?? { kind: "full" as const };
  const grants = splitGrants(input.grants, nowMs);
  const members = input.members.map((member) => toDesiredStateMember(member, input.ownerUid));
  const index = indexMembers(members);
  const desired = computeDesiredState({
    policy: input.policy,
    members,
    projects: input.projects.map((project) => ({
      id: project.id,
      // The app's record of ownership wins; Lytics' creator field fills in until one exists.
      ownerUid: input.projectOwners?.[project.id] ?? project.ownerUid ?? null,
      collaborators: grants.active.get(project.id) ?? [],
      rolesAvailable: project.rolesAvailable,
    })),
  });

  const expired = byProjectAndPerson(
    grants.expired,
    (grant) => [[grant.projectId, grant.uid]],
    (grant): ExpiredGrant => grant,
  );
  const refused = byProjectAndPerson(
    desired.notices,
    (notice) =>
      notice.kind === "role-refused"
        ? notice.uids.map((uid) => [notice.projectId, uid] as const)
        : [],
    (notice): DesiredStateNotice => notice,
  );
  const synced = byProjectAndPerson(
    input.lastSynced ?? [],
    (entry) => [[entry.projectId, entry.person]],
    (entry) => normalizeRoles(entry.roles),
  );
  const none = new Map<string, never[]>();
  const filter = scopeFilter(scope, (key) => index.byKey.get(key)?.email);
  const projectsById = new Map(input.projects.map((project) => [project.id, project]));

  const steps: PlanStep[] = [];
  const views: PlanProjectView[] = [];
  const notices: PlanNotice[] = [];
  const everyone = new Set<string>();
  let unchanged = 0;
  for (const state of desired.projects) {
    const project = projectsById.get(state.projectId);
    if (!project) continue;
    const result = projectSteps({
      orgUid: input.orgUid,
      project,
      desired: state,
      members: index,
      expired: expired.get(project.id) ?? none,
      refused: refused.get(project.id) ?? none,
      lastSynced: firstOf(synced.get(project.id)),
    });
    views.push(result.view);
    for (const person of result.actualPeople) everyone.add(person);
    steps.push(...result.steps.filter((step) => filter.has(step.person)));
    unchanged += result.unchanged.filter(filter.hasKey).length;
    notices.push(...result.notices);
  }
  notices.push(...desired.notices, ...grants.notices);

  const plan = finalizePlan({
    orgUid: input.orgUid,
    createdAt: new Date(nowMs).toISOString(),
    policyVersion: desired.policyVersion,
    scope: scope.kind === "full" ? scope : { kind: "people", people: [...scope.people].sort() },
    projects: views,
    steps,
    notices: notices.filter(filter.notice).sort(noticeOrder),
    unchanged,
    lyticsUsersTotal: everyone.size,
  });
  return { plan, desired };
}

// Notices sorted on content so the plan id does not depend on input order.
function noticeOrder(a: PlanNotice, b: PlanNotice): number {
  const key = (notice: PlanNotice) => `${notice.kind}\u0000${notice.message}`;
  const left = key(a);
  const right = key(b);
  return left < right ? -1 : left > right ? 1 : 0;
}
