// `/projects` and `/projects/{id}`, with the bodies seen live (api-notes Part C1): a bare array
// from the listing, the project object itself from get, create and update. Creating a project
// creates a Lytics account whose owner is the caller, who also becomes an `admin` user of it.
import type { FastifyInstance, FastifyRequest } from "fastify";

import { forbiddenResource, ManagementApiError } from "../errors/management-api-error";
import type { LyticsContext } from "../lytics-context";
import { noConnections, type AccountRecord } from "../store/lytics-store";
import { toProject } from "../store/store-views";
import { callerOf, projectOf } from "./management-api";
import { canOnProject, visibleProjects } from "./project-access";
import { parseProjectInput } from "./project-input";

/** The Data & Insights FAQ: an organization connects up to three Lytics accounts by default. */
export const MAX_PROJECTS_PER_ORGANIZATION = 3;

type ProjectParams = { Params: { id: string } };

/**
 * The live service also identifies a project by the `x-project-uid` header: `PUT /projects/`
 * (empty uid in the path) takes it from there, and without it answers 400.
 */
function projectUidFromHeader(request: FastifyRequest): string {
  const header = request.headers["x-project-uid"];
  if (typeof header === "string" && header.trim() !== "") return header.trim();
  throw new ManagementApiError(400, "Missing required header: x-project-uid");
}

export function registerProjectRoutes(app: FastifyInstance, context: LyticsContext): void {
  const { store } = context;

  const othersInOrganization = (organizationUid: string, except?: AccountRecord) =>
    store.accountsOfOrganization(organizationUid).filter((account) => account !== except);

  app.get("/projects", async (request) => {
    const caller = callerOf(request);
    const projects = visibleProjects(caller, store.accountsOfOrganization(caller.organization.uid));
    return projects.map(toProject);
  });

  app.post("/projects", async (request, reply) => {
    const caller = callerOf(request);
    const organizationUid = caller.organization.uid;
    const input = parseProjectInput(request.body, othersInOrganization(organizationUid));
    if (store.accountsOfOrganization(organizationUid).length >= MAX_PROJECTS_PER_ORGANIZATION) {
      throw new ManagementApiError(
        403,
        `An organization can have at most ${MAX_PROJECTS_PER_ORGANIZATION} projects`,
        "lytics.PROJECTS.MAX_PROJECT_LIMIT_REACHED",
      );
    }
    const account = store.createAccount({
      organization_uid: organizationUid,
      owner_uid: caller.user.uid,
      name: input.name ?? "",
      domain: input.domain ?? "",
      description: input.description ?? "",
      connections: { ...noConnections(), ...input.connections },
    });
    const fullName = `${caller.user.first_name} ${caller.user.last_name}`.trim();
    const { user } = store.ensureUser({
      email: caller.user.email,
      name: fullName || caller.user.email,
      cs_user_uid: caller.user.uid,
    });
    store.grant(account, user.id, ["admin"], caller.user.uid);
    return reply.code(201).send(toProject(account));
  });

  app.get<ProjectParams>("/projects/:id", async (request) => {
    const account = projectOf(context, request);
    if (!canOnProject(callerOf(request), account, "view")) throw forbiddenResource();
    return toProject(account);
  });

  const update = (request: FastifyRequest, projectUid: string) => {
    const account = projectOf(context, request, projectUid);
    if (!canOnProject(callerOf(request), account, "edit")) throw forbiddenResource();
    // A PUT body is checked as a whole project, as live (a PUT without `name` got the create's
    // three name codes, api-notes Part C1): name and domain are required. A description or a
    // connections key left out stays as it is (our choice; live tests always sent them).
    const input = parseProjectInput(
      request.body,
      othersInOrganization(account.organization_uid, account),
    );
    if (input.name !== undefined) account.name = input.name;
    if (input.domain !== undefined) account.domain = input.domain;
    if (input.description !== undefined) account.description = input.description;
    if (input.connections) account.connections = { ...account.connections, ...input.connections };
    store.touch(account, callerOf(request).user.uid);
    return toProject(account);
  };

  app.put<ProjectParams>("/projects/:id", async (request) => update(request, request.params.id));
  // An empty uid in the path (`PUT /projects/`), or none at all.
  app.put("/projects/", async (request) => update(request, projectUidFromHeader(request)));
  app.put("/projects", async (request) => update(request, projectUidFromHeader(request)));

  app.delete<ProjectParams>("/projects/:id", async (request, reply) => {
    const account = projectOf(context, request);
    if (!canOnProject(callerOf(request), account, "delete")) throw forbiddenResource();
    store.deleteAccount(account);
    return reply.code(204).send();
  });
}
