import "server-only";

import { z } from "zod";

import { badRequest, json } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";
import { actorOf } from "../requests/request-actor";
import { lastSignOff, loadAccessReview } from "./load-review";
import { reviewToCsv } from "./review-csv";

/** Owners and Admins see and export the review; the Owner signs it off (see `authorize`). */
const REVIEW_ACTION = "review.view" as const;
const SIGN_OFF_ACTION = "review.sign-off" as const;

/** GET /api/review: the review as JSON. */
export async function getReview(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false, action: REVIEW_ACTION });
  if (!guard.ok) return guard.response;
  return json(200, await loadAccessReview(svc, guard.state));
}

/** GET /api/review/export: the review as a CSV download. */
export async function exportReview(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false, action: REVIEW_ACTION });
  if (!guard.ok) return guard.response;
  const review = await loadAccessReview(svc, guard.state);
  const day = new Date(review.asOf).toISOString().slice(0, 10);
  return new Response(reviewToCsv(review), {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="access-review-${day}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

const signOffBody = z.strictObject({ note: z.string().trim().max(2000).optional() });

/**
 * POST /api/review/sign-off {note?}: "I reviewed this access on <date>", audited with what the
 * review showed at that moment (read again here, not taken from the page).
 */
export async function signOffReview(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true, action: SIGN_OFF_ACTION });
  if (!guard.ok) return guard.response;
  const parsed = signOffBody.safeParse(await request.json().catch(() => null));
  if (!parsed.success)
    return badRequest(
      "invalid-body",
      parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`),
    );
  const { orgUid } = guard.state.session;
  const review = await loadAccessReview(svc, guard.state);
  await svc.auditLog.append(orgUid, {
    kind: "access-review-signed-off",
    actor: actorOf(guard.state),
    assignments: review.rows.length,
    expiringGrants: review.rows.filter((r) => r.grant?.expiresAt).length,
    ...(parsed.data.note ? { note: parsed.data.note } : {}),
  });
  return json(200, { lastSignOff: await lastSignOff(svc, orgUid) });
}
