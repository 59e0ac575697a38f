import "server-only";

import { NotFoundError, StaleWriteError } from "@lytics-access/store";

import { badRequest, json } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";
import { actorOf } from "./request-actor";
import { issuesOf, withdrawRequestBody } from "./request-schemas";
import { toRequestView } from "./request-view";
import { staleRequest } from "./stale-request";

/** POST /api/requests/withdraw {requestId, version}: the requester takes a pending request back. */
export async function withdrawRequest(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true });
  if (!guard.ok) return guard.response;
  const { state } = guard;
  const parsed = withdrawRequestBody.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return badRequest("invalid-body", issuesOf(parsed.error));
  const { orgUid, userUid } = state.session;
  const current = await svc.accessRequests.get(orgUid, parsed.data.requestId);
  // Someone else's request is answered as absent: its existence is not theirs to learn.
  if (!current || current.requester.userUid !== userUid)
    return json(404, { error: "unknown-request", reasons: ["You have no such access request."] });
  try {
    const withdrawn = await svc.accessRequests.decide(orgUid, current.id, parsed.data.version, {
      status: "withdrawn",
      by: actorOf(state),
    });
    await svc.auditLog.append(orgUid, {
      kind: "access-request-withdrawn",
      actor: actorOf(state),
      requestId: withdrawn.id,
      projectUid: withdrawn.projectUid,
      person: { email: withdrawn.requester.email, uid: userUid },
    });
    return json(200, { request: toRequestView(withdrawn) });
  } catch (error) {
    if (error instanceof StaleWriteError || error instanceof NotFoundError)
      return staleRequest(await svc.accessRequests.get(orgUid, current.id));
    throw error;
  }
}
