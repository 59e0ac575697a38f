import type { FastifyInstance } from "fastify";

import type { EmulatorContext } from "../context";
import { enforceRateLimit, resolveCaller } from "./cma-caller";
import { toWireUser } from "./user-view";

/** `GET /v3/user`: the caller, with their organizations and organization roles. */
export function registerUserRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get("/v3/user", async (request) => {
    const caller = resolveCaller(ctx, request);
    // Not an organization route: an OAuth call counts against its token's organization, a
    // session call against the person (there is no organization to charge it to).
    enforceRateLimit(ctx, caller.tokenOrgUid ?? `user:${caller.person.uid}`, request.method);
    return { user: toWireUser(ctx.world, caller.person) };
  });
}
