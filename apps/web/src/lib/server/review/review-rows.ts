import type { OrgMember } from "@lytics-access/contentstack";
import type { ProjectCollaborator } from "@lytics-access/lytics";
import {
  isLyticsRoleSlug,
  roleName,
  type DesiredUser,
  type LyticsRoleSlug,
  type MappingPolicy,
  type RoleSourceKind,
} from "@lytics-access/permissions";
import type { Grant, MemberLevelGrant, ProjectOwner } from "@lytics-access/store";
import { buildPlanWithState, type PlanMember } from "@lytics-access/sync";

/** Where a person stands in the organization (DESIGN §3.1), or that they are not in it. */
export type ReviewStanding =
  "owner" | "admin" | "member" | "guest" | "pending" | "not in organization";

/** One reason the person holds roles on the project, from packages/permissions. */
export interface ReviewWhy {
  readonly kind: RoleSourceKind;
  readonly rule: string;
  readonly roles: readonly string[];
  readonly reason: string;
}

/**
 * One person's roles on one project as Lytics reports them now, and why they hold them: the
 * role sources of the desired state (the sync's own computation), compared with what is held.
 */
export interface ReviewRow {
  readonly projectUid: string;
  readonly projectName: string;
  readonly userUid: string;
  readonly email: string;
  readonly name: string;
  readonly standing: ReviewStanding;
  /** Role names held now. */
  readonly roles: readonly string[];
  readonly why: readonly ReviewWhy[];
  /**
   * `explained`: every role held has a source. `will-change`: the sync will set `expected`.
   * `unexplained`: no rule gives this person anything here; the sync removes them.
   */
  readonly verdict: "explained" | "will-change" | "unexplained";
  /** Role names the rules give, when they differ from what is held. */
  readonly expected: readonly string[];
  /** The app's grant behind a collaborator role, if any. */
  readonly grant: {
    readonly expiresAt: number | null;
    readonly source: string;
    readonly grantedBy: string;
  } | null;
  /** Epoch ms the person last opened the app, when known. */
  readonly lastSignIn: number | null;
}

/** What the rows are computed from: one reading of the organization. */
export interface ReviewInput {
  readonly orgUid: string;
  readonly members: readonly OrgMember[] | null;
  readonly projects: ReadonlyArray<{
    readonly uid: string;
    readonly name: string;
    readonly collaborators: readonly ProjectCollaborator[] | null;
  }>;
  readonly grants: readonly Grant[];
  readonly owners: readonly ProjectOwner[];
  readonly levels: readonly MemberLevelGrant[];
  readonly policy: MappingPolicy;
  readonly lastSignIns: ReadonlyMap<string, number>;
  readonly now: number;
}

const nameOf = (slug: string): string =>
  isLyticsRoleSlug(slug) ? roleName(slug as LyticsRoleSlug) : slug;
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

function planMembers(
  members: readonly OrgMember[],
  levels: readonly MemberLevelGrant[],
): PlanMember[] {
  const levelOf = new Map(levels.map((grant) => [grant.userUid, grant.level]));
  return members.map((m) => ({
    uid: m.userUid,
    email: m.email,
    orgRole: m.role === "pending" ? "member" : m.role,
    status:
      m.status === "pending" || m.role === "pending" || m.userUid === null ? "pending" : "active",
    isGuest: m.role === "guest",
    grantedLevel: (m.userUid && levelOf.get(m.userUid)) || null,
  }));
}

function standingOf(member: OrgMember | undefined): ReviewStanding {
  if (!member) return "not in organization";
  if (member.status === "pending" || member.role === "pending") return "pending";
  return member.role;
}

/**
 * Every (person, project) holding of the organization with its explanation, computed exactly as
 * the sync computes its desired state (packages/sync over packages/permissions), so the review
 * and the next sync cannot disagree. Sorted by project name, then person.
 */
export function reviewRows(input: ReviewInput): ReviewRow[] {
  const members = input.members ?? [];
  const ownerUid = members.find((m) => m.role === "owner")?.userUid ?? "";
  const readable = input.projects.filter((p) => p.collaborators !== null);
  const { desired } = buildPlanWithState({
    orgUid: input.orgUid,
    ownerUid,
    members: planMembers(members, input.levels),
    projects: readable.map((p) => ({
      id: p.uid,
      name: p.name,
      ownerUid: p.collaborators?.find((c) => c.isOwner)?.userUid ?? null,
      collaborators: (p.collaborators ?? []).map((c) => ({
        userUid: c.userUid,
        email: c.email,
        roles: c.roles,
      })),
    })),
    grants: input.grants.map((g) => ({
      projectId: g.projectUid,
      uid: g.userUid ?? g.email,
      roles: g.roles,
      expiresAt: g.expiresAt === undefined ? null : new Date(g.expiresAt).toISOString(),
    })),
    projectOwners: Object.fromEntries(input.owners.map((o) => [o.projectUid, o.userUid])),
    policy: input.policy,
    now: input.now,
  });
  // Indexed once: a large organization has thousands of members and collaborators.
  const desiredOf = new Map(desired.projects.map((p) => [p.projectId, p.users]));
  const memberByUid = new Map(members.flatMap((m) => (m.userUid ? [[m.userUid, m] as const] : [])));
  const memberByEmail = new Map(members.map((m) => [m.email.toLowerCase(), m]));
  const grantOf = new Map<string, Grant>();
  for (const g of input.grants) {
    grantOf.set(`${g.projectUid}\n${g.email}`, g);
    if (g.userUid) grantOf.set(`${g.projectUid}\n${g.userUid}`, g);
  }
  const rows: ReviewRow[] = [];
  for (const project of readable) {
    const wanted = new Map<string, DesiredUser>();
    for (const u of desiredOf.get(project.uid) ?? []) {
      wanted.set(u.uid, u);
      if (u.email) wanted.set(u.email.toLowerCase(), u);
    }
    for (const c of project.collaborators ?? []) {
      const email = c.email.toLowerCase();
      const member = memberByUid.get(c.userUid) ?? memberByEmail.get(email);
      const want = (member?.userUid ? wanted.get(member.userUid) : undefined) ?? wanted.get(email);
      const grant =
        grantOf.get(`${project.uid}\n${c.userUid}`) ?? grantOf.get(`${project.uid}\n${email}`);
      const verdict = !want
        ? "unexplained"
        : sameSet(want.roles, c.roles)
          ? "explained"
          : "will-change";
      rows.push({
        projectUid: project.uid,
        projectName: project.name,
        userUid: member?.userUid ?? c.userUid,
        email: c.email,
        name: member?.name ?? c.name ?? c.email,
        standing: standingOf(member),
        roles: c.roles.map(nameOf),
        why: (want?.sources ?? []).map((s) => ({
          kind: s.kind,
          rule: s.rule,
          roles: s.roles.map(nameOf),
          reason: s.reason,
        })),
        verdict,
        expected: verdict === "will-change" ? (want?.roles ?? []).map(nameOf) : [],
        grant: grant
          ? {
              expiresAt: grant.expiresAt ?? null,
              source: grant.source,
              grantedBy:
                grant.grantedBy.type === "system"
                  ? grant.grantedBy.name
                  : (grant.grantedBy.name ?? grant.grantedBy.email ?? grant.grantedBy.uid),
            }
          : null,
        lastSignIn: input.lastSignIns.get(member?.userUid ?? c.userUid) ?? null,
      });
    }
  }
  return rows.sort(
    (a, b) => a.projectName.localeCompare(b.projectName) || a.name.localeCompare(b.name),
  );
}
