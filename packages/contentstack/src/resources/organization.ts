import { parseWire } from "../wire/parse-wire";
import { wireOrganizationSchema, type WireOrganization } from "../wire/wire-organization";
import { sdkData } from "../sdk/management-sdk";
import { viaSdk, type ResourceContext } from "./context";

/** Request budget features from `include_plan=true` (the CLI reads the same ones). */
export interface PlanRateLimits {
  /** GET requests per second. */
  readonly getLimit: number | undefined;
  /** Write requests per second. */
  readonly limit: number | undefined;
  readonly bulkLimit: number | undefined;
}

export interface Organization {
  readonly uid: string;
  readonly name: string;
  /** The Owner: not a role in the roles list, only this field (api-notes Part B §3.2). */
  readonly ownerUid: string;
  readonly enabled: boolean | undefined;
  readonly rateLimits: PlanRateLimits | undefined;
}

export function toOrganization(wire: WireOrganization): Organization {
  const features = wire.plan?.features;
  const limitOf = (uid: string) => features?.find((feature) => feature.uid === uid)?.limit;
  return {
    uid: wire.uid,
    name: wire.name,
    ownerUid: wire.owner_uid,
    enabled: wire.enabled,
    rateLimits: features
      ? { getLimit: limitOf("getLimit"), limit: limitOf("limit"), bulkLimit: limitOf("bulkLimit") }
      : undefined,
  };
}

/** `GET /v3/organizations/{uid}` through the Management SDK's `organization(uid).fetch()`. */
export async function getOrganization(
  context: ResourceContext,
  options: { includePlan?: boolean } = {},
): Promise<Organization> {
  const operation = "GET /v3/organizations/{uid}";
  const params = options.includePlan ? { include_plan: true } : undefined;
  const raw = await viaSdk(operation, () =>
    context.sdk.organization(context.organizationUid).fetch(params),
  );
  const organization = toOrganization(parseWire(wireOrganizationSchema, sdkData(raw), operation));
  return organization;
}
