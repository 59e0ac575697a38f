import { describe, expect, it } from "vitest";

import { InvalidInputError } from "../errors/invalid-input-error";
import { resolveManagementBaseUrl, resolveUserApiBaseUrl } from "./endpoints";
import { LYTICS_MANAGEMENT_API_HOSTS, LYTICS_REGIONS, parseLyticsRegion } from "./regions";

describe("region table", () => {
  it("has a host for every region, all under contentstack.com", () => {
    expect(LYTICS_REGIONS).toHaveLength(7);
    for (const region of LYTICS_REGIONS) {
      expect(LYTICS_MANAGEMENT_API_HOSTS[region]).toMatch(
        /^https:\/\/([a-z-]+-)?lytics-api\.contentstack\.com$/,
      );
    }
    expect(LYTICS_MANAGEMENT_API_HOSTS.na).toBe("https://lytics-api.contentstack.com");
    expect(LYTICS_MANAGEMENT_API_HOSTS.eu).toBe("https://eu-lytics-api.contentstack.com");
    expect(LYTICS_MANAGEMENT_API_HOSTS.au).toBe("https://au-lytics-api.contentstack.com");
    expect(LYTICS_MANAGEMENT_API_HOSTS.azure_na).toBe(
      "https://azure-na-lytics-api.contentstack.com",
    );
    expect(LYTICS_MANAGEMENT_API_HOSTS.gcp_eu).toBe("https://gcp-eu-lytics-api.contentstack.com");
  });

  it.each([
    ["NA", "na"],
    ["AWS-NA", "na"],
    ["us", "na"],
    ["AZURE_EU", "azure_eu"],
    ["azure-na", "azure_na"],
    ["GCP-EU", "gcp_eu"],
    [" au ", "au"],
  ])("reads %s as %s", (input, expected) => {
    expect(parseLyticsRegion(input)).toBe(expected);
  });

  it("refuses an unknown region", () => {
    expect(() => parseLyticsRegion("mars")).toThrow(/unknown region/);
  });
});

describe("endpoint resolution", () => {
  it("picks the region host, and an override wins over the region", () => {
    expect(resolveManagementBaseUrl({ region: "EU" })).toBe(
      "https://eu-lytics-api.contentstack.com",
    );
    expect(resolveManagementBaseUrl({ region: "EU", baseUrl: "http://localhost:4020/" })).toBe(
      "http://localhost:4020",
    );
  });

  it("refuses a missing endpoint, a bad region and a malformed or non-http URL", () => {
    expect(() => resolveManagementBaseUrl({})).toThrow(InvalidInputError);
    expect(() => resolveManagementBaseUrl({ region: "mars" })).toThrow(InvalidInputError);
    expect(() => resolveManagementBaseUrl({ baseUrl: "not a url" })).toThrow(InvalidInputError);
    expect(() => resolveManagementBaseUrl({ baseUrl: "ftp://example.test" })).toThrow(
      InvalidInputError,
    );
    expect(() => resolveUserApiBaseUrl("http://localhost:1/?x=1")).toThrow(/query or fragment/);
  });

  it("defaults the v2 API to api.lytics.io", () => {
    expect(resolveUserApiBaseUrl()).toBe("https://api.lytics.io");
    expect(resolveUserApiBaseUrl("http://127.0.0.1:9/base/")).toBe("http://127.0.0.1:9/base");
  });
});
