import { describe, expect, it } from "vitest";

import { resolveManagementBaseUrl, resolveUserApiBaseUrl } from "./endpoints";
import { InvalidInputError } from "../errors/invalid-input-error";

describe("Lytics endpoints", () => {
  it.each([
    ["NA", "https://lytics-api.contentstack.com"],
    ["AWS-NA", "https://lytics-api.contentstack.com"],
    ["us", "https://lytics-api.contentstack.com"],
    ["eu", "https://eu-lytics-api.contentstack.com"],
    [" au ", "https://au-lytics-api.contentstack.com"],
    ["azure-na", "https://azure-na-lytics-api.contentstack.com"],
    ["AZURE_EU", "https://azure-eu-lytics-api.contentstack.com"],
    ["gcp_na", "https://gcp-na-lytics-api.contentstack.com"],
    ["GCP-EU", "https://gcp-eu-lytics-api.contentstack.com"],
  ])("sends region %s to %s", (region, host) => {
    expect(resolveManagementBaseUrl({ region })).toBe(host);
  });

  it("refuses an unknown region before any call, naming the valid ones", () => {
    expect(() => resolveManagementBaseUrl({ region: "mars" })).toThrow(InvalidInputError);
    expect(() => resolveManagementBaseUrl({ region: "mars" })).toThrow(
      /unknown region: expected one of NA, EU/,
    );
  });

  it("lets a base URL override the region, as the emulator needs", () => {
    expect(resolveManagementBaseUrl({ region: "EU", baseUrl: "http://localhost:4020/" })).toBe(
      "http://localhost:4020",
    );
  });

  it("uses Lytics' one global v2 host unless told otherwise", () => {
    expect(resolveUserApiBaseUrl()).toBe("https://api.lytics.io");
    expect(resolveUserApiBaseUrl("http://localhost:4020")).toBe("http://localhost:4020");
  });
});
