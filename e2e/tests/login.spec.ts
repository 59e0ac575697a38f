// Login (DESIGN §5, seed 000 "How Authentication Works"): Contentstack OAuth 2.0 with state and
// PKCE in a popup, consent once, tokens refreshed unseen, sessions that follow Contentstack's.
import { expect, test } from "../support/fixtures";
import { ACME, CORA, LOU, MIA, RAY, RUTH } from "../support/world";

test.describe("login", () => {
  test("signs in through Contentstack OAuth with state and PKCE, into a partitioned session @both", async ({
    shell,
    context,
    system,
  }) => {
    await shell.signIn(MIA);
    const app = await shell.openApp(ACME.uid);
    await expect(app.frame.getByText("No password is asked here")).toBeVisible();
    await app.expectAccessible("the sign-in offer");

    const { authorizeUrl, callbackUrl } = await app.signIn();
    const asked = authorizeUrl.searchParams;
    expect(asked.get("response_type")).toBe("code");
    expect(asked.get("code_challenge_method")).toBe("S256");
    expect(asked.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.get("state")?.length).toBeGreaterThanOrEqual(16);
    // Contentstack sent the window back with the very state the app asked with, and a code.
    expect(callbackUrl.searchParams.get("state")).toBe(asked.get("state"));
    expect(callbackUrl.searchParams.get("code")).toBeTruthy();

    await app.expectOn("Overview");
    await app.expectSignedInAs(MIA, "Member");
    await app.expectAccessible("Overview");

    // The session is a partitioned (CHIPS) cookie of the app, keyed to the host shell's site:
    // the only kind a cross-site iframe keeps when third-party cookies are blocked.
    const session = (await context.cookies(system.appUrl)).find(
      (c) => c.name === "__Host-la_session",
    );
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: "None" });
    expect(session?.partitionKey).toBe("http://127.0.0.1");
  });

  test("a sign-in whose state was tampered with on the way back is refused", async ({
    shell,
    context,
    system,
  }) => {
    await shell.signIn(MIA);
    const app = await shell.openApp(ACME.uid);
    // Someone swaps the state on its way to Contentstack: the redirect back carries a state the
    // app never issued, and the app must refuse it. (Routes see only the first request of a
    // redirect chain, so the app's own redirect to Contentstack is the one rewritten.)
    const forged = "forged-state-0000000000000000";
    const start = (url: URL) => url.origin === system.appUrl && url.pathname === "/auth/start";
    await context.route(start, async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      const location = new URL(response.headers()["location"] ?? "");
      location.searchParams.set("state", forged);
      await route.fulfill({
        response,
        headers: { ...response.headers(), location: location.toString() },
      });
    });
    const popupOpened = shell.page.waitForEvent("popup");
    await app.signInButton().click();
    const popup = await popupOpened;
    const authorize = popup.getByRole("button", { name: "Authorize" });
    const refused = popup.getByRole("heading", { name: "Sign-in did not complete" });
    await expect(authorize.or(refused)).toBeVisible();
    if (await authorize.isVisible()) await authorize.click();
    await expect(refused).toBeVisible();
    await expect(app.heading()).toHaveText("Data & Insights access");
    await expect(
      app.signInButton().or(app.frame.getByRole("button", { name: /Waiting/ })),
    ).toBeVisible();
  });

  test("consent is asked on the first sign-in and never again; signing out of the app ends its session", async ({
    shell,
  }) => {
    await shell.signIn(CORA);
    let app = await shell.openApp(ACME.uid);
    expect((await app.signIn()).consentAsked).toBe(true);
    await app.expectOn("Overview");

    // Logout: the app's session ends; Contentstack's sign-in stays.
    await app.signOut();
    await expect(app.heading()).toHaveText("You are signed out of the app");
    await app.expectAccessible("signed out");
    await expect(shell.page.getByTestId("signed-in-as")).toContainText(CORA.first);

    // A later sign-in goes straight through: consent was given once.
    app = await shell.openApp(ACME.uid);
    await expect(app.signInButton()).toBeVisible();
    expect((await app.signIn()).consentAsked).toBe(false);
    await app.expectOn("Overview");
    await app.expectSignedInAs(CORA, "Member");
  });

  test("an expired access token is refreshed without the person noticing", async ({
    shell,
    emulator,
  }) => {
    // Tokens issued now live six seconds (the emulator's clock cannot be moved further without
    // making its signed app tokens look issued in the future).
    const lifetimeMs = 6_000;
    await emulator.setTokenTtlSeconds(lifetimeMs / 1000);
    let signedInAt: number;
    try {
      await shell.signIn(RAY);
      const app = await shell.openApp(ACME.uid);
      await app.signIn();
      await app.expectOn("Overview");
      signedInAt = Date.now();
    } finally {
      await emulator.setTokenTtlSeconds(3600);
    }
    const app = shell.app;
    const refreshesBefore = await emulator.tokenCalls();
    // Every token the app held so far has now expired at Contentstack.
    await expect
      .poll(() => Date.now() - signedInAt, { timeout: 15_000, intervals: [500] })
      .toBeGreaterThan(lifetimeMs + 1_000);

    await app.navigate("Troubleshooting");
    await app.navigate("Overview");
    await app.expectSignedInAs(RAY, "Member");
    await expect(app.frame.getByTestId("org-name")).toHaveText(ACME.name);
    expect(await emulator.tokenCalls()).toBeGreaterThan(refreshesBefore);
  });

  // Found by this suite: the revoked token's 401 came from another bundled copy of packages/http,
  // so `instanceof AuthError` failed and the page crashed instead of ending the session (fixed by
  // the error family's cross-copy instanceof, packages/http/test/error-copies.test.ts).
  test("the session ends when the person is removed from the organization", async ({
    shell,
    emulator,
  }) => {
    await shell.signIn(RUTH);
    const app = await shell.openApp(ACME.uid);
    await app.signIn();
    await app.expectOn("Overview");

    await emulator.removeMember(ACME.uid, RUTH.email);
    // The next page of the app the person loads finds the session ended (the app reads the
    // person's standing again every 2 s here).
    await expect(async () => {
      await app.reloadFrame();
      await expect(app.heading()).toHaveText("Your session has ended", { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(app.frame.getByText("no longer in this organization")).toBeVisible();
    await app.expectAccessible("the ended session");
    // Contentstack itself no longer opens the organization for her.
    await shell.page.reload();
    await expect(
      shell.page.getByRole("heading", { name: "You are not a member of this organization" }),
    ).toBeVisible();
  });

  test("signing out of Contentstack and in as someone else never shows the previous person", async ({
    shell,
  }) => {
    await shell.signIn(LOU);
    let app = await shell.openApp(ACME.uid);
    await app.signIn();
    await app.expectSignedInAs(LOU, "Member");

    await shell.signOut();
    await shell.signIn(MIA);
    app = await shell.openApp(ACME.uid);
    await expect(
      app.frame.getByText(`Hello ${MIA.first} ${MIA.last}`).or(app.frame.getByTestId("person")),
    ).toBeVisible();
    await expect(app.frame.getByText(`${LOU.first} ${LOU.last}`)).toHaveCount(0);
  });
});
