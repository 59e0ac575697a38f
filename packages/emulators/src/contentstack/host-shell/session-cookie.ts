import type { FastifyReply, FastifyRequest } from "fastify";

import type { EmulatorContext } from "../context";
import { SESSION_COOKIE } from "../state/sessions";
import type { Person } from "../state/world";

/** Remembers the organization last opened in the shell, so OAuth can preselect it. */
export const CURRENT_ORG_COOKIE = "cs_current_org";

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE];
}

export function signedInPerson(ctx: EmulatorContext, request: FastifyRequest): Person | undefined {
  const userUid = ctx.sessions.userOf(sessionToken(request));
  return userUid ? ctx.world.people.get(userUid) : undefined;
}

/**
 * HttpOnly so page scripts cannot read it; SameSite=Lax so a cross-site POST (CSRF) does not
 * carry it while a top-level navigation from the app back to the shell still does.
 */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/" });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

/** Only same-origin paths: `return_to` must never become an open redirect. */
export function safeReturnTo(value: unknown): string {
  if (
    typeof value !== "string" ||
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.startsWith("/\\")
  )
    return "/";
  return value;
}

export function loginRedirect(request: FastifyRequest): string {
  return `/login?return_to=${encodeURIComponent(request.url)}`;
}
