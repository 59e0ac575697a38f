// The host shell in real Chromium: an app on another site (http://localhost:<port>) mounted at the
// Global Full Page location calls the real @contentstack/app-sdk `init()` and gets the
// organization, the person and the region from the host over post-robot.
import { build } from "esbuild";
import Fastify, { type FastifyInstance } from "fastify";
import { chromium, type Browser } from "playwright-core";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadFixture } from "../../src/fixtures/load-fixture";
import { listenOnLoopback } from "../../src/shared/listen";
import { ACME, APP, startEmulator, type Emulator } from "./helpers";

// Bundled for the browser; writes what the SDK resolved into the DOM for the test to read.
const APP_SOURCE = `
import ContentstackAppSDK from "@contentstack/app-sdk";
function out(id, value) { const el = document.createElement("div"); el.id = id; el.textContent = value; document.body.appendChild(el); }
out("app-token", new URLSearchParams(location.search).get("app-token") ? "present" : "missing");
ContentstackAppSDK.init().then(async (sdk) => {
  const org = sdk.location.GlobalFullPageLocation.currentOrganization;
  out("org-name", org.name);
  out("user-email", sdk.currentUser.email);
  out("region", sdk.getCurrentRegion());
  out("config", JSON.stringify(await sdk.getConfig()));
  const adapter = sdk.createAdapter();
  const response = await adapter({ baseURL: sdk.getEndpoints().CMA + "/v3", url: "/organizations/" + org.uid + "/share", method: "get", params: { include_count: true }, headers: {} });
  out("share-count", String(response.data.count));
  out("done", "yes");
}).catch((error) => out("error", String((error && error.message) || error)));
`;

let appServer: FastifyInstance;
let emulator: Emulator;
let browser: Browser;

beforeAll(async () => {
  const bundle = await build({
    stdin: {
      contents: APP_SOURCE,
      resolveDir: path.dirname(fileURLToPath(import.meta.url)),
      loader: "js",
    },
    bundle: true,
    format: "iife",
    write: false,
    platform: "browser",
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0]?.text ?? "";
  appServer = Fastify();
  appServer.get("/app.html", async (_request, reply) =>
    reply
      .type("text/html")
      .send(`<!doctype html><html><body><h1>app</h1><script src="/app.js"></script></body></html>`),
  );
  appServer.get("/app.js", async (_request, reply) => reply.type("text/javascript").send(script));
  const appPort = await listenOnLoopback(appServer, 0);

  const fixture = loadFixture();
  fixture.app.global_full_page_url = `http://localhost:${appPort}/app.html`;
  emulator = await startEmulator({ fixture, lyticsUrl: "http://localhost:4999" });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  await appServer?.close();
});

describe("host shell in Chromium", () => {
  it("signs in, mounts the app cross-site, and answers init, getConfig and apiAdapter", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(
      `${emulator.url}/login?return_to=${encodeURIComponent(`/organizations/${ACME}`)}`,
    );
    await page.getByRole("button", { name: "Sign in as Olivia Owner" }).click();
    await page.waitForURL(`${emulator.url}/organizations/${ACME}/apps/${APP.app_uid}`);

    const frame = page.frameLocator('[data-testid="app-extension-frame"]');
    await frame.locator("#done, #error").first().waitFor();
    expect(await frame.locator("#error").count()).toBe(0);
    expect(await frame.locator("#org-name").textContent()).toBe("Acme Corporation");
    expect(await frame.locator("#user-email").textContent()).toBe("olivia.owner@acme.test");
    expect(await frame.locator("#region").textContent()).toBe("NA");
    expect(await frame.locator("#app-token").textContent()).toBe("present");
    expect(await frame.locator("#config").textContent()).toBe("{}");
    expect(await frame.locator("#share-count").textContent()).toBe("8");

    // The handshake happened: no "not running" or "not connected" message over the frame.
    expect(
      await page.evaluate(() => (window as { __hostShellState?: string }).__hostShellState),
    ).toBe("connected");
    expect(await page.locator("#app-problem").isHidden()).toBe(true);

    const launch = await page.getByTestId("data-and-insights").getAttribute("href");
    expect(launch).toBe(`http://localhost:4999/auth/contentstack/start?organization_uid=${ACME}`);
    const cookies = await context.cookies(emulator.url);
    expect(cookies.find((cookie) => cookie.name === "cs_authtoken")?.httpOnly).toBe(true);
    await context.close();
  });

  it("says the app is not running, with its URL and how to start it, instead of a broken frame", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const downPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const fixture = loadFixture();
    fixture.app.global_full_page_url = `http://localhost:${downPort}/`;
    const down = await startEmulator({ fixture });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(
        `${down.url}/login?return_to=${encodeURIComponent(`/organizations/${ACME}`)}`,
      );
      await page.getByRole("button", { name: "Sign in as Mia Member" }).click();
      const message = page.getByTestId("app-not-running");
      await message.waitFor();
      expect(await message.getByRole("heading").textContent()).toBe("lytics-access is not running");
      const text = await page.getByTestId("problem-message").textContent();
      expect(text).toContain(`lytics-access is not running at http://localhost:${downPort}/`);
      expect(text).toContain("Start it with npm start");
      expect(await page.getByTestId("app-extension-frame").isHidden()).toBe(true);
    } finally {
      await context.close();
      await down.close();
    }
  });

  it("turns the Management SDK's hash-form authorize URL into the path form", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${emulator.url}/login`);
    await page.getByRole("button", { name: "Sign in as Mia Member" }).click();
    await page.goto(
      `${emulator.url}/?response_type=code&client_id=${APP.client_id}&scope=user%3Aread#!/apps/${APP.app_uid}/authorize`,
    );
    await page.waitForURL((url) => url.pathname === `/apps/${APP.app_uid}/authorize`);
    await page.getByRole("button", { name: "Authorize" }).waitFor();
    expect(await page.getByTestId("consent").textContent()).toContain("Acme Corporation");
    await context.close();
  });
});
