// The host shell's server-rendered pages over HTTP: sign-in, organization switching and the role
// shown, the Data Activation Layer settings (Owners and Admins only), error pages for browsers
// and JSON for API clients, the app reachability probe, escaping, and the apiAdapter's limits.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

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
  OWNER,
  startEmulator,
  type Emulator,
} from "./helpers";

const GUEST = "blt_user_gus";

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

  it("lists the person's organizations in the org switcher, shows their role, and 403s other organizations", async () => {
    const admin = new BrowserSession(emulator);
    await admin.signInAs(ADMIN);
    const adminPage = await (await admin.request(`/organizations/${ACME}/info`)).text();
    expect(adminPage).toContain('data-testid="org-switcher"');
    expect(adminPage).toContain(`data-org-uid="${ACME}"`);
    expect(adminPage).toContain(`data-org-uid="${GLOBEX}"`);
    expect(adminPage).toContain('data-testid="org-role">Admin<');
    // The role shown is the one in the organization being looked at: a plain Member of Globex.
    const inGlobex = await (await admin.request(`/organizations/${GLOBEX}/info`)).text();
    expect(inGlobex).toContain('data-testid="org-role">Member<');

    const member = new BrowserSession(emulator);
    await member.signInAs(MEMBER);
    const memberPage = await (await member.request(`/organizations/${ACME}/info`)).text();
    expect(memberPage).toContain('data-testid="org-switcher"');
    expect(memberPage).toContain(`data-org-uid="${ACME}"`);
    expect(memberPage).not.toContain(`data-org-uid="${GLOBEX}"`);
    expect(memberPage).toContain('data-testid="signed-in-as">Mia Member<');
    expect(memberPage).toContain('data-testid="org-role">Member<');
    const refused = await member.request(`/organizations/${GLOBEX}/info`);
    expect(refused.status).toBe(403);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain("not a member of Globex");
    expect(refusedPage).toContain('data-testid="back-link"');

    const owner = new BrowserSession(emulator);
    await owner.signInAs(OWNER);
    expect(await (await owner.request(`/organizations/${ACME}/info`)).text()).toContain(
      'data-testid="org-role">Owner<',
    );
    const guest = new BrowserSession(emulator);
    await guest.signInAs(GUEST);
    expect(await (await guest.request(`/organizations/${ACME}/info`)).text()).toContain(
      'data-testid="org-role">Guest<',
    );
  });

  it("offers the Data Activation Layer only to Owners and Admins, and refuses the others with a readable page", async () => {
    const dalPath = `/organizations/${ACME}/data-activation-layer`;
    for (const uid of [OWNER, ADMIN]) {
      const browser = new BrowserSession(emulator);
      await browser.signInAs(uid);
      const appPage = await (
        await browser.request(`/organizations/${ACME}/apps/${APP.app_uid}`)
      ).text();
      expect(appPage, uid).toContain('data-testid="nav-dal"');
      expect(appPage, uid).toContain('data-testid="switcher-dal"');
      const dal = await browser.request(dalPath);
      expect(dal.status, uid).toBe(200);
      expect(await dal.text(), uid).toContain("Acme DAL");
    }
    for (const uid of [MEMBER, GUEST]) {
      const browser = new BrowserSession(emulator);
      await browser.signInAs(uid);
      for (const page of [
        `/organizations/${ACME}/apps/${APP.app_uid}`,
        `/organizations/${ACME}/info`,
        "/",
      ]) {
        const text = await (await browser.request(page)).text();
        expect(text, `${uid} ${page}`).not.toContain("data-activation-layer");
        expect(text, `${uid} ${page}`).not.toContain("Data Activation Layer</a>");
      }
      const refused = await browser.request(dalPath);
      expect(refused.status, uid).toBe(403);
      expect(refused.headers.get("content-type"), uid).toMatch(/^text\/html/);
      const text = await refused.text();
      expect(text, uid).toContain("Only an organization Owner or Admin can see or create");
      expect(text, uid).toContain("Olivia Owner (olivia.owner@acme.test)");
      expect(text, uid).toContain(
        `href="/organizations/${ACME}/apps/${APP.app_uid}" data-testid="back-link"`,
      );
      expect(text, uid).not.toContain("Acme DAL");
      expect(text, uid).not.toContain("New DAL Configuration");
      const posted = await browser.request(dalPath, {
        form: { title: "x", domain: "x.test", accept_terms: "on" },
      });
      expect(posted.status, uid).toBe(403);
    }
  });

  it("lets an Owner/Admin create the Data Activation Layer and refuses a Member who tries", async () => {
    const member = new BrowserSession(emulator);
    await member.signInAs(ADMIN); // a plain Member of Globex
    const memberPage = await member.request(`/organizations/${GLOBEX}/data-activation-layer`);
    expect(memberPage.status).toBe(403);
    const memberText = await memberPage.text();
    expect(memberText).toContain("can be used once one of them has created it");
    expect(memberText).toContain("Gina Owner (gina.owner@globex.test)");
    expect(memberText).not.toContain("New DAL Configuration");
    const refused = await member.request(`/organizations/${GLOBEX}/data-activation-layer`, {
      form: { title: "x", domain: "x.test", accept_terms: "on" },
    });
    expect(refused.status).toBe(403);

    const owner = new BrowserSession(emulator);
    await owner.signInAs("blt_user_gina");
    const form = await (
      await owner.request(`/organizations/${GLOBEX}/data-activation-layer`)
    ).text();
    expect(form).toContain("no Data Activation Layer yet");
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

  it("answers a wrong path with an HTML page and a way back for browsers, and JSON for API clients", async () => {
    const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
    const signedOut = await fetch(`${emulator.url}/no/such/page?x=1`, { headers: html });
    expect(signedOut.status).toBe(404);
    expect(signedOut.headers.get("content-type")).toMatch(/^text\/html/);
    const signedOutText = await signedOut.text();
    expect(signedOutText).toContain("Page not found");
    expect(signedOutText).toContain("<code>/no/such/page</code>");
    expect(signedOutText).toContain('href="/login" data-testid="back-link"');

    // Signed in, with an organization open: the way back is the app in that organization.
    const browser = new BrowserSession(emulator);
    await browser.signInAs(MEMBER);
    await browser.request(`/organizations/${ACME}/info`);
    const cookie = `cs_authtoken=${browser.cookie("cs_authtoken") ?? ""}; cs_current_org=${ACME}`;
    const signedIn = await fetch(`${emulator.url}/organisations/typo`, {
      headers: { ...html, cookie },
    });
    expect(signedIn.status).toBe(404);
    const signedInText = await signedIn.text();
    expect(signedInText).toContain('data-testid="signed-in-as">Mia Member<');
    expect(signedInText).toContain(
      `href="/organizations/${ACME}/apps/${APP.app_uid}" data-testid="back-link"`,
    );

    // An unknown organization is a page too.
    const noOrg = await fetch(`${emulator.url}/organizations/blt_org_nope/info`, {
      headers: { ...html, cookie },
    });
    expect(noOrg.status).toBe(404);
    expect(await noOrg.text()).toContain("There is no organization <code>blt_org_nope</code>");

    // API clients keep the CMA's JSON error body, whatever they accept, on API paths.
    for (const [path, headers] of [
      ["/no/such/page", {}],
      ["/no/such/page", { accept: "application/json" }],
      ["/v3/no/such/route", html],
      ["/_emulator/nope", html],
    ] as Array<[string, Record<string, string>]>) {
      const response = await fetch(`${emulator.url}${path}`, { headers });
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toMatch(/^application\/json/);
      expect(((await response.json()) as { error_message: string }).error_message, path).toContain(
        "No route",
      );
    }
  });

  it("tells the host page whether the app answers at its registered URL", async () => {
    const appServer = createServer((_request, response) => response.end("app"));
    await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
    const upPort = (appServer.address() as AddressInfo).port;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const downPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    try {
      for (const [port, reachable] of [
        [upPort, true],
        [downPort, false],
      ] as const) {
        const fixture = loadFixture();
        fixture.app.global_full_page_url = `http://127.0.0.1:${port}/`;
        const started = await startEmulator({ fixture });
        try {
          const browser = new BrowserSession(started);
          const query = `?organization_uid=${ACME}&app_uid=${APP.app_uid}`;
          expect((await browser.request(`/host-shell/app-status${query}`)).status).toBe(401);
          await browser.signInAs(MEMBER);
          const status = (await (
            await browser.request(`/host-shell/app-status${query}`)
          ).json()) as { reachable: boolean; url: string; reason?: string };
          expect(status.reachable).toBe(reachable);
          expect(status.url).toBe(`http://127.0.0.1:${port}/`);
          if (!reachable) expect(status.reason).toContain("connection refused");
          expect(
            (
              await browser.request(
                `/host-shell/app-status?organization_uid=${GLOBEX}&app_uid=${APP.app_uid}`,
              )
            ).status,
          ).toBe(404);
          // The page carries what the host script needs to say so.
          const page = await (
            await browser.request(`/organizations/${ACME}/apps/${APP.app_uid}`)
          ).text();
          expect(page).toContain(`"appUrl":"http://127.0.0.1:${port}/"`);
          expect(page).toContain('"statusUrl":"/host-shell/app-status?organization_uid=');
        } finally {
          await started.close();
        }
      }
    } finally {
      await new Promise((resolve) => appServer.close(resolve));
    }
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
