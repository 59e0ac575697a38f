import "server-only";

import type { z } from "zod";

import { badRequest, json } from "../responses";
import { requireSession } from "../route-guard";
import { clearedSessionCookie } from "../session-cookie";
import type { Services } from "../services";
import {
  accessCheck,
  accessCheckQuery,
  accessDeniedCase,
  accessDeniedQuery,
  missingAudiencesCase,
} from "./cases";
import {
  DIRECT_LOGIN_ANSWER,
  PASSWORD_RESET_ANSWER,
  PASSWORD_WARNING,
  WAY_FORWARD,
} from "./seed-answers";
import { loopRefOf, signInLoopGuard } from "./sign-in-loop";

/** The query string as an object; a repeated parameter keeps its first value. */
function queryOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams)
    if (!(key in out) && value !== "") out[key] = value;
  return out;
}

function parseQuery<S extends z.ZodType>(
  schema: S,
  request: Request,
): { ok: true; data: z.output<S> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(queryOf(request));
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    response: badRequest(
      "invalid-query",
      parsed.error.issues.map((i) => `${i.path.join(".") || "(query)"}: ${i.message}`),
    ),
  };
}

/** GET /api/troubleshooting/access-denied?project=&action= */
export async function accessDeniedHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false });
  if (!guard.ok) return guard.response;
  const query = parseQuery(accessDeniedQuery, request);
  if (!query.ok) return query.response;
  const result = await accessDeniedCase(svc, guard.state, query.data);
  if (result.notFound)
    return json(404, {
      error: "unknown-project",
      reasons: ["No project with that uid in this organization."],
    });
  return json(200, result);
}

/** GET /api/troubleshooting/missing-audiences */
export async function missingAudiencesHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false });
  if (!guard.ok) return guard.response;
  return json(200, await missingAudiencesCase(svc, guard.state));
}

/** GET /api/troubleshooting/access-check?person=&project=&action= */
export async function accessCheckHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false });
  if (!guard.ok) return guard.response;
  const query = parseQuery(accessCheckQuery, request);
  if (!query.ok) return query.response;
  const result = await accessCheck(svc, guard.state, query.data);
  if (!result.ok)
    return json(result.status, {
      error: result.error,
      ...(result.decision ? { rule: result.decision.rule, layer: result.decision.layer } : {}),
      reasons: result.reasons,
    });
  return json(200, result);
}

/** GET /api/troubleshooting/sign-in-loop: the round trips of this session's sign-in. */
export async function signInLoopStatusHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false, require: "identified" });
  if (!guard.ok) return guard.response;
  return json(200, await signInLoopGuard(svc).status(loopRefOf(guard.state.sessionId)));
}

/**
 * POST /api/troubleshooting/reset-sign-in: the fix for a redirect loop. Ends the app's session
 * (with the Contentstack tokens it held: the cached credentials), forgets the loop count and lifts
 * the stop, and clears the session cookie. The person then opens the app again from Contentstack.
 */
export async function resetSignInHandler(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: true, require: "identified" });
  if (!guard.ok) return guard.response;
  await signInLoopGuard(svc).clear(loopRefOf(guard.state.sessionId));
  await svc.sessions.destroy(guard.state.sessionId);
  return json(
    200,
    {
      signedIn: false,
      cleared: ["app session", "stored Contentstack tokens", "sign-in round-trip count"],
      next: "Reload the page, or open lytics-access again from your organization settings in Contentstack, and sign in.",
    },
    { "set-cookie": clearedSessionCookie() },
  );
}

/** Which help page a tried path belongs to. */
export const TRIED_PATHS = {
  login: "unable-to-log-in",
  signin: "unable-to-log-in",
  password: "password-reset",
  "reset-password": "password-reset",
  "forgot-password": "password-reset",
} as const;
export type TriedPath = keyof typeof TRIED_PATHS;

function wantsHtml(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("text/html");
}

/**
 * /login, /signin, /password, /reset-password, /forgot-password: there is no direct login and no
 * password. A browser is sent to the help page that says so with the way forward; anything else
 * (a script posting credentials) gets the same answer as JSON. A body is never read, so a password
 * sent here is not even parsed.
 */
export function triedPathHandler(svc: Services, request: Request, tried: TriedPath): Response {
  const page = TRIED_PATHS[tried];
  const answer = page === "password-reset" ? PASSWORD_RESET_ANSWER : DIRECT_LOGIN_ANSWER;
  if (request.method === "GET" && wantsHtml(request))
    return new Response(null, {
      status: 303,
      headers: {
        location: `${svc.env.APP_URL}/troubleshooting/${page}?tried=${tried}`,
        "cache-control": "no-store",
      },
    });
  return json(request.method === "GET" ? 200 : 410, {
    error:
      page === "password-reset" ? "password-reset-not-supported" : "direct-login-not-supported",
    answer,
    wayForward: WAY_FORWARD,
    warning: PASSWORD_WARNING,
    help: `${svc.env.APP_URL}/troubleshooting/${page}`,
  });
}
