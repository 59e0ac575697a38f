// The sync seen from outside (DESIGN §4): changes made in Contentstack reach Lytics within
// seconds without anyone touching the app, and a mass removal waits for the Owner's approval.
import { Overview } from "../pages/overview";
import { expect, test } from "../support/fixtures";
import {
  ACME,
  ACME_ADMIN_ROLE,
  ACME_CAMPAIGNS,
  ACME_WEB,
  EDITOR_BUNDLE,
  INITECH,
  INITECH_ADMINS,
  INITECH_MAIN,
  IVAN,
  PETE,
  REX,
} from "../support/world";

/** The worker polls Contentstack's audit log every second here; allow for a busy machine. */
const WITHIN_SECONDS = { timeout: 30_000, intervals: [500] };

test.describe("the sync, seen from outside", () => {
  test("a person promoted to Admin in Contentstack gets the Editor bundle on every project, and the app shows it", async ({
    shell,
    emulator,
  }) => {
    expect(await emulator.lyticsRoles(ACME_WEB.aid, PETE.email)).toBeNull();
    await emulator.changeRoles(ACME.uid, PETE.email, [ACME_ADMIN_ROLE]);
    const bundle = [...EDITOR_BUNDLE].sort();
    await expect
      .poll(() => emulator.lyticsRoles(ACME_WEB.aid, PETE.email), WITHIN_SECONDS)
      .toEqual(bundle);
    await expect
      .poll(() => emulator.lyticsRoles(ACME_CAMPAIGNS.aid, PETE.email), WITHIN_SECONDS)
      .toEqual(bundle);

    await shell.signIn(PETE);
    const app = await shell.openApp(ACME.uid);
    await app.signIn();
    await app.expectSignedInAs(PETE, "Admin");
    expect((await new Overview(app).launchableProjects()).sort()).toEqual(
      [ACME_CAMPAIGNS.name, ACME_WEB.name].sort(),
    );
  });

  test("a person removed in Contentstack loses their Lytics access", async ({ emulator }) => {
    expect(await emulator.lyticsRoles(ACME_WEB.aid, REX.email)).toEqual(["observer"]);
    await emulator.removeMember(ACME.uid, REX.email);
    await expect
      .poll(() => emulator.lyticsRoles(ACME_WEB.aid, REX.email), WITHIN_SECONDS)
      .toBeNull();
  });

  test("a mass removal is held until the Owner approves it", async ({ shell, emulator }) => {
    const [irene, ike] = INITECH_ADMINS;
    // Two of Initech's four Lytics users leave at once: more than the 20% allowed unattended.
    await emulator.removeMember(INITECH.uid, irene.email);
    await emulator.removeMember(INITECH.uid, ike.email);

    await shell.signIn(IVAN);
    const app = await shell.openApp(INITECH.uid);
    await app.signIn();
    const overview = new Overview(app);
    await expect(async () => {
      await app.reloadFrame();
      await expect(overview.heldPlans()).toContainText("waiting for approval", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    // Held means nothing was written: both are still in Lytics.
    expect(await emulator.lyticsRoles(INITECH_MAIN.aid, irene.email)).not.toBeNull();
    expect(await emulator.lyticsRoles(INITECH_MAIN.aid, ike.email)).not.toBeNull();

    // The Owner approves on the Sync page; then the removals reach Lytics.
    await app.navigate("Sync");
    await app.expectAccessible("Sync with a held plan");
    const approveButtons = app.frame.getByTestId("approve");
    await expect(approveButtons.first()).toBeVisible();
    // Each targeted sync that meets the removals holds its own plan (one or two, as the audit log
    // polls fall): the Owner approves whatever waits until the removals reach Lytics.
    await expect(async () => {
      await app.reloadFrame();
      while ((await approveButtons.count()) > 0) {
        const waiting = await approveButtons.count();
        await approveButtons.first().click();
        await expect(approveButtons).toHaveCount(waiting - 1);
      }
      expect(await emulator.lyticsRoles(INITECH_MAIN.aid, irene.email)).toBeNull();
      expect(await emulator.lyticsRoles(INITECH_MAIN.aid, ike.email)).toBeNull();
    }).toPass({ timeout: 45_000, intervals: [1_000] });
    await overview.open();
    await expect(overview.heldPlans()).toHaveText("None waiting");
  });
});
