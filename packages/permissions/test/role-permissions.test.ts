import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { API_READ_PERMISSIONS } from "../src/catalogue/api-read";
import { NAV_ITEMS } from "../src/catalogue/navigation-matrix";
import { LYTICS_ROLE_SLUGS } from "../src/catalogue/roles";
import { TASK_PERMISSIONS } from "../src/catalogue/task-matrix";
import { evaluateNav, evaluateTask, permissionsOf } from "../src/evaluate/role-permissions";
import { UnknownRoleError } from "../src/errors/unknown-role-error";

const roleSets = fc.subarray([...LYTICS_ROLE_SLUGS]);
const anyRole = fc.constantFrom(...LYTICS_ROLE_SLUGS);

describe("additive evaluation over a set of roles", () => {
  it("unions the roles: Campaign Manager + Content Manager gets what either gets (seed 001 example)", () => {
    expect(evaluateTask(["Campaign Manager"], "content-topics.blocklist").allowed).toBe(false);
    const both = evaluateTask(["Campaign Manager", "Content Manager"], "content-topics.blocklist");
    expect(both).toMatchObject({ allowed: true, layer: "lytics-roles", rule: "task.matrix" });
    expect(both.reasons[0]).toContain("Content Manager");
  });

  it("Admin holds every task and every navigation item", () => {
    for (const permission of TASK_PERMISSIONS)
      expect(evaluateTask(["Admin"], permission).allowed).toBe(true);
    for (const item of NAV_ITEMS) expect(evaluateNav(["admin"], item).allowed).toBe(true);
  });

  it("denies everything to an empty role set and says so", () => {
    const decision = evaluateTask([], "audiences.view");
    expect(decision.allowed).toBe(false);
    expect(decision.reasons[0]).toMatch(/no Lytics roles/);
  });

  it("throws UnknownRoleError for a role outside the catalogue", () => {
    expect(() => evaluateTask(["Owner"], "pii.view")).toThrow(UnknownRoleError);
  });

  it("property: adding a role never removes a permission", () => {
    fc.assert(
      fc.property(roleSets, anyRole, (roles, extra) => {
        const more = [...roles, extra];
        for (const permission of [...TASK_PERMISSIONS, ...API_READ_PERMISSIONS])
          if (evaluateTask(roles, permission).allowed)
            expect(evaluateTask(more, permission).allowed).toBe(true);
        for (const item of NAV_ITEMS)
          if (evaluateNav(roles, item).allowed) expect(evaluateNav(more, item).allowed).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("property: the union of single-role permissions is the permission of the set (no deny)", () => {
    fc.assert(
      fc.property(roleSets, (roles) => {
        const granted = new Set(permissionsOf(roles).tasks);
        const union = new Set(roles.flatMap((role) => [...permissionsOf([role]).tasks]));
        expect(granted).toEqual(union);
      }),
    );
  });
});

describe("PII rule", () => {
  it.each([
    ["Admin", true],
    ["Data Manager", true],
    ["User Search", true],
    ["Audience Manager", false],
    ["Observer", false],
    ["Marketer", false],
  ] as const)("%s may view PII: %s", (role, allowed) => {
    const decision = evaluateTask([role], "pii.view");
    expect(decision).toMatchObject({ allowed, rule: "pii.roles", layer: "lytics-roles" });
    expect(decision.reasons.join(" ")).toMatch(/prose/);
  });
});

describe("look-alike models rule (seed 001 footnote)", () => {
  it.each([
    [["Admin"], true],
    [["Discovery Insights"], false],
    [["Discovery Insights", "Marketer"], true],
    [["Discovery Insights", "Audience Manager"], true],
    [["Discovery Insights", "Campaign Manager"], true],
    [["Discovery Insights", "Data Manager"], true],
    [["Discovery Insights", "Observer"], false],
    [["Marketer"], false],
    [["Data Manager", "Marketer"], false],
    [[], false],
  ] as const)("%j -> %s", (roles, allowed) => {
    const decision = evaluateNav(roles, "lookalike-models");
    expect(decision).toMatchObject({ allowed, rule: "nav.lookalike-footnote" });
  });

  it("reads 'a role that gives access to Jobs/Auths' from the navigation matrix", () => {
    for (const role of LYTICS_ROLE_SLUGS) {
      if (role === "admin" || role === "report_viewer") continue;
      expect(evaluateNav(["report_viewer", role], "lookalike-models").allowed).toBe(
        evaluateNav([role], "jobs-auths").allowed,
      );
    }
  });
});

describe("API read for all roles (seed 001)", () => {
  it.each(LYTICS_ROLE_SLUGS)(
    "%s may read topic rollups, segment collections and SegmentML",
    (role) => {
      for (const permission of API_READ_PERMISSIONS)
        expect(evaluateTask([role], permission)).toMatchObject({
          allowed: true,
          rule: "task.api-read-all-roles",
        });
    },
  );
});

describe("decisions", () => {
  it("name the layer, the rule and the cells used", () => {
    const decision = evaluateTask(["Observer"], "audiences.delete");
    expect(decision).toEqual({
      allowed: false,
      layer: "lytics-roles",
      rule: "task.matrix",
      reasons: [
        "audiences.delete is denied: none of the roles held (Observer) grants it, and roles only add permissions.",
        'Seed 001, Audiences (without PII), "Delete": held by Admin, Audience Manager, Campaign Manager, Data Manager and Marketer (5 of 11 roles).',
        "Cells used: Observer: inferred.",
        "Evidence: seed 001 keeps only the count (5 of 11); Admin holds everything, the other holders are DESIGN §3.2's default assignment.",
      ],
    });
  });

  it("permissionsOf lists everything a role set grants", () => {
    expect(permissionsOf(["User Search"])).toEqual({
      tasks: ["pii.view"],
      navigation: ["dashboard", "user-search", "user-profiles"],
      apiRead: [...API_READ_PERMISSIONS],
    });
  });
});
