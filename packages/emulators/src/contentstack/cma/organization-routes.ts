// `GET /v3/organizations` (the caller's), `GET /v3/organizations/{uid}` (+ include_plan), `/roles`,
// and the emulator-defined read-only
// `/data_activation_layer` (no public API exists for the DAL; docs/contentstack-shapes.md).
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import type { EmulatorContext } from "../context";
import { organizationsOf, type Organization } from "../state/world";
import { authorizeOrgCall, enforceRateLimit, resolveCaller } from "./cma-caller";
import { listQuerySchema, page, parseCma, sortBy } from "./cma-input";

const orgParams = z.object({ org_uid: z.string().min(1) });

function planFeatures(ctx: EmulatorContext): Array<Record<string, unknown>> {
  // With the limiter off the plan still reports Contentstack's documented defaults.
  const limits =
    ctx.rateLimit === false ? { readsPerSecond: 10, writesPerSecond: 10 } : ctx.rateLimit;
  const feature = (uid: string, name: string, limit: number) => ({
    uid,
    name,
    enabled: true,
    limit,
    max_limit: limit,
    is_required: false,
    depends_on: [],
  });
  return [
    feature("getLimit", "GET requests per second", limits.readsPerSecond),
    feature("limit", "Write requests per second", limits.writesPerSecond),
    feature("bulkLimit", "Bulk operations per second", 1),
  ];
}

function toWireOrganization(
  ctx: EmulatorContext,
  org: Organization,
  callerUid: string,
  includePlan: boolean,
) {
  const isOwner = org.owner_uid === callerUid;
  return {
    uid: org.uid,
    name: org.name,
    plan_id: "emulator_plan",
    owner_uid: org.owner_uid,
    enabled: true,
    is_over_usage_allowed: false,
    created_at: org.created_at,
    updated_at: org.created_at,
    settings: { sso: false },
    ...(isOwner ? { owner: true, is_owner: true } : {}),
    ...(includePlan
      ? {
          plan: {
            plan_id: "emulator_plan",
            name: "Emulator plan",
            message: "",
            features: planFeatures(ctx),
          },
        }
      : {}),
  };
}

export function registerOrganizationRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get("/v3/organizations", async (request) => {
    const query = parseCma(listQuerySchema(100), request.query, "query");
    const caller = resolveCaller(ctx, request);
    // Not one organization's route: charged like `GET /v3/user`.
    enforceRateLimit(ctx, caller.tokenOrgUid ?? `user:${caller.person.uid}`, request.method);
    // An OAuth token reaches only the organization it was issued for.
    const mine = organizationsOf(ctx.world, caller.person.uid).filter(
      (org) => caller.tokenOrgUid === null || org.uid === caller.tokenOrgUid,
    );
    const needle = query.typeahead?.toLowerCase();
    const matching = needle ? mine.filter((org) => org.name.toLowerCase().includes(needle)) : mine;
    const sorted = sortBy(matching, query, {
      name: (org) => org.name,
      created_at: (org) => org.created_at,
      updated_at: (org) => org.created_at,
      update_at: (org) => org.created_at,
    });
    return {
      organizations: page(sorted, query).map((org) =>
        toWireOrganization(ctx, org, caller.person.uid, query.include_plan),
      ),
      ...(query.include_count ? { count: matching.length } : {}),
    };
  });

  app.get("/v3/organizations/:org_uid", async (request) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    const query = parseCma(listQuerySchema(100), request.query, "query");
    const { caller, org } = authorizeOrgCall(ctx, request, org_uid, { adminOnly: false });
    return { organization: toWireOrganization(ctx, org, caller.person.uid, query.include_plan) };
  });

  app.get("/v3/organizations/:org_uid/roles", async (request) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    const query = parseCma(listQuerySchema(100), request.query, "query");
    const { org } = authorizeOrgCall(ctx, request, org_uid, { adminOnly: false });
    const roles = org.roles.map((role) => ({
      uid: role.uid,
      name: role.name,
      description: role.description,
      org_uid: org.uid,
      admin: role.admin,
      default: role.default,
      users: org.members
        .filter(
          (member) =>
            member.status === "accepted" &&
            member.user_uid !== null &&
            member.org_roles.includes(role.uid),
        )
        .map((member) => member.user_uid as string),
      created_at: role.created_at,
      update_at: role.updated_at,
    }));
    const sorted = sortBy(roles, query, {
      name: (role) => role.name,
      created_at: (role) => role.created_at,
    });
    return { roles: page(sorted, query), ...(query.include_count ? { count: roles.length } : {}) };
  });

  app.get("/v3/organizations/:org_uid/data_activation_layer", async (request) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    const { org } = authorizeOrgCall(ctx, request, org_uid, { adminOnly: false });
    return { data_activation_layer: org.data_activation_layer };
  });
}
