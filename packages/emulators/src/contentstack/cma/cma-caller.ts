// Who is calling the CMA, and may they touch this organization. Two credentials are accepted, as
// documented: `authorization: Bearer <OAuth user token>` (+ `organization_uid`) and `authtoken`
// (the host-shell session). Rate limiting happens here too, once the organization is known.
import type { FastifyRequest } from "fastify";

import type { EmulatorContext } from "../context";
import { activeMembership, isOwnerOrAdmin, type Organization, type Person } from "../state/world";
import { CmaError, notLoggedIn } from "./cma-error";

export interface Caller {
  person: Person;
  via: "authtoken" | "oauth";
  /** The organization an OAuth token was issued for; null for authtoken callers. */
  tokenOrgUid: string | null;
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function resolveCaller(ctx: EmulatorContext, request: FastifyRequest): Caller {
  const authorization = headerValue(request, "authorization");
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw notLoggedIn();
    const resolved = ctx.oauth.resolveAccessToken(match[1]);
    if ("problem" in resolved) {
      throw new CmaError(
        "CMA_NOT_LOGGED_IN",
        resolved.problem === "expired"
          ? "The access token has expired."
          : "The access token is not valid.",
        {
          authorization: [resolved.problem === "expired" ? "has expired." : "is not valid."],
        },
      );
    }
    const person = ctx.world.people.get(resolved.grant.userUid);
    if (!person) throw notLoggedIn();
    const orgHeader = headerValue(request, "organization_uid");
    if (orgHeader !== undefined && orgHeader !== resolved.grant.orgUid) {
      throw new CmaError("CMA_FORBIDDEN", "The access token was issued for another organization.", {
        organization_uid: ["does not match the organization the token was issued for."],
      });
    }
    return { person, via: "oauth", tokenOrgUid: resolved.grant.orgUid };
  }
  const authtoken = headerValue(request, "authtoken");
  const userUid = ctx.sessions.userOf(authtoken);
  const person = userUid ? ctx.world.people.get(userUid) : undefined;
  if (!person) throw notLoggedIn();
  return { person, via: "authtoken", tokenOrgUid: null };
}

/** Counts the call against `orgKey`'s window; 429 with the CMA body beyond the limit. */
export function enforceRateLimit(ctx: EmulatorContext, orgKey: string, method: string): void {
  if (!ctx.rateLimiter) return;
  const kind = method === "GET" || method === "HEAD" ? "read" : "write";
  if (!ctx.rateLimiter.admit(orgKey, kind)) {
    throw new CmaError(
      "CMA_RATE_LIMITED",
      `Too many ${kind} requests for this organization. Please slow down.`,
    );
  }
}

export interface OrgAccess {
  caller: Caller;
  org: Organization;
}

/**
 * The caller and the organization of an `/organizations/{uid}/...` route. Unknown organization
 * 404; an OAuth token of another organization, a non-member, or (with `adminOnly`) a plain Member
 * 403. Rate limited per organization after that.
 */
export function authorizeOrgCall(
  ctx: EmulatorContext,
  request: FastifyRequest,
  orgUid: string,
  access: { adminOnly: boolean },
): OrgAccess {
  const caller = resolveCaller(ctx, request);
  const org = ctx.world.organizations.get(orgUid);
  if (!org)
    throw new CmaError("CMA_NOT_FOUND", "The organization was not found.", {
      organization_uid: ["is not valid."],
    });
  if (caller.tokenOrgUid !== null && caller.tokenOrgUid !== org.uid) {
    throw new CmaError("CMA_FORBIDDEN", "The access token was issued for another organization.");
  }
  if (!activeMembership(org, caller.person.uid) && org.owner_uid !== caller.person.uid) {
    throw new CmaError("CMA_FORBIDDEN", "You are not a member of this organization.");
  }
  if (access.adminOnly && !isOwnerOrAdmin(org, caller.person.uid)) {
    throw new CmaError(
      "CMA_FORBIDDEN",
      "Only the organization Owner or an Admin can perform this action.",
    );
  }
  enforceRateLimit(ctx, org.uid, request.method);
  return { caller, org };
}
