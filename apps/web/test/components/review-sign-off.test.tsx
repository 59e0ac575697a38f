// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { ReviewTable } from "@/app/(app)/review/_components/review-table";
import { SignOff } from "@/app/(app)/review/_components/sign-off";
import type { ReviewRow } from "@/lib/server/review/review-rows";

let bodies: unknown[] = [];
let headers: Headers[] = [];
function answer(status: number, body: unknown) {
  bodies = [];
  headers = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      headers.push(new Headers(init.headers));
      return new Response(JSON.stringify(body), { status });
    }),
  );
}

beforeEach(() => {
  document.head.innerHTML = '<meta name="la-csrf" content="csrf-9">';
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const at = Date.UTC(2026, 11, 1, 9, 30);

describe("SignOff", () => {
  it("offers an Admin no sign-off, only the last one and why", () => {
    render(
      <SignOff
        last={{ by: "Olivia Owner", at, note: null }}
        today="2026-12-01"
        refusal="Only the organization's Owner signs off an access review (issue 11); Admins may review and export it."
      />,
    );
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByTestId("sign-off-refused").textContent).toMatch(
      /Only the organization's Owner/,
    );
    expect(screen.getByTestId("last-sign-off").textContent).toBe(
      "Last reviewed by Olivia Owner on 1 Dec 2026, 09:30 UTC.",
    );
  });

  it("says when nobody signed off, records a sign-off with its note, and shows it as the last", async () => {
    answer(200, { lastSignOff: { by: "Olivia Owner", at, note: "Q4" } });
    render(<SignOff last={null} today="2026-12-01" />);
    expect(screen.getByTestId("last-sign-off").textContent).toBe(
      "Nobody has signed off a review yet.",
    );
    await userEvent.type(screen.getByLabelText("Note (optional)"), "Q4");
    await userEvent.click(
      screen.getByRole("button", { name: "I reviewed this access on 2026-12-01" }),
    );
    await waitFor(() =>
      expect(screen.getByTestId("last-sign-off").textContent).toBe(
        'Last reviewed by Olivia Owner on 1 Dec 2026, 09:30 UTC: "Q4"',
      ),
    );
    expect(bodies[0]).toEqual({ note: "Q4" });
    expect(headers[0]?.get("x-csrf-token")).toBe("csrf-9");
  });

  it("shows the server's refusal and keeps the last sign-off", async () => {
    answer(403, {
      error: "forbidden",
      reasons: ["org.settings is denied: only organization Owners and Admins"],
    });
    render(<SignOff last={{ by: "Adam Admin", at, note: null }} today="2026-12-02" />);
    await userEvent.click(screen.getByRole("button", { name: /I reviewed this access/ }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toMatch(/org.settings is denied/),
    );
    expect(screen.getByTestId("last-sign-off").textContent).toBe(
      "Last reviewed by Adam Admin on 1 Dec 2026, 09:30 UTC.",
    );
  });
});

const row = (over: Partial<ReviewRow>): ReviewRow => ({
  projectUid: "p1",
  projectName: "Acme Corporation",
  userUid: "u1",
  email: "mia.member@acme.test",
  name: "Mia Member",
  standing: "member",
  roles: ["Observer"],
  why: [
    { kind: "collaborator", rule: "desired.collaborator", roles: ["Observer"], reason: "granted" },
  ],
  verdict: "explained",
  expected: [],
  grant: { expiresAt: Date.UTC(2026, 11, 31), source: "access-request", grantedBy: "Olivia Owner" },
  lastSignIn: null,
  ...over,
});

describe("ReviewTable", () => {
  it("shows each holding with its reason, expiry and an unknown last sign-in", () => {
    render(
      <ReviewTable
        asOf={at}
        rows={[
          row({}),
          row({
            email: "lee.leaver@acme.test",
            name: "Lee Leaver",
            standing: "not in organization",
            roles: ["Data Manager"],
            why: [],
            verdict: "unexplained",
            grant: null,
            lastSignIn: at,
          }),
        ]}
      />,
    );
    const table = screen.getByRole("table", { name: "2 role assignments as of 1 Dec 2026" });
    const [, mia, lee] = table.querySelectorAll("tr");
    expect(mia?.textContent).toContain("Collaborator grant: Observer");
    expect(mia?.textContent).toContain("31 Dec 2026");
    expect(mia?.textContent).toContain("unknown");
    expect(lee?.textContent).toContain("No rule: sync removes");
    expect(lee?.textContent).toContain("no grant");
    expect(lee?.textContent).toContain("1 Dec 2026");
  });
});
