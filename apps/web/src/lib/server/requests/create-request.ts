import "server-only";

import { AlreadyExistsError } from "@lytics-access/store";

import { badRequest, json } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";
import { actorOf } from "./request-actor";
import { readRequestProject } from "./request-project";
import { createRequestBody, issuesOf } from "./request-schemas";
import { toRequestView } from "./request-view";

/**
 * POST /api/requests {projectUid, roles, reason}: the signed-in person asks for roles on one of
 * the organization's projects (DESIGN §5). One pending request per person and project; audited.
 */
export async function createRequest(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true });
  if (!guard.ok) return guard.response;
  const { state } = guard;
  const parsed = createRequestBody.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return badRequest("invalid-body", issuesOf(parsed.error));
  const { projectUid, roles, reason } = parsed.data;
  const project = await readRequestProject(svc, state, projectUid);
  if (!project)
    return json(404, {
      error: "unknown-project",
      reasons: ["There is no project with that id in this organization."],
    });
  const unoffered = project.assignable
    ? roles.filter((role) => !project.assignable?.includes(role))
    : [];
  if (unoffered.length > 0)
    return badRequest("role-not-offered", [
      `roles: ${project.name} does not offer ${unoffered.join(", ")} (its account's roles_available).`,
    ]);
  const { orgUid, userUid } = state.session;
  const email = state.person.email.toLowerCase();
  const held = project.collaborators?.find(
    (c) => c.userUid === userUid || c.email.toLowerCase() === email,
  )?.roles;
  if (held && roles.every((role) => held.includes(role)))
    return json(409, {
      error: "already-held",
      reasons: [
        `You already hold ${roles.length > 1 ? "these roles" : "this role"} on ${project.name}.`,
      ],
    });
  let saved;
  try {
    saved = await svc.accessRequests.create(orgUid, {
      requester: {
        userUid,
        email: state.person.email,
        ...(state.person.name ? { name: state.person.name } : {}),
      },
      projectUid,
      projectName: project.name,
      roles,
      reason,
    });
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
    return json(409, {
      error: "already-pending",
      existingId: error.existingId,
      reasons: [
        `You already have a pending request on ${project.name}: withdraw it first to ask for something else.`,
      ],
    });
  }
  await svc.auditLog.append(orgUid, {
    kind: "access-request-created",
    actor: actorOf(state),
    requestId: saved.id,
    projectUid,
    person: { email: saved.requester.email, uid: userUid },
    roles: [...saved.roles],
  });
  return json(201, { request: toRequestView(saved) });
}
