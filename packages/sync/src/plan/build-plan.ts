import {
  computeDesiredState,
  type DesiredState,
  type DesiredStateNotice,
} from "@lytics-access/permissions";
import type { ExpiredGrant } from "./active-grants";
import { splitGrants } from "./active-grants";
import { indexMembers, toDesiredStateMember } from "./classify-members";
import { finalizePlan } from "./finalize-plan";
import type { LastSyncedRoles, PlanInput } from "./plan-input";
import { scopeFilter } from "./plan-scope";
import type { Plan, PlanNotice, PlanProjectView, PlanStep } from "./plan-types";
import { PeopleSeen, projectSteps } from "./project-steps";

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

// The store keeps one last-synced entry per person and project; if it ever holds more, the last
// wins. The roles stay as stored: they are only compared as sets (`sameRoles`), on drift checks.
function lastSyncedByProject(
  entries: readonly LastSyncedRoles[],
): Map<string, Map<string, readonly string[]>> {
  const byProject = new Map<string, Map<string, readonly string[]>>();
  for (const entry of entries) {
    let project = byProject.get(entry.projectId);
    if (!project) {
      project = new Map();
      byProject.set(entry.projectId, project);
    }
    project.set(entry.person, entry.roles);
  }
  return byProject;
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
  const synced = lastSyncedByProject(input.lastSynced ?? []);
  const none = new Map<string, never>();
  const filter = scopeFilter(scope, (key) => index.byKey(key)?.email);
  const projectsById = new Map(input.projects.map((project) => [project.id, project]));

  const steps: PlanStep[] = [];
  const views: PlanProjectView[] = [];
  const notices: PlanNotice[] = [];
  const everyone = new PeopleSeen(index.size);
  let unchanged = 0;
  // Appends one at a time: `push(...list)` passes every element as an argument, which overflows
  // the stack for lists of a few hundred thousand (a first sync of a large organization).
  const append = <T>(into: T[], from: Iterable<T>, keep?: (item: T) => boolean): void => {
    for (const item of from) if (!keep || keep(item)) into.push(item);
  };
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
      lastSynced: synced.get(project.id) ?? none,
      counts: filter.full ? undefined : filter.hasKey,
      everyone,
    });
    views.push(result.view);
    append(steps, result.steps, filter.full ? undefined : (step) => filter.has(step.person));
    unchanged += result.unchanged;
    append(notices, result.notices);
  }
  append(notices, desired.notices);
  append(notices, grants.notices);

  const plan = finalizePlan({
    orgUid: input.orgUid,
    createdAt: new Date(nowMs).toISOString(),
    policyVersion: desired.policyVersion,
    scope: scope.kind === "full" ? scope : { kind: "people", people: [...scope.people].sort() },
    projects: views,
    steps,
    notices: sortNotices(filter.full ? notices : notices.filter(filter.notice)),
    unchanged,
    lyticsUsersTotal: everyone.size,
  });
  return { plan, desired };
}

// Notices sorted on content so the plan id does not depend on input order. Each sort key is made
// once (there can be one notice per member), not twice per comparison.
function sortNotices(notices: readonly PlanNotice[]): PlanNotice[] {
  const keyed = notices.map((notice) => ({ key: `${notice.kind}\u0000${notice.message}`, notice }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((entry) => entry.notice);
}
