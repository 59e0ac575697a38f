// Seed 000 at HTTP level: an organization without a Data Activation Layer is told an Owner/Admin
// must create one; once its Owner creates it in the host shell, the organization's Data & Insights
// account exists and the App Switcher launch lands on a dashboard named after the organization.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { NO_DAL_TEXT } from "../../src/lytics";
import type { RunningEmulators } from "../../src/start-emulators";
import { startBoth } from "./support/both-emulators";
import { call } from "./support/http";

const GLOBEX = "blt_org_globex";
let emulators: RunningEmulators;

beforeAll(async () => {
  emulators = await startBoth({ contentstackRateLimit: false, lyticsRateLimitPerSecond: false });
});
afterAll(async () => emulators?.close());
beforeEach(async () => {
  await call(emulators.lytics.url, "POST", "/_emulator/reset");
  await call(emulators.contentstack.url, "POST", "/_emulator/reset");
});

/** A browser in miniature: one cookie jar per host, redirects followed by hand. */
class Browser {
  private jars = new Map<string, Map<string, string>>();

  async request(url: string, form?: Record<string, string>): Promise<Response> {
    const target = new URL(url);
    const jar = this.jars.get(target.host) ?? new Map<string, string>();
    this.jars.set(target.host, jar);
    const headers: Record<string, string> = {};
    if (jar.size > 0)
      headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    if (form) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(target, {
      method: form ? "POST" : "GET",
      headers,
      redirect: "manual",
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name = "", ...value] = pair.split("=");
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name.trim());
      else jar.set(name.trim(), value.join("="));
    }
    return response;
  }

  /** Follows redirects (and accepts the consent screen once) to the page a person ends on. */
  async follow(
    url: string,
    form?: Record<string, string>,
  ): Promise<{ url: string; response: Response; text: string }> {
    let current = url;
    let response = await this.request(current, form);
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current).toString();
        response = await this.request(current);
        continue;
      }
      const text = await response.text();
      const consentId = /name="consent_id" value="([^"]+)"/.exec(text)?.[1];
      if (response.status === 200 && consentId) {
        const action = new URL(new URL(current).pathname, current).toString();
        response = await this.request(action, { consent_id: consentId, decision: "accept" });
        current = action;
        continue;
      }
      return { url: current, response, text };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  async signIn(userUid: string): Promise<void> {
    await this.request(`${emulators.contentstack.url}/login`, {
      user_uid: userUid,
      return_to: "/",
    });
  }

  launch(organizationUid: string) {
    return this.follow(
      `${emulators.lytics.url}/auth/contentstack/start?organization_uid=${organizationUid}`,
    );
  }
}

async function globexAccounts(): Promise<Array<{ name: string }>> {
  const store = await call(emulators.lytics.url, "GET", "/_emulator/lytics/store");
  // The snapshot's project fields follow the Management API's spelling (organizationUid).
  const accounts = store.body.accounts as Array<Record<string, unknown> & { name: string }>;
  return accounts.filter(
    (account) => (account.organizationUid ?? account.organization_uid) === GLOBEX,
  );
}

describe("Data Activation Layer -> Data & Insights account", () => {
  it("tells the Owner to create the DAL, then launches once they have", async () => {
    const owner = new Browser();
    await owner.signIn("blt_user_gina");
    const before = await owner.launch(GLOBEX);
    expect(before.text).toContain('data-testid="no-dal"');
    expect(before.text).toContain(NO_DAL_TEXT.replace(/&/g, "&amp;"));
    expect(await globexAccounts()).toEqual([]);

    const created = await owner.request(
      `${emulators.contentstack.url}/organizations/${GLOBEX}/data-activation-layer`,
      { title: "Globex DAL", domain: "globex.test", accept_terms: "on" },
    );
    expect(created.status).toBe(303);

    const after = await owner.launch(GLOBEX);
    expect(after.response.status).toBe(200);
    expect(new URL(after.url).pathname).toBe("/dashboard");
    expect(after.text).not.toContain('data-testid="no-dal"');
    // Seed 000: the account name matches the Contentstack organization name.
    expect(after.text).toMatch(/data-testid="account-name">Globex</);
    expect(after.text).toContain("Admin");

    // Launching again reuses the account.
    await owner.launch(GLOBEX);
    expect(await globexAccounts()).toHaveLength(1);
    expect((await globexAccounts())[0]).toMatchObject({ name: "Globex" });
  });

  it("creates the account from a DAL made through the control API, and gives a plain Member nothing", async () => {
    await call(
      emulators.contentstack.url,
      "PUT",
      `/_emulator/organizations/${GLOBEX}/data-activation-layer`,
      {
        body: { title: "Globex DAL", domain: "globex.test" },
      },
    );
    // adam is a Member (not Admin) of Globex: the account exists, but he is not in it.
    const member = new Browser();
    await member.signIn("blt_user_adam");
    const denied = await member.launch(GLOBEX);
    expect(denied.response.status).toBe(403);
    expect(denied.text).toContain('data-testid="access-denied"');
    expect(await globexAccounts()).toHaveLength(1);

    const owner = new Browser();
    await owner.signIn("blt_user_gina");
    const landed = await owner.launch(GLOBEX);
    expect(new URL(landed.url).pathname).toBe("/dashboard");
    expect(await globexAccounts()).toHaveLength(1);
  });
});
