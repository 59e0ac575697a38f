import "server-only";

import { json } from "../responses";
import { requireSession } from "../route-guard";
import { clearedSessionCookie } from "../session-cookie";
import type { Services } from "../services";

/** POST /api/auth/sign-out: ends the app's session (Contentstack's own stays as it is). */
export async function signOut(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true, require: "identified" });
  if (!guard.ok) return guard.response;
  await svc.sessions.destroy(guard.state.sessionId);
  return json(200, { signedIn: false }, { "set-cookie": clearedSessionCookie() });
}
