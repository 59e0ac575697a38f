// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";

import { MembersTable } from "@/app/(app)/members/_components/members-table";
import type { MemberExplanation } from "@/lib/server/members/member-explanation";
import type { MemberRowView } from "@/lib/server/members/member-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const mia: MemberRowView = {
  key: "blt_user_mia",
  name: "Mia Member",
  email: "mia.member@acme.test",
  orgRole: "member",
  invitation: "accepted",
  level: "audience-manager",
  levelLabel: "Audience Manager",
  projects: [
    { uid: "P1", name: "Acme Web", desired: ["Audience Manager"], actual: null, invited: false },
  ],
  status: "out-of-sync",
  statusReasons: ["Acme Web: has no access in Lytics, should have Audience Manager."],
};
const pam: MemberRowView = {
  key: "pam@acme.test",
  name: null,
  email: "pam@acme.test",
  orgRole: "member",
  invitation: "pending",
  level: null,
  levelLabel: "None",
  projects: [],
  status: "pending",
  statusReasons: [
    "Has not accepted the invitation to the organization yet: gets nothing until then.",
  ],
};

const explanation: MemberExplanation = {
  member: mia,
  level: {
    layer: "org-role",
    rule: "level.member-grant",
    reasons: ["Member granted Audience Manager by an Owner or Admin."],
    levelLabel: "Audience Manager",
    roles: ["Audience Manager"],
    policyVersion: 1,
  },
  projects: [
    {
      uid: "P1",
      name: "Acme Web",
      desired: ["Audience Manager"],
      actual: null,
      invited: false,
      inSync: false,
      sources: [
        {
          kind: "member-level",
          rule: "desired.member-level",
          roles: ["Audience Manager"],
          reason: "Member with access level Audience Manager.",
        },
      ],
    },
  ],
  readAt: 0,
  policyChanged: false,
};

function stubApi() {
  const calls: { url: string; method: string; body: unknown; csrf: string | null }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      calls.push({
        url,
        method: init.method ?? "GET",
        body: init.body ? JSON.parse(String(init.body)) : undefined,
        csrf: headers.get("x-csrf-token"),
      });
      const body = url.startsWith("/api/members/explain")
        ? explanation
        : {
            status: "finished",
            outcome: "applied",
            syncStatus: "in-sync",
            reason: null,
            trace: [
              { phase: "read", text: "Contentstack member mia.member@acme.test: org role member." },
              { phase: "write", text: "Invited to Acme Web with Audience Manager." },
            ],
          };
      return new Response(JSON.stringify(body), { status: 200 });
    }),
  );
  return calls;
}

describe("MembersTable", () => {
  it("shows each person's role, level, roles per project and status, with a caption", () => {
    render(<MembersTable rows={[mia, pam]} caption="Members: 2 matching" canSync={false} />);
    const table = screen.getByRole("table", { name: "Members: 2 matching" });
    const [, miaRow, pamRow] = within(table).getAllByRole("row");
    expect(within(miaRow as HTMLElement).getByRole("rowheader").textContent).toContain(
      "Mia Member",
    );
    expect(miaRow?.textContent).toContain("Audience Manager");
    expect(miaRow?.textContent).toContain("Acme Web: none");
    expect(
      within(miaRow as HTMLElement)
        .getByText("Out of sync")
        .getAttribute("title"),
    ).toMatch(/should have Audience Manager/);
    // Someone without a name is listed by email alone; a pending invitation says so.
    expect(pamRow?.textContent).toContain("pam@acme.test");
    expect(pamRow?.textContent).toContain("(invited)");
    expect(within(pamRow as HTMLElement).getByText("Pending")).toBeTruthy();
  });

  it("says so when nobody matches", () => {
    render(<MembersTable rows={[]} caption="Members" canSync />);
    expect(screen.getByText("Nobody matches these filters.")).toBeTruthy();
  });

  it("opens a row's explanation, and a Member gets no sync button", async () => {
    const calls = stubApi();
    render(<MembersTable rows={[mia]} caption="Your access" canSync={false} />);
    const button = screen.getByRole("button", { name: "Explain Mia Member" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    await userEvent.click(button);
    expect(
      screen.getByRole("button", { name: "Hide Mia Member" }).getAttribute("aria-expanded"),
    ).toBe("true");
    await screen.findByTestId("member-explanation");
    expect(calls[0]?.url).toBe("/api/members/explain?person=blt_user_mia");
    expect(screen.queryByRole("button", { name: /Sync Mia Member now/ })).toBeNull();
  });

  it("syncs the person now (with the CSRF token) and shows the step-by-step trace", async () => {
    document.head.innerHTML = '<meta name="la-csrf" content="csrf-123">';
    const calls = stubApi();
    render(<MembersTable rows={[mia]} caption="Members" canSync />);
    await userEvent.click(screen.getByRole("button", { name: "Explain Mia Member" }));
    await screen.findByTestId("member-explanation");
    await userEvent.click(screen.getByRole("button", { name: "Sync Mia Member now" }));
    const trace = await screen.findByTestId("sync-trace");
    expect(
      within(trace)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Read Contentstack member mia.member@acme.test: org role member.",
      "Write Invited to Acme Web with Audience Manager.",
    ]);
    const sync = calls.find((c) => c.url === "/api/members/sync-person");
    expect(sync).toMatchObject({
      method: "POST",
      body: { person: "blt_user_mia" },
      csrf: "csrf-123",
    });
    expect(screen.getByTestId("sync-person-result").getAttribute("aria-live")).toBe("polite");
    // The row's badge shows the status read back after the run.
    const row = screen.getByRole("rowheader", { name: /Mia Member/ }).closest("tr") as HTMLElement;
    expect(within(row).getByText("In sync")).toBeTruthy();
    // The explanation is read again after the run.
    await waitFor(() =>
      expect(calls.filter((c) => c.url.startsWith("/api/members/explain"))).toHaveLength(2),
    );
  });
});
