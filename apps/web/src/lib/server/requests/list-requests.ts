import "server-only";

import type { SessionState } from "../load-session";
import { json } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";
import { decidesEverywhere, mayDecide } from "./decider";
import { toRequestView, type RequestView } from "./request-view";

type Active = Extract<SessionState, { status: "active" }>;

/** What `/requests` shows one person. */
export interface RequestsOverview {
  /** Their own requests, newest first. */
  readonly mine: readonly RequestView[];
  /** Pending requests of others they may decide. */
  readonly toDecide: readonly RequestView[];
  /** The latest decided requests in their scope (at most 25). */
  readonly decided: readonly RequestView[];
  /** `organization` for Owners and Admins, `own-projects` for a project owner, else `none`. */
  readonly decidesFor: "organization" | "own-projects" | "none";
}

const DECIDED_SHOWN = 25;

/** The person's requests, and the ones they may decide (each project asked once). */
export async function requestsOverview(svc: Services, state: Active): Promise<RequestsOverview> {
  const { orgUid, userUid } = state.session;
  const all = await svc.accessRequests.list(orgUid);
  const mine = all.filter((r) => r.requester.userUid === userUid);
  const others = all.filter((r) => r.requester.userUid !== userUid);
  const allowed = new Map<string, boolean>();
  // An Owner's or Admin's answer does not depend on the project: asked once, without reading it.
  const everywhere = decidesEverywhere(state);
  if (!everywhere)
    for (const projectUid of new Set(others.map((r) => r.projectUid)))
      allowed.set(projectUid, (await mayDecide(svc, state, projectUid)).decision.allowed);
  const inScope = others.filter((r) => everywhere || allowed.get(r.projectUid) === true);
  const decidesFor = everywhere
    ? "organization"
    : [...allowed.values()].some(Boolean)
      ? "own-projects"
      : "none";
  return {
    mine: mine.map(toRequestView),
    toDecide: inScope.filter((r) => r.status === "pending").map(toRequestView),
    decided: inScope
      .filter((r) => r.status !== "pending")
      .slice(0, DECIDED_SHOWN)
      .map(toRequestView),
    decidesFor,
  };
}

/** GET /api/requests */
export async function listRequests(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false });
  if (!guard.ok) return guard.response;
  return json(200, await requestsOverview(svc, guard.state));
}
