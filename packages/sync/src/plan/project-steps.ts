import type {
  DesiredProjectState,
  DesiredStateMember,
  DesiredStateNotice,
} from "@lytics-access/permissions";
import { stableHash } from "../ids/stable-hash";
import { byString, normalizeRoles, sameRoles } from "../roles/role-set";
import type { ExpiredGrant } from "./active-grants";
import type { MemberIndex } from "./classify-members";
import type { ActualCollaborator, PlanProject } from "./plan-input";
import type { PlanProjectView, PlanStep, StepPerson, SyncNotice } from "./plan-types";
import { normalizeEmail } from "./person-key";
import { grantWhy, removalWhy, type WhyContext } from "./step-why";

/** Everything one project's steps are computed from. */
export interface ProjectStepsInput {
  readonly orgUid: string;
  readonly project: PlanProject;
  readonly desired: DesiredProjectState;
  readonly members: MemberIndex;
  /** `person key` -> expired grants on this project. */
  readonly expired: ReadonlyMap<string, readonly ExpiredGrant[]>;
  /** `person key` -> role-refused notices naming them on this project. */
  readonly refused: ReadonlyMap<string, readonly DesiredStateNotice[]>;
  /** `person key` -> roles the sync last established on this project. */
  readonly lastSynced: ReadonlyMap<string, readonly string[]>;
  /** Which people already as desired are counted as unchanged (the plan's scope); all by default. */
  readonly counts?: ((key: string) => boolean) | undefined;
  /** Receives everyone on the project now (the organization's Lytics users). */
  readonly everyone?: PeopleSeen | undefined;
}

export interface ProjectStepsResult {
  readonly view: PlanProjectView;
  readonly steps: PlanStep[];
  /** How many people already as desired pass `input.counts` (all of them without it). */
  readonly unchanged: number;
  readonly notices: SyncNotice[];
}

/** The step id: org + project + person + kind + after-roles, so a re-plan yields the same id. */
export function stepIdOf(
  orgUid: string,
  projectId: string,
  person: string,
  kind: PlanStep["kind"],
  after: readonly string[],
): string {
  return stableHash("step", [orgUid, projectId, person, kind, normalizeRoles(after)]);
}

/**
 * Someone outside the organization is keyed by email, but the uid Lytics lists them under is
 * still their Contentstack uid (what the audit log names), except for an open invitation.
 */
const lyticsUid = (userUid: string): string | null =>
  userUid.startsWith("invite_") ? null : userUid;

/** Who a collaborator is in the organization: by uid first, then by email. */
function matchMember(
  members: MemberIndex,
  collaborator: ActualCollaborator,
): DesiredStateMember | undefined {
  return members.byKey(collaborator.userUid) ?? members.byEmail(normalizeEmail(collaborator.email));
}

/** The step's `person` for someone on the project now (only made for the few who get a step). */
function personOf(members: MemberIndex, key: string, collaborator: ActualCollaborator): StepPerson {
  const member = matchMember(members, collaborator);
  return {
    key,
    uid: member
      ? member.uid === member.email
        ? null
        : member.uid
      : lyticsUid(collaborator.userUid),
    email: normalizeEmail(collaborator.email),
  };
}

/**
 * The distinct people on any of the organization's projects: a flag per member slot, and the
 * keys (emails) of people outside the organization.
 */
export class PeopleSeen {
  private readonly slots: Uint8Array;
  private members = 0;
  private readonly others = new Set<string>();
  constructor(memberCount: number) {
    this.slots = new Uint8Array(memberCount);
  }
  addSlot(slot: number): void {
    if (this.slots[slot] === 0) {
      this.slots[slot] = 1;
      this.members += 1;
    }
  }
  addOther(key: string): void {
    this.others.add(key);
  }
  get size(): number {
    return this.members + this.others.size;
  }
}

/**
 * Diffs one project's actual collaborators against its desired users, in one pass over each.
 * Linear and lean: where a member is on the project is one number in a typed array indexed by
 * member slot (no map per project, no copy of the listing), role sets are compared without being
 * rebuilt, and objects are made only for steps.
 */
export function projectSteps(input: ProjectStepsInput): ProjectStepsResult {
  const { orgUid, project, desired, members } = input;
  const collaborators = project.collaborators;
  // Lytics lists a person by their Contentstack uid, or by `invite_<id>` with the email while the
  // invitation is open: match on uid first, then on email. `listed[slot]` is 1 + the index of the
  // member's first listing (0: not on the project), negated once a desired user took it; people
  // outside the organization are keyed by email in `outsiders`. Whoever is not taken is removed.
  const listed = new Int32Array(members.size);
  const outsiders = new Map<string, number>();
  const adminsBefore: string[] = [];
  for (let index = 0; index < collaborators.length; index += 1) {
    const collaborator = collaborators[index] as ActualCollaborator;
    let slot = members.slotOf(collaborator.userUid);
    let email: string | undefined;
    if (slot === undefined) {
      email = normalizeEmail(collaborator.email);
      // An email that is some member's key (a pending invitation without an account) is them.
      slot = members.slotOfEmail(email) ?? members.slotOf(email);
    }
    let key: string;
    if (slot !== undefined) {
      // A second listing of the same person adds nothing the first does not decide.
      if (listed[slot] !== 0) continue;
      listed[slot] = index + 1;
      key = (members.list[slot] as DesiredStateMember).uid;
      input.everyone?.addSlot(slot);
    } else {
      key = email ?? normalizeEmail(collaborator.email);
      if (outsiders.has(key)) continue;
      outsiders.set(key, index);
      input.everyone?.addOther(key);
    }
    // An open invitation holds no Admin yet: it cannot keep a project administered.
    if (collaborator.roles.includes("admin") && lyticsUid(collaborator.userUid) !== null)
      adminsBefore.push(key);
  }
  const why = (key: string): WhyContext => ({
    projectId: project.id,
    member: members.byKey(key),
    expired: input.expired.get(key) ?? [],
    refused: input.refused.get(key) ?? [],
  });

  const steps: PlanStep[] = [];
  let unchanged = 0;
  const notices: SyncNotice[] = [];
  const base = { projectId: project.id, projectName: project.name };
  for (const user of desired.users) {
    // Desired users are members (permissions gives nobody else anything).
    const slot = members.slotOf(user.uid);
    const at = slot === undefined ? 0 : (listed[slot] as number);
    const now = at > 0 ? (collaborators[at - 1] as ActualCollaborator) : undefined;
    if (!now || slot === undefined) {
      if (user.email === undefined) {
        notices.push({
          kind: "cannot-invite",
          projectId: project.id,
          uid: user.uid,
          message: `${user.uid} should be on ${project.id} but has no email to invite.`,
        });
        continue;
      }
      steps.push({
        ...base,
        kind: "invite",
        stepId: stepIdOf(orgUid, project.id, user.uid, "invite", user.roles),
        person: {
          key: user.uid,
          uid: user.email === user.uid ? null : user.uid,
          email: user.email,
        },
        email: user.email,
        roles: user.roles,
        why: grantWhy(user, why(user.uid)),
      });
      continue;
    }
    listed[slot] = -at;
    if (sameRoles(now.roles, user.roles)) {
      if (!input.counts || input.counts(user.uid)) unchanged += 1;
      continue;
    }
    const before = normalizeRoles(now.roles);
    const last = input.lastSynced.get(user.uid);
    steps.push({
      ...base,
      kind: "replace-roles",
      stepId: stepIdOf(orgUid, project.id, user.uid, "replace-roles", user.roles),
      person: personOf(members, user.uid, now),
      lyticsUserUid: now.userUid,
      before,
      after: user.roles,
      drift: last !== undefined && !sameRoles(last, before),
      why: grantWhy(user, why(user.uid)),
    });
  }
  const remove = (key: string, now: ActualCollaborator): void => {
    steps.push({
      ...base,
      kind: "remove",
      stepId: stepIdOf(orgUid, project.id, key, "remove", []),
      person: personOf(members, key, now),
      lyticsUserUid: now.userUid,
      before: normalizeRoles(now.roles),
      why: removalWhy(why(key)),
    });
  };
  for (let slot = 0; slot < listed.length; slot += 1) {
    const at = listed[slot] as number;
    if (at > 0)
      remove(
        (members.list[slot] as DesiredStateMember).uid,
        collaborators[at - 1] as ActualCollaborator,
      );
  }
  for (const [key, index] of outsiders) remove(key, collaborators[index] as ActualCollaborator);
  steps.sort((a, b) => byString(a.person.key, b.person.key) || byString(a.kind, b.kind));
  adminsBefore.sort(byString);
  return {
    view: { projectId: project.id, name: project.name, adminsBefore },
    steps,
    unchanged,
    notices,
  };
}
