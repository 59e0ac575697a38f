import "server-only";

import { z } from "zod";

import { launchOptions } from "../connect/launch";
import { badRequest, json } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";

const querySchema = z.strictObject({
  project: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});

/**
 * GET /api/launch[?project=uid]: where "Open Data & Insights" goes. Without a project, the
 * projects the person may open (one launch URL each, to choose from); with one, that project's
 * launch URL, or 403 when it is not among them. Refused (409) while there is no Data Activation
 * Layer. Reads only: the launch itself is the top-level navigation to the returned URL.
 */
export async function launch(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false });
  if (!guard.ok) return guard.response;
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest("invalid-query", ["project: a project uid"]);
  const answer = await launchOptions(svc, guard.state);
  if (!answer.allowed)
    return json(answer.error === "projects-unreadable" ? 502 : 409, {
      error: answer.error,
      reasons: answer.reasons,
    });
  const { project } = parsed.data;
  if (project === undefined) {
    const only = answer.projects.length === 1 ? answer.projects[0] : undefined;
    return json(200, {
      projects: answer.projects,
      ...(only ? { url: only.url } : { choose: true }),
    });
  }
  const chosen = answer.projects.find((candidate) => candidate.uid === project);
  if (!chosen)
    return json(403, {
      error: "forbidden",
      rule: "project.precedence.denied",
      reasons: ["You may not open this project, or the organization has no such project."],
    });
  return json(200, { url: chosen.url, project: chosen });
}
