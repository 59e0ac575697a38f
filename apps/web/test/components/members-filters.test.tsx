// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { MembersFilters } from "@/app/(app)/members/_components/members-filters";
import { Pager } from "@/app/(app)/members/_components/pager";

afterEach(cleanup);

const projects = [
  { uid: "P1", name: "Acme Web" },
  { uid: "P2", name: "Campaigns" },
];

describe("MembersFilters", () => {
  it("is a GET form whose fields carry the URL's filters (shareable, back button works)", () => {
    render(
      <MembersFilters
        query={{ q: "mia", role: "member", level: "none", project: "P2", status: "out-of-sync" }}
        projects={projects}
      />,
    );
    const form = screen.getByRole("search", { name: "Filter members" }) as HTMLFormElement;
    expect(form.getAttribute("method")).toBe("get");
    expect((screen.getByLabelText("Search") as HTMLInputElement).value).toBe("mia");
    expect((screen.getByLabelText("Contentstack role") as HTMLSelectElement).value).toBe("member");
    expect((screen.getByLabelText("Access level") as HTMLSelectElement).value).toBe("none");
    expect((screen.getByLabelText("Project") as HTMLSelectElement).value).toBe("P2");
    expect((screen.getByLabelText("Sync status") as HTMLSelectElement).value).toBe("out-of-sync");
    const names = [...form.elements].map((e) => (e as HTMLInputElement).name).filter(Boolean);
    expect(names).toEqual(["q", "role", "level", "project", "status"]);
    expect(screen.getByRole("link", { name: "Clear" }).getAttribute("href")).toBe("/members");
  });

  it("offers every project of the directory and 'Any' for each filter", () => {
    render(<MembersFilters query={{}} projects={projects} />);
    const project = screen.getByLabelText("Project") as HTMLSelectElement;
    expect([...project.options].map((o) => o.textContent)).toEqual([
      "Any project",
      "Acme Web",
      "Campaigns",
    ]);
    expect((screen.getByLabelText("Contentstack role") as HTMLSelectElement).value).toBe("");
  });
});

describe("Pager", () => {
  it("keeps the filters in the previous and next links", () => {
    render(<Pager params={{ role: "admin", q: "a" }} page={2} pageCount={3} />);
    expect(screen.getByRole("link", { name: "Previous" }).getAttribute("href")).toBe(
      "/members?role=admin&q=a",
    );
    expect(screen.getByRole("link", { name: "Next" }).getAttribute("href")).toBe(
      "/members?role=admin&q=a&page=3",
    );
    expect(screen.getByText("Page 2 of 3")).toBeTruthy();
  });

  it("has no Previous on the first page nor Next on the last", () => {
    render(<Pager params={{}} page={1} pageCount={1} />);
    expect(screen.queryByRole("link")).toBeNull();
  });
});
