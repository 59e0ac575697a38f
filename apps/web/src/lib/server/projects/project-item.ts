import "server-only";

import { z } from "zod";

import { authorize } from "../authorize";
import { badRequest, json, refused } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";
import { apiFailure, fieldErrors } from "./api-failure";
import { projectEtag } from "./etag";
import {
  writeAsAllowed,
  loadProjectContext,
  type Active,
  type ProjectContext,
} from "./project-context";
import { emptyFieldProblems } from "./project-fields";
import { projectDetail } from "./project-view";
import { editCurrentProject } from "./edit-current-project";
import { notVisible, projectPathIds, requireIfMatch } from "./request-parts";
import { auditProjectChange } from "./audit-project";
import { removeGrant } from "./save-grant";

const editSchema = z
  .strictObject({
    name: z.string().max(1000).optional(),
    domain: z.string().max(1000).optional(),
    description: z.string().max(5000).optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "nothing to change");

const deleteSchema = z.strictObject({ confirmName: z.string().max(1000) });

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);

type Loaded =
  { ok: true; state: Active; context: ProjectContext } | { ok: false; response: Response };

/** The session, the project ids from the path and the project as the person may see it. */
export async function loadForRequest(
  svc: Services,
  request: Request,
  mutation: boolean,
): Promise<Loaded> {
  const guard = await requireSession(svc, request, { mutation });
  if (!guard.ok) return guard;
  const ids = projectPathIds(request);
  if (!ids) return { ok: false, response: badRequest("invalid-path", ["project: a project uid"]) };
  try {
    const context = await loadProjectContext(svc, guard.state, ids.projectUid);
    if (!context) return { ok: false, response: notVisible(ids.projectUid) };
    // Seed 002 decides whether they may see it, whatever Lytics listed.
    const view = authorize(guard.state.person, "project.view-dashboard", context.resource);
    if (!view.allowed) return { ok: false, response: refused(view) };
    return { ok: true, state: guard.state, context };
  } catch (error) {
    return { ok: false, response: apiFailure(error, "Reading the project") };
  }
}

/** GET /api/projects/{uid}: the project, its collaborators and every action decided. */
export async function getProjectHandler(svc: Services, request: Request): Promise<Response> {
  const loaded = await loadForRequest(svc, request, false);
  if (!loaded.ok) return loaded.response;
  return json(200, await projectDetail(svc, loaded.state, loaded.context));
}

/**
 * PUT /api/projects/{uid} {name?, domain?, description?} with If-Match: edits the project when
 * §3.3 allows (`project.edit`) and nobody changed it since the person read it (else 409 with the
 * current version).
 */
export async function updateProjectHandler(svc: Services, request: Request): Promise<Response> {
  const loaded = await loadForRequest(svc, request, true);
  if (!loaded.ok) return loaded.response;
  const { state, context } = loaded;
  const decision = authorize(state.person, "project.edit", context.resource);
  if (!decision.allowed) return refused(decision);
  const match = requireIfMatch(request);
  if (!match.ok) return match.response;
  const parsed = editSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return badRequest("invalid-body", issuesOf(parsed.error));
  const change = parsed.data;
  const empty = emptyFieldProblems({
    name: change.name ?? context.project.name,
    domain: change.domain ?? context.project.domain ?? "x",
  });
  if (empty) return fieldErrors(empty);
  const uid = context.project.uid;
  return editCurrentProject(svc, state, uid, match.etag, async () => {
    try {
      const updated = await writeAsAllowed(svc, state, (client) =>
        client.updateProject(uid, {
          ...(change.name === undefined ? {} : { name: change.name.trim() }),
          ...(change.domain === undefined ? {} : { domain: change.domain.trim() }),
          ...(change.description === undefined ? {} : { description: change.description.trim() }),
        }),
      );
      await auditProjectChange(
        svc,
        state,
        updated,
        "edited",
        (["name", "domain", "description"] as const).filter((field) => change[field] !== undefined),
      );
      return json(200, { project: updated, etag: projectEtag(updated) });
    } catch (error) {
      return apiFailure(error, "Saving the project");
    }
  });
}

/**
 * DELETE /api/projects/{uid} {confirmName} with If-Match: deletes the project (org Owners/Admins
 * and its owner; never a collaborator), once the person typed its name. The app's records about
 * it (owner, grants) go with it, so nothing is kept for a project that no longer exists.
 */
export async function deleteProjectHandler(svc: Services, request: Request): Promise<Response> {
  const loaded = await loadForRequest(svc, request, true);
  if (!loaded.ok) return loaded.response;
  const { state, context } = loaded;
  const decision = authorize(state.person, "project.delete", context.resource);
  if (!decision.allowed) return refused(decision);
  const match = requireIfMatch(request);
  if (!match.ok) return match.response;
  const parsed = deleteSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return badRequest("invalid-body", issuesOf(parsed.error));
  if (parsed.data.confirmName.trim() !== context.project.name)
    return fieldErrors({
      confirmName: [
        {
          code: "confirm-name",
          message: `Type the project's name, ${context.project.name}, to confirm.`,
        },
      ],
    });
  const { orgUid } = state.session;
  const uid = context.project.uid;
  return editCurrentProject(svc, state, uid, match.etag, async (current) => {
    try {
      await writeAsAllowed(svc, state, (client) => client.deleteProject(uid));
    } catch (error) {
      return apiFailure(error, "Deleting the project");
    }
    for (const grant of await svc.grants.listByProject(orgUid, uid))
      await removeGrant(svc, state, grant);
    await svc.projectOwners.remove(orgUid, uid);
    await auditProjectChange(svc, state, current, "deleted");
    return json(200, { deleted: uid });
  });
}
