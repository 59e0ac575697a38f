// `GET /v2/account/{aid}[?roles=true]` (api-notes §A2.4): the account, plus `roles_available[]`
// only when asked for.
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import { V2ApiError } from "../errors/v2-api-error";
import type { LyticsContext } from "../lytics-context";
import { rolesAvailable } from "../store/role-catalogue";
import { accountOf, v2Data } from "./v2-api";

const querySchema = z.object({
  roles: z.enum(["true", "false"]).optional(),
  account_id: z.string().optional(),
});

export function registerV2AccountRoutes(app: FastifyInstance, _context: LyticsContext): void {
  app.get<{ Params: { aid: string } }>("/v2/account/:aid", async (request) => {
    const account = accountOf(request);
    const query = querySchema.safeParse(request.query);
    if (!query.success) throw new V2ApiError(400, "BADREQ-001", "roles must be true or false");
    if (request.params.aid !== String(account.aid) && request.params.aid !== account.account_id) {
      throw new V2ApiError(404, "ACCOUNT-NOTFOUND-021", `Account not found: ${request.params.aid}`);
    }
    const data: Record<string, unknown> = {
      aid: account.aid,
      id: account.account_id,
      account_id: account.account_id,
      name: account.name,
      domain: account.domain,
      created: account.created_at,
      updated: account.updated_at,
    };
    if (query.data.roles === "true") data.roles_available = rolesAvailable(account.roles_available);
    return v2Data(data);
  });
}
