// Management API projects (api-notes Part A §1.3 P1-P5), with the bodies observed live (Part C1):
// a bare array from the listing, the project object itself from get, create and update. A project
// is a Lytics account: `cdp` names it.
import { z } from "zod";

import { NotFoundError } from "@lytics-access/http";
import type { LyticsHttp } from "../http/request";
import { wireProjectListSchema, wireProjectSchema, type WireProject } from "../wire/management";

/** What a project is linked to: CMS stacks, Launch projects and Personalize projects (ids). */
export interface ProjectConnections {
  stackApiKeys: string[];
  launchProjectUids: string[];
  personalizeProjectUids: string[];
}

/** The Lytics (CDP) account behind a project: the v2 user API is called with `aid`/`accountId`. */
export interface ProjectCdp {
  /** Numeric Lytics account id (four digits live). */
  aid: number;
  /** The CDP organization id (32 hex characters live). */
  orgId: string | null;
  /** The CDP account id (32 hex characters live): v2 `account_id`. */
  accountId: string | null;
  /** `active` live; other values are passed through as the service sends them. */
  status: string | null;
  /** When the account was last synced with the project (ISO-8601). */
  syncedAt: string | null;
}

/** A Lytics project of the organization. */
export interface LyticsProject {
  /** The project uid (24 hex characters live). */
  uid: string;
  name: string;
  domain: string | null;
  description: string | null;
  organizationUid: string | null;
  connections: ProjectConnections;
  /** Null only if the service ever sends a project without its account. */
  cdp: ProjectCdp | null;
}

/** Fields of a new project; `connections` lists only what to link (missing lists stay empty). */
export interface CreateProjectInput {
  name: string;
  domain: string;
  description?: string;
  connections?: Partial<ProjectConnections>;
}

/** Fields to change; those left out stay as they are (a `connections` list sent replaces that list). */
export type UpdateProjectInput = Partial<CreateProjectInput>;

/** What deleting did. `absent`: there was no such project, so nothing changed. */
export type DeleteOutcome = "deleted" | "absent";

export function toProject(wire: WireProject): LyticsProject {
  const cdp = wire.cdp;
  return {
    uid: wire.uid,
    name: wire.name,
    domain: wire.domain ?? null,
    description: wire.description ?? null,
    organizationUid: wire.organizationUid ?? null,
    connections: {
      stackApiKeys: [...(wire.connections?.stackApiKeys ?? [])],
      launchProjectUids: [...(wire.connections?.launchProjectUids ?? [])],
      personalizeProjectUids: [...(wire.connections?.personalizeProjectUids ?? [])],
    },
    cdp: cdp
      ? {
          aid: cdp.aid,
          orgId: cdp.orgId ?? null,
          accountId: cdp.accountId ?? null,
          status: cdp.status ?? null,
          syncedAt: cdp.syncedAt ?? null,
        }
      : null,
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
    schema: wireProjectListSchema,
  });
  return data.map(toProject);
}

/** One project; a missing one is a {@link NotFoundError}. */
async function readProject(http: LyticsHttp, projectUid: string): Promise<LyticsProject> {
  const { data } = await http({
    method: "GET",
    route: "/projects/:id",
    path: projectPath(projectUid),
    policy: "idempotent",
    expect: [200],
    schema: wireProjectSchema,
  });
  return toProject(data);
}

/** One project, or `null` when it does not exist (or the caller may not know it does). */
export async function getProject(
  http: LyticsHttp,
  projectUid: string,
): Promise<LyticsProject | null> {
  try {
    return await readProject(http, projectUid);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/**
 * Creates a project (and its Lytics account); the caller becomes its owner. Only a 429 or a
 * refused connection is retried, as a repeat could create a second project.
 *
 * @throws {@link BadRequestError} whose `fieldErrors` name each refused field with its live code
 * (`name`: `lytics.PROJECTS.NOT_EMPTY`, `MAX_CHAR_LIMIT` with `maxCharacters`,
 * `DUPLICATE_PROJECT_NAME`; `connections.stackApiKeys` etc.: `DUPLICATE_CONNECTION`);
 * {@link ForbiddenError} with `apiCode` `lytics.PROJECTS.MAX_PROJECT_LIMIT_REACHED` at the quota.
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
    schema: wireProjectSchema,
  });
  return toProject(data);
}

/**
 * The whole project to PUT: the live service checks a PUT body as a whole project (one without
 * `name` was refused with the create's three name codes, api-notes Part C1), so the fields left
 * out of `input` are filled from `current`, and `connections` always carries all three lists.
 */
export function wholeProjectBody(
  current: LyticsProject,
  input: UpdateProjectInput,
): Omit<CreateProjectInput, "domain" | "connections"> & {
  domain?: string;
  connections: ProjectConnections;
} {
  const domain = input.domain ?? current.domain;
  const description = input.description ?? current.description;
  return {
    name: input.name ?? current.name,
    // A project the service sent without a domain gets none back: the service names the problem.
    ...(domain === null ? {} : { domain }),
    ...(description === null ? {} : { description }),
    connections: { ...current.connections, ...input.connections },
  };
}

/**
 * Changes a project's name, domain, description or connections; what `input` leaves out stays
 * as it is. The project is read first and sent whole (see {@link wholeProjectBody}): a change
 * made by someone else between the read and the write is overwritten. Live the service may answer
 * 204 without a body (api-notes Part C1); the project is then read back.
 *
 * @throws {@link BadRequestError} with `fieldErrors`, as {@link createProject};
 * {@link NotFoundError} when there is no such project.
 */
export async function updateProject(
  http: LyticsHttp,
  projectUid: string,
  input: UpdateProjectInput,
): Promise<LyticsProject> {
  const current = await readProject(http, projectUid);
  const { data } = await http({
    method: "PUT",
    route: "/projects/:id",
    path: projectPath(projectUid),
    body: wholeProjectBody(current, input),
    policy: "idempotent",
    expect: [200, 204],
    schema: wireProjectSchema.optional(),
  });
  return data ? toProject(data) : readProject(http, projectUid);
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
