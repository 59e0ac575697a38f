// @vitest-environment happy-dom
// The /requests and /review pages put together from their loaders' answers: what each person is
// offered (decide, withdraw, sign off) follows what the server decided.
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { RequestsOverview } from "@/lib/server/requests/list-requests";
import type { AccessReview } from "@/lib/server/review/load-review";

import { requestView } from "./support/request-view";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }));
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));
const person = {
  current: { role: "owner", email: "olivia.owner@acme.test", name: "Olivia Owner" },
};
vi.mock("@/lib/server/page-session", () => ({
  pageSession: async () => ({
    status: "active",
    session: { orgUid: "blt_org_acme", userUid: "u" },
    person: person.current,
    tokens: { accessToken: "t" },
  }),
}));
vi.mock("@/lib/server/services", () => ({ services: () => ({}) }));
const overview = { current: null as RequestsOverview | null };
vi.mock("@/lib/server/requests/list-requests", () => ({
  requestsOverview: async () => overview.current,
}));
const review = { current: null as AccessReview | null };
vi.mock("@/lib/server/review/load-review", () => ({
  loadAccessReview: async () => review.current,
}));

const { default: RequestsPage } = await import("@/app/(app)/requests/page");
const { default: ReviewPage } = await import("@/app/(app)/review/page");

afterEach(cleanup);

const searchParams = (value: Record<string, string>) => Promise.resolve(value);

describe("/requests", () => {
  it("a decider sees the pending requests with approve and decline, and the sent notice", async () => {
    overview.current = {
      mine: [],
      toDecide: [requestView({})],
      decided: [],
      decidesFor: "organization",
    };
    render(await RequestsPage({ searchParams: searchParams({ sent: "1" }) }));
    expect(screen.getByRole("status").textContent).toMatch(/Your request was sent/);
    const row = within(screen.getByTestId("decision-row"));
    expect(row.getByRole("button", { name: "Approve" })).toBeTruthy();
    expect(row.getByRole("button", { name: "Decline" })).toBeTruthy();
    expect(
      screen.getByRole("link", { name: "Request access to a project" }).getAttribute("href"),
    ).toBe("/requests/new");
  });

  it("a Member deciding nothing sees only their own requests, pending ones with Withdraw, declined ones with the reason", async () => {
    overview.current = {
      mine: [
        requestView({ id: "a" }),
        requestView({
          id: "b",
          status: "declined",
          version: 2,
          decidedBy: "Adam Admin",
          decidedAt: Date.UTC(2026, 11, 2),
          decisionReason: "Ask Max",
        }),
      ],
      toDecide: [],
      decided: [],
      decidesFor: "none",
    };
    render(await RequestsPage({ searchParams: searchParams({}) }));
    expect(screen.queryByRole("heading", { name: "Waiting for your decision" })).toBeNull();
    const [pending, declined] = screen.getAllByTestId("my-request");
    expect(within(pending as HTMLElement).getByRole("button", { name: "Withdraw" })).toBeTruthy();
    expect(within(declined as HTMLElement).queryByRole("button")).toBeNull();
    expect(declined?.textContent).toContain("declined by Adam Admin");
    expect(declined?.textContent).toContain("Ask Max");
  });
});

describe("/review", () => {
  const base: AccessReview = {
    asOf: Date.UTC(2026, 11, 1),
    source: "organization",
    problems: [],
    rows: [],
    unreadProjects: ["Acme Labs"],
    lastSignOff: null,
  };

  it("an Owner gets the table, the CSV export and the sign-off", async () => {
    person.current = { role: "owner", email: "olivia.owner@acme.test", name: "Olivia Owner" };
    review.current = base;
    render(await ReviewPage());
    expect(screen.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe(
      "/api/review/export",
    );
    expect(screen.getByRole("table")).toBeTruthy();
    expect(
      screen.getByRole("button", { name: "I reviewed this access on 2026-12-01" }),
    ).toBeTruthy();
    expect(
      screen
        .getAllByRole("alert")
        .map((a) => a.textContent)
        .join(),
    ).toMatch(/Acme Labs/);
  });

  it("an Admin reviews and exports but is told the Owner signs off", async () => {
    person.current = { role: "admin", email: "adam.admin@acme.test", name: "Adam Admin" };
    review.current = base;
    render(await ReviewPage());
    expect(screen.getByRole("link", { name: "Export CSV" })).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByTestId("sign-off-refused").textContent).toMatch(
      /only the organization's Owner may sign off an access review/,
    );
  });

  it("draws at most 1000 rows and says the CSV has every one", async () => {
    person.current = { role: "owner", email: "olivia.owner@acme.test", name: "Olivia Owner" };
    const row = {
      projectUid: "p1",
      projectName: "Acme Corporation",
      userUid: "u",
      email: "x@acme.test",
      name: "X",
      standing: "member" as const,
      roles: ["Observer"],
      why: [],
      verdict: "unexplained" as const,
      expected: [],
      grant: null,
      lastSignIn: null,
    };
    review.current = {
      ...base,
      unreadProjects: [],
      rows: Array.from({ length: 1001 }, (_, i) => ({ ...row, email: `p${i}@acme.test` })),
    };
    render(await ReviewPage());
    expect(screen.getByTestId("rows-capped").textContent).toMatch(/first 1000 of 1001/);
    expect(screen.getAllByTestId("review-row")).toHaveLength(1000);
    expect(screen.getByRole("table").querySelector("caption")?.textContent).toBe(
      "1001 role assignments as of 1 Dec 2026 (first 1000 shown)",
    );
  });

  it("a Member is refused with the rule's reasons and no data", async () => {
    person.current = { role: "member", email: "mia.member@acme.test", name: "Mia Member" };
    review.current = null;
    render(await ReviewPage());
    expect(screen.getByTestId("review-refused").textContent).toMatch(
      /only organization Owners and Admins/,
    );
    expect(screen.queryByRole("table")).toBeNull();
  });
});
