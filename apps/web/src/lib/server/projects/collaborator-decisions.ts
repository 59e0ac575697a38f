import "server-only";

import {
  evaluateCollaboratorChange,
  type CollaboratorChangeKind,
  type Decision,
} from "@lytics-access/permissions";
import type { ProjectCollaborator } from "@lytics-access/lytics";
import type { SessionPerson } from "@lytics-access/store";

import { knownRoles, type ProjectContext } from "./project-context";

/**
 * Who holds Admin on the project now. An open invitation does not count until it is accepted (as
 * the sync's last-Admin guard counts them), so it cannot be what keeps a project administered.
 */
export function adminHolders(collaborators: readonly ProjectCollaborator[]): string[] {
  return collaborators
    .filter((c) => c.roles.includes("admin") && c.status !== "invited")
    .map((c) => c.userUid);
}

/**
 * Removing a collaborator or changing their roles (DESIGN §3.3): the action for this person on
 * this project, then the project-owner and last-Admin guards, all decided by packages/permissions
 * (`evaluateCollaboratorChange`, which asks `evaluateProjectAction` first, as `authorize` does).
 */
export function decideCollaboratorChange(
  person: Pick<SessionPerson, "role">,
  context: ProjectContext,
  target: ProjectCollaborator,
  change: CollaboratorChangeKind,
): Decision {
  return evaluateCollaboratorChange({
    actor: {
      orgRole: person.role,
      isProjectOwner: context.resource.isProjectOwner,
      projectRoles: context.resource.projectRoles,
    },
    target: {
      uid: target.userUid,
      isProjectOwner: context.ownerUid !== null && target.userUid === context.ownerUid,
      projectRoles: knownRoles(target.roles),
    },
    change,
    adminHolders: adminHolders(context.collaborators),
  });
}
