// Launch (seed 000 "Accessing" and "Verifying Account Connection", DESIGN §5): App Switcher →
// Data & Insights → the organization's Lytics workspace, whose account name matches the
// organization; refused until the Data Activation Layer exists, which only Owners and Admins create.
import { Overview } from "../pages/overview";
import { expect, test } from "../support/fixtures";
import { ACME, ADAM, GINA, GLOBEX, MIA, OLIVIA } from "../support/world";

test.describe("launch", () => {
  test("App Switcher → Data & Insights lands in the workspace named like the organization @both", async ({
    shell,
  }) => {
    await shell.signIn(OLIVIA);
    await shell.openApp(ACME.uid);
    await expect(shell.page.getByTestId("org-name")).toHaveText(ACME.name);
    const workspace = await shell.launchDataAndInsights();
    await workspace.expectWorkspaceOf(ACME.name, `${OLIVIA.first} ${OLIVIA.last}`);
    await expect(workspace.roles()).toHaveText(["Admin"]);
  });

  test("Overview's launch opens the person's project in Data & Insights", async ({ shell }) => {
    await shell.signIn(MIA);
    const app = await shell.openApp(ACME.uid);
    await app.signIn();
    const overview = new Overview(app);
    await app.expectOn("Overview");
    expect(await overview.launchableProjects()).toEqual(["Acme Corporation"]);
    await expect(app.frame.getByTestId("account-names")).toContainText("Names match");
    const workspace = await overview.openDataAndInsights();
    await workspace.expectWorkspaceOf(ACME.name, `${MIA.first} ${MIA.last}`);
  });

  test("refused with the reason before the Data Activation Layer exists; its Owner creates it, then launch works", async ({
    shell,
    context,
  }) => {
    // Adam is only a Member of Globex: told why and whom to ask, never offered to create it.
    await shell.signIn(ADAM);
    await shell.openApp(ACME.uid);
    let app = await shell.switchOrganization(GLOBEX.name);
    await app.signIn();
    let overview = new Overview(app);
    await app.expectOn("Overview");
    await expect(overview.dalMissing()).toContainText("Data Activation Layer needed");
    await expect(overview.dalMissing().getByTestId("dal-ask")).toContainText(
      "Only an Owner or Admin",
    );
    await expect(overview.dalMissing().getByTestId("dal-create")).toHaveCount(0);
    await expect(overview.launchRefusal()).toContainText("Data Activation Layer exists");
    await app.expectAccessible("Overview without a Data Activation Layer");
    // Data & Insights itself says the same.
    let workspace = await shell.launchDataAndInsights();
    await expect(workspace.page.getByTestId("no-dal")).toBeVisible();

    // Gina, Globex's Owner, is offered to create it, creates it in the organization settings,
    // and then launches.
    await context.clearCookies();
    await shell.signIn(GINA);
    app = await shell.openApp(GLOBEX.uid);
    await app.signIn();
    overview = new Overview(app);
    await app.expectOn("Overview");
    await overview.dalMissing().getByTestId("dal-create").click();
    const page = shell.page;
    await expect(page.getByRole("heading", { name: "Data Activation Layer" })).toBeVisible();
    await page.getByLabel("I accept the data privacy terms").check();
    await page.getByLabel("Title").fill("Globex DAL");
    await page.getByLabel("Domain").fill("globex.test");
    await page.getByRole("button", { name: "+ New DAL Configuration" }).click();
    await expect(page.getByTestId("dal-state")).toContainText("Globex DAL");

    app = await shell.openApp(GLOBEX.uid);
    await app.expectOn("Overview");
    await expect(overview.dalMissing()).toHaveCount(0);
    workspace = await shell.launchDataAndInsights();
    await workspace.expectWorkspaceOf(GLOBEX.name, `${GINA.first} ${GINA.last}`);
    await expect(workspace.roles()).toHaveText(["Admin"]);
  });
});
