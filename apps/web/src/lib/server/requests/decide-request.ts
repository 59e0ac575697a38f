import "server-only";

import {
  NotFoundError,
  StaleWriteError,
  type AccessRequest,
  type AuditEntryInput,
} from "@lytics-access/store";

import { syncLink, type SyncLink } from "../connect/sync-link";
import { badRequest, json, refused } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";
import { mayDecide } from "./decider";
import { grantFromRequest } from "./grant-from-request";
import { actorOf } from "./request-actor";
import { decideRequestBody, endOfDayUtc, issuesOf } from "./request-schemas";
import { toRequestView } from "./request-view";
import { staleRequest } from "./stale-request";

/**
 * POST /api/requests/decision {requestId, version, decision: approve|decline, expiresOn?, reason?}
 * (DESIGN §5). Decided by the project's owner or an org Owner/Admin (packages/permissions through
 * `authorize`); once only, on the version shown (a second approver gets 409). An approval becomes
 * a grant and queues a targeted sync of the person, so Lytics follows within seconds; each step is
 * audited.
 */
export async function decideRequest(
  svc: Services,
  request: Request,
  link: SyncLink = syncLink(svc),
  now: () => number = Date.now,
): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true });
  if (!guard.ok) return guard.response;
  const { state } = guard;
  const parsed = decideRequestBody.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return badRequest("invalid-body", issuesOf(parsed.error));
  const body = parsed.data;
  const { orgUid } = state.session;
  const current = await svc.accessRequests.get(orgUid, body.requestId);
  if (!current)
    return json(404, { error: "unknown-request", reasons: ["There is no such access request."] });
  const { decision } = await mayDecide(svc, state, current.projectUid);
  if (!decision.allowed) return refused(decision);
  if (current.requester.userUid === state.session.userUid)
    return json(403, {
      error: "own-request",
      reasons: ["Nobody decides their own access request: another decider must."],
    });
  const expiresAt =
    body.decision === "approve" && body.expiresOn ? endOfDayUtc(body.expiresOn) : undefined;
  if (expiresAt !== undefined && expiresAt <= now())
    return badRequest("invalid-body", ["expiresOn: the expiry must be a day in the future"]);

  const by = actorOf(state);
  let decided: AccessRequest;
  try {
    decided = await svc.accessRequests.decide(orgUid, current.id, body.version, {
      status: body.decision === "approve" ? "approved" : "declined",
      by,
      ...(body.reason ? { reason: body.reason } : {}),
      ...(expiresAt === undefined ? {} : { expiresAt }),
    });
  } catch (error) {
    if (error instanceof StaleWriteError || error instanceof NotFoundError)
      return staleRequest(await svc.accessRequests.get(orgUid, current.id));
    throw error;
  }
  const person = { email: decided.requester.email, uid: decided.requester.userUid };
  if (decided.status === "declined") {
    await svc.auditLog.append(orgUid, {
      kind: "access-request-declined",
      actor: by,
      requestId: decided.id,
      projectUid: decided.projectUid,
      person,
      ...(decided.decisionReason ? { reason: decided.decisionReason } : {}),
    });
    return json(200, { request: toRequestView(decided) });
  }

  const approvedEntry = (grantId?: string): AuditEntryInput => ({
    kind: "access-request-approved",
    actor: by,
    requestId: decided.id,
    projectUid: decided.projectUid,
    person,
    roles: [...decided.roles],
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(grantId === undefined ? {} : { grantId }),
  });

  let grant;
  try {
    grant = await grantFromRequest(svc, orgUid, decided, by, expiresAt, now());
  } catch (error) {
    await svc.auditLog.append(orgUid, approvedEntry());
    // The decision stands (it was taken once, atomically); say plainly what is missing.
    console.error(`[web] access request ${decided.id}: grant not saved: ${String(error)}`);
    return json(500, {
      error: "grant-failed",
      request: toRequestView(decided),
      reasons: [
        `Approved, but the grant could not be saved (${error instanceof Error ? error.name : "error"}). Give ${decided.requester.name ?? decided.requester.email} the roles from the project's collaborators.`,
      ],
    });
  }
  await svc.auditLog.append(orgUid, approvedEntry(grant.id));
  await svc.auditLog.append(orgUid, {
    kind: "grant-saved",
    actor: by,
    grantId: grant.id,
    projectUid: grant.projectUid,
    person,
    roles: [...grant.roles],
    ...(grant.expiresAt === undefined ? {} : { expiresAt: grant.expiresAt }),
    source: grant.source,
  });
  // The grant is saved whatever happens next: a full reconcile applies it even if this fails.
  let syncJobId: string | null = null;
  try {
    syncJobId = await link.enqueuer().syncPeople(orgUid, [decided.requester.email], {
      trigger: "grant",
    });
  } catch (error) {
    console.error(`[web] access request ${decided.id}: sync not queued: ${String(error)}`);
  }
  return json(200, {
    request: toRequestView(decided),
    grant: { id: grant.id, roles: grant.roles, expiresAt: grant.expiresAt ?? null },
    syncJobId,
    ...(syncJobId
      ? {}
      : { reasons: ["Saved; the sync could not be asked now and applies it on its next run."] }),
  });
}
