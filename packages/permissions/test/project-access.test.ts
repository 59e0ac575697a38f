import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LYTICS_ROLE_SLUGS } from "../src/catalogue/roles";
import { evaluateTask } from "../src/evaluate/role-permissions";
import { ORG_STANDINGS } from "../src/policy/access-levels";
import { PROJECT_ACTIONS, type ProjectAction } from "../src/project/project-actions";
import { evaluateProjectAction } from "../src/project/project-access";
import { SEED_002_PRECEDENCE, SEED_002_ROWS, type Cell } from "./fixtures/seed-000-002";

const rowOf = (action: string) => {
  const row = SEED_002_ROWS.find((entry) => entry.action === action);
  if (!row) throw new Error(action);
  return row;
};

describe("seed 002 permissions matrix", () => {
  it("covers exactly the seed's rows", () => {
    expect([...PROJECT_ACTIONS]).toEqual(SEED_002_ROWS.map((row) => row.action));
  });

  describe.each(SEED_002_ROWS)("$seedLabel ($action)", (row) => {
    const action = row.action as ProjectAction;

    it.each(["owner", "admin"] as const)("org %s: %s", (orgRole) => {
      const decision = evaluateProjectAction(
        { orgRole, isProjectOwner: false, projectRoles: [] },
        action,
      );
      expect(decision).toMatchObject({
        allowed: row.orgAdmin === "yes",
        rule: "project.precedence.org-admin",
      });
    });

    it(`project owner (org Member): ${String(row.projectOwner)}`, () => {
      const decision = evaluateProjectAction(
        { orgRole: "member", isProjectOwner: true, projectRoles: [] },
        action,
      );
      expect(decision.allowed).toBe(row.projectOwner === "yes");
    });

    it(`invited collaborator: ${JSON.stringify(row.collaborator)}`, () => {
      const expectFor = (roles: string[], cell: Cell): boolean => {
        if (cell === "yes") return true;
        if (cell === "no" || cell === "org" || cell === "n/a") return false;
        return cell.every((task) => evaluateTask(roles, task as never).allowed);
      };
      for (const roles of [
        ["Observer"],
        ["Admin"],
        ["Marketer"],
        ["Data Manager", "User Search"],
      ]) {
        const decision = evaluateProjectAction(
          { orgRole: "member", isProjectOwner: false, projectRoles: roles },
          action,
        );
        // Creating a project is open to any org Member, collaborator or not (seed 002: "n/a").
        const expected = action === "project.create" ? true : expectFor(roles, row.collaborator);
        expect(decision.allowed, roles.join("+")).toBe(expected);
      }
    });

    it("someone outside the organization: denied, whatever records remain", () => {
      const decision = evaluateProjectAction(
        { orgRole: "none", isProjectOwner: true, projectRoles: ["Admin"] },
        action,
      );
      expect(decision).toMatchObject({
        allowed: false,
        layer: "org-role",
        rule: "project.not-in-org",
      });
    });
  });

  it("an org Member with no relation to the project gets nothing but project creation", () => {
    for (const action of PROJECT_ACTIONS) {
      const decision = evaluateProjectAction(
        { orgRole: "member", isProjectOwner: false, projectRoles: [] },
        action,
      );
      expect(decision.allowed, action).toBe(action === "project.create");
    }
  });

  it("a Guest cannot create projects but works through project roles", () => {
    const subject = { orgRole: "guest" as const, isProjectOwner: false, projectRoles: ["Admin"] };
    expect(evaluateProjectAction(subject, "project.create").allowed).toBe(false);
    expect(evaluateProjectAction(subject, "project.invite")).toMatchObject({
      allowed: true,
      rule: "project.precedence.project-role",
    });
  });

  it("explains a 'depends on role' answer with the task matrix", () => {
    const decision = evaluateProjectAction(
      { orgRole: "member", isProjectOwner: false, projectRoles: ["Observer"] },
      "project.invite",
    );
    expect(decision).toMatchObject({
      allowed: false,
      layer: "project",
      rule: "project.precedence.denied",
    });
    expect(decision.reasons.join(" ")).toContain("account.invite-user");
  });
});

// An oracle written from seed 002's precedence table, independent of the implementation.
function expectedRule(
  orgRole: string,
  isOwner: boolean,
  roles: string[],
  action: ProjectAction,
): string {
  if (orgRole === "none") return "project.not-in-org";
  if (orgRole === "owner" || orgRole === "admin") return SEED_002_PRECEDENCE[0];
  if (action === "org.settings") return "org.settings.org-admin-only";
  if (action === "project.create") return "project.create.org-member";
  if (isOwner) return SEED_002_PRECEDENCE[1];
  const cell = rowOf(action).collaborator;
  if (cell === "no") return "project.delete.collaborator-never";
  const covered =
    cell === "yes"
      ? roles.length > 0
      : Array.isArray(cell) && cell.every((task) => evaluateTask(roles, task as never).allowed);
  return covered ? SEED_002_PRECEDENCE[2] : SEED_002_PRECEDENCE[3];
}

const subjects = fc.record({
  orgRole: fc.constantFrom(...ORG_STANDINGS),
  isProjectOwner: fc.boolean(),
  projectRoles: fc.subarray([...LYTICS_ROLE_SLUGS]),
});
const actions = fc.constantFrom(...PROJECT_ACTIONS);

describe("precedence properties", () => {
  it("the first matching rule of seed 002's order decides, for every combination", () => {
    fc.assert(
      fc.property(subjects, actions, (subject, action) => {
        const decision = evaluateProjectAction(subject, action);
        expect(decision.rule).toBe(
          expectedRule(subject.orgRole, subject.isProjectOwner, subject.projectRoles, action),
        );
        const allowedRules = [
          "project.precedence.org-admin",
          "project.precedence.project-owner",
          "project.precedence.project-role",
        ];
        const expectAllowed =
          allowedRules.includes(decision.rule) ||
          (decision.rule === "project.create.org-member" && subject.orgRole === "member");
        expect(decision.allowed).toBe(expectAllowed);
      }),
      { numRuns: 3000 },
    );
  });

  it("nothing later in the order overrides an earlier match", () => {
    fc.assert(
      fc.property(
        subjects,
        actions,
        fc.subarray([...LYTICS_ROLE_SLUGS]),
        (subject, action, moreRoles) => {
          const before = evaluateProjectAction(subject, action);
          const after = evaluateProjectAction(
            { ...subject, projectRoles: [...subject.projectRoles, ...moreRoles] },
            action,
          );
          // More project roles (step 3) never change a decision made at step 0, 1 or 2 ...
          if (
            before.rule !== "project.precedence.project-role" &&
            before.rule !== "project.precedence.denied"
          )
            expect({ ...after, reasons: [] }).toEqual({ ...before, reasons: [] });
          // ... and never take a permission away.
          if (before.allowed) expect(after.allowed).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("org Owner/Admin is allowed everything regardless of project roles; 'none' is denied everything", () => {
    fc.assert(
      fc.property(subjects, actions, (subject, action) => {
        if (subject.orgRole === "owner" || subject.orgRole === "admin")
          expect(evaluateProjectAction(subject, action).allowed).toBe(true);
        if (subject.orgRole === "none")
          expect(evaluateProjectAction(subject, action).allowed).toBe(false);
      }),
    );
  });
});
