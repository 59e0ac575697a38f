// Management API collaborators (api-notes Part A §1.3 C1, C2, C4, C5). Their bodies were never
// observed live; they follow the projects' conventions (bare arrays and objects), as the emulator.
import { z } from "zod";

import { NotFoundError } from "@lytics-access/http";
import type { LyticsHttp } from "../http/request";
import { stripBaselineRoles } from "../roles/check-role-slugs";
import {
  wireCollaboratorListSchema,
  wireCollaboratorSchema,
  type WireCollaborator,
} from "../wire/management";
import { projectPath } from "./projects";

/** A person on a project. */
export interface ProjectCollaborator {
  /** The Contentstack user uid (`invite_<id>` for an invited email with no Contentstack account). */
  userUid: string;
  email: string;
  name: string | null;
  /** Role slugs on the project's account, without `authed2`. */
  roles: string[];
  /** `active` or `invited`; other values are passed through as the service sends them. */
  status: string | null;
  isOwner: boolean;
  invitedAt: string | null;
}

/** An invitation, already checked. */
export interface InviteCollaboratorsRequest {
  emails: readonly string[];
  roles: readonly string[];
  message?: string | undefined;
}

/** What removing did. `absent`: the person was not on the project, so nothing changed. */
export type RemoveCollaboratorOutcome = "removed" | "absent";

export function toCollaborator(wire: WireCollaborator): ProjectCollaborator {
  return {
    userUid: wire.userUid,
    email: wire.email,
    name: wire.name ?? null,
    roles: stripBaselineRoles(wire.roles),
    status: wire.status ?? null,
    isOwner: wire.isOwner === true,
    invitedAt: wire.invitedAt ?? null,
  };
}

const collaboratorsPath = (projectUid: string) => `${projectPath(projectUid)}/collaborators`;
const collaboratorPath = (projectUid: string, userUid: string) =>
  `${collaboratorsPath(projectUid)}/${encodeURIComponent(userUid)}`;

export async function listCollaborators(
  http: LyticsHttp,
  projectUid: string,
): Promise<ProjectCollaborator[]> {
  const { data } = await http({
    method: "GET",
    route: "/projects/:id/collaborators",
    path: collaboratorsPath(projectUid),
    policy: "idempotent",
    expect: [200],
    schema: wireCollaboratorListSchema,
  });
  return data.map(toCollaborator);
}

/** Invites people by email with roles; returns the invited collaborators. Retried only on 429. */
export async function inviteCollaborators(
  http: LyticsHttp,
  projectUid: string,
  request: InviteCollaboratorsRequest,
): Promise<ProjectCollaborator[]> {
  const { data } = await http({
    method: "POST",
    route: "/projects/:id/collaborators",
    path: collaboratorsPath(projectUid),
    body: {
      userEmails: request.emails,
      roles: request.roles,
      ...(request.message === undefined ? {} : { invitationMessage: request.message }),
    },
    policy: "unapplied-only",
    expect: [200, 201],
    schema: wireCollaboratorListSchema,
  });
  return data.map(toCollaborator);
}

/**
 * Replaces a collaborator's roles.
 *
 * @throws {@link NotFoundError} when the person is not on the project; {@link ConflictError}
 * when it would demote the project owner or the last admin.
 */
export async function updateCollaboratorRoles(
  http: LyticsHttp,
  projectUid: string,
  userUid: string,
  roles: readonly string[],
): Promise<ProjectCollaborator> {
  const { data } = await http({
    method: "PUT",
    route: "/projects/:id/collaborators/:userUid",
    path: collaboratorPath(projectUid, userUid),
    body: { roles },
    policy: "idempotent",
    expect: [200],
    schema: wireCollaboratorSchema,
  });
  return toCollaborator(data);
}

/**
 * Removes a collaborator; `absent` when they were not on the project.
 *
 * @throws {@link ConflictError} for the project owner or the last admin.
 */
export async function removeCollaborator(
  http: LyticsHttp,
  projectUid: string,
  userUid: string,
): Promise<RemoveCollaboratorOutcome> {
  try {
    await http({
      method: "DELETE",
      route: "/projects/:id/collaborators/:userUid",
      path: collaboratorPath(projectUid, userUid),
      policy: "idempotent",
      expect: [200, 204],
      schema: z.unknown(),
    });
    return "removed";
  } catch (error) {
    if (error instanceof NotFoundError) return "absent";
    throw error;
  }
}
