// Guards of the browser's realism (../../../shared/browser-realism.md). If a Playwright upgrade
// turns storage partitioning off again, or the profile stops setting third-party cookies, these
// fail before any suite can pass for the wrong reason.
import { expect, test } from "../support/fixtures";
import { MIA } from "../support/world";

test.describe("the browser behaves like a person's Chrome @both", () => {
  test("storage partitioning is on: a top-level page of the app cannot read what its iframe stored", async ({
    shell,
    system,
    context,
  }) => {
    await shell.signIn(MIA);
    const app = await shell.openApp("blt_org_acme");
    const frame = app.documentFrame();
    // Without partitioning, blocked third-party cookies make this throw (SecurityError), and
    // allowed ones let the top-level page below read it: both fail this test.
    const stored = await frame.evaluate(() => {
      try {
        localStorage.setItem("la-e2e-probe", "from-the-iframe");
        return localStorage.getItem("la-e2e-probe");
      } catch (error) {
        return `threw ${String(error)}`;
      }
    });
    expect(stored).toBe("from-the-iframe");

    const topLevel = await context.newPage();
    await topLevel.goto(`${system.appUrl}/healthz`);
    expect(await topLevel.evaluate(() => localStorage.getItem("la-e2e-probe"))).toBeNull();
  });

  test("the profile's third-party cookie setting is the project's", async ({
    shell,
    thirdPartyCookies,
  }) => {
    await shell.signIn(MIA);
    const app = await shell.openApp("blt_org_acme");
    const kept = await app.documentFrame().evaluate(() => {
      document.cookie = "la-e2e-unpartitioned=1; SameSite=None; Secure; Path=/";
      document.cookie = "la-e2e-partitioned=1; SameSite=None; Secure; Path=/; Partitioned";
      return document.cookie;
    });
    // The partitioned (CHIPS) cookie the app's session relies on survives either way; an
    // unpartitioned third-party cookie only when the profile allows them.
    expect(kept).toContain("la-e2e-partitioned=1");
    if (thirdPartyCookies === "blocked") expect(kept).not.toContain("la-e2e-unpartitioned=1");
    else expect(kept).toContain("la-e2e-unpartitioned=1");
  });
});
