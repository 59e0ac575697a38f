// Organization users and invitations: `GET /share`, `POST /share/search`, `POST /share` (invite)
// and `DELETE /share` (remove). Owner/Admin only, as documented ("Get all organization
// invitations" is an administrator call).
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import type { EmulatorContext } from "../context";
import { inviteMembers, removeMembers } from "../state/membership-changes";
import type { Membership, Organization } from "../state/world";
import { authorizeOrgCall } from "./cma-caller";
import { listQuerySchema, page, parseCma, sortBy, type ListQuery } from "./cma-input";

/** Default page size of the share listings (the references are silent; logs document 25). */
export const SHARE_DEFAULT_LIMIT = 25;

const orgParams = z.object({ org_uid: z.string().min(1) });

const inviteBodySchema = z.object({
  share: z.object({
    users: z
      .record(z.email({ message: "must be an email address" }), z.array(z.string().min(1)))
      .refine((users) => Object.keys(users).length > 0, "must name at least one user"),
    stacks: z.record(z.string(), z.unknown()).optional(),
    message: z.string().max(2000).optional(),
  }),
});

const removeBodySchema = z.object({
  emails: z
    .array(z.email({ message: "must be an email address" }))
    .min(1, "must name at least one email"),
});

const searchBodySchema = z
  .object({ emails: z.array(z.string().min(1)).optional() })
  .nullish()
  .transform((body) => body ?? {});

function toWireShare(org: Organization, member: Membership, includeRoles: boolean) {
  return {
    uid: member.uid,
    email: member.email,
    user_uid: member.user_uid,
    message: member.message,
    org_uid: org.uid,
    org_roles: [...member.org_roles],
    invited_by: member.invited_by,
    invited_at: member.invited_at,
    status: member.status,
    created_at: member.created_at,
    updated_at: member.updated_at,
    ...(member.guest ? { guest: true } : {}),
    ...(includeRoles
      ? {
          roles: member.org_roles.flatMap((roleUid) => {
            const role = org.roles.find((candidate) => candidate.uid === roleUid);
            return role ? [{ uid: role.uid, name: role.name, admin: role.admin }] : [];
          }),
        }
      : {}),
  };
}

function listShares(org: Organization, members: readonly Membership[], query: ListQuery) {
  const needle = query.typeahead?.toLowerCase();
  const filtered = needle ? members.filter((member) => member.email.includes(needle)) : members;
  const sorted = sortBy(filtered, query, {
    created_at: (member) => member.created_at,
    updated_at: (member) => member.updated_at,
    email: (member) => member.email,
  });
  return {
    shares: page(sorted, query).map((member) => toWireShare(org, member, query.include_roles)),
    ...(query.include_count ? { count: filtered.length } : {}),
  };
}

export function registerShareRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get("/v3/organizations/:org_uid/share", async (request) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    const query = parseCma(listQuerySchema(SHARE_DEFAULT_LIMIT), request.query, "query");
    const { org } = authorizeOrgCall(ctx, request, org_uid, { adminOnly: true });
    return listShares(org, org.members, query);
  });

  app.post("/v3/organizations/:org_uid/share/search", async (request) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    const query = parseCma(listQuerySchema(SHARE_DEFAULT_LIMIT), request.query, "query");
    const body = parseCma(searchBodySchema, request.body, "body");
    const { org } = authorizeOrgCall(ctx, request, org_uid, { adminOnly: true });
    const wanted =
      body.emails && body.emails.length > 0
        ? new Set(body.emails.map((email) => email.toLowerCase()))
        : null;
    const members = wanted ? org.members.filter((member) => wanted.has(member.email)) : org.members;
    return listShares(org, members, query);
  });

  app.post("/v3/organizations/:org_uid/share", async (request) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    const body = parseCma(inviteBodySchema, request.body, "body");
    const { caller, org } = authorizeOrgCall(ctx, request, org_uid, { adminOnly: true });
    const invited = inviteMembers(
      ctx.world,
      org,
      Object.entries(body.share.users).map(([email, roles]) => ({
        email,
        org_roles: roles,
        invited_by: caller.person.uid,
        message: body.share.message ?? null,
      })),
    );
    return {
      notice: "The invitation has been sent successfully.",
      shares: invited.map((member) => toWireShare(org, member, false)),
    };
  });

  app.delete("/v3/organizations/:org_uid/share", async (request) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    const body = parseCma(removeBodySchema, request.body, "body");
    const { caller, org } = authorizeOrgCall(ctx, request, org_uid, { adminOnly: true });
    const removed = removeMembers(org, body.emails, caller.person.uid);
    for (const member of removed)
      if (member.user_uid) ctx.oauth.revokeGrantsOfUser(member.user_uid, org.uid);
    return {
      notice: "The user(s) were removed from the organization.",
      removed: removed.map((member) => member.email),
    };
  });
}
