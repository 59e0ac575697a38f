// @vitest-environment happy-dom
import { DEFAULT_MAPPING_POLICY } from "@lytics-access/permissions";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { PolicyForm } from "@/app/(app)/policy/_components/policy-form";

const router = { push: vi.fn(), refresh: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const view = {
  policy: DEFAULT_MAPPING_POLICY,
  levels: [
    { id: "admin", label: "Admin" },
    { id: "editor", label: "Editor" },
    { id: "audience-manager", label: "Audience Manager" },
    { id: "data-manager", label: "Data Manager" },
    { id: "restricted", label: "Restricted" },
  ],
  roles: [
    { slug: "admin", name: "Admin" },
    { slug: "segment_manager", name: "Audience Manager" },
    { slug: "data_manager", name: "Data Manager" },
    { slug: "observer", name: "Observer" },
  ],
  memberGrantableCandidates: ["editor", "audience-manager", "data-manager"],
};

const PLAN = {
  planId: "p",
  projects: [
    {
      projectId: "p1002",
      name: "Acme Campaigns",
      lines: [
        {
          stepId: "s1",
          kind: "replace-roles",
          sign: "~",
          person: "ada.admin@acme.test",
          before: ["observer"],
          after: ["segment_manager"],
          drift: false,
          why: [{ rule: "desired.org-admin", text: "Organization Admin: the Editor bundle." }],
        },
      ],
    },
  ],
};

let calls: { url: string; method: string; body: Record<string, unknown> }[] = [];
function answers(...replies: { status: number; body: unknown }[]) {
  calls = [];
  const queue = [...replies];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: String(init.method), body: JSON.parse(String(init.body)) });
      const reply = queue.shift() ?? { status: 500, body: {} };
      return new Response(JSON.stringify(reply.body), { status: reply.status });
    }),
  );
}

beforeEach(() => router.refresh.mockReset());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const editorBox = (name: string) =>
  within(screen.getByTestId("level-editor")).getByRole("checkbox", { name: new RegExp(name) });

describe("PolicyForm", () => {
  it("shows each issue the server finds beside its field, and offers no Save", async () => {
    answers({
      status: 400,
      body: {
        error: "invalid-policy",
        issues: [
          { path: "levels.restricted.roles", message: "must be empty: Guests get nothing" },
          { path: "levels.editor.roles", message: "must name at least one role" },
          { path: "memberGrantableLevels[1]", message: 'duplicate level "data-manager"' },
        ],
      },
    });
    render(<PolicyForm view={view} canEdit />);
    await userEvent.click(screen.getByRole("button", { name: "Preview changes" }));
    await waitFor(() => expect(screen.getByTestId("policy-error-editor")).toBeTruthy());
    expect(screen.getByTestId("policy-error-editor").textContent).toBe(
      "must name at least one role",
    );
    expect(screen.getByTestId("policy-error-restricted").textContent).toContain("must be empty");
    expect(screen.getByTestId("policy-error-grantable").textContent).toContain("duplicate level");
    expect(screen.queryByTestId("policy-error-admin")).toBeNull();
    expect(screen.getByTestId("level-editor").getAttribute("aria-describedby")).toBe(
      "policy-error-editor",
    );
    expect((screen.getByTestId("policy-save") as HTMLButtonElement).disabled).toBe(true);
  });

  it("previews the edit, saves what was previewed, and reports a stale save without losing the edit", async () => {
    answers(
      { status: 200, body: { basedOnVersion: 1, plan: PLAN, safety: [], causedByEdit: ["s1"] } },
      {
        status: 409,
        body: { error: "stale", currentVersion: 2, reasons: ["Someone saved version 2 first."] },
      },
    );
    render(<PolicyForm view={view} canEdit />);
    expect((screen.getByTestId("policy-save") as HTMLButtonElement).disabled).toBe(true);
    // Add Data Manager to the Editor bundle.
    await userEvent.click(editorBox("Data Manager"));
    await userEvent.click(screen.getByRole("button", { name: "Preview changes" }));
    await waitFor(() => expect(screen.getByTestId("plan-diff")).toBeTruthy());
    expect(calls[0]).toMatchObject({ url: "/api/policy/preview", method: "POST" });
    expect(screen.getByTestId("plan-line").textContent).toContain("observer → segment_manager");
    expect(screen.getByTestId("from-edit").textContent).toBe("from this edit");
    expect(screen.getByTestId("plan-from-edit").textContent).toContain(
      "1 of these 1 changes comes from the edit",
    );

    const save = screen.getByTestId("policy-save") as HTMLButtonElement;
    expect(save.disabled).toBe(false);
    await userEvent.click(save);
    await waitFor(() =>
      expect(screen.getByTestId("policy-message").textContent).toContain(
        "Someone saved version 2 first.",
      ),
    );
    expect((calls[0]?.body.levels as { editor: { roles: string[] } }).editor.roles).toContain(
      "data_manager",
    );
    expect(calls[1]).toMatchObject({
      url: "/api/policy",
      method: "PUT",
      body: { expectedVersion: 1, levels: calls[0]?.body.levels },
    });
    expect(router.refresh).not.toHaveBeenCalled();
  });

  it("asks for a new preview once the edit changes after one", async () => {
    answers({ status: 200, body: { basedOnVersion: 1, plan: PLAN, safety: [] } });
    render(<PolicyForm view={view} canEdit />);
    await userEvent.click(screen.getByRole("button", { name: "Preview changes" }));
    await waitFor(() =>
      expect((screen.getByTestId("policy-save") as HTMLButtonElement).disabled).toBe(false),
    );
    await userEvent.click(editorBox("Observer"));
    expect((screen.getByTestId("policy-save") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId("plan-diff")).toBeNull();
  });

  it("is read-only for an Admin, with why, and has no buttons", () => {
    render(
      <PolicyForm
        view={view}
        canEdit={false}
        editRefusal="Only the organization's Owner may change the mapping policy (DESIGN §3.1); Admins may view it."
      />,
    );
    expect(screen.getByTestId("policy-read-only").textContent).toContain("Admins may view it");
    // Disabled through its fieldset.
    expect(editorBox("Audience Manager").closest("fieldset[disabled]")).not.toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });
});
