import { describe, expect, it } from "vitest";
import { buildPlan, type PlanStep } from "../src/index";
import { EDITOR, MEMBERS, convergedProjects, org, withCollaborators } from "./fixtures";

const only = (steps: readonly PlanStep[]) => {
  expect(steps).toHaveLength(1);
  return steps[0] as PlanStep;
};

describe("buildPlan", () => {
  it("a converged organization (baseline role listed, roles in another order) yields zero steps", () => {
    const plan = buildPlan(org());
    expect(plan.steps).toEqual([]);
    expect(plan.summary).toMatchObject({
      invites: 0,
      roleChanges: 0,
      removals: 0,
      unchanged: 8,
      lyticsUsersTotal: 5,
    });
  });

  it("invites someone desired and absent, citing the rule", () => {
    const projects = withCollaborators(convergedProjects(), "p-mkt", (list) =>
      list.filter((c) => c.userUid !== "u-admin"),
    );
    const step = only(buildPlan(org({ projects })).steps);
    expect(step).toMatchObject({
      kind: "invite",
      projectId: "p-mkt",
      email: "ana@acme.test",
      roles: EDITOR,
    });
    expect(step.why.map((w) => w.rule)).toEqual(["desired.org-admin"]);
    expect(step.why[0]?.text).toContain("policy v1");
  });

  it("replaces roles compared as sets, not flagged as drift without history", () => {
    const members = MEMBERS.map((m) =>
      m.uid === "u-bob" ? { ...m, grantedLevel: "data-manager" as const } : m,
    );
    const plan = buildPlan(org({ members }));
    expect(plan.steps.map((s) => [s.kind, s.projectId, s.person.key])).toEqual([
      ["replace-roles", "p-mkt", "u-bob"],
      ["replace-roles", "p-web", "u-bob"],
    ]);
    expect(plan.steps[0]).toMatchObject({
      before: ["segment_manager"],
      after: ["data_manager"],
      drift: false,
    });
  });

  it("flags drift when Lytics differs from what the sync last established", () => {
    const projects = withCollaborators(convergedProjects(), "p-web", (list) =>
      list.map((c) => (c.userUid === "u-carl" ? { ...c, roles: ["admin"] } : c)),
    );
    const step = only(
      buildPlan(
        org({
          projects,
          lastSynced: [{ projectId: "p-web", person: "u-carl", roles: ["observer"] }],
        }),
      ).steps,
    );
    expect(step).toMatchObject({
      kind: "replace-roles",
      before: ["admin"],
      after: ["observer"],
      drift: true,
    });
    expect(step.why.map((w) => w.rule)).toEqual(["desired.collaborator"]);
  });

  it("removes someone who left the organization, saying nobody grants anything", () => {
    const projects = withCollaborators(convergedProjects(), "p-web", (list) => [
      ...list,
      { userUid: "u-eve", email: "eve@acme.test", roles: ["admin"] },
    ]);
    const step = only(buildPlan(org({ projects })).steps);
    expect(step).toMatchObject({ kind: "remove", lyticsUserUid: "u-eve", before: ["admin"] });
    expect(step.why[0]?.rule).toBe("sync.not-in-org");
  });

  it("an expired grant is excluded, noticed, and cited for the removal", () => {
    const plan = buildPlan(org({ now: "2025-07-01T00:00:00.000Z" }));
    const step = only(plan.steps);
    expect(step).toMatchObject({ kind: "remove", projectId: "p-mkt", person: { key: "u-gus" } });
    expect(step.why.map((w) => w.rule)).toEqual(["sync.grant-expired"]);
    expect(step.why[0]?.text).toContain("expired on 2025-07-01T00:00:00.000Z");
    expect(plan.notices.filter((n) => n.kind === "expired-grant")).toHaveLength(1);
  });

  it("a pending invitation gets nothing, and a Lytics invite for them is removed", () => {
    const projects = withCollaborators(convergedProjects(), "p-web", (list) => [
      ...list,
      { userUid: "invite_9", email: "PIA@acme.test", roles: ["observer"] },
    ]);
    const plan = buildPlan(
      org({
        projects,
        grants: [
          ...org().grants,
          { projectId: "p-web", uid: "pia@acme.test", roles: ["observer"] },
        ],
      }),
    );
    const step = only(plan.steps);
    expect(step).toMatchObject({
      kind: "remove",
      lyticsUserUid: "invite_9",
      person: { key: "pia@acme.test", uid: null },
    });
    expect(step.why[0]?.rule).toBe("sync.pending-invitation");
    expect(
      plan.notices.some((n) => n.kind === "orphaned-grant" && n.cause === "pending-invitation"),
    ).toBe(true);
  });

  it("a guest gets only their project grant; without one they are removed", () => {
    const plan = buildPlan(
      org({ grants: [{ projectId: "p-web", uid: "u-carl", roles: ["observer"] }] }),
    );
    const step = only(plan.steps);
    expect(step).toMatchObject({ kind: "remove", projectId: "p-mkt", person: { key: "u-gus" } });
    expect(step.why[0]).toMatchObject({ rule: "sync.no-grant" });
    expect(step.why[0]?.text).toContain("Guest");
  });

  it("a person absent from Lytics and from the organization produces nothing", () => {
    const plan = buildPlan(
      org({ grants: [...org().grants, { projectId: "p-web", uid: "u-ghost", roles: ["admin"] }] }),
    );
    expect(plan.steps).toEqual([]);
    expect(plan.notices.some((n) => n.kind === "orphaned-grant" && n.uid === "u-ghost")).toBe(true);
  });

  it("the app's project owner gets Admin on that project", () => {
    const step = only(buildPlan(org({ projectOwners: { "p-web": "u-carl" } })).steps);
    expect(step).toMatchObject({
      kind: "replace-roles",
      before: ["observer"],
      after: ["admin", "observer"],
    });
    expect(step.why.map((w) => w.rule)).toEqual(["desired.project-owner", "desired.collaborator"]);
  });

  it("a targeted plan keeps only the named people but counts every Lytics user", () => {
    const projects = withCollaborators(convergedProjects(), "p-web", (list) => [
      ...list.filter((c) => c.userUid !== "u-carl"),
      { userUid: "u-eve", email: "eve@acme.test", roles: ["admin"] },
    ]);
    const plan = buildPlan(
      org({ projects, scope: { kind: "people", people: ["CARL@acme.test"] } }),
    );
    expect(plan.steps.map((s) => [s.kind, s.person.key])).toEqual([["invite", "u-carl"]]);
    expect(plan.summary.lyticsUsersTotal).toBe(5); // olga, ana, bob, gus, eve
    expect(plan.summary.unchanged).toBe(0);
  });

  it("step ids depend on org, project, person, kind and after-roles only", () => {
    const projects = withCollaborators(convergedProjects(), "p-web", (list) =>
      list.filter((c) => c.userUid !== "u-carl"),
    );
    const a = only(buildPlan(org({ projects })).steps);
    const b = only(buildPlan(org({ projects, now: "2025-06-02T00:00:00.000Z" })).steps);
    expect(a.stepId).toBe(b.stepId);
    const c = only(buildPlan(org({ projects, orgUid: "org-other" })).steps);
    expect(c.stepId).not.toBe(a.stepId);
  });
});
