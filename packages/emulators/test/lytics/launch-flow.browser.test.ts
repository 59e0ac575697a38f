// The App Switcher launch end to end in real Chromium (seed 000, DESIGN §5): sign in at the
// Contentstack host shell, click Data & Insights, accept consent once, land on the Lytics dashboard
// whose account name matches the organization; plus every refusal page on the way.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  ACCESS_DENIED_TEXT,
  AUDIENCES_HIDDEN_TEXT,
  DIRECT_LOGIN_REFUSED,
  NO_DAL_TEXT,
  PASSWORD_RESET_REFUSED,
} from "../../src/lytics";
import type { RunningEmulators } from "../../src/start-emulators";
import { startBoth } from "./support/both-emulators";
import { call } from "./support/http";

let emulators: RunningEmulators;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  emulators = await startBoth({ contentstackRateLimit: false, lyticsRateLimitPerSecond: false });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await emulators?.close();
});
beforeEach(async () => {
  await call(emulators.lytics.url, "POST", "/_emulator/reset");
  await call(emulators.contentstack.url, "POST", "/_emulator/reset");
  await context?.close();
  context = await browser.newContext();
});

async function signIn(userUid: string, organizationUid: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${emulators.contentstack.url}/login`);
  await page.click(`button[data-user-uid="${userUid}"]`);
  await page.waitForLoadState("load");
  await page.goto(`${emulators.contentstack.url}/organizations/${organizationUid}`);
  return page;
}

/** App Switcher -> Data & Insights; returns whether the consent screen was shown. */
async function launchDataAndInsights(page: Page, accept = true): Promise<boolean> {
  await page.click('[data-testid="app-switcher"] summary');
  await page.click('[data-testid="data-and-insights"]');
  await page.waitForLoadState("load");
  const consent = await page.locator('[data-testid="consent"]').count();
  if (consent > 0) {
    await page.click(`button[name="decision"][value="${accept ? "accept" : "deny"}"]`);
    await page.waitForLoadState("load");
  }
  return consent > 0;
}

describe("launch from the App Switcher", () => {
  it("asks for consent once, lands on the dashboard with the org's name and the person's roles", async () => {
    const page = await signIn("blt_user_olivia", "blt_org_acme");
    expect(await launchDataAndInsights(page)).toBe(true);
    expect(new URL(page.url()).origin).toBe(emulators.lytics.url);
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    expect(await page.textContent('[data-testid="account-name"]')).toBe("Acme Corporation");
    expect(await page.locator('[data-testid="roles"] li').allTextContents()).toEqual(["Admin"]);
    expect(await page.locator('[data-testid="audiences"] tr').count()).toBe(4);

    // The session cookie is HttpOnly: no script on the page can read it.
    const cookies = await context.cookies(emulators.lytics.url);
    expect(cookies.find((cookie) => cookie.name === "lytics_session")).toMatchObject({
      httpOnly: true,
    });
    expect(await page.evaluate(() => document.cookie)).not.toContain("lytics_session");

    const again = await signIn("blt_user_olivia", "blt_org_acme");
    expect(await launchDataAndInsights(again)).toBe(false);
    expect(await again.textContent('[data-testid="account-name"]')).toBe("Acme Corporation");
  });

  it("shows display names of a member's roles and hides audiences from roles that cannot view them", async () => {
    await call(
      emulators.lytics.url,
      "PUT",
      "/_emulator/lytics/accounts/1002/users/lu2_mona/roles",
      { body: { roles: ["content_manager", "report_viewer"] } },
    );
    const page = await signIn("blt_user_mona", "blt_org_acme");
    await launchDataAndInsights(page);
    expect(await page.textContent('[data-testid="account-name"]')).toBe("Acme Campaigns");
    expect(await page.locator('[data-testid="roles"] li').allTextContents()).toEqual([
      "Content Manager",
      "Discovery Insights",
    ]);
    expect(await page.textContent('[data-testid="audiences-hidden"]')).toBe(AUDIENCES_HIDDEN_TEXT);
    expect(await page.locator('[data-testid="audiences"]').count()).toBe(0);
  });

  it("denies a member with no Lytics user, with seed 000's wording", async () => {
    await call(emulators.lytics.url, "DELETE", "/v2/user/lu_mia", {
      headers: { authorization: "at.acme-web.local-token-0001" },
    });
    const page = await signIn("blt_user_mia", "blt_org_acme");
    await launchDataAndInsights(page);
    expect(await page.textContent('[data-testid="access-denied"]')).toBe(ACCESS_DENIED_TEXT);
    expect(await page.getAttribute('[data-testid="contentstack-link"]', "href")).toBe(
      emulators.contentstack.url,
    );
  });

  it("tells an organization without a Data Activation Layer that an Owner/Admin must create it", async () => {
    const page = await signIn("blt_user_gina", "blt_org_globex");
    await launchDataAndInsights(page);
    expect(await page.textContent('[data-testid="no-dal"]')).toBe(NO_DAL_TEXT);
  });

  it("launches once the Owner has created the Data Activation Layer in the shell", async () => {
    const page = await signIn("blt_user_gina", "blt_org_globex");
    await page.goto(
      `${emulators.contentstack.url}/organizations/blt_org_globex/data-activation-layer`,
    );
    const form = page.locator('form[action$="/data-activation-layer"]');
    await form.locator('input[name="accept_terms"]').check();
    await form.locator('input[name="title"]').fill("Globex DAL");
    await form.locator('input[name="domain"]').fill("globex.test");
    await form.locator("button").click();
    await page.waitForLoadState("load");
    expect(await page.textContent('[data-testid="dal-state"]')).toContain("Globex DAL");
    await launchDataAndInsights(page);
    expect(await page.locator('[data-testid="no-dal"]').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    expect(await page.textContent('[data-testid="account-name"]')).toBe("Globex");
    expect(await page.locator('[data-testid="roles"] li').allTextContents()).toEqual(["Admin"]);
  });

  it("lives exactly as long as the Contentstack token it came from", async () => {
    // Time passes on the emulators' clocks, not the machine's: a slow launch cannot use up the
    // token before the first check, and nothing waits for it to expire.
    const lifetimeSeconds = 600;
    await call(emulators.contentstack.url, "PUT", "/_emulator/ttls", {
      body: { tokenTtlSeconds: lifetimeSeconds },
    });
    const page = await signIn("blt_user_olivia", "blt_org_acme");
    const before = Date.now();
    await launchDataAndInsights(page);
    const after = Date.now();
    expect(await page.textContent('[data-testid="account-name"]')).toBe("Acme Corporation");
    // The cookie's Max-Age is the token's lifetime (bracketed by the launch, however long it took)...
    const cookie = (await context.cookies(emulators.lytics.url)).find(
      (candidate) => candidate.httpOnly && candidate.expires > 0,
    );
    expect(cookie?.expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) + lifetimeSeconds - 1);
    expect(cookie?.expires).toBeLessThanOrEqual(Math.ceil(after / 1000) + lifetimeSeconds + 1);
    // ...and the server checks the expiry too: once the Lytics emulator's clock has moved on by
    // the lifetime the session is over, though the browser (on the wall clock) still sends it.
    const moved = await call(emulators.lytics.url, "POST", "/_emulator/clock", {
      body: { advanceMs: lifetimeSeconds * 1000 },
    });
    expect(moved.status).toBe(200);
    const response = await page.goto(`${emulators.lytics.url}/dashboard`);
    expect(response?.status()).toBe(401);
    expect(await page.locator('[data-testid="signed-out"]').count()).toBe(1);
    expect(await page.locator('[data-testid="account-name"]').count()).toBe(0);
  });

  it("ends the session at the next page view once the person leaves the organization", async () => {
    const page = await signIn("blt_user_mia", "blt_org_acme");
    await launchDataAndInsights(page);
    expect(await page.textContent('[data-testid="account-name"]')).toBe("Acme Corporation");
    const removed = await call(
      emulators.contentstack.url,
      "DELETE",
      `/_emulator/organizations/blt_org_acme/members/${encodeURIComponent("mia.member@acme.test")}`,
    );
    expect(removed.status).toBe(204);
    const response = await page.reload();
    expect(response?.status()).toBeGreaterThanOrEqual(401);
    expect(await page.locator('[data-testid="account-name"]').count()).toBe(0);
    const again = await page.goto(`${emulators.lytics.url}/dashboard`);
    expect(again?.status()).toBe(401);
  });

  it("ends the Lytics session when the Contentstack token behind it expires", async () => {
    const page = await signIn("blt_user_adam", "blt_org_acme");
    await launchDataAndInsights(page);
    expect(await page.textContent('[data-testid="account-name"]')).toBe("Acme Corporation");
    await call(emulators.lytics.url, "POST", "/_emulator/lytics/sessions/expire");
    const response = await page.goto(`${emulators.lytics.url}/dashboard`);
    expect(response?.status()).toBe(401);
    expect(await page.textContent('[data-testid="signed-out"]')).toContain(
      "Contentstack session expired",
    );
  });
});

describe("no passwords on the Lytics side", () => {
  it("refuses direct login for a Contentstack-managed account", async () => {
    const page = await context.newPage();
    await page.goto(`${emulators.lytics.url}/login`);
    await page.fill('input[name="email"]', "olivia.owner@acme.test");
    await page.fill('input[name="password"]', "hunter2");
    await page.click('button[type="submit"]');
    expect(await page.textContent('[data-testid="refusal"]')).toBe(DIRECT_LOGIN_REFUSED);
    expect(await page.getAttribute('[data-testid="contentstack-link"]', "href")).toBe(
      emulators.contentstack.url,
    );
  });

  it("refuses password reset for a Contentstack-managed account", async () => {
    const page = await context.newPage();
    await page.goto(`${emulators.lytics.url}/password-reset`);
    await page.fill('input[name="email"]', "mia.member@acme.test");
    await page.click('button[type="submit"]');
    expect(await page.textContent('[data-testid="refusal"]')).toBe(PASSWORD_RESET_REFUSED);
  });
});
