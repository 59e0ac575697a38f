// Roles (DESIGN §3.3, seed 002): each organization role, a project owner and collaborators sign
// in, launch and use every troubleshooting page, and see what the rules say. The expectations are
// not written here: they come from packages/permissions' own evaluateProjectAction over each
// person's facts in the e2e world, so the browser checks the app applies the same rules.
import { evaluateProjectAction, type ProjectSubject } from "@lytics-access/permissions";

import type { OrgRoleLabel } from "../pages/app-frame";
import { Overview } from "../pages/overview";
import { PAGE_HEADINGS, SEED_ROWS, Troubleshooting, type SeedRow } from "../pages/troubleshooting";
import { expect, test } from "../support/fixtures";
import {
  ACME,
  ACME_CAMPAIGNS,
  ACME_WEB,
  ADAM,
  GUS,
  MAX,
  MIA,
  NINA,
  OLIVIA,
  type Person,
} from "../support/world";

interface RoleCase {
  readonly who: string;
  readonly person: Person;
  readonly label: OrgRoleLabel;
  readonly orgRole: ProjectSubject["orgRole"];
  /** Per project: whether they own it and their roles on it, as the e2e world has them. */
  readonly projects: Readonly<Record<string, { isProjectOwner: boolean; projectRoles: string[] }>>;
}

const none = { isProjectOwner: false, projectRoles: [] };
const CASES: readonly RoleCase[] = [
  {
    who: "Owner",
    person: OLIVIA,
    label: "Owner",
    orgRole: "owner",
    projects: {
      [ACME_WEB.uid]: { isProjectOwner: false, projectRoles: ["admin"] },
      [ACME_CAMPAIGNS.uid]: none,
    },
  },
  {
    who: "Admin",
    person: ADAM,
    label: "Admin",
    orgRole: "admin",
    projects: {
      [ACME_WEB.uid]: { isProjectOwner: true, projectRoles: ["admin"] },
      [ACME_CAMPAIGNS.uid]: none,
    },
  },
  {
    who: "Member with a project role",
    person: MIA,
    label: "Member",
    orgRole: "member",
    projects: {
      [ACME_WEB.uid]: { isProjectOwner: false, projectRoles: ["observer"] },
      [ACME_CAMPAIGNS.uid]: none,
    },
  },
  {
    who: "Member who owns a project",
    person: MAX,
    label: "Member",
    orgRole: "member",
    projects: {
      [ACME_WEB.uid]: none,
      [ACME_CAMPAIGNS.uid]: { isProjectOwner: true, projectRoles: ["admin"] },
    },
  },
  {
    who: "Member without a project role",
    person: NINA,
    label: "Member",
    orgRole: "member",
    projects: { [ACME_WEB.uid]: none, [ACME_CAMPAIGNS.uid]: none },
  },
  {
    who: "Guest",
    person: GUS,
    label: "Guest",
    orgRole: "guest",
    projects: {
      [ACME_WEB.uid]: { isProjectOwner: false, projectRoles: ["observer"] },
      [ACME_CAMPAIGNS.uid]: none,
    },
  },
];

const PROJECT_NAMES: Record<string, string> = {
  [ACME_WEB.uid]: ACME_WEB.name,
  [ACME_CAMPAIGNS.uid]: ACME_CAMPAIGNS.name,
};

function decide(
  c: RoleCase,
  projectUid: string,
  action: Parameters<typeof evaluateProjectAction>[1],
) {
  const facts = c.projects[projectUid] ?? none;
  return evaluateProjectAction({ orgRole: c.orgRole, ...facts }, action);
}

test.describe("roles", () => {
  for (const c of CASES) {
    test(`${c.who} (${c.person.first} ${c.person.last}) signs in, launches and uses every troubleshooting page`, async ({
      shell,
      system,
    }) => {
      await shell.signIn(c.person);
      const app = await shell.openApp(ACME.uid);
      await app.signIn();
      await app.expectOn("Overview");
      await app.expectSignedInAs(c.person, c.label);

      // Launch: exactly the projects the rules let them open.
      const launchable = Object.keys(PROJECT_NAMES)
        .filter((uid) => decide(c, uid, "project.open-lytics").allowed)
        .map((uid) => PROJECT_NAMES[uid])
        .sort();
      const overview = new Overview(app);
      expect((await overview.launchableProjects()).sort()).toEqual(launchable);
      if (launchable.length === 0)
        await expect(overview.launchRefusal()).toContainText(
          "You are not on any Data & Insights project",
        );

      // Every troubleshooting page answers them, accessibly.
      const help = new Troubleshooting(app);
      for (const row of Object.keys(SEED_ROWS) as SeedRow[]) {
        await help.open();
        await help.openRow(row);
        await expect(app.heading()).toHaveText(PAGE_HEADINGS[row]);
        await app.expectAccessible(`${PAGE_HEADINGS[row]} as ${c.who}`);
      }

      // Access denied on Acme's website project: the app's verdict is the rules' verdict.
      const dashboard = decide(c, ACME_WEB.uid, "project.view-dashboard");
      await app
        .documentFrame()
        .goto(
          `${system.appUrl}/troubleshooting/access-denied?project=${ACME_WEB.uid}&action=project.view-dashboard`,
        );
      await expect(help.decision().locator("h2")).toContainText(
        `${dashboard.allowed ? "Allowed" : "Refused"}: ${c.person.first} ${c.person.last}`,
      );
      await expect(help.decision()).toContainText(dashboard.rule);

      // The access checker: only those the organization-settings rule admits may ask about others.
      await help.open();
      await help.openAccessChecker();
      const mayAskAboutOthers = decide(c, ACME_WEB.uid, "org.settings").allowed;
      await expect(app.frame.getByRole("combobox", { name: "Person", exact: true })).toHaveCount(
        mayAskAboutOthers ? 1 : 0,
      );
      if (!mayAskAboutOthers)
        await expect(app.frame.getByText("only Owners and Admins may check others")).toBeVisible();
      await app.expectAccessible(`Access checker as ${c.who}`);
    });
  }
});
