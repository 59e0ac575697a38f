// The seven Contentstack regions and every host this project talks to in each of them
// (api-notes Part B §7). This table is the only place a real Contentstack or Lytics Management
// API host is written down. It lives in the HTTP core, beside nothing heavy, so the Lytics client
// reads it without loading the Contentstack Management SDK, and one region setting can never send
// the two clients to different regions.

export const REGION_IDS = ["NA", "EU", "AU", "AZURE_NA", "AZURE_EU", "GCP_NA", "GCP_EU"] as const;

/** A region as the OAuth callback `location` and the App SDK name it. */
export type RegionId = (typeof REGION_IDS)[number];

/** The region names `@contentstack/management`'s `region` option accepts. */
export type ManagementSdkRegion =
  "na" | "eu" | "au" | "azure_na" | "azure_eu" | "gcp_na" | "gcp_eu";

export interface RegionHosts {
  readonly id: RegionId;
  /** Human label, for configuration errors and logs. */
  readonly label: string;
  /** CMA / Administration API origin (paths start with `/v3`). */
  readonly apiUrl: string;
  /** App UI origin: OAuth authorize page, `/apps-api/token`, `/.well-known/public-keys.json`. */
  readonly appUrl: string;
  /** Developer Hub API origin: `/manifests/{app_uid}/authorizations`. */
  readonly developerHubUrl: string;
  /** Lytics Management API origin (projects, collaborators, roles; no path prefix). */
  readonly lyticsManagementUrl: string;
  readonly managementSdkRegion: ManagementSdkRegion;
}

function regionHosts(
  id: RegionId,
  label: string,
  prefix: string,
  sdk: ManagementSdkRegion,
): RegionHosts {
  return {
    id,
    label,
    // NA is the one region whose CMA host ends in `.io` (api-notes Part B §7).
    apiUrl: prefix === "" ? "https://api.contentstack.io" : `https://${prefix}api.contentstack.com`,
    appUrl: `https://${prefix}app.contentstack.com`,
    developerHubUrl: `https://${prefix}developerhub-api.contentstack.com`,
    lyticsManagementUrl: `https://${prefix}lytics-api.contentstack.com`,
    managementSdkRegion: sdk,
  };
}

export const REGIONS: Readonly<Record<RegionId, RegionHosts>> = Object.freeze({
  NA: regionHosts("NA", "AWS North America", "", "na"),
  EU: regionHosts("EU", "AWS Europe", "eu-", "eu"),
  AU: regionHosts("AU", "AWS Australia", "au-", "au"),
  AZURE_NA: regionHosts("AZURE_NA", "Azure North America", "azure-na-", "azure_na"),
  AZURE_EU: regionHosts("AZURE_EU", "Azure Europe", "azure-eu-", "azure_eu"),
  GCP_NA: regionHosts("GCP_NA", "GCP North America", "gcp-na-", "gcp_na"),
  GCP_EU: regionHosts("GCP_EU", "GCP Europe", "gcp-eu-", "gcp_eu"),
});

// Other spellings seen in the wild: the Management SDK's lowercase ids, the CLI's `AWS-NA` style
// and `@contentstack/utils` aliases such as `us`.
const REGION_ALIASES: Readonly<Record<string, RegionId>> = {
  US: "NA",
  AWS_NA: "NA",
  AWS_EU: "EU",
  AWS_AU: "AU",
};

/** True when `value` names a region in any accepted spelling. */
export function isRegionName(value: string): boolean {
  return normaliseRegionName(value) !== undefined;
}

function normaliseRegionName(value: string): RegionId | undefined {
  const upper = value.trim().toUpperCase().replaceAll("-", "_");
  if ((REGION_IDS as readonly string[]).includes(upper)) return upper as RegionId;
  return REGION_ALIASES[upper];
}

/**
 * Maps the OAuth callback's `location` (NA, EU, AU, AZURE_NA, ...) or any other accepted spelling
 * (`azure-na`, `gcp_eu`, `AWS-EU`) to a region id. Throws on anything else, because guessing a
 * region would send tokens to the wrong host.
 */
export function regionFromLocation(location: string): RegionId {
  const region = normaliseRegionName(location);
  if (region === undefined) {
    throw new RangeError(
      `Unknown Contentstack region "${location}"; expected one of ${REGION_IDS.join(", ")}`,
    );
  }
  return region;
}

/** The region name `@contentstack/management` expects for a region id. */
export function toManagementSdkRegion(region: RegionId): ManagementSdkRegion {
  return REGIONS[region].managementSdkRegion;
}
