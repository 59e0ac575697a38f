// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { SyncStatusPanel } from "@/app/(app)/sync/_components/sync-status-panel";
import type { SyncStatus } from "@/lib/server/sync-page/sync-status";

const router = { push: vi.fn(), refresh: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

/** A stand-in for the browser's EventSource: the test sends the server's events. */
class FakeEventSource {
  static last: FakeEventSource | undefined;
  readonly listeners = new Map<string, ((event: unknown) => void)[]>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (event: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data?: unknown) {
    for (const listener of this.listeners.get(type) ?? [])
      listener(data === undefined ? {} : { data: JSON.stringify(data) });
  }
  close() {
    this.closed = true;
  }
}

const idle: SyncStatus = {
  connection: "connected",
  statusReason: null,
  failureCount: 0,
  awaitingImport: false,
  jobs: [],
  latestRun: null,
  heldPlans: 0,
};
const running: SyncStatus = {
  ...idle,
  jobs: [
    {
      id: "9",
      name: "sync.reconcile-org",
      state: "active",
      dryRun: false,
      trigger: "manual",
      queuedAt: 1,
    },
  ],
};
const finished: SyncStatus = {
  ...idle,
  latestRun: {
    runId: "run-9-1",
    trigger: "manual",
    startedAt: Date.UTC(2026, 11, 1, 10, 0, 0),
    finishedAt: Date.UTC(2026, 11, 1, 10, 0, 2),
    durationMs: 2000,
    outcome: "applied",
    counts: { invites: 1, roleChanges: 0, removals: 0, failed: 0, calls: 9 },
  },
};

beforeEach(() => {
  router.refresh.mockReset();
  vi.stubGlobal("EventSource", FakeEventSource);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("SyncStatusPanel", () => {
  it("follows the live status in a polite live region, and refreshes the page when the run ends", () => {
    const { unmount } = render(<SyncStatusPanel initial={idle} canRun />);
    const source = FakeEventSource.last as FakeEventSource;
    expect(source.url).toBe("/api/sync/events");
    const state = screen.getByTestId("run-state");
    expect(state.getAttribute("aria-live")).toBe("polite");
    expect(state.textContent).toBe("No sync running.");

    act(() => source.emit("status", running));
    expect(state.textContent).toBe("Full sync: running");
    act(() => source.emit("status", finished));
    expect(state.textContent).toBe("No sync running.");
    expect(screen.getByTestId("last-run").textContent).toBe("applied, 2026-12-01 10:00:02 UTC");
    expect(router.refresh).toHaveBeenCalled();

    unmount();
    expect(source.closed).toBe(true);
  });

  it("queues a run with Run now and says so; a refusal is shown with its reason", async () => {
    const replies = [
      { status: 202, body: { jobId: "3", queued: true } },
      { status: 409, body: { error: "needs-reconnect", reasons: ["Reconnect it first."] } },
    ];
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        const reply = replies.shift() ?? { status: 500, body: {} };
        return new Response(JSON.stringify(reply.body), { status: reply.status });
      }),
    );
    render(<SyncStatusPanel initial={idle} canRun />);
    await userEvent.click(screen.getByRole("button", { name: "Run now" }));
    await waitFor(() =>
      expect(screen.getByTestId("run-message").textContent).toBe(
        "Sync queued. Progress shows here.",
      ),
    );
    expect(screen.getByText("Sync queued. Progress shows here.").className).toBe(
      "la-badge la-badge-ok",
    );
    await userEvent.click(screen.getByRole("button", { name: "Run now" }));
    await waitFor(() =>
      expect(screen.getByTestId("run-message").textContent).toBe("Reconnect it first."),
    );
    expect(screen.getByText("Reconnect it first.").className).toBe("la-badge la-badge-bad");
  });

  it("shows why a connection needs reconnecting, and no Run now without the right", () => {
    render(
      <SyncStatusPanel
        initial={{ ...idle, connection: "needs-reconnect", statusReason: "The grant was revoked." }}
        canRun={false}
      />,
    );
    expect(screen.getByTestId("connection").textContent).toBe("Needs reconnect");
    expect(screen.getByText(/The grant was revoked\. Reconnect it on Overview\./)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Run now" })).toBeNull();
  });
});
