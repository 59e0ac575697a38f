import "server-only";

import type { LyticsProject } from "@lytics-access/lytics";
import { z } from "zod";

import { authorize } from "../authorize";
import { badRequest, json, refused } from "../responses";
import type { Services } from "../services";
import { apiFailure, fieldErrors } from "./api-failure";
import { auditProjectChange } from "./audit-project";
import { projectEtag } from "./etag";
import { writeAsAllowed } from "./project-context";
import { loadForRequest } from "./project-item";
import { editCurrentProject } from "./edit-current-project";
import { requireIfMatch } from "./request-parts";

/** The three kinds of connection of seed 002 and the project field that lists each. */
export const CONNECTION_KINDS = {
  stack: "stackApiKeys",
  launch: "launchProjectUids",
  personalize: "personalizeProjectUids",
} as const satisfies Record<string, keyof LyticsProject["connections"]>;

const bodySchema = z.strictObject({
  kind: z.enum(["stack", "launch", "personalize"]),
  id: z
    .string()
    .trim()
    .min(1, "give the stack API key or project uid")
    .max(128)
    .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, _ . - only"),
});

/**
 * POST (add) and DELETE (remove) /api/projects/{uid}/connections {kind, id} with If-Match: a CMS
 * stack, Launch project or Personalize project linked to the project (`project.connections`:
 * Owners, Admins, the owner, and collaborators whose roles grant Authorizations create, edit and
 * delete). The Management API replaces a whole list, so the list edited must be the one read.
 */
export async function changeConnectionHandler(svc: Services, request: Request): Promise<Response> {
  const adding = request.method === "POST";
  const loaded = await loadForRequest(svc, request, true);
  if (!loaded.ok) return loaded.response;
  const { state, context } = loaded;
  const decision = authorize(state.person, "project.connections", context.resource);
  if (!decision.allowed) return refused(decision);
  const match = requireIfMatch(request);
  if (!match.ok) return match.response;
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success)
    return fieldErrors({
      id: parsed.error.issues.map((issue) => ({ code: "invalid", message: issue.message })),
    });
  const field = CONNECTION_KINDS[parsed.data.kind];
  const id = parsed.data.id;
  const uid = context.project.uid;
  return editCurrentProject(svc, state, uid, match.etag, async (current) => {
    const list = current.connections[field];
    if (adding && list.includes(id))
      return badRequest("already-connected", [`${id} is already connected to this project.`]);
    if (!adding && !list.includes(id))
      return badRequest("not-connected", [`${id} is not connected to this project.`]);
    const next = adding ? [...list, id] : list.filter((value) => value !== id);
    try {
      const updated = await writeAsAllowed(svc, state, (client) =>
        client.updateProject(uid, { connections: { [field]: next } }),
      );
      await auditProjectChange(
        svc,
        state,
        updated,
        adding ? "connection-added" : "connection-removed",
        [`${parsed.data.kind}:${id}`],
      );
      return json(200, { project: updated, etag: projectEtag(updated) });
    } catch (error) {
      return apiFailure(error, adding ? "Adding the connection" : "Removing the connection");
    }
  });
}
