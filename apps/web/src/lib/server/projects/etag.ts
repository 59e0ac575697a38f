import { createHash } from "node:crypto";

import type { LyticsProject, ProjectCollaborator } from "@lytics-access/lytics";
import type { Grant } from "@lytics-access/store";

// Lytics keeps no version on a project or a collaborator, so the app's If-Match value is a hash of
// exactly what the person saw: two people who read the same state hold the same tag, and the one
// who saves second is told the state moved on (409) instead of overwriting the first one's change.

const digest = (value: unknown): string =>
  `"${createHash("sha256").update(JSON.stringify(value)).digest("base64url").slice(0, 22)}"`;

const sorted = (values: readonly string[]) => [...values].sort();

/** The version of a project's editable fields and connections. */
export function projectEtag(project: LyticsProject): string {
  return digest({
    name: project.name,
    domain: project.domain ?? "",
    description: project.description ?? "",
    stacks: sorted(project.connections.stackApiKeys),
    launch: sorted(project.connections.launchProjectUids),
    personalize: sorted(project.connections.personalizeProjectUids),
  });
}

/** The version of one collaborator's access: their Lytics roles and the app's grant for them. */
export function collaboratorEtag(
  collaborator: Pick<ProjectCollaborator, "userUid" | "roles" | "status">,
  grant: Pick<Grant, "version" | "expiresAt" | "roles"> | null,
): string {
  return digest({
    uid: collaborator.userUid,
    roles: sorted(collaborator.roles),
    status: collaborator.status,
    grant: grant ? { v: grant.version, until: grant.expiresAt ?? null } : null,
  });
}
