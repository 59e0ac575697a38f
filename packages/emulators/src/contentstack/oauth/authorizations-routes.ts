// Developer Hub's authorization listing and revocation, on the paths the Management SDK's
// `logout()` uses. A person sees and revokes their own authorizations; Owners and Admins see and
// revoke everyone's in their organization (Marketplace > Manage > Authorized Apps).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";

import { resolveCaller } from "../cma/cma-caller";
import { CmaError } from "../cma/cma-error";
import { parseCma } from "../cma/cma-input";
import type { EmulatorContext } from "../context";
import { activeMembership, isOwnerOrAdmin } from "../state/world";

const listParams = z.object({ app_uid: z.string().min(1) });
const deleteParams = listParams.extend({ authorization_uid: z.string().min(1) });

function callerInOrg(ctx: EmulatorContext, request: FastifyRequest, appUid: string) {
  const caller = resolveCaller(ctx, request);
  if (!ctx.world.apps.has(appUid)) throw new CmaError("CMA_NOT_FOUND", "The app was not found.");
  const header = request.headers.organization_uid;
  const orgUid = caller.tokenOrgUid ?? (typeof header === "string" ? header : undefined);
  if (!orgUid)
    throw new CmaError("CMA_INVALID_REQUEST", "The organization_uid header is required.", {
      organization_uid: ["is required."],
    });
  const org = ctx.world.organizations.get(orgUid);
  if (!org) throw new CmaError("CMA_NOT_FOUND", "The organization was not found.");
  if (!activeMembership(org, caller.person.uid))
    throw new CmaError("CMA_FORBIDDEN", "You are not a member of this organization.");
  return { caller, org, seesAll: isOwnerOrAdmin(org, caller.person.uid) };
}

export function registerAuthorizationsRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get("/manifests/:app_uid/authorizations", async (request) => {
    const { app_uid } = parseCma(listParams, request.params, "path");
    const { caller, org, seesAll } = callerInOrg(ctx, request, app_uid);
    const grants = ctx.oauth
      .grantsOf(app_uid, org.uid)
      .filter((grant) => seesAll || grant.userUid === caller.person.uid);
    return {
      data: grants.map((grant) => ({
        authorization_uid: grant.uid,
        app_uid: grant.appUid,
        organization_uid: grant.orgUid,
        user: { uid: grant.userUid, email: ctx.world.people.get(grant.userUid)?.email ?? null },
        scopes: grant.scopes,
        created_at: grant.createdAt,
      })),
    };
  });

  app.delete("/manifests/:app_uid/authorizations/:authorization_uid", async (request) => {
    const { app_uid, authorization_uid } = parseCma(deleteParams, request.params, "path");
    const { caller, org, seesAll } = callerInOrg(ctx, request, app_uid);
    const grant = ctx.oauth.grant(authorization_uid);
    if (!grant || grant.revoked || grant.appUid !== app_uid || grant.orgUid !== org.uid) {
      throw new CmaError("CMA_NOT_FOUND", "The authorization was not found.");
    }
    if (!seesAll && grant.userUid !== caller.person.uid) {
      throw new CmaError(
        "CMA_FORBIDDEN",
        "Only the Owner or an Admin can revoke another person's authorization.",
      );
    }
    ctx.oauth.revokeGrant(grant.uid);
    return { notice: "The authorization was revoked." };
  });
}
