import "server-only";

import type { OrgMember } from "@lytics-access/contentstack";
import type { Decision, LevelAnswer, OrgStanding } from "@lytics-access/permissions";
import { z } from "zod";

import { authorize } from "../authorize";
import type { SessionState } from "../load-session";
import type { Services } from "../services";
import {
  CHECK_ACTIONS,
  diagnoseAccess,
  knownRoles,
  levelOf,
  visibilityOn,
  type AccessDiagnosis,
  type Askable,
  type CheckAction,
  type VisibilityRow,
} from "./diagnose";
import {
  displayName,
  isOwnerOf,
  orgDeciders,
  ownerOf,
  readOrgFacts,
  rolesOn,
  type OrgFacts,
  type ProjectFacts,
} from "./org-facts";

type Active = Extract<SessionState, { status: "active" }>;

const projectUid = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "a project uid");
const action = z.enum(CHECK_ACTIONS as [CheckAction, ...CheckAction[]], {
  error: "an action of the list (seed 002 project actions or seed 001 tasks)",
});

export const accessDeniedQuery = z.strictObject({
  project: projectUid.optional(),
  action: action.default("project.view-dashboard"),
});
export const accessCheckQuery = z.strictObject({
  person: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,128}$/, "a Contentstack user uid")
    .optional(),
  project: projectUid.optional(),
  action: action.default("project.view-dashboard"),
});

/** A project as a picker shows it. */
export interface ProjectOption {
  readonly uid: string;
  readonly name: string;
}

/** Where the facts came from, for the page to say so. */
export interface Provenance {
  readonly source: OrgFacts["source"];
  readonly problems: readonly string[];
}

const self = (state: Active) => ({
  userUid: state.session.userUid,
  email: state.person.email,
  name: state.person.name ?? null,
  orgRole: state.person.role as OrgStanding,
});

/** Projects the person may list (seed 002: all for Owners/Admins, else owned or collaborated). */
function listableFor(
  facts: OrgFacts,
  person: { userUid: string; email: string; orgRole: OrgStanding },
): ProjectFacts[] {
  if (person.orgRole === "owner" || person.orgRole === "admin") return [...facts.projects];
  return facts.projects.filter(
    (p) => isOwnerOf(p, person.userUid) || rolesOn(p, person).length > 0,
  );
}

/** A name for an organization user: Contentstack's, else the one Data & Insights knows, else the email. */
function nameOf(facts: OrgFacts, member: OrgMember): string {
  if (member.name) return member.name;
  const email = member.email.toLowerCase();
  for (const project of facts.projects)
    for (const c of project.collaborators ?? [])
      if (c.name && c.email.toLowerCase() === email) return c.name;
  return member.email;
}

function askableFor(project: ProjectFacts, facts: OrgFacts): Askable {
  const owner = ownerOf(project);
  return {
    projectOwner: owner ? displayName(owner) : null,
    orgOwnersAndAdmins: orgDeciders(facts.members).map(
      (m) => `${nameOf(facts, m)} (organization ${m.role === "owner" ? "Owner" : "Admin"})`,
    ),
  };
}

function diagnoseOn(
  facts: OrgFacts,
  project: ProjectFacts,
  person: { userUid: string; email: string; orgRole: OrgStanding },
  what: CheckAction,
): AccessDiagnosis {
  return diagnoseAccess(
    {
      orgRole: person.orgRole,
      isProjectOwner: isOwnerOf(project, person.userUid),
      projectRoles: knownRoles(rolesOn(project, person)),
    },
    what,
    project.name,
    askableFor(project, facts),
  );
}

export interface AccessDeniedCase extends Provenance {
  readonly projects: readonly ProjectOption[];
  readonly project: ProjectOption | null;
  readonly action: CheckAction;
  readonly diagnosis: AccessDiagnosis | null;
  /** Set when the asked project is not one of the organization's. */
  readonly notFound: boolean;
}

/**
 * "Access denied" for the signed-in person: on the chosen project (any of the organization's, as
 * a refused person may hold a link to one they cannot list), which layer and rule decide the
 * action and what would grant it.
 */
export async function accessDeniedCase(
  svc: Services,
  state: Active,
  query: z.output<typeof accessDeniedQuery>,
  facts?: OrgFacts,
): Promise<AccessDeniedCase> {
  const org = facts ?? (await readOrgFacts(svc, state));
  const me = self(state);
  const listable = listableFor(org, me);
  const chosen = query.project
    ? (org.projects.find((p) => p.uid === query.project) ?? null)
    : (listable[0] ?? null);
  return {
    source: org.source,
    problems: org.problems,
    projects: listable.map(({ uid, name }) => ({ uid, name })),
    project: chosen ? { uid: chosen.uid, name: chosen.name } : null,
    action: query.action,
    diagnosis: chosen ? diagnoseOn(org, chosen, me, query.action) : null,
    notFound: query.project !== undefined && chosen === null,
  };
}

export interface MissingAudiencesCase extends Provenance {
  readonly level: LevelAnswer;
  readonly rows: readonly VisibilityRow[];
  /** Projects of the organization the person is not on (counted, not named, for Members). */
  readonly notOnCount: number;
}

/** "Missing audiences or metrics": per project, which of the person's roles lack the view. */
export async function missingAudiencesCase(
  svc: Services,
  state: Active,
  facts?: OrgFacts,
): Promise<MissingAudiencesCase> {
  const org = facts ?? (await readOrgFacts(svc, state));
  const me = self(state);
  const listable = listableFor(org, me);
  return {
    source: org.source,
    problems: org.problems,
    level: levelOf(me.orgRole),
    rows: listable.map((p) => visibilityOn(p, knownRoles(rolesOn(p, me)))),
    notOnCount: org.projects.length - listable.length,
  };
}

/** A person the checker can ask about. */
export interface PersonOption {
  readonly userUid: string;
  readonly label: string;
  readonly orgRole: OrgStanding;
}

export type AccessCheckResult =
  | {
      readonly ok: true;
      readonly canAskAboutOthers: boolean;
      readonly people: readonly PersonOption[];
      readonly projects: readonly ProjectOption[];
      readonly person: PersonOption;
      readonly project: ProjectOption | null;
      readonly action: CheckAction;
      readonly diagnosis: AccessDiagnosis | null;
      readonly source: OrgFacts["source"];
      readonly problems: readonly string[];
    }
  | {
      readonly ok: false;
      readonly status: 403 | 404;
      readonly error: string;
      readonly decision?: Decision;
      readonly reasons: readonly string[];
    };

const standingOf = (member: OrgMember): OrgStanding =>
  member.status !== "accepted" || member.role === "pending" ? "none" : member.role;

/**
 * The access checker: person P, project X, action A -> the decision and why. Only Owners and
 * Admins may ask about someone else (they see the organization's users, as in its settings);
 * everyone else may check only themselves. Decided on the server, whatever the form sent.
 */
export async function accessCheck(
  svc: Services,
  state: Active,
  query: z.output<typeof accessCheckQuery>,
  facts?: OrgFacts,
): Promise<AccessCheckResult> {
  const me = self(state);
  const gate = authorize(state.person, "org.settings");
  const asksAboutOther = query.person !== undefined && query.person !== me.userUid;
  if (asksAboutOther && !gate.allowed)
    return {
      ok: false,
      status: 403,
      error: "forbidden",
      decision: gate,
      reasons: [
        "Only organization Owners and Admins may check another person's access; you may check your own.",
        ...gate.reasons,
      ],
    };
  const org = facts ?? (await readOrgFacts(svc, state));
  const people: PersonOption[] = gate.allowed
    ? (org.members ?? [])
        .filter((m): m is OrgMember & { userUid: string } => m.userUid !== null)
        .map((m) => ({
          userUid: m.userUid,
          // Someone without a name anywhere is shown by email alone, not "email (email)".
          label: nameOf(org, m) === m.email ? m.email : `${nameOf(org, m)} (${m.email})`,
          orgRole: standingOf(m),
        }))
    : [];
  const mine: PersonOption = {
    userUid: me.userUid,
    label: `${me.name ?? me.email} (you)`,
    orgRole: me.orgRole,
  };
  if (!people.some((p) => p.userUid === me.userUid)) people.unshift(mine);
  const chosenPerson = asksAboutOther
    ? people.find((p) => p.userUid === query.person)
    : (people.find((p) => p.userUid === me.userUid) ?? mine);
  if (!chosenPerson)
    return {
      ok: false,
      status: 404,
      error: "unknown-person",
      reasons: ["That person is not one of the organization's users."],
    };
  const email =
    chosenPerson.userUid === me.userUid
      ? me.email
      : ((org.members ?? []).find((m) => m.userUid === chosenPerson.userUid)?.email ?? "");
  const subject = { userUid: chosenPerson.userUid, email, orgRole: chosenPerson.orgRole };
  // The asker picks among the projects they may list themselves.
  const projects = listableFor(org, me);
  const project = query.project
    ? (projects.find((p) => p.uid === query.project) ?? null)
    : (projects[0] ?? null);
  if (query.project && !project)
    return {
      ok: false,
      status: 404,
      error: "unknown-project",
      reasons: ["That project is not one you can see in this organization."],
    };
  return {
    ok: true,
    canAskAboutOthers: gate.allowed,
    people,
    projects: projects.map(({ uid, name }) => ({ uid, name })),
    person: chosenPerson,
    project: project ? { uid: project.uid, name: project.name } : null,
    action: query.action,
    diagnosis: project ? diagnoseOn(org, project, subject, query.action) : null,
    source: org.source,
    problems: org.problems,
  };
}
