// @vitest-environment happy-dom
import type { PlanDiff } from "@lytics-access/sync";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { PlanDiffView } from "@/app/(app)/sync/_components/plan-diff-view";

afterEach(cleanup);

const plan: PlanDiff = {
  planId: "plan-1",
  orgUid: "blt_org_acme",
  createdAt: "2026-12-01T10:00:00.000Z",
  summary: {
    invites: 1,
    roleChanges: 1,
    drift: 1,
    removals: 1,
    unchanged: 3,
    lyticsUsersTotal: 8,
    peopleLosingAccess: 1,
  },
  notices: [],
  projects: [
    {
      projectId: "p1",
      name: "Acme Corporation",
      lines: [
        {
          stepId: "s1",
          kind: "invite",
          sign: "+",
          person: "olivia.owner@acme.test",
          before: [],
          after: ["admin"],
          drift: false,
          why: [
            {
              rule: "desired.org-owner",
              text: "Organization Owner: Admin on every project.",
              roles: ["admin"],
            },
          ],
        },
        {
          stepId: "s2",
          kind: "replace-roles",
          sign: "~",
          person: "ada.admin@acme.test",
          before: ["observer"],
          after: ["segment_manager", "report_viewer"],
          drift: true,
          why: [
            {
              rule: "desired.org-admin",
              text: "Organization Admin: the Editor bundle.",
              roles: [],
            },
          ],
        },
        {
          stepId: "s3",
          kind: "remove",
          sign: "-",
          person: "lee.leaver@acme.test",
          before: ["data_manager"],
          after: [],
          drift: false,
          why: [{ rule: "sync.not-in-org", text: "Not in the organization any more.", roles: [] }],
        },
      ],
    },
  ],
};

describe("PlanDiffView", () => {
  it("shows each project's invites, role changes (old → new) and removals, each with its reasons and rule", () => {
    render(<PlanDiffView plan={plan} label="Dry run" />);
    const table = screen.getByRole("table", { name: /Dry run: Acme Corporation/ });
    const rows = within(table).getAllByTestId("plan-line");
    expect(rows.map((row) => row.getAttribute("data-sign"))).toEqual(["+", "~", "-"]);
    expect(rows[0]?.textContent).toContain("Invite");
    expect(rows[0]?.textContent).toContain("olivia.owner@acme.test");
    expect(rows[0]?.textContent).toContain("(desired.org-owner)");
    expect(rows[1]?.textContent).toContain("observer → segment_manager, report_viewer");
    expect(rows[1]?.textContent).toContain("changed in Lytics");
    expect(rows[2]?.textContent).toContain("Remove");
    expect(rows[2]?.textContent).toContain("data_manager → none");
    expect(rows[2]?.textContent).toContain("Not in the organization any more. (sync.not-in-org)");
    expect(screen.getByTestId("plan-summary").textContent).toBe(
      "1 to invite, 1 role changes (1 put back after a change inside Lytics), 1 to remove.",
    );
  });

  it("says what the guards would do with the plan", () => {
    render(
      <PlanDiffView
        plan={plan}
        label="Dry run"
        safety={[
          { guard: "listing", outcome: "pass", rule: "safety.listing.ok", reason: "ok" },
          {
            guard: "removal-share",
            outcome: "hold",
            rule: "safety.removal-share.exceeded",
            reason: "The plan removes 4 of 8 Lytics users (50.0%).",
          },
        ]}
      />,
    );
    const guards = screen.getAllByTestId("plan-guard");
    expect(guards).toHaveLength(1);
    expect(guards[0]?.textContent).toContain("Would be held for the Owner's approval");
    expect(guards[0]?.textContent).toContain("(safety.removal-share.exceeded)");
  });

  it("says so when nothing would change", () => {
    render(<PlanDiffView plan={{ projects: [] }} label="Dry run" />);
    expect(screen.getByTestId("plan-empty").textContent).toContain("already match");
    expect(screen.queryByRole("table")).toBeNull();
  });
});
