// @vitest-environment happy-dom
import type { StoredAuditEntry } from "@lytics-access/store";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";

import { AuditLog } from "@/app/(app)/sync/_components/audit-log";

const entry = (id: string, email: string): StoredAuditEntry => ({
  id,
  kind: "change-applied",
  at: Date.UTC(2026, 11, 1, 10, 0, 0),
  actor: { type: "system", name: "sync" },
  projectUid: "p1002",
  person: { email },
  change: "remove",
  beforeRoles: ["data_manager"],
  afterRoles: [],
  why: { rules: ["sync.not-in-org"], text: "Not in the organization any more." },
  runId: "run-1",
  stepId: "s1",
});

let urls: string[] = [];
function pages(...bodies: unknown[]) {
  urls = [];
  const queue = [...bodies];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify(queue.shift() ?? { entries: [], nextCursor: null }), {
        status: 200,
      });
    }),
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const projects = [{ uid: "p1002", name: "Acme Campaigns" }];
const kinds = ["change-applied", "plan-held"] as const;

describe("AuditLog", () => {
  it("shows each entry in words, with the project's name", () => {
    render(
      <AuditLog
        initial={{ entries: [entry("1-0", "lee.leaver@acme.test")], nextCursor: null }}
        kinds={kinds}
        projects={projects}
      />,
    );
    const row = screen.getByTestId("audit-row").textContent ?? "";
    expect(row).toContain("2026-12-01 10:00:00");
    expect(row).toContain("system (sync)");
    expect(row).toContain("Acme Campaigns");
    expect(row).toContain("Removed: data_manager → none. Not in the organization any more.");
    expect(screen.queryByTestId("audit-more")).toBeNull();
  });

  it("filters on the server, pages with the cursor, and exports the applied filters", async () => {
    pages(
      { entries: [entry("5-0", "lee.leaver@acme.test")], nextCursor: "5-0" },
      { entries: [entry("4-0", "lee.leaver@acme.test")], nextCursor: null },
    );
    render(
      <AuditLog initial={{ entries: [], nextCursor: null }} kinds={kinds} projects={projects} />,
    );
    await userEvent.type(screen.getByTestId("filter-person"), "lee.leaver@acme.test");
    await userEvent.selectOptions(screen.getByTestId("filter-project"), "p1002");
    await userEvent.selectOptions(screen.getByTestId("filter-kind"), "change-applied");
    await userEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    await waitFor(() => expect(screen.getAllByTestId("audit-row")).toHaveLength(1));
    expect(urls[0]).toBe(
      "/api/sync/audit?person=lee.leaver%40acme.test&project=p1002&kind=change-applied",
    );
    expect(screen.getByTestId("audit-csv").getAttribute("href")).toBe(
      "/api/sync/audit.csv?person=lee.leaver%40acme.test&project=p1002&kind=change-applied",
    );
    await userEvent.click(screen.getByRole("button", { name: "Older entries" }));
    await waitFor(() => expect(screen.getAllByTestId("audit-row")).toHaveLength(2));
    expect(urls[1]).toContain("&cursor=5-0");
    expect(screen.queryByTestId("audit-more")).toBeNull();
  });

  it("shows a refusal's reason", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ error: "invalid-query", reasons: ["from: must be a date"] }),
            {
              status: 400,
            },
          ),
      ),
    );
    render(
      <AuditLog initial={{ entries: [], nextCursor: null }} kinds={kinds} projects={projects} />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("from: must be a date"));
  });
});
