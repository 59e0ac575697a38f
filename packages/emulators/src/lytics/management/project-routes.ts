// `/projects` and `/projects/{id}` (docs/lytics-shapes.md). Creating a project creates a Lytics
// account whose owner is the caller, who also becomes an `admin` user of it.
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import { forbiddenResource, ManagementApiError } from "../errors/management-api-error";
import type { LyticsContext } from "../lytics-context";
import { toProject } from "../store/store-views";
import { callerOf, parseBody, projectOf } from "./management-api";
import { canOnProject, visibleProjects } from "./project-access";

/** The Data & Insights FAQ: an organization connects up to three Lytics accounts by default. */
export const MAX_PROJECTS_PER_ORGANIZATION = 3;

const createSchema = z.object({
  name: z.string().trim().min(1).max(100),
  domain: z.string().trim().min(1).max(255),
  description: z.string().max(1000).optional(),
});

const updateSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  domain: z.string().trim().min(1).max(255).optional(),
  description: z.string().max(1000).optional(),
});

type ProjectParams = { Params: { id: string } };

export function registerProjectRoutes(app: FastifyInstance, context: LyticsContext): void {
  const { store } = context;

  app.get("/projects", async (request) => {
    const caller = callerOf(request);
    const projects = visibleProjects(caller, store.accountsOfOrganization(caller.organization.uid));
    return { projects: projects.map(toProject) };
  });

  app.post("/projects", async (request, reply) => {
    const caller = callerOf(request);
    const input = parseBody(createSchema, request.body);
    if (
      store.accountsOfOrganization(caller.organization.uid).length >= MAX_PROJECTS_PER_ORGANIZATION
    ) {
      throw new ManagementApiError(
        403,
        `An organization can have at most ${MAX_PROJECTS_PER_ORGANIZATION} projects`,
        "lytics.PROJECTS.MAX_PROJECT_LIMIT_REACHED",
      );
    }
    const account = store.createAccount({
      organization_uid: caller.organization.uid,
      owner_uid: caller.user.uid,
      name: input.name,
      domain: input.domain,
      description: input.description ?? "",
    });
    const fullName = `${caller.user.first_name} ${caller.user.last_name}`.trim();
    const { user } = store.ensureUser({
      email: caller.user.email,
      name: fullName || caller.user.email,
      cs_user_uid: caller.user.uid,
    });
    store.grant(account, user.id, ["admin"], caller.user.uid);
    return reply.code(201).send({ project: toProject(account) });
  });

  app.get<ProjectParams>("/projects/:id", async (request) => {
    const account = projectOf(context, request);
    if (!canOnProject(callerOf(request), account, "view")) throw forbiddenResource();
    return { project: toProject(account) };
  });

  app.put<ProjectParams>("/projects/:id", async (request) => {
    const account = projectOf(context, request);
    if (!canOnProject(callerOf(request), account, "edit")) throw forbiddenResource();
    const input = parseBody(updateSchema, request.body);
    if (input.name !== undefined) account.name = input.name;
    if (input.domain !== undefined) account.domain = input.domain;
    if (input.description !== undefined) account.description = input.description;
    store.touch(account);
    return { project: toProject(account) };
  });

  app.delete<ProjectParams>("/projects/:id", async (request, reply) => {
    const account = projectOf(context, request);
    if (!canOnProject(callerOf(request), account, "delete")) throw forbiddenResource();
    store.deleteAccount(account);
    return reply.code(204).send();
  });
}
