import "server-only";

import {
  ForbiddenError,
  type LyticsManagementClient,
  type LyticsProject,
  type ProjectCollaborator,
} from "@lytics-access/lytics";
import { isLyticsRoleSlug } from "@lytics-access/permissions";
import { normaliseEmail, type Grant } from "@lytics-access/store";

import type { AuthzResource } from "../authorize";
import type { SessionState } from "../load-session";
import { organizationToken } from "../org-credential";
import type { Services } from "../services";

export type Active = Extract<SessionState, { status: "active" }>;

/** One project as the signed-in person may see it, with everything a decision about it needs. */
export interface ProjectContext {
  readonly project: LyticsProject;
  readonly collaborators: readonly ProjectCollaborator[];
  /** The app's grants on this project, by normalised email. */
  readonly grants: ReadonlyMap<string, Grant>;
  /** The project owner's Contentstack uid: the app's record wins over what Lytics reports. */
  readonly ownerUid: string | null;
  /** The signed-in person relative to this project (for `authorize`). */
  readonly resource: Extract<AuthzResource, { kind: "project" }>;
}

/** The person's Management API client: Lytics applies its own checks to their own token too. */
export const lyticsOf = (svc: Services, state: Active): LyticsManagementClient =>
  svc.lyticsAs(state.session.orgUid, state.tokens.accessToken);

/** Who owns a project: the app's record (written when a project is created here), else Lytics'. */
export function ownerUidOf(
  recorded: string | null | undefined,
  collaborators: readonly ProjectCollaborator[],
): string | null {
  return recorded ?? collaborators.find((c) => c.isOwner)?.userUid ?? null;
}

/** The person's own entry among a project's collaborators (by uid, else by email). */
export function meIn(
  collaborators: readonly ProjectCollaborator[],
  state: Active,
): ProjectCollaborator | undefined {
  const email = normaliseEmail(state.person.email);
  return collaborators.find(
    (c) => c.userUid === state.session.userUid || normaliseEmail(c.email) === email,
  );
}

/**
 * Roles the catalogue knows. A slug it does not know (an account's own role) grants nothing the
 * seed 001 matrices can name, and the catalogue refuses to guess, so it is left out of decisions.
 */
export const knownRoles = (roles: readonly string[]): string[] => roles.filter(isLyticsRoleSlug);

export function projectResource(
  state: Active,
  collaborators: readonly ProjectCollaborator[],
  ownerUid: string | null,
): ProjectContext["resource"] {
  return {
    kind: "project",
    isProjectOwner: ownerUid !== null && ownerUid === state.session.userUid,
    projectRoles: knownRoles(meIn(collaborators, state)?.roles ?? []),
  };
}

/**
 * Reads one project with the person's own token: null when Lytics does not show it to them (it
 * does not exist, or seed 002 does not let them see it; the Management API answers both alike).
 */
export async function loadProjectContext(
  svc: Services,
  state: Active,
  projectUid: string,
): Promise<ProjectContext | null> {
  const lytics = lyticsOf(svc, state);
  let project: LyticsProject | null;
  try {
    project = await lytics.getProject(projectUid);
  } catch (error) {
    if (error instanceof ForbiddenError) return null;
    throw error;
  }
  if (!project) return null;
  const { orgUid } = state.session;
  const [collaborators, recorded, grants] = await Promise.all([
    lytics.listCollaborators(projectUid),
    svc.projectOwners.get(orgUid, projectUid),
    svc.grants.listByProject(orgUid, projectUid),
  ]);
  const ownerUid = ownerUidOf(recorded?.userUid, collaborators);
  return {
    project,
    collaborators,
    grants: new Map(grants.map((grant) => [normaliseEmail(grant.email), grant])),
    ownerUid,
    resource: projectResource(state, collaborators, ownerUid),
  };
}

/**
 * Runs a write the app has already authorized (packages/permissions, DESIGN §3.3) with the
 * person's own token, so Lytics records them as the one who did it. Lytics' own check is narrower
 * than seed 002 for collaborators ("depends on role" is answered there by Admin alone), so when
 * it refuses an action §3.3 allows, the write is made with the organization's connected
 * credential, the one the sync writes with; without one, Lytics' refusal stands.
 */
export async function writeAsAllowed<T>(
  svc: Services,
  state: Active,
  write: (client: LyticsManagementClient) => Promise<T>,
): Promise<T> {
  try {
    return await write(lyticsOf(svc, state));
  } catch (error) {
    if (!(error instanceof ForbiddenError) || error.apiCode !== undefined) throw error;
    const token = await organizationToken(svc, state.session.orgUid).catch(() => null);
    if (!token) throw error;
    return write(svc.lyticsAs(state.session.orgUid, token));
  }
}
