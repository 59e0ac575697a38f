import "server-only";

import { json } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";

/**
 * POST /api/connection: connect or reconnect the organization for the background sync. Only
 * Owners and Admins (permissions: org settings); everyone else is refused with the rule. The
 * connect flow itself (a separate OAuth grant kept for the worker) is the next part of issue 10.
 */
export async function connectSync(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true, action: "sync.connect" });
  if (!guard.ok) return guard.response;
  return json(501, {
    error: "not-implemented",
    reasons: ["Connecting from the app is not available yet; `npm start` connects Acme for you."],
  });
}
