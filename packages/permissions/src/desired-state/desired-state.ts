import { LYTICS_ROLE_SLUGS } from "../catalogue/roles";
import { InvalidDesiredStateInputError } from "../errors/invalid-desired-state-input-error";
import { levelLabel } from "../policy/access-levels";
import type { MappingPolicy } from "../policy/mapping-policy";
import type {
  DesiredProjectState,
  DesiredState,
  DesiredStateInput,
  DesiredStateMember,
  DesiredStateNotice,
  DesiredStateProject,
  DesiredUser,
  RoleSource,
} from "./desired-state-types";

// Code-unit order, not localeCompare: the plan must not depend on the machine's locale.
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort(byString);

function indexMembers(members: readonly DesiredStateMember[]): Map<string, DesiredStateMember> {
  const index = new Map<string, DesiredStateMember>();
  for (const member of members) {
    if (index.has(member.uid))
      throw new InvalidDesiredStateInputError(
        `members: uid "${member.uid}" is listed more than once`,
      );
    index.set(member.uid, member);
  }
  return index;
}

function checkProjects(projects: readonly DesiredStateProject[]): void {
  const seen = new Set<string>();
  for (const project of projects) {
    if (seen.has(project.id))
      throw new InvalidDesiredStateInputError(
        `projects: id "${project.id}" is listed more than once`,
      );
    seen.add(project.id);
  }
}

/** The source every project gets from a person's organization role (seed 000 via the policy). */
function orgWideSource(
  member: DesiredStateMember,
  policy: MappingPolicy,
  notices: DesiredStateNotice[],
): RoleSource | null {
  const pending = member.status === "pending";
  const version = `policy v${policy.version}`;
  const granted = member.grantedLevel ?? null;
  if (granted) {
    const cause = pending
      ? "pending-invitation"
      : member.orgRole !== "member"
        ? "not-a-member"
        : (policy.memberGrantableLevels as readonly string[]).includes(granted)
          ? null
          : "not-grantable";
    if (cause) {
      const why = {
        "pending-invitation": "the invitation is still pending",
        "not-a-member": `level grants apply to Members only and this person is ${member.orgRole}`,
        "not-grantable": `${version} does not let Members be granted ${levelLabel(granted)}`,
      }[cause];
      notices.push({
        kind: "level-grant-not-enforced",
        uid: member.uid,
        level: granted,
        cause,
        message: `Level grant ${levelLabel(granted)} for ${member.uid} is kept but not enforced: ${why}.`,
      });
    }
  }
  if (pending) return null;
  switch (member.orgRole) {
    case "owner":
      return {
        kind: "org-owner",
        rule: "desired.org-owner",
        roles: sorted(policy.levels.admin.roles),
        reason: `Organization Owner: access level Admin (${version}).`,
      };
    case "admin":
      return {
        kind: "org-admin",
        rule: "desired.org-admin",
        roles: sorted(policy.levels.editor.roles),
        reason: `Organization Admin: access level Editor (${version}).`,
      };
    case "member":
      if (granted && (policy.memberGrantableLevels as readonly string[]).includes(granted))
        return {
          kind: "member-level",
          rule: "desired.member-level",
          roles: sorted(policy.levels[granted].roles),
          reason: `Member granted access level ${levelLabel(granted)} (${version}).`,
        };
      return null;
    case "guest":
      return null;
  }
}

/** Accumulates one project's sources per user, then refuses slugs the account does not offer. */
function projectState(
  project: DesiredStateProject,
  members: ReadonlyMap<string, DesiredStateMember>,
  orgWide: ReadonlyMap<string, RoleSource>,
  notices: DesiredStateNotice[],
): DesiredProjectState {
  const sources = new Map<string, RoleSource[]>();
  for (const [uid, source] of orgWide) sources.set(uid, [source]);
  const add = (uid: string, source: RoleSource): void => {
    const list = sources.get(uid);
    if (list) list.push(source);
    else sources.set(uid, [source]);
  };
  const eligible = (
    uid: string,
    grant: "project-owner" | "collaborator",
    roles: readonly string[],
  ): boolean => {
    const member = members.get(uid);
    if (member && member.status !== "pending") return true;
    const cause = member ? "pending-invitation" : "not-in-organization";
    notices.push({
      kind: "orphaned-grant",
      projectId: project.id,
      uid,
      grant,
      roles: sorted(roles),
      cause,
      message:
        `${grant === "project-owner" ? "Ownership" : "Collaborator grant"} of ${uid} on ${project.id} is kept but not enforced: ` +
        (member ? "the invitation is still pending." : "the person is not in the organization."),
    });
    return false;
  };

  if (project.ownerUid && eligible(project.ownerUid, "project-owner", ["admin"])) {
    add(project.ownerUid, {
      kind: "project-owner",
      rule: "desired.project-owner",
      roles: ["admin"],
      reason: `Owner of project ${project.id}: always retains full access (seed 002).`,
    });
  }
  // Several grants for one person on one project are merged, so input order cannot matter.
  const grants = new Map<string, Set<string>>();
  for (const grant of project.collaborators) {
    const roles = grants.get(grant.uid) ?? new Set<string>();
    for (const role of grant.roles) roles.add(role);
    grants.set(grant.uid, roles);
  }
  for (const [uid, roles] of grants) {
    if (roles.size === 0 || !eligible(uid, "collaborator", [...roles])) continue;
    add(uid, {
      kind: "collaborator",
      rule: "desired.collaborator",
      roles: sorted(roles),
      reason: `Collaborator on project ${project.id} with project roles.`,
    });
  }

  const offered = new Set(project.rolesAvailable ?? LYTICS_ROLE_SLUGS);
  const refused = new Map<string, Set<string>>();
  const users: DesiredUser[] = [];
  for (const [uid, list] of sources) {
    const kept: RoleSource[] = [];
    for (const source of list) {
      const roles = source.roles.filter((role) => {
        if (offered.has(role)) return true;
        const uids = refused.get(role) ?? new Set<string>();
        uids.add(uid);
        refused.set(role, uids);
        return false;
      });
      if (roles.length > 0)
        kept.push(roles.length === source.roles.length ? source : { ...source, roles });
    }
    if (kept.length === 0) continue;
    const member = members.get(uid);
    if (!member) continue;
    users.push({
      uid,
      ...(member.email !== undefined ? { email: member.email } : {}),
      orgRole: member.orgRole,
      roles: sorted(kept.flatMap((source) => source.roles)),
      sources: kept,
    });
  }
  for (const [role, uids] of refused) {
    notices.push({
      kind: "role-refused",
      projectId: project.id,
      role,
      uids: sorted(uids),
      message: `Role "${role}" is not offered by project ${project.id}'s Lytics account; it is not written for ${uids.size} user(s).`,
    });
  }
  users.sort((a, b) => byString(a.uid, b.uid));
  return { projectId: project.id, users };
}

function noticeKey(notice: DesiredStateNotice): string {
  switch (notice.kind) {
    case "orphaned-grant":
      return `${notice.kind}\u0000${notice.projectId}\u0000${notice.uid}\u0000${notice.grant}`;
    case "level-grant-not-enforced":
      return `${notice.kind}\u0000\u0000${notice.uid}`;
    case "role-refused":
      return `${notice.kind}\u0000${notice.projectId}\u0000${notice.role}`;
  }
}

/**
 * DESIGN §3.4: the Lytics users and roles every project should have. Per project: each org Owner
 * gets the Admin level's roles, each org Admin the Editor bundle, a Member granted a level its
 * roles, the project owner Admin, each collaborator their project roles; the union where several
 * apply; nobody else. Pending and absent people get nothing; their grants are reported as
 * orphaned. The result is deterministic (projects, users, roles and notices sorted) whatever the
 * input order.
 *
 * @throws {@link InvalidDesiredStateInputError} when a member uid or project id is listed twice.
 */
export function computeDesiredState(input: DesiredStateInput): DesiredState {
  const members = indexMembers(input.members);
  checkProjects(input.projects);
  const notices: DesiredStateNotice[] = [];
  const orgWide = new Map<string, RoleSource>();
  for (const member of members.values()) {
    const source = orgWideSource(member, input.policy, notices);
    if (source) orgWide.set(member.uid, source);
  }
  const projects = [...input.projects]
    .sort((a, b) => byString(a.id, b.id))
    .map((project) => projectState(project, members, orgWide, notices));
  const keyed = notices.map((notice) => [noticeKey(notice), notice] as const);
  keyed.sort((a, b) => byString(a[0], b[0]));
  return {
    policyVersion: input.policy.version,
    projects,
    notices: keyed.map(([, notice]) => notice),
  };
}
