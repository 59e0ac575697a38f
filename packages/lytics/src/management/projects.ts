// Management API projects (api-notes Part A §1.3 P1-P5). A project is a Lytics account.
import { z } from "zod";

import { NotFoundError } from "@lytics-access/http";
import type { LyticsHttp } from "../http/request";
import {
  wireProjectListResponseSchema,
  wireProjectResponseSchema,
  type WireProject,
} from "../wire/management";

/** A Lytics project of the organization. */
export interface LyticsProject {
  uid: string;
  name: string;
  domain: string | null;
  description: string | null;
  organizationUid: string | null;
  /** The Contentstack user uid of the project's creator, who keeps full access (seed 002). */
  ownerUid: string | null;
  /** The Lytics account behind the project: the v2 user API is called with these. */
  accountId: string | null;
  aid: number | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** Fields of a new project. */
export interface CreateProjectInput {
  name: string;
  domain: string;
  description?: string;
}

/** Fields to change; those left out stay as they are. */
export type UpdateProjectInput = Partial<CreateProjectInput>;

/** What deleting did. `absent`: there was no such project, so nothing changed. */
export type DeleteOutcome = "deleted" | "absent";

export function toProject(wire: WireProject): LyticsProject {
  return {
    uid: wire.uid,
    name: wire.name,
    domain: wire.domain ?? null,
    description: wire.description ?? null,
    organizationUid: wire.organizationUid ?? null,
    ownerUid: wire.ownerUid ?? null,
    accountId: wire.accountId ?? null,
    aid: wire.aid ?? null,
    createdAt: wire.createdAt ?? null,
    updatedAt: wire.updatedAt ?? null,
  };
}

export const projectPath = (projectUid: string) => `/projects/${encodeURIComponent(projectUid)}`;

/** The projects the caller may see (org Owners/Admins: all of the organization's). */
export async function listProjects(http: LyticsHttp): Promise<LyticsProject[]> {
  const { data } = await http({
    method: "GET",
    route: "/projects",
    path: "/projects",
    policy: "idempotent",
    expect: [200],
    schema: wireProjectListResponseSchema,
  });
  return data.projects.map(toProject);
}

/** One project, or `null` when it does not exist (or the caller may not know it does). */
export async function getProject(
  http: LyticsHttp,
  projectUid: string,
): Promise<LyticsProject | null> {
  try {
    const { data } = await http({
      method: "GET",
      route: "/projects/:id",
      path: projectPath(projectUid),
      policy: "idempotent",
      expect: [200],
      schema: wireProjectResponseSchema,
    });
    return toProject(data.project);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/**
 * Creates a project (and its Lytics account); the caller becomes its owner. Only a 429 or a
 * refused connection is retried, as a repeat could create a second project.
 *
 * @throws {@link ForbiddenError} with `apiCode` `lytics.PROJECTS.MAX_PROJECT_LIMIT_REACHED` at the quota.
 */
export async function createProject(
  http: LyticsHttp,
  input: CreateProjectInput,
): Promise<LyticsProject> {
  const { data } = await http({
    method: "POST",
    route: "/projects",
    path: "/projects",
    body: input,
    policy: "unapplied-only",
    expect: [200, 201],
    schema: wireProjectResponseSchema,
  });
  return toProject(data.project);
}

/** Changes a project's name, domain or description. */
export async function updateProject(
  http: LyticsHttp,
  projectUid: string,
  input: UpdateProjectInput,
): Promise<LyticsProject> {
  const { data } = await http({
    method: "PUT",
    route: "/projects/:id",
    path: projectPath(projectUid),
    body: input,
    policy: "idempotent",
    expect: [200],
    schema: wireProjectResponseSchema,
  });
  return toProject(data.project);
}

/** Deletes a project; `absent` when it did not exist. */
export async function deleteProject(http: LyticsHttp, projectUid: string): Promise<DeleteOutcome> {
  try {
    await http({
      method: "DELETE",
      route: "/projects/:id",
      path: projectPath(projectUid),
      policy: "idempotent",
      expect: [200, 204],
      schema: z.unknown(),
    });
    return "deleted";
  } catch (error) {
    if (error instanceof NotFoundError) return "absent";
    throw error;
  }
}
