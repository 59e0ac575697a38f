// The two Projects pages rendered on the server as each person, against both emulators and the
// run's Redis: what is shown, what is disabled and why, and the Request access links.
import { createElement, type AnchorHTMLAttributes, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import ProjectPage from "../src/app/(app)/projects/[uid]/page";
import ProjectsPage from "../src/app/(app)/projects/page";
import { loadSession, type SessionState } from "../src/lib/server/load-session";
import { setServicesForTests } from "../src/lib/server/services";
import { OLIVIA, MIA } from "./support/harness";
import { useFullHarness } from "./support/full-harness";

let current: SessionState = { status: "none", reason: "no-cookie" };
vi.mock("@/lib/server/page-session", () => ({ pageSession: async () => current }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh() {}, push() {} }) }));
vi.mock("next/link", () => ({
  default: (props: AnchorHTMLAttributes<HTMLAnchorElement>) => createElement("a", props),
}));

const h = useFullHarness();
const ACME_CORP = "66ac00000000000000001001";
const CAMPAIGNS = "66ac00000000000000001002";

beforeAll(async () => {
  setServicesForTests(h.svc);
  await h.connectOrganization(OLIVIA.uid, OLIVIA.email);
});
afterAll(() => setServicesForTests(undefined));

async function as(userUid: string): Promise<void> {
  const session = await h.signIn(userUid);
  current = await loadSession(h.svc, session.cookie.split("=").slice(1).join("="));
  expect(current.status).toBe("active");
}

const html = async (page: Promise<ReactElement | null>) => {
  const element = await page;
  return element ? renderToStaticMarkup(element) : "";
};
const detail = (uid: string) => html(ProjectPage({ params: Promise.resolve({ uid }) }));

describe("the Projects pages", () => {
  it("the Owner sees every project, and every action of one enabled", async () => {
    await as(OLIVIA.uid);
    const list = await html(ProjectsPage());
    expect(list).toContain("Acme Corporation");
    expect(list).toContain("Acme Campaigns");
    expect(list).toContain("Organization Owner: full access");
    expect(list).not.toContain("Request access");
    const page = await detail(CAMPAIGNS);
    expect(page).toContain("<h1>Acme Campaigns</h1>");
    expect(page).toContain("People on Acme Campaigns");
    expect(page).toMatch(/<button type="submit" class="la-button">Save changes<\/button>/);
    expect(page).toMatch(/<button type="submit" class="la-button">Invite<\/button>/);
    // The last Admin's removal is refused with the guard's reason, even for the Owner.
    expect(page).toContain('data-rule="project.guard.last-admin"');
    // The role picker: each role with its description and what it grants.
    expect(page).toContain("Read-only access to audiences and reports.");
    expect(page).toContain("What Observer grants");
  });

  it("a collaborator without Edit Account sees the fields disabled with the reason, and Request access", async () => {
    await as(MIA.uid);
    const list = await html(ProjectsPage());
    expect(list).toContain("Acme Corporation");
    expect(list).not.toContain("Acme Campaigns");
    expect(list).toContain(`/requests/new?project=${ACME_CORP}`);
    expect(list).toMatch(/The organization has 1 other project you are not on/);
    const page = await detail(ACME_CORP);
    expect(page).toContain("Collaborator: Observer");
    expect(page).toContain(`href="/requests/new?project=${ACME_CORP}"`);
    expect(page).toMatch(
      /<button type="submit" class="la-button" disabled=""[^>]*aria-describedby="[^"]+">Save changes/,
    );
    expect(page).toMatch(/project\.edit is denied: it needs account\.edit/);
    expect(page).toMatch(
      /project\.delete is denied: only org Owners\/Admins and the project owner/,
    );
    // A project she is not on: not shown, and the way to ask.
    const other = await detail(CAMPAIGNS);
    expect(other).toContain("Project not available");
    expect(other).toContain(`href="/requests/new?project=${CAMPAIGNS}"`);
    expect(other).not.toContain("Acme Campaigns");
  });

  it("a Guest may not create a project, and is told why", async () => {
    await as("blt_user_gus");
    const list = await html(ProjectsPage());
    expect(list).toMatch(
      /<button type="submit" class="la-button" disabled=""[^>]*aria-describedby="[^"]+">Create project/,
    );
    expect(list).toContain("Guests only get what a project grants them");
  });
});
