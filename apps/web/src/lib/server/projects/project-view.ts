import "server-only";

import type { Decision } from "@lytics-access/permissions";
import type { LyticsProject } from "@lytics-access/lytics";
import { normaliseEmail } from "@lytics-access/store";

import { authorize } from "../authorize";
import { adminHolders, decideCollaboratorChange } from "./collaborator-decisions";
import { collaboratorEtag, projectEtag } from "./etag";
import { organizationMembership } from "./membership-notes";
import { lyticsOf, type Active, type ProjectContext } from "./project-context";
import { roleLabel, roleOptions, type RoleOption } from "./role-options";
import type { Services } from "../services";

/** A decision as the browser needs it: whether, which rule, and why (shown beside a refusal). */
export interface Gate {
  readonly allowed: boolean;
  readonly rule: string;
  readonly reasons: readonly string[];
}

export const gateOf = (decision: Decision): Gate => ({
  allowed: decision.allowed,
  rule: decision.rule,
  reasons: decision.reasons,
});

export interface CollaboratorRow {
  readonly userUid: string;
  readonly email: string;
  readonly name: string | null;
  readonly roles: readonly string[];
  /** `active`, `invited`, or what Lytics sent. */
  readonly status: string | null;
  readonly isProjectOwner: boolean;
  /** When the app's grant for this person ends (epoch ms); null: no expiry or no grant. */
  readonly expiresAt: number | null;
  /** Whether the app holds a grant for this person (the sync keeps their roles from it). */
  readonly hasGrant: boolean;
  /** The If-Match value for changing or removing them. */
  readonly etag: string;
  /** Changing their roles (the owner guard; the last-Admin guard is judged on the new roles). */
  readonly changeRole: Gate;
  readonly remove: Gate;
  /** The only person with Admin: their new roles must keep Admin. */
  readonly lastAdmin: boolean;
  /**
   * Whether they are a person of the organization (the sync's member directory); false means the
   * sync removes them (DESIGN §3.1); null while unknown.
   */
  readonly inOrganization: boolean | null;
}

export interface ProjectDetail {
  readonly project: {
    readonly uid: string;
    readonly name: string;
    readonly domain: string;
    readonly description: string;
    readonly connections: LyticsProject["connections"];
  };
  readonly etag: string;
  /** How the person stands on this project, in words. */
  readonly access: string;
  readonly actions: {
    readonly edit: Gate;
    readonly connections: Gate;
    readonly invite: Gate;
    readonly delete: Gate;
  };
  readonly collaborators: readonly CollaboratorRow[];
  readonly roles: readonly RoleOption[];
  /** Where to ask for more access, when the person may not manage the project. */
  readonly requestAccessHref: string | null;
}

export function requestAccessHref(projectUid: string): string {
  return `/requests/new?project=${encodeURIComponent(projectUid)}`;
}

/** How the person stands on a project, in words (the same facts the decisions use). */
export function accessLabel(state: Active, resource: ProjectContext["resource"]): string {
  if (state.person.role === "owner") return "Organization Owner: full access";
  if (state.person.role === "admin") return "Organization Admin: full access";
  if (resource.isProjectOwner) return "Project owner: full access";
  if (resource.projectRoles.length > 0)
    return `Collaborator: ${resource.projectRoles.map(roleLabel).join(", ")}`;
  return "Not on this project";
}

/** Everything the project page shows, each action decided by packages/permissions. */
export async function projectDetail(
  svc: Services,
  state: Active,
  context: ProjectContext,
): Promise<ProjectDetail> {
  const { project, resource } = context;
  const [assignable, membership] = await Promise.all([
    lyticsOf(svc, state)
      .listAssignableRoles(project.uid)
      .catch(() => null),
    organizationMembership(svc, state.session.orgUid, context.collaborators),
  ]);
  const admins = adminHolders(context.collaborators);
  const actions = {
    edit: gateOf(authorize(state.person, "project.edit", resource)),
    connections: gateOf(authorize(state.person, "project.connections", resource)),
    invite: gateOf(authorize(state.person, "project.invite", resource)),
    delete: gateOf(authorize(state.person, "project.delete", resource)),
  };
  const collaborators = context.collaborators.map((c): CollaboratorRow => {
    const grant = context.grants.get(normaliseEmail(c.email)) ?? null;
    return {
      userUid: c.userUid,
      email: c.email,
      name: c.name,
      roles: c.roles,
      status: c.status,
      isProjectOwner: context.ownerUid !== null && c.userUid === context.ownerUid,
      expiresAt: grant?.expiresAt ?? null,
      hasGrant: grant !== null,
      etag: collaboratorEtag(c, grant),
      // Judged keeping their roles: only the action and the owner guard decide the control.
      changeRole: gateOf(
        decideCollaboratorChange(state.person, context, c, {
          kind: "change-role",
          newRoles: c.roles.includes("admin") ? ["admin"] : [],
        }),
      ),
      remove: gateOf(decideCollaboratorChange(state.person, context, c, { kind: "remove" })),
      lastAdmin: admins.length === 1 && admins[0] === c.userUid,
      inOrganization: membership?.get(c.userUid) ?? null,
    };
  });
  const manages = actions.edit.allowed || actions.invite.allowed;
  return {
    project: {
      uid: project.uid,
      name: project.name,
      domain: project.domain ?? "",
      description: project.description ?? "",
      connections: project.connections,
    },
    etag: projectEtag(project),
    access: accessLabel(state, resource),
    actions,
    collaborators,
    roles: roleOptions(assignable),
    requestAccessHref: manages ? null : requestAccessHref(project.uid),
  };
}
