import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPlan, type PlanInput } from "../src/index";
import { org, withCollaborators, convergedProjects } from "./fixtures";

const shuffle = <T>(items: readonly T[], order: readonly number[]): T[] =>
  items
    .map((item, index) => [item, order[index % order.length] ?? 0, index] as const)
    .sort((a, b) => a[1] - b[1] || a[2] - b[2])
    .map(([item]) => item);

// Some changes so the plan has steps of every kind.
const busy = (): PlanInput => {
  let projects = withCollaborators(convergedProjects(), "p-web", (list) => [
    ...list.filter((c) => c.userUid !== "u-carl"),
    { userUid: "u-eve", email: "eve@acme.test", roles: ["admin", "observer"] },
  ]);
  projects = withCollaborators(projects, "p-mkt", (list) =>
    list.map((c) => (c.userUid === "u-bob" ? { ...c, roles: ["observer"] } : c)),
  );
  return org({ projects });
};

describe("determinism", () => {
  it("the same input yields the same plan, ids included", () => {
    expect(buildPlan(busy())).toEqual(buildPlan(busy()));
  });

  it("input order (members, projects, collaborators, grants, roles) never changes the plan", () => {
    const reference = buildPlan(busy());
    expect(reference.steps.map((s) => s.kind).sort()).toEqual([
      "invite",
      "remove",
      "replace-roles",
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 12 }),
        (order) => {
          const input = busy();
          const shuffled: PlanInput = {
            ...input,
            members: shuffle(input.members, order),
            grants: shuffle(input.grants, order),
            projects: shuffle(input.projects, order).map((p) => ({
              ...p,
              collaborators: shuffle(p.collaborators, order).map((c) => ({
                ...c,
                roles: shuffle(c.roles, order),
              })),
            })),
          };
          const plan = buildPlan(shuffled);
          expect(plan.planId).toBe(reference.planId);
          expect(plan.steps).toEqual(reference.steps);
          expect(plan.notices).toEqual(reference.notices);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("createdAt follows now but the plan id does not", () => {
    const a = buildPlan(busy());
    const b = buildPlan({ ...busy(), now: "2025-06-01T12:05:00.000Z" });
    expect(a.createdAt).not.toBe(b.createdAt);
    expect(a.planId).toBe(b.planId);
  });
});
