// Organization users and invitations: `GET /share`, `POST /share/search`, `POST /share` (invite),
// `DELETE /share` (remove), resend an invitation, and transfer ownership. Owner/Admin only, as
// documented ("Get all organization invitations" is an administrator call); transfer is Owner only.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";

import type { EmulatorContext } from "../context";
import {
  findMember,
  INVITE_NOTICE,
  inviteMembers,
  REMOVE_NOTICE,
  removeMembers,
  TRANSFER_NOTICE,
  transferOwnership,
} from "../state/membership-changes";
import type { Membership, Organization } from "../state/world";
import { auditOriginOf } from "./audit-origin";
import { authorizeOrgCall } from "./cma-caller";
import { CmaError } from "./cma-error";
import { listQuerySchema, page, parseCma, sortBy, type ListQuery } from "./cma-input";
import { toWireShare } from "./share-view";

export const RESEND_NOTICE = "The invitation has been resent successfully.";

/** Default page size of the share listings (the references are silent; logs document 25). */
export const SHARE_DEFAULT_LIMIT = 25;

const orgParams = z.object({ org_uid: z.string().min(1) });
const shareParams = orgParams.extend({ share_uid: z.string().min(1) });
const transferBodySchema = z.object({
  transfer_to: z.email({ message: "must be an email address" }),
});

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

function listShares(org: Organization, members: readonly Membership[], query: ListQuery) {
  const needle = query.typeahead?.toLowerCase();
  const filtered = needle ? members.filter((member) => member.email.includes(needle)) : members;
  const sorted = sortBy(filtered, query, {
    created_at: (member) => member.created_at,
    // The documented samples spell the share timestamp both ways.
    updated_at: (member) => member.updated_at,
    update_at: (member) => member.updated_at,
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
      auditOriginOf(request),
    );
    return {
      notice: INVITE_NOTICE,
      shares: invited.map((member) => toWireShare(org, member, false)),
    };
  });

  app.delete("/v3/organizations/:org_uid/share", async (request) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    const body = parseCma(removeBodySchema, request.body, "body");
    const { caller, org } = authorizeOrgCall(ctx, request, org_uid, { adminOnly: true });
    // The answer shows each removed share as it was before the removal.
    const before = body.emails.flatMap((email) => {
      const member = findMember(org, email);
      return member ? [toWireShare(org, member)] : [];
    });
    const removed = removeMembers(org, body.emails, caller.person.uid, auditOriginOf(request));
    for (const member of removed)
      if (member.user_uid) ctx.oauth.revokeGrantsOfUser(member.user_uid, org.uid);
    return { notice: REMOVE_NOTICE, shares: before };
  });

  const resend = async (request: FastifyRequest) => {
    const { org_uid, share_uid } = parseCma(shareParams, request.params, "path");
    const { org } = authorizeOrgCall(ctx, request, org_uid, { adminOnly: true });
    const member = org.members.find((candidate) => candidate.uid === share_uid);
    if (!member)
      throw new CmaError("CMA_NOT_FOUND", "The invitation was not found.", {
        share_uid: ["is not valid."],
      });
    if (member.status !== "pending")
      throw new CmaError("CMA_UNPROCESSABLE", "The invitation was already accepted.", {
        share_uid: ["is already accepted."],
      });
    return { notice: RESEND_NOTICE };
  };
  app.get("/v3/organizations/:org_uid/share/:share_uid/resend_invitation", resend);
  // @contentstack/management's `resendInvitation` leaves `/share/` out of the path (api-notes
  // B3.4); the emulator answers that path too, so the SDK method works against it.
  app.get("/v3/organizations/:org_uid/:share_uid/resend_invitation", resend);

  app.post("/v3/organizations/:org_uid/transfer-ownership", async (request) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    const body = parseCma(transferBodySchema, request.body, "body");
    const { caller, org } = authorizeOrgCall(ctx, request, org_uid, { adminOnly: true });
    if (caller.person.uid !== org.owner_uid) {
      throw new CmaError("CMA_FORBIDDEN", "Only the organization owner can transfer ownership.");
    }
    transferOwnership(org, body.transfer_to, auditOriginOf(request));
    return { notice: TRANSFER_NOTICE };
  });
}
