import "server-only";

import {
  NotFoundError,
  PlanAlreadyDecidedError,
  createHeldPlansStore,
  heldPlanStanding,
  type HeldPlansStore,
} from "@lytics-access/store";
import { z } from "zod";

import { syncLink } from "../connect/sync-link";
import { badRequest, json } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";
import { actorOf } from "./actor";
import { auditQuerySchema, toAuditQuery } from "./audit-query";
import { dryRun } from "./dry-run";
import { heldPlanView } from "./held-plan-view";
import { syncEventsResponse } from "./sync-events";
import { readSyncStatus } from "./sync-status";

/** The query string as an object; a repeated parameter keeps its first value, empty ones drop. */
function queryOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams)
    if (!(key in out) && value !== "") out[key] = value;
  return out;
}

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join(".") || "(input)"}: ${issue.message}`);

async function bodyOf(request: Request): Promise<unknown> {
  return request.json().catch(() => undefined);
}

/** Refused before queueing: a sync needs a connected organization whose import was accepted. */
async function notReady(svc: Services, orgUid: string): Promise<Response | null> {
  const installation = await svc.installations.get(orgUid);
  if (!installation)
    return json(409, {
      error: "not-connected",
      reasons: [
        "The organization is not connected for the background sync; connect it on Overview.",
      ],
    });
  if (installation.awaitingImport)
    return json(409, {
      error: "awaiting-import",
      reasons: ["Accept the first-connection import on Overview first; nothing syncs before it."],
    });
  if (installation.status === "needs-reconnect")
    return json(409, {
      error: "needs-reconnect",
      reasons: [
        `The sync's connection needs reconnecting (Overview)${installation.statusReason ? `: ${installation.statusReason}` : "."}`,
      ],
    });
  return null;
}

/** GET /api/sync/status: the organization's sync now (Owners and Admins). */
export async function syncStatusHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false, action: "sync.view" });
  if (!guard.ok) return guard.response;
  return json(200, await readSyncStatus(svc, syncLink(svc), guard.state.session.orgUid));
}

/** GET /api/sync/events: the same status as Server-Sent Events while the page is open. */
export async function syncEventsHandler(
  svc: Services,
  request: Request,
  options: Parameters<typeof syncEventsResponse>[2] = {},
): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false, action: "sync.view" });
  if (!guard.ok) return guard.response;
  const orgUid = guard.state.session.orgUid;
  const link = syncLink(svc);
  return syncEventsResponse(() => readSyncStatus(svc, link, orgUid), request.signal, options);
}

/** POST /api/sync/run: "Run now", a full reconcile queued for the worker (Owners and Admins). */
export async function runNowHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true, action: "sync.run" });
  if (!guard.ok) return guard.response;
  const orgUid = guard.state.session.orgUid;
  const refused = await notReady(svc, orgUid);
  if (refused) return refused;
  const jobId = await syncLink(svc)
    .enqueuer()
    .syncNow(orgUid, { trigger: "manual", requestedBy: guard.state.person.email });
  return json(202, { jobId, queued: true });
}

/** POST /api/sync/dry-run: the plan the next sync would apply, as a diff; nothing is written. */
export async function dryRunHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true, action: "sync.run" });
  if (!guard.ok) return guard.response;
  const orgUid = guard.state.session.orgUid;
  const refused = await notReady(svc, orgUid);
  if (refused) return refused;
  const answer = await dryRun(syncLink(svc), svc.env.REDIS_URL, orgUid, {
    requestedBy: guard.state.person.email,
  });
  if (!answer.ok) return json(answer.status, { error: answer.error, reasons: answer.reasons });
  return json(200, { jobId: answer.jobId, plan: answer.plan, safety: answer.safety });
}

/** GET /api/sync/held-plans: plans waiting for the Owner, with why each was held. */
export async function heldPlansHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false, action: "sync.view" });
  if (!guard.ok) return guard.response;
  const held = await svc.heldPlans.list(guard.state.session.orgUid);
  return json(200, { plans: held.map(heldPlanView) });
}

const approveBody = z.strictObject({ planId: z.string().trim().min(1).max(200) });

// The approval is audited in the same Redis script as it is recorded (packages/store), which the
// store does only when it is given the audit log.
function approvingStore(svc: Services): HeldPlansStore {
  return createHeldPlansStore({
    redis: svc.redis,
    keyPrefix: svc.env.STORE_KEY_PREFIX,
    auditLog: svc.auditLog,
  });
}

/** POST /api/sync/held-plans/approve {planId}: the Owner approves; the worker then applies it. */
export async function approveHeldPlanHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, {
    mutation: true,
    action: "sync.approve-held-plan",
  });
  if (!guard.ok) return guard.response;
  const parsed = approveBody.safeParse(await bodyOf(request));
  if (!parsed.success) return badRequest("invalid-body", issuesOf(parsed.error));
  const orgUid = guard.state.session.orgUid;
  const { planId } = parsed.data;
  // Only the newest held plan can be applied: approving one a later hold replaced would lift no
  // hold (packages/store's heldPlanStanding, which the operator command asks too).
  const held = await svc.heldPlans.list(orgUid);
  const target = held.find((plan) => plan.planId === planId);
  const standing = target ? heldPlanStanding(target, held) : null;
  if (standing?.kind === "replaced")
    return json(409, {
      error: "replaced",
      reasons: [
        `Plan ${planId} was replaced by a newer plan, ${standing.by.planId}: approving it would apply nothing. Review and approve ${standing.by.planId} instead.`,
      ],
    });
  try {
    await approvingStore(svc).approve(orgUid, planId, actorOf(guard.state));
  } catch (error) {
    if (error instanceof NotFoundError)
      return json(404, {
        error: "no-such-plan",
        reasons: [
          `No plan ${planId} is held (it may have been applied or replaced by a newer one).`,
        ],
      });
    if (error instanceof PlanAlreadyDecidedError) {
      const held = await svc.heldPlans.get(orgUid, planId);
      const view = held ? heldPlanView(held) : null;
      return json(409, {
        error: "already-approved",
        reasons: [
          `Plan ${planId} was already approved${view?.approval ? ` by ${view.approval.by} at ${new Date(view.approval.at).toISOString()}` : ""}.`,
        ],
      });
    }
    throw error;
  }
  const jobId = await syncLink(svc)
    .enqueuer()
    .approveHeldPlan(orgUid, planId, guard.state.person.email);
  return json(202, { approved: planId, jobId });
}

/** GET /api/sync/audit?person=&project=&kind=&from=&to=&cursor=&limit= : one page, newest first. */
export async function auditHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false, action: "sync.view" });
  if (!guard.ok) return guard.response;
  const parsed = auditQuerySchema.safeParse(queryOf(request));
  if (!parsed.success) return badRequest("invalid-query", issuesOf(parsed.error));
  const page = await svc.auditLog.read(guard.state.session.orgUid, toAuditQuery(parsed.data));
  return json(200, page);
}

/** GET /api/sync/audit.csv?… : the whole filtered log as CSV (same filters, no paging). */
export async function auditCsvHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false, action: "sync.view" });
  if (!guard.ok) return guard.response;
  const parsed = auditQuerySchema.safeParse(queryOf(request));
  if (!parsed.success) return badRequest("invalid-query", issuesOf(parsed.error));
  const { cursor: _cursor, limit: _limit, ...filters } = toAuditQuery(parsed.data);
  const orgUid = guard.state.session.orgUid;
  const csv = await svc.auditLog.exportCsv(orgUid, filters);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${orgUid}-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
