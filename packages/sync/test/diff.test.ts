import { describe, expect, it } from "vitest";
import { buildPlan, planToDiffJson, renderDiff } from "../src/index";
import { convergedProjects, org, withCollaborators } from "./fixtures";

describe("diff", () => {
  const plan = () => {
    let projects = withCollaborators(convergedProjects(), "p-mkt", (list) =>
      list.filter((c) => c.userUid !== "u-admin"),
    );
    projects = withCollaborators(projects, "p-web", (list) => [
      ...list.map((c) => (c.userUid === "u-carl" ? { ...c, roles: ["admin"] } : c)),
      { userUid: "u-eve", email: "eve@acme.test", roles: ["admin"] },
    ]);
    return buildPlan(
      org({
        projects,
        lastSynced: [{ projectId: "p-web", person: "u-carl", roles: ["observer"] }],
      }),
    );
  };

  it("renders one line per step, grouped by project, with the reasons", () => {
    const text = renderDiff(plan());
    expect(text).toContain(
      "Marketing (p-mkt)\n  + invite ana@acme.test to Marketing [content_manager, experience_manager, goal_manager, report_viewer, segment_manager]  because Organization Admin",
    );
    expect(text).toContain(
      "~ carl@acme.test on Web: [admin] -> [observer]  (drift: changed inside Lytics)  because",
    );
    expect(text).toContain(
      "- remove eve@acme.test from Web: [admin]  because Not in the organization's users",
    );
    expect(text).toContain("(sync.not-in-org)");
    expect(text).toMatch(/1 invite\(s\), 1 role change\(s\) \(1 drift\), 1 removal\(s\)/);
  });

  it("says so when there is nothing to do", () => {
    expect(renderDiff(buildPlan(org()))).toContain("No changes.");
  });

  it("gives the UI the same content as JSON, grouped by project", () => {
    const json = planToDiffJson(plan());
    expect(json.projects.map((p) => [p.name, p.lines.map((l) => l.sign)])).toEqual([
      ["Marketing", ["+"]],
      ["Web", ["-", "~"]],
    ]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
