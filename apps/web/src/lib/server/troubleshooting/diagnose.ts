import {
  PROJECT_ACTION_TABLE,
  TASK_PERMISSIONS,
  accessLevelFor,
  evaluateNav,
  evaluateTask,
  explain,
  holdersOf,
  isLyticsRoleSlug,
  isProjectAction,
  navRow,
  roleName,
  taskRow,
  type Decision,
  type LevelAnswer,
  type LyticsRoleSlug,
  type OrgStanding,
  type ProjectAction,
  type TaskPermission,
} from "@lytics-access/permissions";

/** What is asked about: a seed 002 project action, or a seed 001 task on the project. */
export type CheckAction = ProjectAction | TaskPermission;
export const CHECK_ACTIONS: readonly CheckAction[] = [
  ...PROJECT_ACTION_TABLE.map((row) => row.action),
  ...TASK_PERMISSIONS,
];

export function actionLabel(action: CheckAction): string {
  if (isProjectAction(action))
    return PROJECT_ACTION_TABLE.find((row) => row.action === action)?.label ?? action;
  const row = taskRow(action);
  return `${row.group}: ${row.label}`;
}

/** The person a diagnosis is about, relative to one project. */
export interface Subject {
  readonly orgRole: OrgStanding;
  readonly isProjectOwner: boolean;
  /** Lytics role slugs on the project (unknown slugs are dropped before this point). */
  readonly projectRoles: readonly LyticsRoleSlug[];
}

/** Whom to ask, by name. */
export interface Askable {
  readonly projectOwner: string | null;
  readonly orgOwnersAndAdmins: readonly string[];
}

/** What would turn a refusal into an allowance, in words a person can act on. */
export interface Remedy {
  readonly summary: string;
  /** Lytics roles (display names) any one of which would grant it, least powerful first. */
  readonly roles: readonly string[];
  /** The one role to ask for. */
  readonly suggestedRole: string | null;
  /** Whom to ask, by name. */
  readonly askWhom: readonly string[];
}

export interface AccessDiagnosis {
  readonly action: CheckAction;
  readonly actionLabel: string;
  readonly subject: Subject;
  readonly decision: Decision;
  readonly remedy: Remedy | null;
}

/** Keeps the catalogue's roles; a slug Lytics reports that the catalogue lacks grants nothing. */
export function knownRoles(slugs: readonly string[]): LyticsRoleSlug[] {
  return slugs.filter(isLyticsRoleSlug);
}

// Seed 000: a Member may be granted Audience Manager or Data Manager; those come first, Admin last.
const PREFERENCE: readonly LyticsRoleSlug[] = ["segment_manager", "data_manager"];
function orderForAsking(slugs: readonly LyticsRoleSlug[]): LyticsRoleSlug[] {
  const rank = (slug: LyticsRoleSlug) =>
    slug === "admin" ? 99 : PREFERENCE.includes(slug) ? PREFERENCE.indexOf(slug) : 10;
  return [...slugs].sort((a, b) => rank(a) - rank(b));
}

function intersect(lists: readonly (readonly LyticsRoleSlug[])[]): LyticsRoleSlug[] {
  const [first = [], ...rest] = lists;
  return first.filter((slug) => rest.every((list) => list.includes(slug)));
}

const askingText = (ask: Askable, projectScoped: boolean): string[] => {
  const names = [
    ...(projectScoped && ask.projectOwner ? [`${ask.projectOwner} (project owner)`] : []),
    ...ask.orgOwnersAndAdmins,
  ];
  return names.length > 0 ? names : ["your organization Owner or an Admin"];
};

function rolesRemedy(
  granting: readonly LyticsRoleSlug[],
  projectName: string,
  ask: Askable,
  what: string,
): Remedy {
  const ordered = orderForAsking(granting);
  const suggested = ordered[0] ? roleName(ordered[0]) : null;
  return {
    summary: suggested
      ? `Ask for ${suggested} on project ${projectName}: it grants ${what}.`
      : `No Data & Insights role grants ${what}.`,
    roles: ordered.map(roleName),
    suggestedRole: suggested,
    askWhom: askingText(ask, true),
  };
}

/** What would grant a refused decision (null when it was allowed). */
export function remedyFor(
  action: CheckAction,
  decision: Decision,
  projectName: string,
  ask: Askable,
): Remedy | null {
  if (decision.allowed) return null;
  const orgOnly = (summary: string): Remedy => ({
    summary,
    roles: [],
    suggestedRole: null,
    askWhom: askingText(ask, false),
  });
  switch (decision.rule) {
    case "project.not-in-org":
      return orgOnly(
        "You are not (or no longer) in the organization: ask its Owner or an Admin to invite you again.",
      );
    case "org.settings.org-admin-only":
      return orgOnly(
        "Only organization Owners and Admins may: ask the Owner for the organization Admin role in Contentstack.",
      );
    case "project.create.org-member":
      return orgOnly(
        "Guests cannot create projects: ask an Owner or Admin to make you a Member of the organization, or to create the project for you.",
      );
    case "project.delete.collaborator-never":
      return {
        summary: `Only the project owner or an organization Owner or Admin may delete project ${projectName}: ask them to.`,
        roles: [],
        suggestedRole: null,
        askWhom: askingText(ask, true),
      };
    default:
      break;
  }
  if (!isProjectAction(action))
    return rolesRemedy(
      knownRoles(holdersOf(taskRow(action))),
      projectName,
      ask,
      `"${actionLabel(action)}"`,
    );
  const requirement = PROJECT_ACTION_TABLE.find((row) => row.action === action)?.collaborator;
  if (requirement?.kind === "tasks")
    return rolesRemedy(
      intersect(requirement.tasks.map((task) => knownRoles(holdersOf(taskRow(task))))),
      projectName,
      ask,
      requirement.tasks.join(", "),
    );
  // Any role on the project is enough; Observer is the least powerful of them.
  return {
    summary: `Ask to be added to project ${projectName} with any Data & Insights role (Observer is the smallest; Audience Manager lets you manage audiences).`,
    roles: ["Observer", "Audience Manager", "Data Manager"],
    suggestedRole: "Observer",
    askWhom: askingText(ask, true),
  };
}

/** The decision (packages/permissions' explain()) and what would grant it. */
export function diagnoseAccess(
  subject: Subject,
  action: CheckAction,
  projectName: string,
  ask: Askable,
): AccessDiagnosis {
  const decision = isProjectAction(action)
    ? explain({ kind: "project", ...subject, projectRoles: [...subject.projectRoles], action })
    : // Tasks are done inside Lytics with the roles held there. The sync gives org Owners Admin
      // and Admins the Editor bundle on every project, so their project roles already show it.
      explain({ kind: "task", roles: [...subject.projectRoles], permission: action });
  return {
    action,
    actionLabel: actionLabel(action),
    subject,
    decision,
    remedy: remedyFor(action, decision, projectName, ask),
  };
}

/** One project of the "missing audiences or metrics" diagnosis. */
export interface VisibilityRow {
  readonly projectUid: string;
  readonly projectName: string;
  readonly roles: readonly string[];
  readonly audiencesNav: Decision;
  readonly audiencesView: Decision;
  /** "Metrics": the Discovery (insights) navigation item. */
  readonly metricsNav: Decision;
  /** Roles that would show what is missing, least powerful first (display names). */
  readonly audienceRoles: readonly string[];
  readonly metricsRoles: readonly string[];
}

export function visibilityOn(
  project: { readonly uid: string; readonly name: string },
  roles: readonly LyticsRoleSlug[],
): VisibilityRow {
  return {
    projectUid: project.uid,
    projectName: project.name,
    roles: roles.map(roleName),
    audiencesNav: evaluateNav(roles, "audiences"),
    audiencesView: evaluateTask(roles, "audiences.view"),
    metricsNav: evaluateNav(roles, "discovery"),
    audienceRoles: orderForAsking(
      intersect([
        knownRoles(holdersOf(navRow("audiences"))),
        knownRoles(holdersOf(taskRow("audiences.view"))),
      ]),
    ).map(roleName),
    metricsRoles: orderForAsking(knownRoles(holdersOf(navRow("discovery")))).map(roleName),
  };
}

/** The access level the person's organization role maps to (seed 000, default policy). */
export function levelOf(orgRole: OrgStanding): LevelAnswer {
  return accessLevelFor({ orgRole });
}
