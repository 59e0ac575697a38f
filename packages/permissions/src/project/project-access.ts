import { decide, type Decision } from "../decision";
import { evaluateTask } from "../evaluate/role-permissions";
import { listNames, toRoleSet, type RoleSet } from "../evaluate/role-set";
import type { OrgStanding } from "../policy/access-levels";
import { projectActionRow, type ProjectAction } from "./project-actions";

/** Who is asking, relative to one project. */
export interface ProjectSubject {
  readonly orgRole: OrgStanding;
  /** True for the project's owner (its creator). */
  readonly isProjectOwner: boolean;
  /**
   * The person's roles on this project, by display name or slug. Empty when they are not a
   * collaborator on it.
   */
  readonly projectRoles: readonly string[] | RoleSet;
}

const ORG_LABEL: Readonly<Record<OrgStanding, string>> = {
  owner: "organization Owner",
  admin: "organization Admin",
  member: "organization Member",
  guest: "organization Guest",
  none: "not in the organization",
};

/**
 * Seed 002's evaluation, first match wins: someone outside the organization is denied everything;
 * then (1) org Owner or Admin -> allowed; (2) the project owner -> allowed; (3) a project role
 * that covers the action -> allowed; (4) denied. Two actions are not project-scoped and are
 * decided by the org role alone: `project.create` (any org Member) and `org.settings`.
 *
 * @throws {@link UnknownRoleError} for a project role that is not in the catalogue.
 */
export function evaluateProjectAction(subject: ProjectSubject, action: ProjectAction): Decision {
  const row = projectActionRow(action);
  const who = ORG_LABEL[subject.orgRole];

  if (subject.orgRole === "none") {
    return decide(false, "org-role", "project.not-in-org", [
      `${action} is denied: the person is not in the organization, so every action is denied whatever records remain (seed 002).`,
    ]);
  }
  if (subject.orgRole === "owner" || subject.orgRole === "admin") {
    return decide(true, "org-role", "project.precedence.org-admin", [
      `${action} is allowed: as ${who}, precedence 1 applies (org Owner or Admin has full access to every project).`,
      `Seed 002, "${row.label}": org Owner / Admin ${action === "project.list" ? "sees all projects" : "may"}.`,
    ]);
  }
  if (action === "org.settings") {
    return decide(false, "org-role", "org.settings.org-admin-only", [
      `org.settings is denied: only organization Owners and Admins access organization settings; this person is an ${who}${subject.isProjectOwner ? " (project ownership does not change that)" : ""}.`,
    ]);
  }
  if (action === "project.create") {
    const allowed = subject.orgRole === "member";
    return decide(allowed, "org-role", "project.create.org-member", [
      allowed
        ? "project.create is allowed: any organization Member may create a project and becomes its owner (seed 002)."
        : "project.create is denied: Guests only get what a project grants them, and creating a project is not project-scoped.",
    ]);
  }
  if (subject.isProjectOwner) {
    return decide(true, "project", "project.precedence.project-owner", [
      `${action} is allowed: the project owner always retains full access to their project (precedence 2), as ${who}.`,
      `Seed 002, "${row.label}": project owner ${action === "project.list" ? "sees own projects" : "may"}.`,
    ]);
  }

  const roles = toRoleSet(subject.projectRoles);
  const held =
    roles.slugs.length > 0
      ? `project roles held: ${listNames(roles.slugs)}`
      : "no project roles held";
  const requirement = row.collaborator;
  if (requirement.kind === "never") {
    return decide(false, "project", "project.delete.collaborator-never", [
      `${action} is denied: only org Owners/Admins and the project owner may do this; collaborators never can (${held}).`,
    ]);
  }
  if (requirement.kind === "any-collaborator") {
    const allowed = roles.slugs.length > 0;
    return decide(
      allowed,
      "project",
      allowed ? "project.precedence.project-role" : "project.precedence.denied",
      [
        allowed
          ? `${action} is allowed: any collaborator on the project may (precedence 3; ${held}).`
          : `${action} is denied: not an org Owner/Admin, not the project owner, and not a collaborator on this project (precedence 4; membership of the org alone grants nothing).`,
      ],
    );
  }
  if (requirement.kind === "tasks") {
    const checks = requirement.tasks.map((task) => evaluateTask(roles, task));
    const allowed = checks.every((check) => check.allowed);
    const tasks = requirement.tasks.join(", ");
    return decide(
      allowed,
      "project",
      allowed ? "project.precedence.project-role" : "project.precedence.denied",
      [
        allowed
          ? `${action} is allowed: the project roles grant ${tasks} (precedence 3; ${held}).`
          : `${action} is denied: it needs ${tasks} from the project roles, which they do not grant (precedence 4; ${held}).`,
        ...checks.flatMap((check) => check.reasons.slice(0, 2)),
      ],
    );
  }
  // org-decides actions were answered above; reaching here means the table gained a row.
  return decide(false, "project", "project.precedence.denied", [
    `${action} is denied: no rule grants it.`,
  ]);
}
