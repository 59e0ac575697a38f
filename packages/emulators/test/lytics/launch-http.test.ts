// The launch endpoints at HTTP level: what /auth/contentstack/start sends the browser, and every
// refusal of /auth/contentstack/callback (state, code), with no user input ever becoming a redirect.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RunningEmulators } from "../../src/start-emulators";
import { startBoth } from "./support/both-emulators";

let emulators: RunningEmulators;

beforeAll(async () => {
  emulators = await startBoth();
});
afterAll(async () => emulators.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(new URL(path, emulators.lytics.url), { headers, redirect: "manual" });

describe("GET /auth/contentstack/start", () => {
  it("redirects to Contentstack's authorize page with state, PKCE S256 and the registered callback", async () => {
    const response = await get("/auth/contentstack/start?organization_uid=blt_org_acme");
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin).toBe(emulators.contentstack.url);
    expect(location.pathname).toBe("/apps/app_lytics_launch/authorize");
    const params = location.searchParams;
    expect(params.get("response_type")).toBe("code");
    expect(params.get("client_id")).toBe("lytics-launch-local");
    expect(params.get("redirect_uri")).toBe(`${emulators.lytics.url}/auth/contentstack/callback`);
    expect(params.get("scope")).toBe("user:read organization:read");
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`lytics_launch_state=${params.get("state")}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("refuses a project that is not the organization's, and a missing organization", async () => {
    expect(
      (
        await get(
          "/auth/contentstack/start?organization_uid=blt_org_globex&project=66ac00000000000000001001",
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await get(
          "/auth/contentstack/start?organization_uid=blt_org_acme&project=https://evil.test",
        )
      ).status,
    ).toBe(400);
    expect((await get("/auth/contentstack/start")).status).toBe(400);
  });
});

describe("GET /auth/contentstack/callback", () => {
  it("refuses a state that does not match the cookie, without redirecting", async () => {
    const start = await get("/auth/contentstack/start?organization_uid=blt_org_acme");
    const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    const forged = await get(`/auth/contentstack/callback?code=abc&state=${state}`, {
      cookie: "lytics_launch_state=other",
    });
    expect(forged.status).toBe(400);
    expect(forged.headers.get("location")).toBeNull();
    expect(await forged.text()).toContain("could not be verified");
  });

  it("refuses a code Contentstack does not know, and a state used twice", async () => {
    const start = await get("/auth/contentstack/start?organization_uid=blt_org_acme");
    const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    const cookie = { cookie: `lytics_launch_state=${state}` };
    const bogus = await get(`/auth/contentstack/callback?code=not-a-code&state=${state}`, cookie);
    expect(bogus.status).toBe(400);
    expect(await bogus.text()).toContain("did not accept the sign-in code");
    const replay = await get(`/auth/contentstack/callback?code=not-a-code&state=${state}`, cookie);
    expect(await replay.text()).toContain("could not be verified");
  });

  it("explains a cancelled authorization", async () => {
    const response = await get("/auth/contentstack/callback?error=access_denied&state=x");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("cancelled");
  });
});

describe("pages", () => {
  it("answers the dashboard without a session with 401 and a way back to Contentstack", async () => {
    const response = await get("/dashboard?project=%3Cscript%3E");
    expect(response.status).toBe(401);
    const body = await response.text();
    expect(body).not.toContain("<script>");
    expect(body).toContain(`href="${emulators.contentstack.url}"`);
  });
});
