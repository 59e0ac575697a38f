import { z } from "zod";

/**
 * The regions Contentstack runs Data & Insights in, named as the Management SDK names them
 * (api-notes Part B §7). The CLI and the App SDK spell them differently (`AWS-NA`, `AZURE_NA`),
 * so {@link parseLyticsRegion} accepts those spellings too.
 */
export const LYTICS_REGIONS = [
  "na",
  "eu",
  "au",
  "azure_na",
  "azure_eu",
  "gcp_na",
  "gcp_eu",
] as const;

/** One of {@link LYTICS_REGIONS}. */
export type LyticsRegion = (typeof LYTICS_REGIONS)[number];

/**
 * The Lytics Management API host per region (api-notes Part A §1.1). The paths sit at the host
 * root: no `/v1`, the version travels in the `x-cs-api-version` header.
 */
export const LYTICS_MANAGEMENT_API_HOSTS: Readonly<Record<LyticsRegion, string>> = Object.freeze({
  na: "https://lytics-api.contentstack.com",
  eu: "https://eu-lytics-api.contentstack.com",
  au: "https://au-lytics-api.contentstack.com",
  azure_na: "https://azure-na-lytics-api.contentstack.com",
  azure_eu: "https://azure-eu-lytics-api.contentstack.com",
  gcp_na: "https://gcp-na-lytics-api.contentstack.com",
  gcp_eu: "https://gcp-eu-lytics-api.contentstack.com",
});

/**
 * The Lytics v2 user API base. It is one global host: Lytics does not shard its own API by
 * Contentstack region.
 */
export const LYTICS_USER_API_BASE_URL = "https://api.lytics.io";

// `AWS-NA`, `aws_na`, `US` and `AZURE-NA` all appear in Contentstack tooling for the same regions.
const REGION_ALIASES: Readonly<Record<string, LyticsRegion>> = {
  us: "na",
  aws_na: "na",
  aws_eu: "eu",
  aws_au: "au",
};

/** Accepts any casing and `-` or `_` separators, plus the `aws-` prefixed names. */
export const lyticsRegionSchema = z
  .string()
  .transform((value) => value.trim().toLowerCase().replaceAll("-", "_"))
  .transform((value) => REGION_ALIASES[value] ?? value)
  .pipe(
    z.enum(LYTICS_REGIONS, {
      error: () => `unknown region: expected one of ${LYTICS_REGIONS.join(", ")}`,
    }),
  );

/**
 * Reads a region name as any Contentstack tool spells it.
 *
 * @throws the zod error when it names no region.
 */
export function parseLyticsRegion(value: string): LyticsRegion {
  return lyticsRegionSchema.parse(value);
}
