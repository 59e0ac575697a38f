// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { ExplanationPanel } from "@/app/(app)/members/_components/explanation-panel";
import type { MemberExplanation } from "@/lib/server/members/member-explanation";

afterEach(cleanup);

const base: MemberExplanation = {
  member: {
    key: "blt_user_olivia",
    name: "Olivia Owner",
    email: "olivia.owner@acme.test",
    orgRole: "owner",
    invitation: "accepted",
    level: "admin",
    levelLabel: "Admin",
    projects: [],
    status: "in-sync",
    statusReasons: [],
  },
  level: {
    layer: "org-role",
    rule: "level.org-owner",
    reasons: ["The organization's Owner has access level Admin."],
    levelLabel: "Admin",
    roles: ["Admin"],
    policyVersion: 1,
  },
  projects: [
    {
      uid: "P1",
      name: "Acme Web",
      desired: ["Admin"],
      actual: ["Admin"],
      invited: false,
      inSync: true,
      sources: [
        {
          kind: "org-owner",
          rule: "desired.org-owner",
          roles: ["Admin"],
          reason: "Organization Owner.",
        },
        {
          kind: "project-owner",
          rule: "desired.project-owner",
          roles: ["Admin"],
          reason: "Owner of project Acme Web.",
        },
      ],
    },
    {
      uid: "P2",
      name: "Campaigns",
      desired: [],
      actual: ["Observer"],
      invited: false,
      inSync: false,
      sources: [],
    },
  ],
  readAt: 0,
  policyChanged: false,
};

describe("ExplanationPanel", () => {
  it("names the layer and rule of the access level, with its reasons", () => {
    render(<ExplanationPanel explanation={base} />);
    const level = screen.getByRole("region", { name: "Access level" });
    expect(level.textContent).toContain("Access level: Admin");
    expect(level.textContent).toContain("layer org-role");
    expect(within(level).getByText("level.org-owner")).toBeTruthy();
    expect(level.textContent).toContain("The organization's Owner has access level Admin.");
  });

  it("gives each project's sources (rule, roles, why) beside what Lytics has", () => {
    render(<ExplanationPanel explanation={base} />);
    const web = screen.getByTestId("explain-P1");
    expect(web.textContent).toContain("matches");
    expect(
      within(web)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Organization Owner. Gives Admin. (source org-owner, rule desired.org-owner)",
      "Owner of project Acme Web. Gives Admin. (source project-owner, rule desired.project-owner)",
    ]);
    const campaigns = screen.getByTestId("explain-P2");
    expect(campaigns.textContent).toContain("differs");
    expect(campaigns.textContent).toContain("Should have: no roles. Lytics has: Observer.");
    expect(campaigns.textContent).toContain("No rule gives a role here");
  });

  it("says why a person is out of sync and warns when the policy changed since the read", () => {
    render(
      <ExplanationPanel
        explanation={{
          ...base,
          member: {
            ...base.member,
            status: "out-of-sync",
            statusReasons: ["Campaigns: has Observer in Lytics but should not be on the project."],
          },
          policyChanged: true,
        }}
      />,
    );
    expect(screen.getByRole("region", { name: "Sync status" }).textContent).toContain(
      "should not be on the project",
    );
    expect(screen.getByText(/mapping policy changed/)).toBeTruthy();
  });
});
