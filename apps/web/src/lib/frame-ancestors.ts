import { REGIONS, isRegionName, regionFromLocation } from "@lytics-access/http";

/**
 * Who may frame the app: the configured region's Contentstack app host (region table in
 * packages/http), plus the emulator's origin when `CONTENTSTACK_APP_URL` overrides it (local mode).
 * Matched by origin, so another port or host name is refused (browser-realism.md §4).
 */
export function frameAncestorsFor(
  region: string | undefined,
  appUrlOverride: string | undefined,
): string[] {
  const id = region && isRegionName(region) ? regionFromLocation(region) : "NA";
  const ancestors = [REGIONS[id].appUrl];
  if (appUrlOverride) {
    const origin = new URL(appUrlOverride).origin;
    if (!ancestors.includes(origin)) ancestors.push(origin);
  }
  return ancestors;
}

export function contentSecurityPolicy(ancestors: readonly string[]): string {
  return `frame-ancestors ${ancestors.join(" ")}`;
}
