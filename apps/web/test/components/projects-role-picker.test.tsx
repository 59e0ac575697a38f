// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { RoleName } from "@/app/(app)/projects/_components/role-name";
import { RolePicker } from "@/app/(app)/projects/_components/role-picker";
import { roleOptions } from "@/lib/server/projects/role-options";

afterEach(cleanup);

// The roles as the project's GET /projects/{id}/roles gives them (the emulator's descriptions).
const ROLES = roleOptions([
  { slug: "admin", name: "Admin", description: "Full access to every feature, user and setting." },
  { slug: "observer", name: "Observer", description: "Read-only access to audiences and reports." },
  { slug: "data_manager", name: "Data Manager", description: null },
]);

describe("the role picker (seed 002: the role description in the invite picker)", () => {
  it("shows each role with its description and what it grants", () => {
    render(<RolePicker roles={ROLES} selected={[]} onChange={() => {}} legend="Roles" />);
    const observer = screen.getByRole("checkbox", { name: "Observer" });
    // The description is the checkbox's description, so a screen reader reads it with the name.
    expect(observer.getAttribute("aria-describedby")).toBeTruthy();
    expect(
      document.getElementById(observer.getAttribute("aria-describedby") ?? "")?.textContent,
    ).toBe("Read-only access to audiences and reports.");
    const grants = screen.getByText("What Observer grants").closest("details");
    expect(within(grants as HTMLElement).getByText("Audiences (without PII): View")).toBeTruthy();
    // Data Manager: no description from Lytics, still what the catalogue says it grants.
    expect(screen.getByText("No description from Data & Insights.")).toBeTruthy();
    const dm = screen.getByText("What Data Manager grants").closest("details") as HTMLElement;
    expect(within(dm).getByText("Personally Identifiable Information (PII): View")).toBeTruthy();
    // Admin holds every task: said in one line, not a list of them all.
    const admin = screen.getByText("What Admin grants").closest("details") as HTMLElement;
    expect(admin.textContent).toMatch(/Grants every task, user and setting/);
  });

  it("reports the chosen roles, and shows a roles error beside the picker", () => {
    const onChange = vi.fn();
    render(
      <RolePicker
        roles={ROLES}
        selected={["observer"]}
        onChange={onChange}
        legend="Roles"
        error="This project does not offer that role."
      />,
    );
    fireEvent.click(screen.getByRole("checkbox", { name: "Admin" }));
    expect(onChange).toHaveBeenCalledWith(["observer", "admin"]);
    fireEvent.click(screen.getByRole("checkbox", { name: "Observer" }));
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(screen.getByTestId("error-roles").textContent).toBe(
      "This project does not offer that role.",
    );
  });

  it("a role held shows its description and grants on hover or focus", () => {
    render(<RoleName slug="observer" role={ROLES[1]} />);
    const tag = screen.getByText("Observer", { exact: false });
    expect(tag.getAttribute("tabindex")).toBe("0");
    const tip = screen.getByRole("tooltip", { hidden: true });
    expect(tag.getAttribute("aria-describedby")).toBe(tip.id);
    expect(tip.textContent).toMatch(/Read-only access to audiences and reports/);
    expect(tip.textContent).toMatch(/Audiences \(without PII\): View/);
  });
});
