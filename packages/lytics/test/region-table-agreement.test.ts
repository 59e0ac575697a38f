// Two packages know the Lytics Management API host per region: this one (so a Lytics client can be
// built from a region alone) and @lytics-access/contentstack (one table of every host). Until the
// lead unifies them, this test keeps them from drifting apart.
import { regionFromLocation, REGIONS } from "@lytics-access/contentstack";
import { describe, expect, it } from "vitest";

import { LYTICS_MANAGEMENT_API_HOSTS, LYTICS_REGIONS, parseLyticsRegion } from "../src/index";

describe("region tables", () => {
  it("agree with @lytics-access/contentstack on every region's Lytics Management API host", () => {
    for (const region of LYTICS_REGIONS) {
      const contentstackRegion = regionFromLocation(region);
      expect(REGIONS[contentstackRegion].lyticsManagementUrl).toBe(
        LYTICS_MANAGEMENT_API_HOSTS[region],
      );
      expect(REGIONS[contentstackRegion].managementSdkRegion).toBe(region);
    }
    expect(Object.keys(REGIONS)).toHaveLength(LYTICS_REGIONS.length);
  });

  it("read the OAuth callback's location names the same way", () => {
    for (const location of Object.keys(REGIONS)) {
      expect(parseLyticsRegion(location)).toBe(
        REGIONS[regionFromLocation(location)].managementSdkRegion,
      );
    }
  });
});
