// The member directory rows (packages/store) from what a reconcile read: the organization's
// members, every project's collaborators, and the app's records (policy, grants, owners, levels).
// The desired state is packages/sync's own (buildPlanWithState over the same inputs), so the page
// shows exactly the roles and sources the sync enforces. The actual roles are the listing's with
// the run's applied steps laid over them, so right after an applied run everyone reads "in sync".
import {
  accessLevelFor,
  type AccessLevel,
  type DesiredState,
  type DesiredUser,
  type OrgStanding,
} from "@lytics-access/permissions";
import type { DirectoryProject, DirectoryRow } from "@lytics-access/store";
import {
  buildPlanWithState,
  normalizeRoles,
  sameRoles,
  type CollaboratorRecord,
  type Plan,
  type PlanMember,
  type ProjectRecord,
  type SyncStateSnapshot,
} from "@lytics-access/sync";

/** One organization member as the Contentstack listing gives them (a subset of OrgMember). */
export interface DirectoryMember {
  readonly userUid: string | null;
  readonly email: string;
  readonly name?: string | null | undefined;
  readonly role: "owner" | "admin" | "member" | "guest" | "pending";
  readonly status: "accepted" | "active" | "pending";
}

export interface DirectoryInputs {
  readonly members: readonly DirectoryMember[];
  readonly ownerUid: string;
  readonly projects: readonly ProjectRecord[];
  readonly collaborators: ReadonlyMap<string, readonly CollaboratorRecord[]>;
  readonly state: SyncStateSnapshot;
  readonly now: number;
  /** The run's plan and how many of its steps landed (in order), to lay over the listing. */
  readonly plan?: Plan | undefined;
  readonly applied?: number | undefined;
  /** Build rows for these people only (plan keys or emails); everyone when absent. */
  readonly only?: ReadonlySet<string> | undefined;
  /**
   * The desired state the run planned from (the same inputs), so it is not computed twice: at
   * 100,000 members a second copy costs the worker about 100 MB. Computed here when absent.
   */
  readonly desired?: DesiredState | undefined;
}

interface Held {
  roles: string[];
  invited: boolean;
}

const email = (value: string) => value.trim().toLowerCase();

/** Project uid -> (uid or email) -> what the person holds there after the run's writes. */
function actualAfterRun(inputs: DirectoryInputs): Map<string, Map<string, Held>> {
  const byProject = new Map<string, Map<string, Held>>();
  for (const project of inputs.projects) {
    const people = new Map<string, Held>();
    for (const c of inputs.collaborators.get(project.uid) ?? []) {
      const held = { roles: normalizeRoles(c.roles), invited: c.userUid.startsWith("invite_") };
      if (!held.invited) people.set(c.userUid, held);
      people.set(email(c.email), held);
    }
    byProject.set(project.uid, people);
  }
  for (const step of (inputs.plan?.steps ?? []).slice(0, inputs.applied ?? 0)) {
    const people = byProject.get(step.projectId);
    if (!people) continue;
    const ids = [step.person.uid, step.person.email ? email(step.person.email) : null].filter(
      (id): id is string => id !== null,
    );
    for (const id of ids) {
      if (step.kind === "remove") people.delete(id);
      else if (step.kind === "replace-roles")
        people.set(id, { roles: [...step.after], invited: false });
      else people.set(id, { roles: [...step.roles], invited: true });
    }
  }
  return byProject;
}

function toPlanMember(member: DirectoryMember, state: SyncStateSnapshot): PlanMember {
  // As packages/sync's toPlanMembers: a pending role or status is an invitation, not a member.
  const pending =
    member.status === "pending" || member.role === "pending" || member.userUid === null;
  return {
    uid: member.userUid,
    email: member.email,
    orgRole: member.role === "pending" ? "member" : member.role,
    status: pending ? "pending" : "active",
    isGuest: member.role === "guest",
    grantedLevel: member.userUid === null ? null : (state.levelGrants?.[member.userUid] ?? null),
  };
}

/** The desired state packages/sync would plan from, over the directory's inputs. */
function desiredStateOf(inputs: DirectoryInputs, members: PlanMember[]): DesiredState {
  const { state } = inputs;
  return buildPlanWithState({
    orgUid: "directory",
    ownerUid: inputs.ownerUid,
    members,
    projects: inputs.projects.map((project) => ({
      id: project.uid,
      name: project.name,
      ownerUid: project.ownerUid ?? null,
      rolesAvailable: project.rolesAvailable,
      collaborators: inputs.collaborators.get(project.uid) ?? [],
    })),
    grants: state.grants,
    projectOwners: state.projectOwners,
    policy: state.policy,
    lastSynced: state.lastSynced,
    now: inputs.now,
  }).desired;
}

/** The directory rows of the organization (or of `only`), in listing order. */
export function buildDirectoryRows(inputs: DirectoryInputs): DirectoryRow[] {
  return [...directoryRows(inputs)];
}

/**
 * The same rows, made one at a time as the store takes them: at 100,000 members a whole array of
 * rows (each with its projects and reasons) would double the worker's memory for the write.
 */
export function* directoryRows(inputs: DirectoryInputs): Generator<DirectoryRow> {
  const { state } = inputs;
  const members = inputs.members.map((m) => toPlanMember(m, state));
  const desired = inputs.desired ?? desiredStateOf(inputs, members);
  const desiredBy = new Map<string, Map<string, DesiredUser>>();
  for (const project of desired.projects)
    desiredBy.set(project.projectId, new Map(project.users.map((user) => [user.uid, user])));
  const actual = actualAfterRun(inputs);
  // A handful of (role, granted level) pairs among 100,000 people: each explained once, not per row.
  const levels = new Map<string, AccessLevel | null>();
  const levelOf = (orgRole: OrgStanding, grantedLevel: AccessLevel | null) => {
    const key = `${orgRole}:${grantedLevel ?? ""}`;
    let level = levels.get(key);
    if (level === undefined) {
      level = accessLevelFor({ orgRole, grantedLevel }, state.policy).level;
      levels.set(key, level);
    }
    return level;
  };
  // The member listing carries no names (the CMA share items have none); Lytics lists them.
  const lyticsNames = new Map<string, string>();
  for (const listed of inputs.collaborators.values())
    for (const c of listed as readonly (CollaboratorRecord & { name?: string | null })[])
      if (c.name) {
        lyticsNames.set(email(c.email), c.name);
        if (!c.userUid.startsWith("invite_")) lyticsNames.set(c.userUid, c.name);
      }

  for (const [position, member] of inputs.members.entries()) {
    const planMember = members[position] as PlanMember;
    const key = member.userUid ?? email(member.email);
    if (inputs.only && !inputs.only.has(key) && !inputs.only.has(email(member.email))) continue;
    const orgRole =
      member.userUid !== null && member.userUid === inputs.ownerUid
        ? "owner"
        : planMember.isGuest
          ? "guest"
          : planMember.orgRole === "owner"
            ? "member"
            : planMember.orgRole;
    const grantedLevel = orgRole === "member" ? (planMember.grantedLevel ?? null) : null;
    const level = levelOf(orgRole, grantedLevel);
    const projects: DirectoryProject[] = [];
    const reasons: string[] = [];
    let openInvitation = false;
    for (const project of inputs.projects) {
      const want = desiredBy.get(project.uid)?.get(key);
      const people = actual.get(project.uid);
      const held =
        (member.userUid ? people?.get(member.userUid) : undefined) ??
        people?.get(email(member.email));
      if (!want && !held) continue;
      const desiredRoles = [...(want?.roles ?? [])];
      projects.push({
        projectUid: project.uid,
        projectName: project.name,
        desired: desiredRoles,
        actual: held ? held.roles : null,
        invited: held?.invited ?? false,
        sources: (want?.sources ?? []).map((s) => ({
          kind: s.kind,
          rule: s.rule,
          roles: [...s.roles],
          reason: s.reason,
        })),
      });
      if (held?.invited && desiredRoles.length > 0) {
        openInvitation = true;
        if (!sameRoles(held.roles, desiredRoles))
          reasons.push(
            `${project.name}: the open invitation has ${list(held.roles)}, should have ${list(desiredRoles)}.`,
          );
        continue;
      }
      if (!sameRoles(held?.roles ?? [], desiredRoles) || (held && desiredRoles.length === 0))
        reasons.push(
          desiredRoles.length === 0
            ? `${project.name}: has ${list(held?.roles ?? [])} in Lytics but should not be on the project.`
            : `${project.name}: has ${held ? list(held.roles) : "no access"} in Lytics, should have ${list(desiredRoles)}.`,
        );
    }
    const invitationPending = planMember.status === "pending";
    const status =
      reasons.length > 0
        ? "out-of-sync"
        : invitationPending || openInvitation
          ? "pending"
          : "in-sync";
    if (invitationPending)
      reasons.push(
        "Has not accepted the invitation to the organization yet: gets nothing until then.",
      );
    else if (openInvitation)
      reasons.push("Invited to a Lytics project; the roles apply once the invitation is accepted.");
    yield {
      key,
      uid: member.userUid,
      email: email(member.email),
      name:
        member.name ??
        (member.userUid ? lyticsNames.get(member.userUid) : undefined) ??
        lyticsNames.get(email(member.email)) ??
        null,
      orgRole,
      invitation: invitationPending ? "pending" : "accepted",
      level,
      grantedLevel,
      projects,
      status,
      statusReasons: reasons,
    };
  }
}

const list = (roles: readonly string[]) => (roles.length === 0 ? "no roles" : roles.join(", "));
