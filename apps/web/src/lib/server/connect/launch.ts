import "server-only";

import { evaluateProjectAction } from "@lytics-access/permissions";
import type { LyticsProject } from "@lytics-access/lytics";

import type { SessionState } from "../load-session";
import { organizationProjectCount } from "../org-credential";
import type { Services } from "../services";
import { readDalGate, type DalGate } from "./dal-gate";

type Active = Extract<SessionState, { status: "active" }>;

export interface LaunchProject {
  readonly uid: string;
  readonly name: string;
  /** The launch: Data & Insights runs Contentstack OAuth from here (the token exchange). */
  readonly url: string;
  /** Why the person may open it (packages/permissions' first reason). */
  readonly why: string;
}

export type LaunchAnswer =
  | { readonly allowed: true; readonly projects: readonly LaunchProject[] }
  | {
      readonly allowed: false;
      readonly error: "no-data-activation-layer" | "no-project" | "projects-unreadable";
      readonly reasons: readonly string[];
    };

/** The Data & Insights origin whose `/auth/contentstack/start` the App Switcher links to. */
export function lyticsAppUrl(svc: Services): string {
  return svc.env.LYTICS_APP_URL ?? svc.env.LYTICS_MANAGEMENT_API_URL ?? "https://app.lytics.com";
}

/**
 * The same launch URL as the App Switcher's "Data & Insights" entry, for one organization and
 * project. Built from configuration and server-side ids only (no open redirect). It must be opened
 * top-level: the Contentstack authorize page it goes through refuses to be framed.
 */
export function launchUrl(svc: Services, orgUid: string, projectUid: string): string {
  const url = new URL("/auth/contentstack/start", lyticsAppUrl(svc));
  url.searchParams.set("organization_uid", orgUid);
  url.searchParams.set("project", projectUid);
  return url.toString();
}

/**
 * The projects the person may open (DESIGN §3.3, "open the Lytics platform"): the Management API
 * list read with the person's own token, each decided by packages/permissions from their
 * organization role, project ownership and project roles. Launch is refused, with the reason,
 * while the organization has no Data Activation Layer.
 */
export async function launchOptions(
  svc: Services,
  state: Active,
  gate?: DalGate,
): Promise<LaunchAnswer> {
  const dal = gate ?? (await readDalGate(svc, state));
  if (dal.status === "missing")
    return { allowed: false, error: "no-data-activation-layer", reasons: dal.reasons };
  const { orgUid, userUid } = state.session;
  const lytics = svc.lyticsAs(orgUid, state.tokens.accessToken);
  let projects: LyticsProject[];
  try {
    projects = await lytics.listProjects();
  } catch (error) {
    return unreadable("Your Data & Insights projects", error);
  }
  const orgAdmin = state.person.role === "owner" || state.person.role === "admin";
  const email = state.person.email.toLowerCase();
  const allowed: LaunchProject[] = [];
  for (const project of projects) {
    let isProjectOwner = false;
    let projectRoles: string[] = [];
    if (!orgAdmin) {
      let collaborators: Awaited<ReturnType<typeof lytics.listCollaborators>>;
      try {
        collaborators = await lytics.listCollaborators(project.uid);
      } catch (error) {
        // Hiding the project would tell the person they are not on it; say what failed instead.
        return unreadable(`The collaborators of ${project.name}`, error);
      }
      const me = collaborators.find(
        (c) => c.userUid === userUid || c.email.toLowerCase() === email,
      );
      isProjectOwner = me?.isOwner ?? false;
      projectRoles = me?.roles ?? [];
    }
    const decision = evaluateProjectAction(
      { orgRole: state.person.role, isProjectOwner, projectRoles },
      "project.open-lytics",
    );
    if (!decision.allowed) continue;
    allowed.push({
      uid: project.uid,
      name: project.name,
      url: launchUrl(svc, orgUid, project.uid),
      why: decision.reasons[0] ?? decision.rule,
    });
  }
  if (allowed.length === 0) {
    // Owners and Admins list every project; anyone else lists only theirs, so an empty list of
    // theirs says nothing about the organization: ask its connected credential.
    const total =
      projects.length > 0
        ? projects.length
        : orgAdmin
          ? 0
          : await organizationProjectCount(svc, orgUid);
    return {
      allowed: false,
      error: "no-project",
      reasons: [
        total === 0
          ? "The organization has no Data & Insights project yet."
          : `You are not on any Data & Insights project of this organization${total === null ? "" : ` (it has ${total})`}. Ask a project's owner or your organization's Owner or Admin to invite you.`,
      ],
    };
  }
  return { allowed: true, projects: allowed };
}

function unreadable(what: string, error: unknown): LaunchAnswer {
  return {
    allowed: false,
    error: "projects-unreadable",
    reasons: [
      `${what} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    ],
  };
}
