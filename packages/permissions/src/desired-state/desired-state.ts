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

/** Org-wide sources are the same for everyone with the same standing: made once per computation. */
type SourceMemo = Map<string, RoleSource>;

function memoized(memo: SourceMemo, key: string, make: () => RoleSource): RoleSource {
  const known = memo.get(key);
  if (known) return known;
  const source = make();
  memo.set(key, source);
  return source;
}

/**
 * The source every project gets from a person's organization role (seed 000 via the policy). The
 * returned object is shared by everyone of the same standing (it says nothing about the person),
 * so 100,000 members cost a handful of sources, not 100,000.
 */
function orgWideSource(
  member: DesiredStateMember,
  policy: MappingPolicy,
  notices: DesiredStateNotice[],
  memo: SourceMemo,
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
      return memoized(memo, "owner", () => ({
        kind: "org-owner",
        rule: "desired.org-owner",
        roles: sorted(policy.levels.admin.roles),
        reason: `Organization Owner: access level Admin (${version}).`,
      }));
    case "admin":
      return memoized(memo, "admin", () => ({
        kind: "org-admin",
        rule: "desired.org-admin",
        roles: sorted(policy.levels.editor.roles),
        reason: `Organization Admin: access level Editor (${version}).`,
      }));
    case "member":
      if (granted && (policy.memberGrantableLevels as readonly string[]).includes(granted))
        return memoized(memo, `member:${granted}`, () => ({
          kind: "member-level",
          rule: "desired.member-level",
          roles: sorted(policy.levels[granted].roles),
          reason: `Member granted access level ${levelLabel(granted)} (${version}).`,
        }));
      return null;
    case "guest":
      return null;
  }
}

/** Everyone with an org-wide source, sorted by uid once for all projects. */
type OrgWide = readonly (readonly [member: DesiredStateMember, source: RoleSource])[];

/**
 * One project's users: the org-wide sources (shared by every project) merged in uid order with
 * the project's own sources (owner, collaborators), then slugs the account does not offer
 * refused. Linear in the members: no per-project copy of the org-wide sources, no re-sort of
 * them, and a source shared by many people is filtered once per project.
 */
function projectState(
  project: DesiredStateProject,
  members: ReadonlyMap<string, DesiredStateMember>,
  orgWide: OrgWide,
  notices: DesiredStateNotice[],
): DesiredProjectState {
  // The project's own sources, in the fixed order: project owner, then collaborator.
  const own = new Map<string, RoleSource[]>();
  const add = (uid: string, source: RoleSource): void => {
    const list = own.get(uid);
    if (list) list.push(source);
    else own.set(uid, [source]);
  };
  const eligible = (
    uid: string,
    grant: "project-owner" | "collaborator",
    roles: Iterable<string>,
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
  const collaboratorReason = `Collaborator on project ${project.id} with project roles.`;
  for (const [uid, roles] of grants) {
    if (roles.size === 0 || !eligible(uid, "collaborator", roles)) continue;
    add(uid, {
      kind: "collaborator",
      rule: "desired.collaborator",
      roles: sorted(roles),
      reason: collaboratorReason,
    });
  }

  const offered = new Set(project.rolesAvailable ?? LYTICS_ROLE_SLUGS);
  const refused = new Map<string, Set<string>>();
  // A source with its refused slugs taken out (null: nothing left), computed once per source.
  const kept = new Map<RoleSource, { source: RoleSource | null; refused: readonly string[] }>();
  const keep = (source: RoleSource) => {
    let known = kept.get(source);
    if (!known) {
      const roles = source.roles.filter((role) => offered.has(role));
      known = {
        source:
          roles.length === 0
            ? null
            : roles.length === source.roles.length
              ? source
              : { ...source, roles },
        refused: source.roles.filter((role) => !offered.has(role)),
      };
      kept.set(source, known);
    }
    return known;
  };
  const refuse = (uid: string, roles: readonly string[]): void => {
    for (const role of roles) {
      const uids = refused.get(role) ?? new Set<string>();
      uids.add(uid);
      refused.set(role, uids);
    }
  };
  // One-source users (most people) share one `sources` array per source.
  const alone = new Map<RoleSource, readonly RoleSource[]>();
  const aloneOf = (source: RoleSource): readonly RoleSource[] => {
    let list = alone.get(source);
    if (!list) {
      list = [source];
      alone.set(source, list);
    }
    return list;
  };
  const users: DesiredUser[] = [];
  const addUser = (
    uid: string,
    sources: readonly RoleSource[],
    member = members.get(uid),
  ): void => {
    const first = sources[0];
    if (!first || !member) return;
    // Each source's roles are sorted and distinct already: one source needs no merge.
    const roles = sources.length === 1 ? first.roles : sorted(sources.flatMap((s) => s.roles));
    users.push(
      member.email !== undefined
        ? { uid, email: member.email, orgRole: member.orgRole, roles, sources }
        : { uid, orgRole: member.orgRole, roles, sources },
    );
  };
  const addOrgWide = (member: DesiredStateMember, source: RoleSource): void => {
    const { source: left, refused: lost } = keep(source);
    if (lost.length > 0) refuse(member.uid, lost);
    if (left) addUser(member.uid, aloneOf(left), member);
  };
  // Someone with sources of the project's own: after their org-wide source, if any.
  const addOwn = (uid: string, wide: RoleSource | undefined): void => {
    const list = own.get(uid) ?? [];
    const sources: RoleSource[] = [];
    for (const source of wide ? [wide, ...list] : list) {
      const { source: left, refused: lost } = keep(source);
      if (lost.length > 0) refuse(uid, lost);
      if (left) sources.push(left);
    }
    addUser(uid, sources.length === 1 && sources[0] ? aloneOf(sources[0]) : sources);
  };

  // Merge the sorted org-wide list with the project's own people (sorted here; usually fewer).
  const ownUids = [...own.keys()].sort(byString);
  let next = 0;
  for (const [member, source] of orgWide) {
    const uid = member.uid;
    while (next < ownUids.length && byString(ownUids[next] as string, uid) < 0)
      addOwn(ownUids[next++] as string, undefined);
    if (next < ownUids.length && ownUids[next] === uid) addOwn(ownUids[next++] as string, source);
    else addOrgWide(member, source);
  }
  while (next < ownUids.length) addOwn(ownUids[next++] as string, undefined);

  for (const [role, uids] of refused) {
    notices.push({
      kind: "role-refused",
      projectId: project.id,
      role,
      uids: sorted(uids),
      message: `Role "${role}" is not offered by project ${project.id}'s Lytics account; it is not written for ${uids.size} user(s).`,
    });
  }
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
  const memo: SourceMemo = new Map();
  const orgWide: [member: DesiredStateMember, source: RoleSource][] = [];
  for (const member of members.values()) {
    const source = orgWideSource(member, input.policy, notices, memo);
    if (source) orgWide.push([member, source]);
  }
  // Uids are distinct (indexMembers checked), so this order is total.
  orgWide.sort((a, b) => byString(a[0].uid, b[0].uid));
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
