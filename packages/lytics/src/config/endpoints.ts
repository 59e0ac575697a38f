import { baseUrlSchema as coreBaseUrlSchema } from "@lytics-access/http";
import { z } from "zod";

import { parseInput } from "../errors/invalid-input-error";
import { LYTICS_USER_API_BASE_URL, lyticsManagementHostOf, lyticsRegionSchema } from "./regions";

// A base URL is an origin plus an optional path prefix, under the core's rule: https, or plain
// http only to a loopback host (the emulators). Query strings and fragments are refused.
const baseUrlSchema = coreBaseUrlSchema;

/** Where the Management API is: a region, or an explicit base URL (the emulator, a proxy). */
export interface ManagementEndpointOptions {
  /** The region whose Lytics Management API host to call. Ignored when `baseUrl` is set. */
  region?: string | undefined;
  /** An explicit base URL; wins over `region`. This is how tests point the client at the emulator. */
  baseUrl?: string | undefined;
}

/**
 * The Management API base URL for a region or an override, without a trailing slash.
 *
 * @throws {@link InvalidInputError} when neither is given or either is malformed.
 */
export function resolveManagementBaseUrl(options: ManagementEndpointOptions): string {
  if (options.baseUrl !== undefined)
    return parseInput(baseUrlSchema, options.baseUrl, "Lytics Management API baseUrl");
  if (options.region === undefined) {
    return parseInput(
      z.never({ error: "give either region or baseUrl" }),
      undefined,
      "Lytics Management API endpoint",
    );
  }
  const region = parseInput(lyticsRegionSchema, options.region, "Lytics region");
  return lyticsManagementHostOf(region);
}

/**
 * The Lytics v2 user API base URL: the override when given, else `https://api.lytics.io`.
 *
 * @throws {@link InvalidInputError} when the override is malformed.
 */
export function resolveUserApiBaseUrl(baseUrl?: string): string {
  if (baseUrl === undefined) return LYTICS_USER_API_BASE_URL;
  return parseInput(baseUrlSchema, baseUrl, "Lytics user API baseUrl");
}
