// @vitest-environment happy-dom
// Access Denied (seed 000) leads to an access request for the project and the role that grants it.
import { cleanup, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { DecisionView } from "@/app/_troubleshooting/decision-view";
import { diagnoseAccess } from "@/lib/server/troubleshooting/diagnose";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));
afterEach(cleanup);

const ask = {
  projectOwner: "Max Member",
  orgOwnersAndAdmins: ["Olivia Owner (organization Owner)"],
};

describe("Access denied: Request access", () => {
  it("links to the request form with the project and the suggested role", () => {
    const diagnosis = diagnoseAccess(
      { orgRole: "member", isProjectOwner: false, projectRoles: [] },
      "audiences.view",
      "Acme Campaigns",
      ask,
    );
    render(
      <DecisionView
        diagnosis={diagnosis}
        who="Mia Member"
        projectName="Acme Campaigns"
        requestHref="/requests/new?project=p1002&role=Audience+Manager"
      />,
    );
    const link = screen.getByRole("link", { name: "Request access" });
    expect(link.getAttribute("href")).toBe("/requests/new?project=p1002&role=Audience+Manager");
    expect(screen.getByTestId("remedy").textContent).toMatch(
      /Ask for Audience Manager with a reason/,
    );
    // The old disabled placeholder is gone.
    expect(screen.queryByRole("button", { name: "Request access" })).toBeNull();
  });

  it("offers no request where a project role would not help, or for someone else", () => {
    const diagnosis = diagnoseAccess(
      { orgRole: "member", isProjectOwner: false, projectRoles: [] },
      "org.settings",
      "Acme Campaigns",
      ask,
    );
    render(<DecisionView diagnosis={diagnosis} who="Mia Member" projectName="Acme Campaigns" />);
    expect(screen.getByTestId("remedy")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Request access" })).toBeNull();
  });
});
