import { describe, expect, it } from "vitest";
import { InsecureUrlError, baseUrlSchema, checkBaseUrl, isLoopbackHost } from "../src/index";

describe("base-URL rule: https, or http to loopback only", () => {
  it.each([
    ["https://api.contentstack.io", "https://api.contentstack.io"],
    ["https://eu-lytics-api.contentstack.com/", "https://eu-lytics-api.contentstack.com"],
    ["http://127.0.0.1:4010", "http://127.0.0.1:4010"],
    ["http://127.8.9.10:4010/", "http://127.8.9.10:4010"],
    ["http://localhost:4020", "http://localhost:4020"],
    ["http://[::1]:4020", "http://[::1]:4020"],
  ])("accepts %s", (value, expected) => {
    expect(checkBaseUrl(value)).toBe(expected);
    expect(baseUrlSchema.parse(value)).toBe(expected);
  });

  it.each([
    ["http://api.lytics.io", /must use https/],
    ["http://10.0.0.5:4020", /must use https/],
    ["http://128.0.0.1", /must use https/],
    ["http://localhost.evil.example", /must use https/],
    ["http://127.0.0.1.evil.example", /must use https/],
    // RFC 6761 asks resolvers to keep *.localhost on loopback, but Node's lookup goes to whatever
    // DNS the machine has: a name is only loopback when it cannot be resolved elsewhere.
    ["http://app.localhost:4020", /must use https/],
    ["http://localhost.:4020", /must use https/],
    ["https://user:pw@api.lytics.io", /user info/],
    ["https://api.lytics.io/?x=1", /query or fragment/],
    ["ftp://127.0.0.1", /http\(s\)/],
    ["not a url", /absolute URL/],
  ])("refuses %s", (value, message) => {
    expect(() => checkBaseUrl(value, "apiUrl")).toThrow(InsecureUrlError);
    expect(() => checkBaseUrl(value, "apiUrl")).toThrow(message);
    expect(baseUrlSchema.safeParse(value).success).toBe(false);
  });

  it("knows loopback hosts", () => {
    expect(
      ["127.0.0.1", "127.255.255.254", "localhost", "::1", "[::1]"].map(isLoopbackHost),
    ).toEqual([true, true, true, true, true]);
    expect(["0.0.0.0", "127.0.0.256", "example.com", "::2"].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
