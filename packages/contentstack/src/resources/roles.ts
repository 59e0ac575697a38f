import { z } from "zod";
import { parseWire } from "../wire/parse-wire";
import { wireRoleSchema, type WireRole } from "../wire/wire-role";
import { sdkData } from "../sdk/management-sdk";
import { viaSdk, type ResourceContext } from "./context";
import { collectAllPages } from "./pagination";

/** One of the organization's fixed roles (Admin, Member). The Owner is not a role. */
export interface OrgRoleDefinition {
  readonly uid: string;
  readonly name: string;
  readonly description: string | null;
  readonly isAdmin: boolean;
  readonly isDefault: boolean;
  readonly userUids: readonly string[];
}

export function toOrgRoleDefinition(wire: WireRole): OrgRoleDefinition {
  return {
    uid: wire.uid,
    name: wire.name,
    description: wire.description ?? null,
    isAdmin: wire.admin,
    isDefault: wire.default === true,
    userUids: wire.users ?? [],
  };
}

const rolePageSchema = z.object({
  items: z.array(wireRoleSchema),
  count: z.number().int().nonnegative(),
});

/** Every organization role, through the SDK's `organization(uid).roles()`, all pages. */
export async function listOrgRoles(context: ResourceContext): Promise<OrgRoleDefinition[]> {
  const operation = "GET /v3/organizations/{uid}/roles";
  const roles = await collectAllPages(
    async (skip, limit) => {
      const collection = await viaSdk(operation, () =>
        context.sdk
          .organization(context.organizationUid)
          .roles({ skip, limit, include_count: true }),
      );
      return parseWire(
        rolePageSchema,
        { items: (collection.items ?? []).map(sdkData), count: collection.count },
        operation,
      );
    },
    { pageSize: context.pageSize, operation, keyOf: (role) => role.uid },
  );
  return roles.map(toOrgRoleDefinition);
}
