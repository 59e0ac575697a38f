import "server-only";

import { InvalidPolicyError } from "@lytics-access/permissions";
import { StaleWriteError } from "@lytics-access/store";

import { syncLink } from "../connect/sync-link";
import { json } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";
import { actorOf } from "../sync-page/actor";
import { dryRun } from "../sync-page/dry-run";
import { rolesEveryProjectOffers } from "./known-roles";
import { checkCandidate, envelopeIssues, policyEditSchema, policySaveSchema } from "./policy-input";
import { loadPolicyView } from "./policy-view";

const invalid = (issues: readonly { path: string; message: string }[]) =>
  json(400, {
    error: "invalid-policy",
    issues,
    reasons: issues.map((issue) => `${issue.path}: ${issue.message}`),
  });

/** GET /api/policy: the effective policy and its history (Owners edit, Admins view). */
export async function getPolicyHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false, action: "policy.view" });
  if (!guard.ok) return guard.response;
  const view = await loadPolicyView(svc.policy, guard.state.session.orgUid);
  return json(200, { ...view, canEdit: guard.state.person.role === "owner" });
}

/**
 * POST /api/policy/preview: the exact changes an edited policy would cause: the sync's dry run
 * under it (apps/worker), before anything is saved. Owners only, as saving is.
 */
export async function previewPolicyHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true, action: "policy.edit" });
  if (!guard.ok) return guard.response;
  const body = policyEditSchema.safeParse(await request.json().catch(() => undefined));
  if (!body.success) return invalid(envelopeIssues(body.error));
  const orgUid = guard.state.session.orgUid;
  const [current, rolesAvailable] = await Promise.all([
    svc.policy.getEffective(orgUid),
    rolesEveryProjectOffers(svc, guard.state),
  ]);
  const candidate = checkCandidate(body.data, current, rolesAvailable);
  if (!candidate.ok) return invalid(candidate.issues);
  const installation = await svc.installations.get(orgUid);
  if (!installation || installation.awaitingImport || installation.status === "needs-reconnect")
    return json(409, {
      error: "sync-not-ready",
      reasons: [
        "The preview is the sync's dry run, and the sync is not running for this organization (connect it, accept its import or reconnect it on Overview).",
      ],
    });
  // Two dry runs, under the edit and under the saved policy: a step's id hashes its project,
  // person, kind and resulting roles, so a step in both would happen whether or not the edit is
  // saved, and the others are the edit's own. The worker runs them one after the other.
  const link = syncLink(svc);
  const requestedBy = guard.state.person.email;
  const [answer, saved] = await Promise.all([
    dryRun(link, svc.env.REDIS_URL, orgUid, { requestedBy, candidatePolicy: candidate.policy }),
    dryRun(link, svc.env.REDIS_URL, orgUid, { requestedBy }),
  ]);
  if (!answer.ok) return json(answer.status, { error: answer.error, reasons: answer.reasons });
  if (!saved.ok) return json(saved.status, { error: saved.error, reasons: saved.reasons });
  const anyway = new Set(
    saved.plan.projects.flatMap((project) => project.lines.map((line) => line.stepId)),
  );
  const causedByEdit = answer.plan.projects.flatMap((project) =>
    project.lines.filter((line) => !anyway.has(line.stepId)).map((line) => line.stepId),
  );
  return json(200, {
    basedOnVersion: current.version,
    plan: answer.plan,
    safety: answer.safety,
    /** Steps of the plan that come from the edit; the rest would happen without it. */
    causedByEdit,
  });
}

/**
 * PUT /api/policy {expectedVersion, levels, memberGrantableLevels, note}: saves a new version
 * (refused with 409 when someone saved since `expectedVersion`), audits it, and asks for a sync
 * at once so the change reaches Lytics within seconds. Owners only.
 */
export async function savePolicyHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true, action: "policy.edit" });
  if (!guard.ok) return guard.response;
  const body = policySaveSchema.safeParse(await request.json().catch(() => undefined));
  if (!body.success) return invalid(envelopeIssues(body.error));
  const orgUid = guard.state.session.orgUid;
  const [current, rolesAvailable] = await Promise.all([
    svc.policy.getEffective(orgUid),
    rolesEveryProjectOffers(svc, guard.state),
  ]);
  const checked = checkCandidate(body.data, current, rolesAvailable);
  if (!checked.ok) return invalid(checked.issues);
  const actor = actorOf(guard.state);
  let saved;
  try {
    saved = await svc.policy.save(
      orgUid,
      {
        levels: checked.policy.levels,
        memberGrantableLevels: checked.policy.memberGrantableLevels,
        ...(body.data.note ? { note: body.data.note } : {}),
      },
      {
        expectedVersion: body.data.expectedVersion,
        changedBy: actor,
        ...(rolesAvailable ? { rolesAvailable } : {}),
      },
    );
  } catch (error) {
    if (error instanceof StaleWriteError) {
      const now = await svc.policy.getEffective(orgUid);
      return json(409, {
        error: "stale",
        currentVersion: now.version,
        reasons: [
          `Someone saved version ${now.version} since you opened version ${body.data.expectedVersion}; nothing was overwritten. Reload to see their change, then edit again.`,
        ],
      });
    }
    if (error instanceof InvalidPolicyError) return invalid(error.issues);
    throw error;
  }
  // The version is saved; its audit entry and the sync follow. The store's save and the audit
  // append are two writes: a failure between them leaves the version in the history (who, when)
  // without its audit entry, never an audited change that did not happen.
  await svc.auditLog.append(orgUid, {
    kind: "policy-changed",
    actor,
    fromVersion: body.data.expectedVersion,
    toVersion: saved.version,
    ...(saved.note ? { note: saved.note } : {}),
  });
  let syncJobId: string | null = null;
  const installation = await svc.installations.get(orgUid);
  if (installation && !installation.awaitingImport && installation.status !== "needs-reconnect")
    syncJobId = await syncLink(svc)
      .enqueuer()
      .syncNow(orgUid, { trigger: "policy", requestedBy: guard.state.person.email });
  return json(200, {
    policy: saved,
    syncJobId,
    ...(syncJobId
      ? {}
      : {
          reasons: [
            "Saved. The sync is not running for this organization, so the change applies on its first run.",
          ],
        }),
  });
}
