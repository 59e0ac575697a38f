import "server-only";

import { badRequest, json } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";
import { apiFailure, fieldErrors } from "./api-failure";
import { projectEtag } from "./etag";
import { emptyFieldProblems, projectFieldsSchema } from "./project-fields";
import { listProjectsFor } from "./project-list";
import { lyticsOf } from "./project-context";
import { auditProjectChange } from "./audit-project";
import { actorOf } from "./save-grant";

/** GET /api/projects: the projects the person may see (DESIGN §3.3), each with their access. */
export async function listProjectsHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false });
  if (!guard.ok) return guard.response;
  try {
    return json(200, await listProjectsFor(svc, guard.state));
  } catch (error) {
    return apiFailure(error, "Listing your projects");
  }
}

/**
 * POST /api/projects {name, domain, description?}: creates a project; the person becomes its
 * owner (seed 002: any org Member may; not a Guest), recorded so the sync keeps them Admin on it.
 */
export async function createProjectHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true, action: "project.create" });
  if (!guard.ok) return guard.response;
  const state = guard.state;
  const parsed = projectFieldsSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success)
    return badRequest(
      "invalid-body",
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`),
    );
  const empty = emptyFieldProblems(parsed.data);
  if (empty) return fieldErrors(empty);
  const { name, domain, description } = parsed.data;
  let project;
  try {
    project = await lyticsOf(svc, state).createProject({
      name: name.trim(),
      domain: domain.trim(),
      ...(description === undefined ? {} : { description: description.trim() }),
    });
  } catch (error) {
    return apiFailure(error, "Creating the project");
  }
  await svc.projectOwners.set(state.session.orgUid, {
    projectUid: project.uid,
    userUid: state.session.userUid,
    email: state.person.email,
    recordedBy: actorOf(state),
  });
  await auditProjectChange(svc, state, project, "created");
  return json(201, { project, etag: projectEtag(project) });
}
