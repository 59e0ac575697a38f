import "server-only";

import { authorize, type AppAction, type AuthzResource } from "./authorize";
import { loadSession, type SessionState } from "./load-session";
import { json, refused } from "./responses";
import { SESSION_COOKIE, clearedSessionCookie, readCookie } from "./session-cookie";
import type { Services } from "./services";

export const CSRF_HEADER = "x-csrf-token";

type Active = Extract<SessionState, { status: "active" }>;
type Identified = Extract<SessionState, { status: "identified" | "active" }>;

export interface GuardOptions {
  /** State-changing request: Origin must be ours and the session's CSRF token must come back. */
  readonly mutation: boolean;
  /** `identified` lets an app-token session through (the sign-in handoff); default `active`. */
  readonly require?: "identified" | "active";
  /** Asked of packages/permissions; refused with the decision's rule and reasons. */
  readonly action?: AppAction;
  readonly resource?: AuthzResource;
}

export type GuardResult<S> = { ok: true; state: S } | { ok: false; response: Response };

/**
 * Checks the Origin header against the app's own origin. Browsers send Origin on every cross-origin
 * request and on same-origin POSTs, so a state-changing request without it is refused too.
 */
export function sameOrigin(request: Request, appUrl: string): boolean {
  return request.headers.get("origin") === appUrl;
}

/**
 * `requireSession()` for route handlers: the session (refreshed and rechecked), the CSRF and
 * Origin checks of a state-changing request, and the permission check. Every handler starts here.
 */
export async function requireSession(
  svc: Services,
  request: Request,
  options: GuardOptions & { require: "identified" },
): Promise<GuardResult<Identified>>;
export async function requireSession(
  svc: Services,
  request: Request,
  options: GuardOptions,
): Promise<GuardResult<Active>>;
export async function requireSession(
  svc: Services,
  request: Request,
  options: GuardOptions,
): Promise<GuardResult<Identified>> {
  if (options.mutation && !sameOrigin(request, svc.env.APP_URL))
    return {
      ok: false,
      response: json(403, {
        error: "bad-origin",
        reasons: ["State-changing requests must come from the app's own pages."],
      }),
    };
  const state = await loadSession(svc, readCookie(request.headers.get("cookie"), SESSION_COOKIE));
  if (state.status === "none")
    return {
      ok: false,
      response: json(
        401,
        {
          error: "no-session",
          reasons: [
            state.reason === "ended"
              ? "Your session ended (signed out of Contentstack, or no longer in the organization). Open the app again from Contentstack."
              : "Open the app from your Contentstack organization settings.",
          ],
        },
        state.reason === "ended" ? { "set-cookie": clearedSessionCookie() } : {},
      ),
    };
  if (options.mutation && !svc.sessions.checkCsrf(state.session, request.headers.get(CSRF_HEADER)))
    return {
      ok: false,
      response: json(403, {
        error: "csrf",
        reasons: [`The ${CSRF_HEADER} header is missing or does not match this session.`],
      }),
    };
  if ((options.require ?? "active") === "active" && state.status !== "active")
    return {
      ok: false,
      response: json(401, {
        error: "sign-in-required",
        reasons: ["Sign in with Contentstack first."],
      }),
    };
  if (options.action) {
    const person = state.status === "active" ? state.person : undefined;
    const decision = authorize(person, options.action, options.resource);
    if (!decision.allowed) return { ok: false, response: refused(decision) };
  }
  return { ok: true, state };
}
