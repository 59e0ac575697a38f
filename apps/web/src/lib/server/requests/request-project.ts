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
    const collaborators = await client.listCollaborators(projectUid).catch(() => null);
    const creator = collaborators?.find((c) => c.isOwner)?.userUid ?? null;
    return {
      uid: project.uid,
      name: project.name,
      ownerUid: recorded?.userUid ?? creator,
      collaborators,
    };
  }
  return null;
}

/** The organization's projects the person can pick from when asking (every one, by name). */
export async function requestableProjects(
  svc: Services,
  state: Active,
): Promise<{ uid: string; name: string }[]> {
  for (const token of await readers(svc, state)) {
    try {
      const projects = await svc.lyticsAs(state.session.orgUid, token).listProjects();
      return projects
        .map(({ uid, name }) => ({ uid, name }))
        .sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      // Try the next credential.
    }
  }
  return [];
}
