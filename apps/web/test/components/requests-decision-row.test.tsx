// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { DecisionRow } from "@/app/(app)/requests/_components/decision-row";

import { requestView } from "./support/request-view";

const router = { push: vi.fn(), refresh: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const request = requestView({
  id: "2b1f6c1e-1111-4a4a-8888-000000000001",
  reason: "Summer campaign audiences",
});

let bodies: unknown[] = [];
function answer(status: number, body: unknown) {
  bodies = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify(body), { status });
    }),
  );
}

beforeEach(() => router.refresh.mockReset());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const row = () =>
  render(
    <ul>
      <DecisionRow request={request} today="2026-12-01" />
    </ul>,
  );

describe("DecisionRow", () => {
  it("shows who asked for which role on which project, and why", () => {
    row();
    expect(screen.getByRole("heading", { level: 3 }).textContent).toBe(
      "Mia Member (mia.member@acme.test) · Audience Manager on Acme Campaigns",
    );
    expect(screen.getByText("Summer campaign audiences")).toBeTruthy();
    expect(screen.getByTestId("request-status").textContent).toBe("Pending");
  });

  it("approves with the expiry date and the version shown", async () => {
    answer(200, { request: { ...request, status: "approved" } });
    row();
    const date = screen.getByLabelText("Access until (optional)") as HTMLInputElement;
    expect(date.min).toBe("2026-12-01");
    await userEvent.type(date, "2026-12-31");
    await userEvent.click(screen.getByRole("button", { name: "Approve" }));
    await waitFor(() =>
      expect(screen.getByTestId("decision-done").textContent).toMatch(/Approved/),
    );
    expect(bodies[0]).toEqual({
      decision: "approve",
      requestId: request.id,
      version: 1,
      expiresOn: "2026-12-31",
    });
    expect(router.refresh).toHaveBeenCalled();
    expect((screen.getByRole("button", { name: "Approve" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it("declines only with a reason", async () => {
    answer(200, { request: { ...request, status: "declined" } });
    row();
    await userEvent.click(screen.getByRole("button", { name: "Decline" }));
    expect(screen.getByTestId("decision-error").textContent).toMatch(/Say why it is declined/);
    expect(bodies).toHaveLength(0);
    await userEvent.type(screen.getByLabelText("Reason (required to decline)"), "Ask Max first");
    await userEvent.click(screen.getByRole("button", { name: "Decline" }));
    await waitFor(() => expect(screen.getByTestId("decision-done").textContent).toBe("Declined."));
    expect(bodies[0]).toEqual({
      decision: "decline",
      requestId: request.id,
      version: 1,
      reason: "Ask Max first",
    });
  });

  it("says so when someone else decided first (409) or the server refuses (403)", async () => {
    answer(409, {
      error: "stale",
      reasons: ["This request was already approved by Olivia Owner; nothing was changed."],
    });
    row();
    await userEvent.click(screen.getByRole("button", { name: "Approve" }));
    await waitFor(() =>
      expect(screen.getByTestId("decision-error").textContent).toBe(
        "This request was already approved by Olivia Owner; nothing was changed.",
      ),
    );
    cleanup();
    answer(403, {
      error: "forbidden",
      rule: "project.precedence.denied",
      reasons: [
        "Only the project's owner and the organization's Owners and Admins decide access requests.",
      ],
    });
    row();
    await userEvent.click(screen.getByRole("button", { name: "Approve" }));
    await waitFor(() =>
      expect(screen.getByTestId("decision-error").textContent).toMatch(/Only the project's owner/),
    );
    expect(router.refresh).not.toHaveBeenCalled();
  });
});
