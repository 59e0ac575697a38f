import { resolveRoles } from "../catalogue/roles";
import { decide, type Decision } from "../decision";
import { evaluateProjectAction, type ProjectSubject } from "./project-access";

/** The collaborator whose access would change. */
export interface ChangeTarget {
  readonly uid: string;
  readonly isProjectOwner: boolean;
  /** Their current roles on the project, by display name or slug. */
  readonly projectRoles: readonly string[];
}

/** Remove a collaborator, or replace their project roles. */
export type CollaboratorChangeKind =
  | { readonly kind: "remove" }
  | { readonly kind: "change-role"; readonly newRoles: readonly string[] };

/** Input of {@link evaluateCollaboratorChange}. */
export interface CollaboratorChange {
  readonly actor: ProjectSubject;
  readonly target: ChangeTarget;
  readonly change: CollaboratorChangeKind;
  /** Uids of everyone who holds the Admin role on the project now, the target included if they do. */
  readonly adminHolders: readonly string[];
}

/**
 * Whether `actor` may remove `target` from a project or change their roles. First the action
 * itself must be allowed (seed 002 precedence), then two guards of DESIGN §3.3 apply:
 * - the project owner cannot be removed or demoted by a collaborator (`project.guard.owner-protected`);
 * - the last person with Admin on the project cannot be removed, nor lose Admin through a role
 *   change, which has the same effect (`project.guard.last-admin`).
 *
 * @throws {@link UnknownRoleError} for a role that is not in the catalogue.
 */
export function evaluateCollaboratorChange(input: CollaboratorChange): Decision {
  const { actor, target, change } = input;
  const action = change.kind === "remove" ? "project.remove-collaborator" : "project.change-role";
  const permitted = evaluateProjectAction(actor, action);
  if (!permitted.allowed) return permitted;

  const actorIsCollaboratorOnly =
    actor.orgRole !== "owner" && actor.orgRole !== "admin" && !actor.isProjectOwner;
  if (target.isProjectOwner && actorIsCollaboratorOnly) {
    return decide(false, "project", "project.guard.owner-protected", [
      `${action} is refused: the target is the project owner, who cannot be removed or demoted by a collaborator.`,
      ...permitted.reasons,
    ]);
  }

  const currentRoles = resolveRoles(target.projectRoles);
  const holdsAdmin = currentRoles.includes("admin") || input.adminHolders.includes(target.uid);
  const losesAdmin = change.kind === "remove" || !resolveRoles(change.newRoles).includes("admin");
  const otherAdmins = new Set(input.adminHolders.filter((uid) => uid !== target.uid));
  if (holdsAdmin && losesAdmin && otherAdmins.size === 0) {
    return decide(false, "project", "project.guard.last-admin", [
      `${action} is refused: ${target.uid} is the last person with Admin on the project, and the project would be left without one.`,
      ...permitted.reasons,
    ]);
  }

  return decide(true, "project", "project.guard.passed", [
    `${action} is allowed: ${permitted.rule} permits it, and neither the owner guard nor the last-Admin guard applies.`,
    ...permitted.reasons,
  ]);
}
