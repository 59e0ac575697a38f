import {
  REGIONS,
  baseUrlSchema as baseUrl,
  isRegionName,
  regionFromLocation,
  type RegionId,
} from "@lytics-access/http";
import { z } from "zod";
import { ContentstackConfigError } from "../errors/config-error";

/** Where the client sends its calls: one region, optionally with per-service base-URL overrides. */
export const endpointsConfigSchema = z.object({
  /**
   * Region that picks every host, in any spelling the callback `location` or the SDKs use.
   * @defaultValue "NA"
   */
  region: z
    .string()
    .refine(isRegionName, {
      error: "must be one of NA, EU, AU, AZURE_NA, AZURE_EU, GCP_NA, GCP_EU",
    })
    .transform((value) => regionFromLocation(value))
    .default("NA"),
  /** CMA origin override, e.g. the emulator's `http://127.0.0.1:4010` (no `/v3`). @defaultValue the region's CMA host */
  apiUrl: baseUrl.optional(),
  /** App/OAuth origin override (authorize page, token endpoint, public keys). @defaultValue the region's app host */
  appUrl: baseUrl.optional(),
  /** Developer Hub API origin override (authorization revocation). @defaultValue the region's Developer Hub host */
  developerHubUrl: baseUrl.optional(),
  /** Lytics Management API origin override. @defaultValue the region's Lytics Management API host */
  lyticsManagementUrl: baseUrl.optional(),
});

export type EndpointsConfig = z.input<typeof endpointsConfigSchema>;

/** Fully resolved origins, without trailing slashes. */
export interface ContentstackEndpoints {
  readonly region: RegionId;
  readonly apiUrl: string;
  readonly appUrl: string;
  readonly developerHubUrl: string;
  readonly lyticsManagementUrl: string;
}

/** Formats zod issues as one line per setting, for configuration errors people read at start-up. */
export function describeIssues(error: z.ZodError, prefix = ""): string[] {
  return error.issues.map((issue) => {
    const path =
      issue.path.length > 0
        ? `${prefix}${issue.path.join(".")}`
        : prefix.replace(/\.$/, "") || "(root)";
    return `${path}: ${issue.message}`;
  });
}

/**
 * Resolves the base URL of every Contentstack service (and the Lytics Management API) for a
 * region, applying overrides. The emulators are chosen only through overrides (DESIGN §6).
 * @throws ContentstackConfigError naming each bad setting
 */
export function resolveEndpoints(config: EndpointsConfig = {}): ContentstackEndpoints {
  const parsed = endpointsConfigSchema.safeParse(config);
  if (!parsed.success) throw new ContentstackConfigError(describeIssues(parsed.error));
  const { region, apiUrl, appUrl, developerHubUrl, lyticsManagementUrl } = parsed.data;
  const hosts = REGIONS[region];
  return Object.freeze({
    region,
    apiUrl: apiUrl ?? hosts.apiUrl,
    appUrl: appUrl ?? hosts.appUrl,
    developerHubUrl: developerHubUrl ?? hosts.developerHubUrl,
    lyticsManagementUrl: lyticsManagementUrl ?? hosts.lyticsManagementUrl,
  });
}

/** True when a base URL is plain http (an emulator on loopback); OAuth needs to be told. */
export function isInsecureLoopback(url: string): boolean {
  return new URL(url).protocol === "http:";
}
