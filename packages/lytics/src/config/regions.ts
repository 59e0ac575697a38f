// The Lytics Management API is a Contentstack-hosted API, so its host per region lives in the one
// region table of the HTTP core, beside every other Contentstack host: one region setting can
// never send the Contentstack client to one region and the Lytics client to another. Reading it
// from the core keeps the Contentstack Management SDK out of this package's module graph.
import { isRegionName, REGION_IDS, REGIONS, regionFromLocation } from "@lytics-access/http";
import { z } from "zod";

/**
 * The Lytics v2 user API base. It is one global host: Lytics does not shard its own API by
 * Contentstack region.
 */
export const LYTICS_USER_API_BASE_URL = "https://api.lytics.io";

/** A region in any spelling Contentstack tools use (`NA`, `azure-na`, `AWS-EU`, `gcp_eu`, `us`). */
export const lyticsRegionSchema = z
  .string()
  .refine(isRegionName, { error: `unknown region: expected one of ${REGION_IDS.join(", ")}` })
  .transform(regionFromLocation);

/** The Lytics Management API origin of a region (paths sit at the root, no `/v1`). */
export function lyticsManagementHostOf(region: z.output<typeof lyticsRegionSchema>): string {
  return REGIONS[region].lyticsManagementUrl;
}
