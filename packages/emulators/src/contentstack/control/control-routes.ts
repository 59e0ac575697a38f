// The Contentstack additions to the `/_emulator/` control API: act as an organization
// administrator would (each change writes the audit log), switch the Data Activation Layer, mint
// credentials without a browser, and change token lifetimes.
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import { mintAppToken } from "../app-token/app-token";
import { CmaError } from "../cma/cma-error";
import { auditOriginOf } from "../cma/audit-origin";
import { parseCma } from "../cma/cma-input";
import type { EmulatorContext } from "../context";
import { ttlsPatchSchema } from "../options";
import {
  acceptInvitation,
  changeRoles,
  inviteMembers,
  removeMembers,
  transferOwnership,
} from "../state/membership-changes";

const PREFIX = "/_emulator";
const orgParams = z.object({ org_uid: z.string().min(1) });
const memberParams = orgParams.extend({ email: z.string().min(3) });
const actor = z.string().min(1).optional();

const addMemberSchema = z.object({
  email: z.email(),
  org_roles: z.array(z.string().min(1)).min(1),
  /** `accepted` adds a person who has an account; `pending` sends an invitation. @defaultValue "accepted" */
  status: z.enum(["accepted", "pending"]).default("accepted"),
  guest: z.boolean().default(false),
  actor_uid: actor,
});
const rolesSchema = z.object({ org_roles: z.array(z.string().min(1)).min(1), actor_uid: actor });
const actorQuery = z.object({ actor_uid: actor });
const dalSchema = z.object({
  title: z.string().min(1),
  domain: z.string().min(1),
  created_by: z.string().min(1).optional(),
});

function organization(ctx: EmulatorContext, orgUid: string) {
  const org = ctx.world.organizations.get(orgUid);
  if (!org) throw new CmaError("CMA_NOT_FOUND", `There is no organization ${orgUid}.`);
  return org;
}

export function registerControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post(`${PREFIX}/sessions`, async (request, reply) => {
    const { user_uid } = parseCma(z.object({ user_uid: z.string().min(1) }), request.body, "body");
    if (!ctx.world.people.has(user_uid))
      throw new CmaError("CMA_NOT_FOUND", `There is no person ${user_uid}.`);
    return reply.code(201).send({ authtoken: ctx.sessions.create(user_uid) });
  });

  app.post(`${PREFIX}/app-tokens`, async (request, reply) => {
    const body = parseCma(
      z.object({ organization_uid: z.string().min(1), user_uid: z.string().min(1) }),
      request.body,
      "body",
    );
    return reply
      .code(201)
      .send({ app_token: await mintAppToken(ctx, body.organization_uid, body.user_uid) });
  });

  app.post(`${PREFIX}/organizations/:org_uid/members`, async (request, reply) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    const body = parseCma(addMemberSchema, request.body, "body");
    const org = organization(ctx, org_uid);
    const [member] = inviteMembers(
      ctx.world,
      org,
      [
        {
          email: body.email,
          org_roles: body.org_roles,
          invited_by: body.actor_uid ?? org.owner_uid,
          accepted: body.status === "accepted",
          guest: body.guest,
        },
      ],
      auditOriginOf(request),
    );
    return reply.code(201).send({ share: member });
  });

  app.put(`${PREFIX}/organizations/:org_uid/members/:email/roles`, async (request) => {
    const { org_uid, email } = parseCma(memberParams, request.params, "path");
    const body = parseCma(rolesSchema, request.body, "body");
    const org = organization(ctx, org_uid);
    return {
      share: changeRoles(
        org,
        email,
        body.org_roles,
        body.actor_uid ?? org.owner_uid,
        auditOriginOf(request),
      ),
    };
  });

  app.post(`${PREFIX}/organizations/:org_uid/members/:email/accept`, async (request) => {
    const { org_uid, email } = parseCma(memberParams, request.params, "path");
    return {
      share: acceptInvitation(ctx.world, organization(ctx, org_uid), email, auditOriginOf(request)),
    };
  });

  app.delete(`${PREFIX}/organizations/:org_uid/members/:email`, async (request, reply) => {
    const { org_uid, email } = parseCma(memberParams, request.params, "path");
    const { actor_uid } = parseCma(actorQuery, request.query, "query");
    const org = organization(ctx, org_uid);
    const removed = removeMembers(org, [email], actor_uid ?? org.owner_uid, auditOriginOf(request));
    for (const member of removed)
      if (member.user_uid) ctx.oauth.revokeGrantsOfUser(member.user_uid, org.uid);
    return reply.code(204).send();
  });

  app.post(`${PREFIX}/organizations/:org_uid/transfer-ownership`, async (request) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    const body = parseCma(z.object({ transfer_to: z.email() }), request.body, "body");
    const org = organization(ctx, org_uid);
    return { share: transferOwnership(org, body.transfer_to, auditOriginOf(request)) };
  });

  app.put(`${PREFIX}/organizations/:org_uid/data-activation-layer`, async (request) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    const body = parseCma(dalSchema, request.body, "body");
    const org = organization(ctx, org_uid);
    org.data_activation_layer = {
      uid: `dal_${org.uid}`,
      title: body.title,
      domain: body.domain,
      created_by: body.created_by ?? org.owner_uid,
      created_at: new Date(ctx.clock.now()).toISOString(),
    };
    return { data_activation_layer: org.data_activation_layer };
  });

  app.delete(`${PREFIX}/organizations/:org_uid/data-activation-layer`, async (request, reply) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    organization(ctx, org_uid).data_activation_layer = null;
    return reply.code(204).send();
  });

  app.put(`${PREFIX}/ttls`, async (request) => {
    const patch = parseCma(ttlsPatchSchema, request.body, "body");
    ctx.ttls = { ...ctx.ttls, ...patch };
    return { ttls: ctx.ttls };
  });
}
