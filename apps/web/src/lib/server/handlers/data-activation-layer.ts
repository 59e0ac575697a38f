import "server-only";

import { readDalGate } from "../connect/dal-gate";
import { json } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";

/**
 * GET /api/data-activation-layer: whether the organization has its DAL (seed 000), and, when it
 * has none, what this person can do: Owners and Admins create it (the settings page), everyone
 * else is told whom to ask.
 */
export async function dataActivationLayer(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false });
  if (!guard.ok) return guard.response;
  return json(200, await readDalGate(svc, guard.state));
}
