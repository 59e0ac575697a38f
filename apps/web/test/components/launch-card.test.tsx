// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { LaunchCard } from "@/app/(app)/overview/_components/launch-card";

afterEach(cleanup);

const project = (uid: string, name: string) => ({
  uid,
  name,
  url: `https://lytics.test/auth/contentstack/start?project=${uid}`,
  why: "collaborator",
});

describe("LaunchCard", () => {
  it("opens the one project straight away, in a new tab without an opener", () => {
    render(<LaunchCard answer={{ allowed: true, projects: [project("p1", "Web")] }} />);
    const open = screen.getByTestId("launch-open");
    expect(open.getAttribute("href")).toContain("project=p1");
    expect(open.getAttribute("target")).toBe("_blank");
    expect(open.getAttribute("rel")).toContain("noopener");
    expect(screen.queryByTestId("launch-choices")).toBeNull();
  });

  it("lets a person on several projects choose, each link named for its project", () => {
    render(
      <LaunchCard
        answer={{ allowed: true, projects: [project("p1", "Web"), project("p2", "Mobile")] }}
      />,
    );
    const choices = within(screen.getByTestId("launch-choices"));
    expect(
      choices.getByRole("link", { name: "Open Mobile in Data & Insights" }).getAttribute("href"),
    ).toContain("project=p2");
    expect(choices.getAllByRole("link")).toHaveLength(2);
  });

  it("shows the refusal's reason, and no launch link", () => {
    render(
      <LaunchCard
        answer={{ allowed: false, error: "no-project", reasons: ["You are not on any project."] }}
      />,
    );
    expect(screen.getByTestId("launch-refused").textContent).toBe("You are not on any project.");
    expect(screen.queryByRole("link")).toBeNull();
  });
});
