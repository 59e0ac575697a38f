import "server-only";

import type { ProjectCollaborator } from "@lytics-access/lytics";

import type { SessionState } from "../load-session";
import { organizationToken } from "../org-credential";
import type { Services } from "../services";

type Active = Extract<SessionState, { status: "active" }>;

/** A project as an access request needs it: its name and who owns it. */
export interface RequestProject {
  readonly uid: string;
  readonly name: string;
  /** The owner's Contentstack uid: the app's record first, else the creator Lytics reports. */
  readonly ownerUid: string | null;
  /** Null when they could not be read with the credential at hand. */
  readonly collaborators: readonly ProjectCollaborator[] | null;
  /**
   * The slugs the project's account offers (`roles_available`), when known: they win over the
   * catalogue, and a slug outside them would be stored by Lytics and grant nothing (DESIGN §3.2).
   */
  readonly assignable: readonly string[] | null;
}

/** The credentials to read the organization's projects with, best first. */
async function readers(svc: Services, state: Active): Promise<string[]> {
  // A Member's own token lists only their projects, and a refused person asks about one they
  // are not on: the organization's connected credential sees every project.
  const org = await organizationToken(svc, state.session.orgUid).catch(() => null);
  return org ? [org, state.tokens.accessToken] : [state.tokens.accessToken];
}

/**
 * One project of the person's organization, with its owner; null when no credential at hand
 * finds it (not one of the organization's projects, or not visible to anyone we can act as).
 */
export async function readRequestProject(
  svc: Services,
  state: Active,
  projectUid: string,
): Promise<RequestProject | null> {
  const { orgUid } = state.session;
  const recorded = await svc.projectOwners.get(orgUid, projectUid);
  for (const token of await readers(svc, state)) {
    const client = svc.lyticsAs(orgUid, token);
    const project = await client.getProject(projectUid).catch(() => null);
    if (!project) continue;
    const [collaborators, assignable] = await Promise.all([
      client.listCollaborators(projectUid).catch(() => null),
      client.listAssignableRoles(projectUid).catch(() => null),
    ]);
    const creator = collaborators?.find((c) => c.isOwner)?.userUid ?? null;
    return {
      uid: project.uid,
      name: project.name,
      ownerUid: recorded?.userUid ?? creator,
      collaborators,
      assignable: assignable?.map((role) => role.slug) ?? null,
    };
  }
  return null;
}

/** A project the person may ask about, with the roles it offers and Lytics' words for them. */
export interface RequestableProject {
  readonly uid: string;
  readonly name: string;
  /** Offered slugs, when the account reports them; null: the catalogue's eleven. */
  readonly roles: readonly string[] | null;
  /** Lytics' own description of each offered role, by slug. */
  readonly descriptions: Readonly<Record<string, string>>;
}

/** The organization's projects the person can pick from when asking (every one, by name). */
export async function requestableProjects(
  svc: Services,
  state: Active,
): Promise<RequestableProject[]> {
  for (const token of await readers(svc, state)) {
    try {
      const client = svc.lyticsAs(state.session.orgUid, token);
      const projects = await client.listProjects();
      const withRoles = await Promise.all(
        projects.map(async ({ uid, name }) => {
          const offered = await client.listAssignableRoles(uid).catch(() => null);
          return {
            uid,
            name,
            roles: offered?.map((role) => role.slug) ?? null,
            descriptions: Object.fromEntries(
              (offered ?? []).flatMap((role) =>
                role.description ? [[role.slug, role.description] as const] : [],
              ),
            ),
          };
        }),
      );
      return withRoles.sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      // Try the next credential.
    }
  }
  return [];
}
