import "server-only";

import type { OrgMember } from "@lytics-access/contentstack";
import type { LyticsManagementClient, ProjectCollaborator } from "@lytics-access/lytics";

import type { SessionState } from "../load-session";
import { organizationToken } from "../org-credential";
import type { Services } from "../services";

type Active = Extract<SessionState, { status: "active" }>;

/** One Data & Insights project with the people on it, as the Lytics Management API reports them. */
export interface ProjectFacts {
  readonly uid: string;
  readonly name: string;
  /** Null when the collaborators could not be read with the credential at hand. */
  readonly collaborators: readonly ProjectCollaborator[] | null;
}

/** What the troubleshooting pages read about the organization, once per request. */
export interface OrgFacts {
  /**
   * `organization`: read with the organization's connected credential (what the sync uses), so
   * every project and collaborator is seen. `person`: with the signed-in person's own token, which
   * sees only the projects they may list.
   */
  readonly source: "organization" | "person";
  readonly projects: readonly ProjectFacts[];
  /** The organization's users; null when neither credential may list them. */
  readonly members: readonly OrgMember[] | null;
  /** Why something could not be read (shown, never a token). */
  readonly problems: readonly string[];
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function projectsWith(client: LyticsManagementClient): Promise<ProjectFacts[]> {
  const projects = await client.listProjects();
  return Promise.all(
    projects.map(async (project) => ({
      uid: project.uid,
      name: project.name,
      collaborators: await client.listCollaborators(project.uid).catch(() => null),
    })),
  );
}

/**
 * Projects, collaborators and members of the signed-in person's organization: with the
 * organization's connected credential when there is one, otherwise with the person's own token.
 */
export async function readOrgFacts(svc: Services, state: Active): Promise<OrgFacts> {
  const { orgUid } = state.session;
  const problems: string[] = [];
  let orgToken: string | null = null;
  try {
    orgToken = await organizationToken(svc, orgUid);
  } catch (error) {
    problems.push(`The organization's connection could not be used (${describe(error)}).`);
  }
  const own = state.tokens.accessToken;
  let source: OrgFacts["source"] = "person";
  let projects: ProjectFacts[] = [];
  if (orgToken) {
    try {
      projects = await projectsWith(svc.lyticsAs(orgUid, orgToken));
      source = "organization";
    } catch (error) {
      problems.push(
        `The organization's connection was refused by Data & Insights (${describe(error)}).`,
      );
    }
  }
  if (source === "person") {
    try {
      projects = await projectsWith(svc.lyticsAs(orgUid, own));
    } catch (error) {
      problems.push(`Your Data & Insights projects could not be read (${describe(error)}).`);
    }
  }
  let members: OrgMember[] | null = null;
  for (const token of orgToken ? [orgToken, own] : [own]) {
    try {
      members = await svc.contentstackAs(orgUid, token).listMembers();
      break;
    } catch {
      // Contentstack lets Owners and Admins list users; a Member's own token may be refused.
    }
  }
  return { source, projects, members, problems };
}

/** A person's Lytics roles on a project (slugs), matched by Contentstack user uid or email. */
export function rolesOn(
  project: ProjectFacts,
  person: { readonly userUid: string; readonly email: string },
): readonly string[] {
  const email = person.email.toLowerCase();
  const found = project.collaborators?.find(
    (c) => c.userUid === person.userUid || c.email.toLowerCase() === email,
  );
  return found ? found.roles : [];
}

export function isOwnerOf(project: ProjectFacts, userUid: string): boolean {
  return project.collaborators?.some((c) => c.isOwner && c.userUid === userUid) ?? false;
}

export function ownerOf(project: ProjectFacts): ProjectCollaborator | null {
  return project.collaborators?.find((c) => c.isOwner) ?? null;
}

/** Organization Owners and Admins by name: who to ask. */
export function orgDeciders(members: readonly OrgMember[] | null): OrgMember[] {
  return (members ?? []).filter(
    (m) => m.status === "accepted" && (m.role === "owner" || m.role === "admin"),
  );
}

export const displayName = (who: { readonly name: string | null; readonly email: string }) =>
  who.name ?? who.email;
