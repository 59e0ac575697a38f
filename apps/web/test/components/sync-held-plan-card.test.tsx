// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { HeldPlanCard } from "@/app/(app)/sync/_components/held-plan-card";
import type { HeldPlanView } from "@/lib/server/sync-page/held-plan-view";

const router = { push: vi.fn(), refresh: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const plan: HeldPlanView = {
  planId: "plan-abcdef123456789",
  createdAt: Date.UTC(2026, 11, 1, 10, 0),
  removals: 4,
  share: 0.5,
  threshold: 0.2,
  heldBy: {
    guard: "removal-share",
    rule: "safety.removal-share.exceeded",
    reason:
      "The plan removes 4 of 8 Lytics users (50.0%), more than the 20.0% allowed without an Owner's approval.",
  },
  approval: null,
  diff: {
    planId: "plan-abcdef123456789",
    orgUid: "blt_org_acme",
    createdAt: "2026-12-01T10:00:00.000Z",
    summary: {
      invites: 0,
      roleChanges: 0,
      drift: 0,
      removals: 4,
      unchanged: 4,
      lyticsUsersTotal: 8,
      peopleLosingAccess: 4,
    },
    notices: [],
    projects: [],
  },
};

let calls: { url: string; body: unknown }[] = [];
function answer(status: number, body: unknown) {
  calls = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)) });
      return new Response(JSON.stringify(body), { status });
    }),
  );
}

beforeEach(() => router.refresh.mockReset());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("HeldPlanCard", () => {
  it("says which guard held the plan, its rule and why", () => {
    render(<HeldPlanCard plan={plan} canApprove />);
    const reason = screen.getByTestId("held-reason").textContent ?? "";
    expect(reason).toContain("Held by the removal-share guard:");
    expect(reason).toContain("more than the 20.0% allowed without an Owner's approval");
    expect(reason).toContain("(safety.removal-share.exceeded)");
    expect(screen.getByTestId("held-approval").textContent).toBe("Waiting for the Owner");
  });

  it("lets the Owner approve it, then refreshes the page", async () => {
    answer(202, { approved: plan.planId, jobId: "7" });
    render(<HeldPlanCard plan={plan} canApprove />);
    await userEvent.click(screen.getByRole("button", { name: "Approve and apply" }));
    await waitFor(() => expect(router.refresh).toHaveBeenCalled());
    expect(calls).toEqual([{ url: "/api/sync/held-plans/approve", body: { planId: plan.planId } }]);
    expect(screen.getByTestId("approve-message").textContent).toContain("Approved.");
    expect(screen.getByText(/^Approved\./).className).toBe("la-badge la-badge-ok");
  });

  it("shows the server's refusal when the approval fails", async () => {
    answer(409, { error: "already-approved", reasons: ["Plan was already approved by olivia."] });
    render(<HeldPlanCard plan={plan} canApprove />);
    await userEvent.click(screen.getByRole("button", { name: "Approve and apply" }));
    await waitFor(() =>
      expect(screen.getByTestId("approve-message").textContent).toBe(
        "Plan was already approved by olivia.",
      ),
    );
    expect(screen.getByText("Plan was already approved by olivia.").className).toBe(
      "la-badge la-badge-bad",
    );
    expect(router.refresh).not.toHaveBeenCalled();
  });

  it("gives an Admin the reason instead of the button", () => {
    render(
      <HeldPlanCard
        plan={plan}
        canApprove={false}
        approveRefusal="Only the organization's Owner may approve a plan the sync held."
      />,
    );
    expect(screen.queryByRole("button", { name: "Approve and apply" })).toBeNull();
    expect(screen.getByTestId("approve-refused").textContent).toBe(
      "Only the organization's Owner may approve a plan the sync held.",
    );
  });
});
