// Troubleshooting: one test per row of seed 000's table, each reproducing the cause the way a
// person meets it and checking the resolution the app offers.
import { Troubleshooting } from "../pages/troubleshooting";
import { expectAccessible } from "../support/accessibility";
import { expect, test } from "../support/fixtures";
import { ACME, ACME_WEB, AUDREY, LENA, NINA } from "../support/world";

test.describe("troubleshooting (seed 000's table)", () => {
  test("Unable to log in: a direct login is refused with the way forward", async ({
    page,
    system,
  }) => {
    // Straight to the Data & Insights portal's login form.
    await page.goto(`${system.lyticsUrl}/login`);
    await page.getByLabel("Email").fill("mia.member@acme.test");
    await page.getByLabel("Password").fill("a password that does not exist");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("refusal")).toContainText("App Switcher");
    await expect(page.getByTestId("contentstack-link")).toHaveAttribute(
      "href",
      system.contentstackUrl,
    );

    // Straight to the app's own /login: the seed's answer, and the way in through Contentstack.
    await page.goto(`${system.appUrl}/login`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unable to log in");
    await expect(page.getByTestId("tried")).toBeVisible();
    await expect(page.getByTestId("seed-row")).toContainText("Use Contentstack App Switcher");
    await expect(page.getByTestId("answer")).toContainText("not supported");
    await expect(page.getByRole("link", { name: "Contentstack", exact: true })).toHaveAttribute(
      "href",
      new RegExp(`^${system.contentstackUrl}`),
    );
    await expectAccessible(page, "Unable to log in");
  });

  test("Access Denied: a Member without a project role is told what is missing and whom to ask", async ({
    shell,
    system,
  }) => {
    await shell.signIn(NINA);
    const app = await shell.openApp(ACME.uid);
    await app.signIn();
    const help = new Troubleshooting(app);
    await help.open();
    await app.expectAccessible("Troubleshooting");
    await help.openRow("access-denied");
    await expect(
      app.frame.getByText("You are not on any Data & Insights project yet"),
    ).toBeVisible();

    // Someone sent her a link to Acme's website project.
    await app
      .documentFrame()
      .goto(`${system.appUrl}/troubleshooting/access-denied?project=${ACME_WEB.uid}`);
    await expect(help.decision()).toContainText(`Refused: ${NINA.first} ${NINA.last}`);
    await expect(help.decision()).toContainText(ACME_WEB.name);
    await expect(help.decision().getByText("Denied", { exact: true })).toBeVisible();
    // What is missing: a role on the project (membership alone grants nothing), and who grants it.
    await expect(help.decision().getByRole("listitem").first()).toContainText(/project/i);
    await expect(help.remedy()).toContainText("What would grant it");
    await expect(help.remedy()).toContainText("Ask:");
    await app.expectAccessible("Access denied");
  });

  test("Access Denied: the explanation offers the access request that fixes it", async ({
    shell,
    system,
  }) => {
    // Kept apart from the explanation's test: the link came with access requests, in parallel.
    await shell.signIn(NINA);
    const app = await shell.openApp(ACME.uid);
    await app.signIn();
    await app
      .documentFrame()
      .goto(`${system.appUrl}/troubleshooting/access-denied?project=${ACME_WEB.uid}`);
    const request = new Troubleshooting(app).remedy().getByRole("link", { name: "Request access" });
    await expect(request).toHaveAttribute(
      "href",
      new RegExp(`^/requests/new\\?project=${ACME_WEB.uid}&role=`),
    );
    await request.click();
    await app.expectOn("Request access");
    await app.expectAccessible("Request access");
  });

  test("OAuth redirect loop: detected, stopped, and broken by the fix", async ({ shell }) => {
    await shell.signIn(LENA);
    let app = await shell.openApp(ACME.uid);
    // Sign-in keeps going to Contentstack and never comes back (the window closed on the
    // authorize page each time): three round trips within the minute.
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const popupOpened = shell.page.waitForEvent("popup");
      await app.signInButton().click();
      const popup = await popupOpened;
      await expect(popup.getByRole("button", { name: "Authorize" })).toBeVisible();
      await popup.close();
      app = await shell.reload();
    }
    // The fourth is stopped: the window says why and the app shows the loop and its fix.
    const popupOpened = shell.page.waitForEvent("popup");
    await app.signInButton().click();
    const popup = await popupOpened;
    await expect(popup.getByRole("heading", { level: 1 })).toHaveText(
      "Sign-in stopped: it was going round in circles",
    );
    await expectAccessible(popup, "the stopped sign-in window");
    await app.expectOn("OAuth redirect loop");
    await expect(app.frame.getByTestId("case")).toContainText("so it was stopped");
    await expect(app.frame.getByTestId("seed-row")).toContainText(
      "Clear browser cache/cookies and retry",
    );
    await app.expectAccessible("OAuth redirect loop");
    await popup.close().catch(() => undefined);

    await app.frame
      .getByRole("button", { name: "Clear the app's session and sign in again" })
      .click();
    await expect(app.frame.getByTestId("reset-done")).toBeVisible();
    app = await shell.reload();
    const outcome = await app.signIn();
    expect(outcome.consentAsked).toBe(true);
    await app.expectOn("Overview");
    await app.expectSignedInAs(LENA, "Member");
  });

  test("Missing audiences or metrics: a role that cannot see audiences is told which role would", async ({
    shell,
  }) => {
    await shell.signIn(AUDREY);
    const app = await shell.openApp(ACME.uid);
    await app.signIn();
    const help = new Troubleshooting(app);
    await help.open();
    await help.openRow("missing-audiences");
    const row = help.visibilityRows().filter({ hasText: ACME_WEB.name });
    await expect(row).toContainText("Content Manager");
    await expect(row.getByRole("cell").nth(2)).toHaveText("Hidden");
    await expect(row).toContainText("Audiences:");
    await expect(row).toContainText("Ask for");
    await app.expectAccessible("Missing audiences or metrics");

    // Data & Insights agrees: her workspace hides the audiences.
    const workspace = await shell.launchDataAndInsights();
    await expect(workspace.page.getByTestId("audiences-hidden")).toBeVisible();
  });

  test("Password reset not received: answered that reset is not supported", async ({
    page,
    system,
  }) => {
    await page.goto(`${system.lyticsUrl}/password-reset`);
    await page.getByLabel("Email").fill("mia.member@acme.test");
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByTestId("refusal")).toContainText(/not supported/i);

    await page.goto(`${system.appUrl}/forgot-password`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Password reset not received");
    await expect(page.getByTestId("answer")).toContainText("no Data & Insights password to reset");
    await expect(page.getByTestId("seed-row")).toContainText("Use Contentstack login only");
    await expectAccessible(page, "Password reset not received");
  });
});
