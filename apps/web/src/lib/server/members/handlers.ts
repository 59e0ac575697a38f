import "server-only";

import { z } from "zod";

import { syncLink } from "../connect/sync-link";
import { badRequest, json, refused } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";
import { memberDirectory } from "./member-directory";
import { explainMember } from "./member-explanation";
import { loadMembers, maySee } from "./members-list";
import { membersQuery, queryObject } from "./members-query";
import { syncPersonNow } from "./sync-person";

const issues = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`);

/** GET /api/members?q=&role=&level=&project=&status=&page=&size= : one page of the table. */
export async function membersHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false });
  if (!guard.ok) return guard.response;
  const parsed = membersQuery.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest("invalid-query", issues(parsed.error));
  const result = await loadMembers(svc, guard.state, parsed.data);
  if (result.kind === "refused") return refused(result.decision);
  return json(200, result);
}

const personQuery = z.strictObject({ person: z.string().min(1).max(320) });

/** GET /api/members/explain?person=<key> : why this person holds what they hold. */
export async function memberExplanationHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false });
  if (!guard.ok) return guard.response;
  const parsed = personQuery.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest("invalid-query", issues(parsed.error));
  const scope = maySee(guard.state, parsed.data.person);
  if (scope.kind === "refused") return refused(scope.decision);
  const orgUid = guard.state.session.orgUid;
  const directory = memberDirectory(svc);
  const [row, meta, policy] = await Promise.all([
    directory.row(orgUid, parsed.data.person),
    directory.meta(orgUid),
    svc.policy.getEffective(orgUid),
  ]);
  if (!row || !meta)
    return json(404, {
      error: "unknown-member",
      reasons: ["Nobody with that key in the organization's member directory."],
    });
  return json(200, explainMember(row, meta, policy));
}

const syncPersonBody = z.strictObject({ person: z.string().min(1).max(320) });

async function bodyOf(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/**
 * POST /api/members/sync-person {person} (Owners and Admins, `org.settings`): a targeted sync of
 * that person through the worker, answered with the run's step-by-step trace for them.
 */
export async function syncPersonHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true, action: "org.settings" });
  if (!guard.ok) return guard.response;
  const parsed = syncPersonBody.safeParse(await bodyOf(request));
  if (!parsed.success) return badRequest("invalid-body", issues(parsed.error));
  const orgUid = guard.state.session.orgUid;
  const installation = await svc.installations.get(orgUid);
  if (!installation || installation.status === "needs-reconnect")
    return json(409, {
      error: "not-connected",
      reasons: [
        installation
          ? "The sync's connection needs reconnecting (Overview) before anyone can be synced."
          : "The organization is not connected for the sync yet (Overview: Connect).",
      ],
    });
  const row = await memberDirectory(svc).row(orgUid, parsed.data.person);
  if (!row)
    return json(404, {
      error: "unknown-member",
      reasons: ["Nobody with that key in the organization's member directory."],
    });
  const outcome = await syncPersonNow(svc, orgUid, row.email);
  const after = await memberDirectory(svc).row(orgUid, row.key);
  return json(outcome.status === "finished" ? 200 : outcome.status === "queued" ? 202 : 502, {
    person: { key: row.key, email: row.email, name: row.name },
    ...outcome,
    status: outcome.status,
    syncStatus: after?.status ?? null,
  });
}

/** POST /api/members/sync-now {} (Owners and Admins): a full reconcile, which writes the directory. */
export async function membersSyncNowHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true, action: "org.settings" });
  if (!guard.ok) return guard.response;
  const orgUid = guard.state.session.orgUid;
  const installation = await svc.installations.get(orgUid);
  if (!installation || installation.status === "needs-reconnect")
    return json(409, {
      error: "not-connected",
      reasons: ["Connect the organization for the sync first (Overview: Connect)."],
    });
  const jobId = await syncLink(svc)
    .enqueuer()
    .syncNow(orgUid, { trigger: "manual", requestedBy: guard.state.person.email });
  return json(202, { jobId });
}
