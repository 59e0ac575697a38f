// `/projects/{id}/collaborators[/{userUid}]` and `/projects/{id}/roles`. Collaborators are the
// account's Lytics users (one store with the v2 API). Their bodies were never observed live; they
// follow the projects' conventions (bare arrays and objects, camelCase, the same error envelope),
// which docs/lytics-shapes.md lists as our choice. Unlike v2, these calls check role slugs
// against the account's assignable roles, and refuse to remove or demote the last admin, or to let
// a collaborator touch the project owner.
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import {
  forbiddenResource,
  ManagementApiError,
  ManagementValidationError,
} from "../errors/management-api-error";
import type { LyticsContext } from "../lytics-context";
import type { AccountRecord, LyticsStore } from "../store/lytics-store";
import { rolesAvailable } from "../store/role-catalogue";
import { collaboratorUid, toCollaborator } from "../store/store-views";
import { callerOf, parseBody, projectOf } from "./management-api";
import { adminCount, canOnProject, isProjectOwner, type ManagementCaller } from "./project-access";

const rolesField = z.array(z.string().min(1)).min(1, "roles must not be empty");

const inviteSchema = z.object({
  userEmails: z.array(z.email()).min(1, "userEmails must not be empty"),
  roles: rolesField,
  invitationMessage: z.string().max(2000).optional(),
});

const updateSchema = z.object({ roles: rolesField });

type ProjectParams = { Params: { id: string } };
type CollaboratorParams = { Params: { id: string; userUid: string } };

function assertAssignable(account: AccountRecord, roles: readonly string[]): void {
  const assignable = new Set(
    rolesAvailable(account.roles_available)
      .filter((r) => r.can_be_assigned)
      .map((r) => r.slug),
  );
  const unknown = roles.filter((role) => !assignable.has(role));
  if (unknown.length > 0) {
    throw new ManagementValidationError({
      roles: [{ code: "lytics.ROLES.UNKNOWN_ROLE", values: unknown }],
    });
  }
}

function findCollaborator(store: LyticsStore, account: AccountRecord, userUid: string) {
  const found = store.membersOf(account).find(({ user }) => collaboratorUid(user) === userUid);
  if (!found)
    throw new ManagementApiError(404, "Collaborator not found", "lytics.COLLABORATORS.NOT_FOUND");
  return found;
}

/** Seed 002: a collaborator (not org Owner/Admin, not the project owner) cannot touch the owner. */
function assertMayTouch(
  caller: ManagementCaller,
  account: AccountRecord,
  targetCsUid: string | null,
): void {
  const privileged = caller.organizationAdmin || isProjectOwner(caller, account);
  if (!privileged && targetCsUid !== null && targetCsUid === account.owner_uid) {
    throw new ManagementApiError(
      409,
      "The project owner cannot be removed or demoted by a collaborator",
      "lytics.COLLABORATORS.PROJECT_OWNER",
    );
  }
}

export function registerCollaboratorRoutes(app: FastifyInstance, context: LyticsContext): void {
  const { store } = context;

  app.get<ProjectParams>("/projects/:id/collaborators", async (request) => {
    const account = projectOf(context, request);
    if (!canOnProject(callerOf(request), account, "view")) throw forbiddenResource();
    return store
      .membersOf(account)
      .map(({ user, membership }) => toCollaborator(account, user, membership));
  });

  app.post<ProjectParams>("/projects/:id/collaborators", async (request, reply) => {
    const caller = callerOf(request);
    const account = projectOf(context, request);
    if (!canOnProject(caller, account, "manage_collaborators")) throw forbiddenResource();
    const input = parseBody(inviteSchema, request.body, "COLLABORATORS");
    assertAssignable(account, input.roles);
    const invited = input.userEmails.map((email) => {
      const person = store.personByEmail(email);
      const { user } = store.ensureUser({
        email,
        name: person ? `${person.first_name} ${person.last_name}` : undefined,
        cs_user_uid: person?.uid ?? null,
      });
      const membership = store.grant(account, user.id, input.roles, caller.user.uid);
      return toCollaborator(account, user, membership);
    });
    return reply.code(201).send(invited);
  });

  app.put<CollaboratorParams>("/projects/:id/collaborators/:userUid", async (request) => {
    const caller = callerOf(request);
    const account = projectOf(context, request);
    if (!canOnProject(caller, account, "manage_collaborators")) throw forbiddenResource();
    const input = parseBody(updateSchema, request.body, "COLLABORATORS");
    assertAssignable(account, input.roles);
    const { user, membership } = findCollaborator(store, account, request.params.userUid);
    assertMayTouch(caller, account, user.cs_user_uid);
    if (
      membership.roles.includes("admin") &&
      !input.roles.includes("admin") &&
      adminCount(account) === 1
    ) {
      throw new ManagementApiError(
        409,
        "The last admin of a project cannot be demoted",
        "lytics.COLLABORATORS.LAST_ADMIN",
      );
    }
    const updated = store.grant(account, user.id, input.roles, caller.user.uid);
    return toCollaborator(account, user, updated);
  });

  app.delete<CollaboratorParams>("/projects/:id/collaborators/:userUid", async (request, reply) => {
    const caller = callerOf(request);
    const account = projectOf(context, request);
    if (!canOnProject(caller, account, "manage_collaborators")) throw forbiddenResource();
    const { user, membership } = findCollaborator(store, account, request.params.userUid);
    assertMayTouch(caller, account, user.cs_user_uid);
    if (membership.roles.includes("admin") && adminCount(account) === 1) {
      throw new ManagementApiError(
        409,
        "The last admin of a project cannot be removed",
        "lytics.COLLABORATORS.LAST_ADMIN",
      );
    }
    store.revoke(account, user.id);
    return reply.code(204).send();
  });

  app.get<ProjectParams>("/projects/:id/roles", async (request) => {
    const account = projectOf(context, request);
    if (!canOnProject(callerOf(request), account, "view")) throw forbiddenResource();
    return rolesAvailable(account.roles_available)
      .filter((role) => role.can_be_assigned)
      .map(({ slug, name, description }) => ({ slug, name, description }));
  });
}
