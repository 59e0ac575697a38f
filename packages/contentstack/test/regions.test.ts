import { describe, expect, it } from "vitest";
import {
  ContentstackConfigError,
  REGION_IDS,
  REGIONS,
  regionFromLocation,
  resolveEndpoints,
  toManagementSdkRegion,
} from "../src/index";
import { managementSdkRouting } from "../src/sdk/management-sdk";

describe("region table", () => {
  it("has the seven regions with the documented hosts", () => {
    expect(REGION_IDS).toEqual(["NA", "EU", "AU", "AZURE_NA", "AZURE_EU", "GCP_NA", "GCP_EU"]);
    expect(REGIONS.NA).toMatchObject({
      apiUrl: "https://api.contentstack.io",
      appUrl: "https://app.contentstack.com",
      developerHubUrl: "https://developerhub-api.contentstack.com",
      lyticsManagementUrl: "https://lytics-api.contentstack.com",
    });
    expect(REGIONS.EU.apiUrl).toBe("https://eu-api.contentstack.com");
    expect(REGIONS.AU.appUrl).toBe("https://au-app.contentstack.com");
    expect(REGIONS.AZURE_NA.developerHubUrl).toBe(
      "https://azure-na-developerhub-api.contentstack.com",
    );
    expect(REGIONS.AZURE_EU.lyticsManagementUrl).toBe(
      "https://azure-eu-lytics-api.contentstack.com",
    );
    expect(REGIONS.GCP_NA.apiUrl).toBe("https://gcp-na-api.contentstack.com");
    expect(REGIONS.GCP_EU.appUrl).toBe("https://gcp-eu-app.contentstack.com");
    // Only NA's CMA host ends in .io.
    for (const id of REGION_IDS.filter((region) => region !== "NA"))
      expect(REGIONS[id].apiUrl).toMatch(/\.contentstack\.com$/);
  });

  it("maps callback locations and other spellings to regions", () => {
    expect(regionFromLocation("AZURE_NA")).toBe("AZURE_NA");
    expect(regionFromLocation("gcp-eu")).toBe("GCP_EU");
    expect(regionFromLocation("AWS-EU")).toBe("EU");
    expect(regionFromLocation("us")).toBe("NA");
    expect(() => regionFromLocation("MARS")).toThrow(/Unknown Contentstack region "MARS"/);
  });

  it("gives the Management SDK's lowercase names", () => {
    expect(toManagementSdkRegion("AZURE_EU")).toBe("azure_eu");
    expect(toManagementSdkRegion("NA")).toBe("na");
  });
});

describe("resolveEndpoints", () => {
  it("picks every host from one region setting", () => {
    expect(resolveEndpoints({ region: "EU" })).toEqual({
      region: "EU",
      apiUrl: "https://eu-api.contentstack.com",
      appUrl: "https://eu-app.contentstack.com",
      developerHubUrl: "https://eu-developerhub-api.contentstack.com",
      lyticsManagementUrl: "https://eu-lytics-api.contentstack.com",
    });
    expect(resolveEndpoints().region).toBe("NA");
  });

  it("applies base-URL overrides for loopback emulators and trims trailing slashes", () => {
    const endpoints = resolveEndpoints({
      region: "GCP_NA",
      apiUrl: "http://127.0.0.1:4010/",
      appUrl: "http://localhost:4010",
    });
    expect(endpoints.apiUrl).toBe("http://127.0.0.1:4010");
    expect(endpoints.appUrl).toBe("http://localhost:4010");
    expect(endpoints.developerHubUrl).toBe("https://gcp-na-developerhub-api.contentstack.com");
  });

  it("refuses plain http off loopback, unknown regions and junk, naming each setting", () => {
    try {
      resolveEndpoints({ region: "MOON", apiUrl: "http://example.com", appUrl: "not a url" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentstackConfigError);
      const issues = (error as ContentstackConfigError).issues.join("\n");
      expect(issues).toMatch(/region: must be one of/);
      expect(issues).toMatch(/apiUrl: must use https \(plain http only to a loopback host/);
      expect(issues).toMatch(/appUrl: must be an absolute/);
      expect((error as ContentstackConfigError).code).toBe("CONTENTSTACK_CONFIG_INVALID");
    }
  });
});

describe("Management SDK routing", () => {
  it("passes a bare host for real regions and an endpoint for http emulators", () => {
    expect(managementSdkRouting("https://eu-api.contentstack.com")).toEqual({
      host: "eu-api.contentstack.com",
    });
    expect(managementSdkRouting("http://127.0.0.1:4010")).toEqual({
      endpoint: "http://127.0.0.1:4010/v3",
    });
  });
});
