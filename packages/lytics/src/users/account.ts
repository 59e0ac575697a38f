// `GET /v2/account/{aid}?roles=true`: the roles an account really offers (api-notes Part A §2.4).
import { InvalidResponseError } from "@lytics-access/http";
import type { LyticsHttp } from "../http/request";
import { wireAccountResponseSchema, type WireRolePolicy } from "../wire/v2";

/** One entry of an account's `roles_available`. */
export interface AvailableRole {
  slug: string;
  name: string | null;
  description: string | null;
  /** `composite`, `base` or `additional` on the live service. */
  type: string | null;
  /** Only these may be given to users. */
  canBeAssigned: boolean;
  canBeShown: boolean;
}

export function toAvailableRole(wire: WireRolePolicy): AvailableRole {
  return {
    slug: wire.slug,
    name: wire.name ?? null,
    description: wire.description ?? null,
    type: wire.type ?? null,
    // Lytics omits false booleans in some payloads; a role not marked assignable is not offered.
    canBeAssigned: wire.can_be_assigned === true,
    canBeShown: wire.can_be_shown === true,
  };
}

/** The account's `roles_available`, or `null` when the account reports none. */
export async function getRolesAvailable(
  http: LyticsHttp,
  aid: number,
): Promise<AvailableRole[] | null> {
  const route = "/v2/account/:aid";
  const { status, data } = await http({
    method: "GET",
    route,
    path: `/v2/account/${aid}`,
    query: { roles: "true" },
    policy: "idempotent",
    expect: [200],
    schema: wireAccountResponseSchema,
  });
  // A token that reaches several accounts must not let us read another account's roles.
  if (data.data.aid !== aid) {
    throw new InvalidResponseError(
      `GET ${route}: asked for account ${aid}, got account ${data.data.aid}`,
      {
        api: "lytics-v2",
        operation: `GET ${route}`,
        status,
        reason: "schema",
      },
    );
  }
  const roles = data.data.roles_available;
  return roles ? roles.map(toAvailableRole) : null;
}
