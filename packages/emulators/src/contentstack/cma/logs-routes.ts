import type { FastifyInstance } from "fastify";
import { z } from "zod";

import type { EmulatorContext } from "../context";
import { newestFirst, toWireAuditEntry } from "../state/audit-log";
import { authorizeOrgCall } from "./cma-caller";
import { listQuerySchema, page, parseCma } from "./cma-input";

/** The documented first page size of the organization logs. */
export const LOGS_DEFAULT_LIMIT = 25;

const orgParams = z.object({ org_uid: z.string().min(1) });

/**
 * `GET /v3/organizations/{uid}/logs`: `{logs:[items]}`, newest first, `skip`/`limit` (25 by
 * default), `count` with `include_count=true`. Owner/Admin only.
 */
export function registerLogsRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get("/v3/organizations/:org_uid/logs", async (request) => {
    const { org_uid } = parseCma(orgParams, request.params, "path");
    const query = parseCma(listQuerySchema(LOGS_DEFAULT_LIMIT), request.query, "query");
    const { org } = authorizeOrgCall(ctx, request, org_uid, { adminOnly: true });
    const entries = newestFirst(org.audit);
    return {
      logs: page(entries, query).map(toWireAuditEntry),
      ...(query.include_count ? { count: entries.length } : {}),
    };
  });
}
