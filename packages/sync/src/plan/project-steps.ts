import type { DesiredProjectState, DesiredStateNotice } from "@lytics-access/permissions";
import { stableHash } from "../ids/stable-hash";
import { byString, normalizeRoles, sameRoles } from "../roles/role-set";
import type { ExpiredGrant } from "./active-grants";
import type { MemberIndex } from "./classify-members";
import type { PlanProject } from "./plan-input";
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
}

export interface ProjectStepsResult {
  readonly view: PlanProjectView;
  readonly steps: PlanStep[];
  /** Person keys already as desired. */
  readonly unchanged: string[];
  /** Person keys on the project now. */
  readonly actualPeople: string[];
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

interface ActualEntry {
  readonly person: StepPerson;
  readonly lyticsUserUid: string;
  readonly roles: string[];
}

/** Diffs one project's actual collaborators against its desired users. */
export function projectSteps(input: ProjectStepsInput): ProjectStepsResult {
  const { orgUid, project, desired, members } = input;
  // Lytics lists a person by their Contentstack uid, or by `invite_<id>` with the email while the
  // invitation is open: match on uid first, then on email.
  const actual = new Map<string, ActualEntry>();
  for (const collaborator of project.collaborators) {
    const email = normalizeEmail(collaborator.email);
    const member = members.byKey.get(collaborator.userUid) ?? members.byEmail.get(email);
    const key = member?.uid ?? email;
    // A second listing of the same person adds nothing the first does not decide.
    if (actual.has(key)) continue;
    actual.set(key, {
      person: {
        key,
        uid: member
          ? member.uid === member.email
            ? null
            : member.uid
          : lyticsUid(collaborator.userUid),
        email,
      },
      lyticsUserUid: collaborator.userUid,
      roles: normalizeRoles(collaborator.roles),
    });
  }
  const why = (key: string): WhyContext => ({
    projectId: project.id,
    member: members.byKey.get(key),
    expired: input.expired.get(key) ?? [],
    refused: input.refused.get(key) ?? [],
  });

  const steps: PlanStep[] = [];
  const unchanged: string[] = [];
  const notices: SyncNotice[] = [];
  const base = { projectId: project.id, projectName: project.name };
  for (const user of desired.users) {
    const now = actual.get(user.uid);
    const person: StepPerson = {
      key: user.uid,
      uid: user.email === user.uid ? null : user.uid,
      email: user.email ?? null,
    };
    if (!now) {
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
        person,
        email: user.email,
        roles: user.roles,
        why: grantWhy(user, why(user.uid)),
      });
    } else if (sameRoles(now.roles, user.roles)) {
      unchanged.push(user.uid);
    } else {
      const last = input.lastSynced.get(user.uid);
      steps.push({
        ...base,
        kind: "replace-roles",
        stepId: stepIdOf(orgUid, project.id, user.uid, "replace-roles", user.roles),
        person: now.person,
        lyticsUserUid: now.lyticsUserUid,
        before: now.roles,
        after: user.roles,
        drift: last !== undefined && !sameRoles(last, now.roles),
        why: grantWhy(user, why(user.uid)),
      });
    }
  }
  const wanted = new Set(desired.users.map((user) => user.uid));
  for (const [key, now] of actual) {
    if (wanted.has(key)) continue;
    steps.push({
      ...base,
      kind: "remove",
      stepId: stepIdOf(orgUid, project.id, key, "remove", []),
      person: now.person,
      lyticsUserUid: now.lyticsUserUid,
      before: now.roles,
      why: removalWhy(why(key)),
    });
  }
  steps.sort((a, b) => byString(a.person.key, b.person.key) || byString(a.kind, b.kind));
  const adminsBefore = [...actual.values()]
    .filter((entry) => entry.roles.includes("admin"))
    .map((entry) => entry.person.key)
    .sort(byString);
  return {
    view: { projectId: project.id, name: project.name, adminsBefore },
    steps,
    unchanged,
    actualPeople: [...actual.keys()],
    notices,
  };
}
