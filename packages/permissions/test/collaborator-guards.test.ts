import { describe, expect, it } from "vitest";
import {
  evaluateCollaboratorChange,
  type CollaboratorChange,
} from "../src/project/collaborator-guards";

function setup(overrides: Partial<CollaboratorChange> = {}): CollaboratorChange {
  return {
    actor: { orgRole: "member", isProjectOwner: false, projectRoles: ["Admin"] },
    target: { uid: "target", isProjectOwner: false, projectRoles: ["Observer"] },
    change: { kind: "remove" },
    adminHolders: ["actor", "owner"],
    ...overrides,
  };
}

describe("collaborator guards (DESIGN §3.3)", () => {
  it("lets a collaborator whose roles grant Manage User Roles remove another collaborator", () => {
    expect(evaluateCollaboratorChange(setup())).toMatchObject({
      allowed: true,
      rule: "project.guard.passed",
    });
  });

  it("first applies the precedence: an Observer may not remove anyone", () => {
    const decision = evaluateCollaboratorChange(
      setup({ actor: { orgRole: "member", isProjectOwner: false, projectRoles: ["Observer"] } }),
    );
    expect(decision).toMatchObject({ allowed: false, rule: "project.precedence.denied" });
  });

  it.each([
    ["removed", { kind: "remove" }],
    ["demoted", { kind: "change-role", newRoles: ["Observer"] }],
  ] as const)("the project owner cannot be %s by a collaborator", (_name, change) => {
    const decision = evaluateCollaboratorChange(
      setup({ change, target: { uid: "owner", isProjectOwner: true, projectRoles: ["Admin"] } }),
    );
    expect(decision).toMatchObject({
      allowed: false,
      layer: "project",
      rule: "project.guard.owner-protected",
    });
  });

  it("an org Admin may change the project owner's roles", () => {
    const decision = evaluateCollaboratorChange(
      setup({
        actor: { orgRole: "admin", isProjectOwner: false, projectRoles: [] },
        change: { kind: "change-role", newRoles: ["Admin", "Observer"] },
        target: { uid: "owner", isProjectOwner: true, projectRoles: ["Admin"] },
      }),
    );
    expect(decision.allowed).toBe(true);
  });

  it.each([
    ["removed", { kind: "remove" }],
    ["demoted", { kind: "change-role", newRoles: ["Marketer"] }],
  ] as const)("the last person with Admin cannot be %s, even by an org Owner", (_name, change) => {
    const decision = evaluateCollaboratorChange(
      setup({
        actor: { orgRole: "owner", isProjectOwner: false, projectRoles: [] },
        target: { uid: "last", isProjectOwner: false, projectRoles: ["Admin"] },
        change,
        adminHolders: ["last"],
      }),
    );
    expect(decision).toMatchObject({ allowed: false, rule: "project.guard.last-admin" });
  });

  it("an Admin who is not the last may be removed, and a role change keeping Admin is fine", () => {
    const target = { uid: "a2", isProjectOwner: false, projectRoles: ["Admin"] };
    const actor = { orgRole: "owner" as const, isProjectOwner: false, projectRoles: [] };
    expect(
      evaluateCollaboratorChange(setup({ actor, target, adminHolders: ["a1", "a2"] })).allowed,
    ).toBe(true);
    expect(
      evaluateCollaboratorChange(
        setup({
          actor,
          target,
          adminHolders: ["a2"],
          change: { kind: "change-role", newRoles: ["admin", "observer"] },
        }),
      ).allowed,
    ).toBe(true);
  });
});
