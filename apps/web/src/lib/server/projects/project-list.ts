import "server-only";

import { authorize } from "../authorize";
import { organizationProjectCount } from "../org-credential";
import type { Services } from "../services";
import { lyticsOf, ownerUidOf, projectResource, type Active } from "./project-context";
import { accessLabel, gateOf, requestAccessHref, type Gate } from "./project-view";

export interface ProjectListItem {
  readonly uid: string;
  readonly name: string;
  readonly domain: string;
  readonly description: string;
  readonly connectionCount: number;
  /** How the person stands on it, in words. */
  readonly access: string;
  /** Whether they may manage it (edit or invite); if not, where to ask for more. */
  readonly manage: Gate;
  readonly requestAccessHref: string | null;
}

export interface ProjectList {
  readonly projects: readonly ProjectListItem[];
  /** Creating a project (any org Member; not a Guest), with the reason when refused. */
  readonly create: Gate;
  /**
   * Projects of the organization the person is not shown (seed 002: a Member sees only the
   * projects they are on or own), counted with the organization's connected credential; null
   * when unknown or when the person sees them all.
   */
  readonly hiddenCount: number | null;
}

/**
 * The projects the person may see (DESIGN §3.3, "view project list"): Lytics lists them for the
 * person's own token, and each is kept only when packages/permissions allows `project.list` to
 * them (Owners and Admins: all; others: owned or collaborated), so neither side alone decides.
 */
export async function listProjectsFor(svc: Services, state: Active): Promise<ProjectList> {
  const { orgUid } = state.session;
  const lytics = lyticsOf(svc, state);
  const orgAdmin = state.person.role === "owner" || state.person.role === "admin";
  const [projects, owners] = await Promise.all([
    lytics.listProjects(),
    svc.projectOwners.list(orgUid),
  ]);
  const recorded = new Map(owners.map((owner) => [owner.projectUid, owner.userUid]));
  const items: ProjectListItem[] = [];
  for (const project of projects) {
    // Owners and Admins need no project facts to be allowed; everyone else's come from the project.
    const collaborators = orgAdmin ? [] : await lytics.listCollaborators(project.uid);
    const resource = projectResource(
      state,
      collaborators,
      ownerUidOf(recorded.get(project.uid), collaborators),
    );
    if (!authorize(state.person, "project.list", resource).allowed) continue;
    const edit = authorize(state.person, "project.edit", resource);
    const manage = edit.allowed ? edit : authorize(state.person, "project.invite", resource);
    const { stackApiKeys, launchProjectUids, personalizeProjectUids } = project.connections;
    items.push({
      uid: project.uid,
      name: project.name,
      domain: project.domain ?? "",
      description: project.description ?? "",
      connectionCount:
        stackApiKeys.length + launchProjectUids.length + personalizeProjectUids.length,
      access: accessLabel(state, resource),
      manage: gateOf(manage),
      requestAccessHref: manage.allowed ? null : requestAccessHref(project.uid),
    });
  }
  let hiddenCount: number | null = null;
  if (!orgAdmin) {
    const total = await organizationProjectCount(svc, orgUid);
    hiddenCount = total === null ? null : Math.max(0, total - items.length);
  }
  return {
    projects: items,
    create: gateOf(authorize(state.person, "project.create")),
    hiddenCount,
  };
}
