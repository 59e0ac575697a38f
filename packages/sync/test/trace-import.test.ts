import { describe, expect, it } from "vitest";
import { applyImport, buildImportPlan, ImportNotAcceptedError, reconcile } from "../src/index";
import { fakePorts, world } from "./fake-ports";
import { convergedProjects, org, withCollaborators } from "./fixtures";

describe("sync one person now: the trace", () => {
  it("says what was read, which rule decided and what was written, in order", async () => {
    const fake = fakePorts(world());
    const report = await reconcile(fake.ports, {
      orgUid: "org-acme",
      scope: { kind: "people", people: ["fay@acme.test"] },
    });
    expect(report.outcome).toBe("applied");
    expect(fake.calls.filter((c) => c.startsWith("lytics.invite"))).toHaveLength(2);
    const lines = report.trace.map(
      (e) => `${e.phase}${e.projectId ? `@${e.projectId}` : ""} ${e.rule ?? "-"} ${e.text}`,
    );
    expect(lines[0]).toMatch(
      /^read - Contentstack member fay@acme.test \(uid u-fay\): org role admin, active/,
    );
    expect(lines).toContain("read@p-web - Not on Lytics project Web.");
    expect(
      lines.some((l) =>
        l.startsWith(
          "decide@p-mkt desired.org-admin Organization Admin: access level Editor (policy v1).",
        ),
      ),
    ).toBe(true);
    expect(lines.at(-1)).toMatch(
      /^write@p-web - invite to Web with \[.*segment_manager\]: written and audited\.$/,
    );
    expect(report.trace.map((e) => e.seq)).toEqual(report.trace.map((_, i) => i + 1));
    const phases = report.trace.map((e) => e.phase);
    expect(phases.lastIndexOf("read")).toBeLessThan(phases.indexOf("decide"));
    expect(phases.lastIndexOf("decide")).toBeLessThan(phases.indexOf("write"));
  });

  it("for someone already right, says why nothing was written", async () => {
    const fake = fakePorts(world());
    const report = await reconcile(fake.ports, {
      orgUid: "org-acme",
      scope: { kind: "people", people: ["u-carl"] },
    });
    expect(report.trace.filter((e) => e.phase === "decide" && e.rule).map((e) => e.rule)).toEqual([
      "desired.collaborator",
      "desired.collaborator",
    ]);
    expect(report.trace.at(-1)?.text).toBe("Nothing to write: Lytics already matches.");
  });

  it("for someone who left, cites the rule and the removal", async () => {
    const w = world();
    w.members = w.members.filter((m) => m.userUid !== "u-eli");
    const report = await reconcile(fakePorts(w).ports, {
      orgUid: "org-acme",
      scope: { kind: "people", people: ["u-eli"] },
      maxRemovalShare: 0.5,
    });
    expect(report.trace[0]?.text).toBe("Not in the organization's member listing.");
    expect(report.trace.some((e) => e.rule === "sync.not-in-org")).toBe(true);
    expect(report.trace.filter((e) => e.phase === "write").map((e) => e.text)).toEqual([
      "remove from Marketing (had [observer]): written and audited.",
      "remove from Web (had [observer]): written and audited.",
    ]);
  });
});

describe("first-connection import", () => {
  it("adopts collaborators not explained by org role as grants, shown first, then saved", async () => {
    const projects = withCollaborators(convergedProjects(), "p-web", (list) => [
      ...list.map((c) =>
        c.userUid === "u-admin" ? { ...c, roles: [...c.roles, "data_manager"] } : c,
      ),
      { userUid: "u-eve", email: "eve@acme.test", roles: ["admin"] },
    ]);
    const plan = buildImportPlan(org({ projects, grants: [] }));
    expect(plan.grants.map((g) => [g.projectId, g.uid, g.roles])).toEqual([
      ["p-mkt", "u-gus", ["marketer"]],
      ["p-web", "u-admin", ["data_manager"]],
      ["p-web", "u-carl", ["observer"]],
    ]);
    expect(plan.notAdopted).toMatchObject([
      { projectId: "p-web", email: "eve@acme.test", reason: "not-in-organization" },
    ]);
    expect(plan.explained).toBe(5); // olga x2, bob x2, ana on Marketing

    const saved: unknown[] = [];
    const port = {
      adoptGrants: async (id: string, grants: unknown) => void saved.push([id, grants]),
    };
    await expect(applyImport(port, plan, "import_other")).rejects.toBeInstanceOf(
      ImportNotAcceptedError,
    );
    expect(await applyImport(port, plan, plan.importId)).toEqual({ adopted: 3 });
    expect(saved).toHaveLength(1);
  });
});
