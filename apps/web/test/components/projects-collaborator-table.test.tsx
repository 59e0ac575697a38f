// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { CollaboratorTable } from "@/app/(app)/projects/_components/collaborator-table";
import type { CollaboratorRow, Gate } from "@/lib/server/projects/project-view";
import { roleOptions } from "@/lib/server/projects/role-options";

import { answerOnce, stubFetchPerTest } from "./support/stub-fetch";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push: vi.fn() }) }));

const fetchMock = stubFetchPerTest();
afterEach(() => refresh.mockReset());

const ALLOWED: Gate = { allowed: true, rule: "project.guard.passed", reasons: ["allowed"] };
const ROLES = roleOptions([
  { slug: "admin", name: "Admin", description: "Full access." },
  { slug: "observer", name: "Observer", description: "Read-only access to audiences and reports." },
]);

const row = (over: Partial<CollaboratorRow>): CollaboratorRow => ({
  userUid: "u1",
  email: "u1@acme.test",
  name: "U One",
  roles: ["observer"],
  status: "active",
  isProjectOwner: false,
  expiresAt: null,
  hasGrant: true,
  etag: '"e1"',
  changeRole: ALLOWED,
  remove: ALLOWED,
  lastAdmin: false,
  inOrganization: true,
  ...over,
});

describe("the collaborator table", () => {
  it("disables what §3.3 refuses and says why, beside the control", () => {
    const owner = row({
      userUid: "adam",
      name: "Adam Admin",
      roles: ["admin"],
      isProjectOwner: true,
      changeRole: {
        allowed: false,
        rule: "project.guard.owner-protected",
        reasons: [
          "The target is the project owner, who cannot be removed or demoted by a collaborator.",
        ],
      },
      remove: {
        allowed: false,
        rule: "project.guard.owner-protected",
        reasons: [
          "The target is the project owner, who cannot be removed or demoted by a collaborator.",
        ],
      },
    });
    const last = row({
      userUid: "max",
      name: "Max Member",
      roles: ["admin"],
      lastAdmin: true,
      remove: {
        allowed: false,
        rule: "project.guard.last-admin",
        reasons: ["max is the last person with Admin on the project."],
      },
    });
    render(
      <CollaboratorTable projectUid="p1" projectName="Web" rows={[owner, last]} roles={ROLES} />,
    );
    expect(screen.getByRole("table", { name: "People on Web" })).toBeTruthy();

    const ownerRow = within(screen.getByTestId("row-adam"));
    expect(ownerRow.getByText("Project owner")).toBeTruthy();
    const change = ownerRow.getByRole("button", { name: "Change roles of Adam Admin" });
    const remove = ownerRow.getByRole("button", { name: "Remove Adam Admin" });
    expect((change as HTMLButtonElement).disabled).toBe(true);
    expect((remove as HTMLButtonElement).disabled).toBe(true);
    // Both refusals say the same: one reason line, named by both buttons.
    const reason = screen.getByTestId("change-adam");
    expect(reason.textContent).toMatch(/project owner, who cannot be removed or demoted/);
    expect(reason.getAttribute("data-rule")).toBe("project.guard.owner-protected");
    expect(change.getAttribute("aria-describedby")).toBe("change-adam");
    expect(remove.getAttribute("aria-describedby")).toBe("change-adam");

    const lastRow = within(screen.getByTestId("row-max"));
    expect(
      (lastRow.getByRole("button", { name: "Change roles of Max Member" }) as HTMLButtonElement)
        .disabled,
    ).toBe(false);
    const removeMax = lastRow.getByRole("button", {
      name: "Remove Max Member",
    }) as HTMLButtonElement;
    expect(removeMax.disabled).toBe(true);
    expect(screen.getByTestId("remove-max").textContent).toMatch(/last person with Admin/);
    expect(screen.getByTestId("remove-max").getAttribute("data-rule")).toBe(
      "project.guard.last-admin",
    );
  });

  it("flags someone the organization does not have: the sync removes them", () => {
    render(
      <CollaboratorTable
        projectUid="p1"
        projectName="Web"
        rows={[row({}), row({ userUid: "lee", name: "Lee Leaver", inOrganization: false })]}
        roles={ROLES}
      />,
    );
    expect(screen.getByTestId("outsider-lee").textContent).toMatch(
      /Not in the organization.*sync removes them/,
    );
    expect(screen.queryByTestId("outsider-u1")).toBeNull();
  });

  it("the last Admin's role editor refuses to drop Admin before anything is sent", () => {
    render(
      <CollaboratorTable
        projectUid="p1"
        projectName="Web"
        rows={[row({ userUid: "max", name: "Max Member", roles: ["admin"], lastAdmin: true })]}
        roles={ROLES}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Change roles of Max Member" }));
    const editor = within(screen.getByTestId("editor-max"));
    fireEvent.click(editor.getByRole("checkbox", { name: "Admin" }));
    expect(editor.getByTestId("error-roles").textContent).toMatch(/last person with Admin/);
    expect((editor.getByRole("button", { name: "Save roles" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("changes roles with the row's version, and shows the server's refusal when it was stale", async () => {
    answerOnce(fetchMock, 409, {
      error: "stale-edit",
      reasons: ["U One's access was changed by someone else since you opened it."],
    });
    render(<CollaboratorTable projectUid="p1" projectName="Web" rows={[row({})]} roles={ROLES} />);
    fireEvent.click(screen.getByRole("button", { name: "Change roles of U One" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Admin" }));
    fireEvent.click(screen.getByRole("button", { name: "Save roles" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toMatch(/changed by someone else/),
    );
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/projects/p1/collaborators/u1");
    expect(init.method).toBe("PUT");
    expect((init.headers as Record<string, string>)["if-match"]).toBe('"e1"');
    expect((init.headers as Record<string, string>)["x-csrf-token"]).toBe("csrf-1");
    expect(JSON.parse(String(init.body))).toEqual({
      roles: ["observer", "admin"],
      expiresAt: null,
    });
  });

  it("removal asks to confirm, then sends the row's version", async () => {
    answerOnce(fetchMock, 200, { removed: "u1" });
    render(
      <CollaboratorTable
        projectUid="p1"
        projectName="Web"
        rows={[row({ expiresAt: Date.UTC(2026, 11, 31, 23, 59) })]}
        roles={ROLES}
      />,
    );
    expect(screen.getByText("31 Dec 2026")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove U One" }));
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Yes, remove U One" }));
    await waitFor(() =>
      expect(screen.getByTestId("table-notice").textContent).toBe("U One removed from Web."),
    );
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(init.method).toBe("DELETE");
    expect((init.headers as Record<string, string>)["if-match"]).toBe('"e1"');
    expect(refresh).toHaveBeenCalled();
  });
});
