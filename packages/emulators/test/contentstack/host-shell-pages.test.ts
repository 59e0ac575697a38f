// The host shell's server-rendered pages over HTTP: sign-in, organization switching, the Data
// Activation Layer settings, escaping, and the apiAdapter endpoint's limits.
import { useFreshEmulator } from "@lytics-access/emulators/testing";
import { describe, expect, it } from "vitest";

import { loadFixture } from "../../src/fixtures/load-fixture";
import {
  ACME,
  ADMIN,
  APP,
  BrowserSession,
  GLOBEX,
  MEMBER,
  startEmulator,
  type Emulator,
} from "./helpers";

let emulator: Emulator;
useFreshEmulator(
  () => startEmulator({ rateLimit: false }),
  (started) => (emulator = started),
);

describe("host shell pages", () => {
  it("sends signed-out visitors to sign-in and refuses open redirects after it", async () => {
    const browser = new BrowserSession(emulator);
    const page = await browser.request(`/organizations/${ACME}/apps/${APP.app_uid}`);
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toMatch(/^\/login\?return_to=/);
    for (const returnTo of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
      const signedIn = await browser.request("/login", {
        form: { user_uid: MEMBER, return_to: returnTo },
      });
      expect(signedIn.headers.get("location"), returnTo).toBe("/");
    }
    expect(
      (await browser.request("/login", { form: { user_uid: "blt_user_nobody" } })).status,
    ).toBe(400);
  });

  it("sends sign-in back only to same-origin paths, whatever the return_to holds", async () => {
    const origin = new URL(emulator.url).origin;
    const port = new URL(emulator.url).port;
    const offSite = [
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "\t//evil.example",
      " //evil.example",
      "/\\/evil.example",
      "/.//evil.example",
      "/./\\evil.example",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      `http://localhost:${port}/`,
      `http://127.0.0.1:${Number(port) === 65_535 ? 1 : Number(port) + 1}/`,
      "http://127.0.0.1@evil.example/",
    ];
    const browser = new BrowserSession(emulator);
    for (const returnTo of offSite) {
      const signedIn = await browser.request("/login", {
        form: { user_uid: MEMBER, return_to: returnTo },
      });
      expect(signedIn.status, JSON.stringify(returnTo)).toBe(303);
      expect(signedIn.headers.get("location"), JSON.stringify(returnTo)).toBe("/");
      const page = await browser.request(`/login?return_to=${encodeURIComponent(returnTo)}`);
      expect(page.status, JSON.stringify(returnTo)).toBe(200);
      expect(await page.text(), JSON.stringify(returnTo)).toContain('name="return_to" value="/"');
    }
    // Same-origin targets survive, normalised to a path the browser cannot read as another host.
    const sameOrigin: Array<[string, string]> = [
      ["/organizations/x/apps/y?tab=1#top", "/organizations/x/apps/y?tab=1#top"],
      [`${emulator.url}/apps/app_1/authorize?a=b`, "/apps/app_1/authorize?a=b"],
      ["/%09/evil.example", "/%09/evil.example"],
      // A vertical tab is not stripped like a tab: it stays in the path, percent-encoded (it
      // used to reach the Location header raw, and the server answered 500).
      ["/\v/evil.example", "/%0B/evil.example"],
      // A browser reads a scheme-relative "http:host" as a path on the current origin.
      ["http:evil.example", "/evil.example"],
    ];
    for (const [returnTo, expected] of sameOrigin) {
      const signedIn = await browser.request("/login", {
        form: { user_uid: MEMBER, return_to: returnTo },
      });
      const location = signedIn.headers.get("location") ?? "";
      expect(location, returnTo).toBe(expected);
      expect(new URL(location, emulator.url).origin).toBe(origin);
    }
  });

  it("shows the org switcher only to people in several organizations, and 403s other organizations", async () => {
    const admin = new BrowserSession(emulator);
    await admin.signInAs(ADMIN);
    const adminPage = await (
      await admin.request(`/organizations/${ACME}/data-activation-layer`)
    ).text();
    expect(adminPage).toContain('data-testid="org-switcher"');
    expect(adminPage).toContain(`data-org-uid="${GLOBEX}"`);
    const member = new BrowserSession(emulator);
    await member.signInAs(MEMBER);
    const memberPage = await (
      await member.request(`/organizations/${ACME}/data-activation-layer`)
    ).text();
    expect(memberPage).not.toContain('data-testid="org-switcher"');
    expect((await member.request(`/organizations/${GLOBEX}/data-activation-layer`)).status).toBe(
      403,
    );
  });

  it("lets an Owner/Admin create the Data Activation Layer and tells a Member who can", async () => {
    const member = new BrowserSession(emulator);
    await member.signInAs(ADMIN); // a plain Member of Globex
    const memberPage = await (
      await member.request(`/organizations/${GLOBEX}/data-activation-layer`)
    ).text();
    expect(memberPage).toContain("no Data Activation Layer yet");
    expect(memberPage).toContain("Only an organization Owner or Admin can create");
    expect(memberPage).not.toContain("New DAL Configuration");
    const refused = await member.request(`/organizations/${GLOBEX}/data-activation-layer`, {
      form: { title: "x", domain: "x.test", accept_terms: "on" },
    });
    expect(refused.status).toBe(403);

    const owner = new BrowserSession(emulator);
    await owner.signInAs("blt_user_gina");
    const form = await (
      await owner.request(`/organizations/${GLOBEX}/data-activation-layer`)
    ).text();
    expect(form).toContain("New DAL Configuration");
    const created = await owner.request(`/organizations/${GLOBEX}/data-activation-layer`, {
      form: { title: "Globex DAL", domain: "globex.test", accept_terms: "on" },
    });
    expect(created.status).toBe(303);
    const after = await (
      await owner.request(`/organizations/${GLOBEX}/data-activation-layer`)
    ).text();
    expect(after).toContain("Globex DAL");
    const api = await fetch(`${emulator.url}/v3/organizations/${GLOBEX}/data_activation_layer`, {
      headers: { authtoken: owner.cookie("cs_authtoken") ?? "" },
    });
    expect(
      ((await api.json()) as { data_activation_layer: { created_by: string } })
        .data_activation_layer.created_by,
    ).toBe("blt_user_gina");
  });

  it("escapes every interpolated value", async () => {
    const fixture = loadFixture();
    const org = fixture.organizations[0];
    if (!org) throw new Error("fixture has no organization");
    org.name = `<script>alert("x")</script> & Co`;
    const hostile = await startEmulator({ fixture });
    try {
      const browser = new BrowserSession(hostile);
      await browser.signInAs(MEMBER);
      const page = await (
        await browser.request(`/organizations/${ACME}/apps/${APP.app_uid}`)
      ).text();
      expect(page).not.toContain(`<script>alert("x")</script>`);
      expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
      // Inside the JSON config block, `<` is escaped so the block cannot be closed early.
      expect(page).toContain("\\u003cscript>alert");
    } finally {
      await hostile.close();
    }
  });

  it("runs apiAdapter calls with the session, only on /v3 paths, and only from the shell", async () => {
    const browser = new BrowserSession(emulator);
    await browser.signInAs(MEMBER);
    const call = (request: unknown, headers: Record<string, string> = { "x-host-shell": "1" }) =>
      fetch(`${emulator.url}/host-shell/api-adapter`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: `cs_authtoken=${browser.cookie("cs_authtoken") ?? ""}`,
          ...headers,
        },
        body: JSON.stringify({ organization_uid: ACME, request }),
      });
    const user = (await (
      await call({
        baseURL: "https://eu-api.contentstack.com:443/v3",
        url: "/user",
        method: "get",
        params: {},
      })
    ).json()) as {
      status: number;
      data: { user: { uid: string } };
    };
    expect(user.status).toBe(200);
    expect(user.data.user.uid).toBe(MEMBER);
    const forbidden = (await (
      await call({ baseURL: emulator.url, url: `/v3/organizations/${ACME}/share`, method: "get" })
    ).json()) as { status: number };
    expect(forbidden.status).toBe(403);
    const outside = (await (
      await call({ url: `${emulator.url}/_emulator/reset`, method: "post" })
    ).json()) as { status: number };
    expect(outside.status).toBe(404);
    expect((await call({ url: "/v3/user" }, {})).status).toBe(403);
  });
});
