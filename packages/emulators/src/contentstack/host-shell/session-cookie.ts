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

/**
 * Only same-origin targets: `return_to` must never become an open redirect. The value is read the
 * way a browser reads a `Location` header (WHATWG URL against our own origin: tabs and newlines
 * dropped, `\\` taken for `/`, `//host` taken for another host), and only a result on our origin
 * is kept, re-serialised as path + query + fragment so that no byte the browser might reinterpret
 * (or that a header cannot carry, like `\v`) reaches the redirect. Anything else means `/`.
 */
export function safeReturnTo(value: unknown, ownOrigin: string): string {
  if (typeof value !== "string" || value === "") return "/";
  let base: URL;
  let target: URL;
  try {
    base = new URL(ownOrigin);
    target = new URL(value, base);
  } catch {
    return "/";
  }
  if (target.origin !== base.origin || target.username !== "" || target.password !== "") return "/";
  const path = `${target.pathname}${target.search}${target.hash}`;
  // Belt and braces: a path the browser could read as protocol-relative is never handed back.
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

export function loginRedirect(request: FastifyRequest): string {
  return `/login?return_to=${encodeURIComponent(request.url)}`;
}
