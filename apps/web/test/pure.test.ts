import { describe, expect, it } from "vitest";

import { WebEnvError, parseWebEnv } from "../src/env";
import { readHandoffMessage } from "../src/lib/client/handoff-message";
import { contentSecurityPolicy, frameAncestorsFor } from "../src/lib/frame-ancestors";
import { authorize } from "../src/lib/server/authorize";

const CODE = "A".repeat(43);
const popup = {};

describe("handoff message", () => {
  it("takes a code only from our origin and our popup", () => {
    const ok = {
      origin: "http://localhost:3000",
      source: popup,
      data: { type: "la-oauth-handoff", code: CODE },
    };
    expect(readHandoffMessage(ok as never, "http://localhost:3000", popup)).toBe(CODE);
    expect(
      readHandoffMessage(
        { ...ok, origin: "http://127.0.0.1:4010" } as never,
        "http://localhost:3000",
        popup,
      ),
    ).toBeNull();
    expect(
      readHandoffMessage({ ...ok, source: {} } as never, "http://localhost:3000", popup),
    ).toBeNull();
    expect(
      readHandoffMessage(
        { ...ok, data: { type: "x", code: CODE } } as never,
        "http://localhost:3000",
        popup,
      ),
    ).toBeNull();
    expect(
      readHandoffMessage(
        { ...ok, data: { type: "la-oauth-handoff", code: "<script>" } } as never,
        "http://localhost:3000",
        popup,
      ),
    ).toBeNull();
  });
});

describe("frame-ancestors", () => {
  it("allows the region's app host, plus the emulator override", () => {
    expect(frameAncestorsFor("EU", undefined)).toEqual(["https://eu-app.contentstack.com"]);
    expect(contentSecurityPolicy(frameAncestorsFor("NA", "http://127.0.0.1:4010/"))).toBe(
      "frame-ancestors https://app.contentstack.com http://127.0.0.1:4010",
    );
  });
});

describe("env", () => {
  it("names every missing setting and never echoes a value", () => {
    try {
      parseWebEnv({ REDIS_URL: "http://x", STORE_KEYRING: "" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WebEnvError);
      const message = (error as Error).message;
      expect(message).toMatch(/REDIS_URL/);
      expect(message).toMatch(/STORE_KEYRING/);
      expect(message).toMatch(/CONTENTSTACK_APP_UID/);
    }
  });
});

describe("authorize", () => {
  it("answers with the permissions package's decision", () => {
    expect(authorize({ role: "admin" }, "sync.connect")).toMatchObject({
      allowed: true,
      rule: "project.precedence.org-admin",
    });
    expect(authorize({ role: "guest" }, "sync.connect")).toMatchObject({
      allowed: false,
      rule: "org.settings.org-admin-only",
    });
    expect(authorize(null, "project.list")).toMatchObject({
      allowed: false,
      rule: "project.not-in-org",
    });
  });
});
