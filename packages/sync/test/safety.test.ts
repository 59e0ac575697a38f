import { describe, expect, it } from "vitest";
import {
  buildPlan,
  evaluateSafety,
  lastAdminGuard,
  listingGuard,
  removalShareGuard,
} from "../src/index";
import { convergedProjects, MEMBERS, org, withCollaborators } from "./fixtures";

describe("removalShareGuard", () => {
  it("holds a plan removing more than 20% of the distinct Lytics users, with share and threshold", () => {
    // bob and carl leave: 2 of 5 people.
    const plan = buildPlan(
      org({ members: MEMBERS.filter((m) => m.uid !== "u-bob" && m.uid !== "u-carl") }),
    );
    const decision = removalShareGuard(plan);
    expect(decision).toMatchObject({
      outcome: "hold",
      rule: "safety.removal-share.exceeded",
      data: { removed: 2, total: 5, share: 0.4, threshold: 0.2 },
    });
  });

  it("passes at or under the threshold", () => {
    const plan = buildPlan(org({ members: MEMBERS.filter((m) => m.uid !== "u-carl") }));
    expect(removalShareGuard(plan, 0.2)).toMatchObject({
      outcome: "pass",
      data: { removed: 1, total: 5 },
    });
  });

  it("a targeted single-person plan still counts against the organization's total", () => {
    const members = MEMBERS.filter((m) => m.uid !== "u-carl");
    const plan = buildPlan(org({ members, scope: { kind: "people", people: ["u-carl"] } }));
    expect(removalShareGuard(plan, 0.1)).toMatchObject({
      outcome: "hold",
      data: { removed: 1, total: 5, share: 0.2 },
    });
  });
});

describe("lastAdminGuard", () => {
  it("never removes the last Admin of a project: the step is dropped with a notice", () => {
    // Only the owner holds admin on Web; the owner record loses its role (ownerUid points elsewhere).
    const plan = buildPlan(
      org({ ownerUid: "u-nobody", members: MEMBERS.filter((m) => m.uid !== "u-owner") }),
    );
    expect(plan.steps.filter((s) => s.person.uid === "u-owner")).toHaveLength(2);
    const { decision, plan: kept } = lastAdminGuard(plan);
    expect(decision).toMatchObject({ outcome: "adjust", rule: "project.guard.last-admin" });
    expect(kept.steps.filter((s) => s.person.uid === "u-owner")).toEqual([]);
    expect(kept.notices.filter((n) => n.kind === "last-admin-kept")).toHaveLength(2);
    expect(kept.planId).not.toBe(plan.planId);
  });

  it("lets an Admin go when another holds Admin there", () => {
    const projects = withCollaborators(convergedProjects(), "p-web", (list) =>
      list.map((c) => (c.userUid === "u-carl" ? { ...c, roles: ["admin"] } : c)),
    );
    const plan = buildPlan(
      org({
        projects,
        projectOwners: { "p-web": "u-carl" },
        ownerUid: "u-nobody",
        members: MEMBERS.filter((m) => m.uid !== "u-owner"),
      }),
    );
    const { plan: kept } = lastAdminGuard(plan);
    expect(
      kept.steps.some(
        (s) => s.kind === "remove" && s.projectId === "p-web" && s.person.uid === "u-owner",
      ),
    ).toBe(true);
    expect(
      kept.steps.some(
        (s) => s.kind === "remove" && s.projectId === "p-mkt" && s.person.uid === "u-owner",
      ),
    ).toBe(false);
  });

  it("a demotion that takes the last Admin away is dropped too", () => {
    const members = MEMBERS.map((m) =>
      m.uid === "u-owner" ? { ...m, orgRole: "admin" as const } : m,
    );
    const plan = buildPlan(org({ ownerUid: "u-nobody", members }));
    expect(plan.steps.every((s) => s.kind === "replace-roles")).toBe(true);
    expect(lastAdminGuard(plan).plan.steps).toEqual([]);
  });
});

describe("listingGuard", () => {
  it("aborts on a failed, empty, truncated or ownerless listing", () => {
    expect(listingGuard({ ok: false, error: "503" }).rule).toBe("safety.listing.failed");
    expect(listingGuard({ ok: true, count: 0, total: 0, ownerPresent: false }).rule).toBe(
      "safety.listing.empty",
    );
    expect(listingGuard({ ok: true, count: 90, total: 100, ownerPresent: true }).rule).toBe(
      "safety.listing.truncated",
    );
    expect(listingGuard({ ok: true, count: 5, total: 5, ownerPresent: false }).rule).toBe(
      "safety.listing.owner-missing",
    );
    for (const d of [
      listingGuard({ ok: false, error: "x" }),
      listingGuard({ ok: true, count: 1, total: 2, ownerPresent: true }),
    ])
      expect(d.outcome).toBe("abort");
    expect(listingGuard({ ok: true, count: 5, total: 5, ownerPresent: true }).outcome).toBe("pass");
  });
});

describe("evaluateSafety", () => {
  const mass = () =>
    buildPlan(org({ members: MEMBERS.filter((m) => m.uid !== "u-bob" && m.uid !== "u-carl") }));

  it("holds a mass removal, and applies it once that exact plan is approved", () => {
    const held = evaluateSafety(mass());
    expect(held.verdict).toBe("hold");
    expect(evaluateSafety(mass(), { approvedPlanId: held.plan.planId }).verdict).toBe("apply");
    expect(evaluateSafety(mass(), { approvedPlanId: "plan_other" }).verdict).toBe("hold");
  });

  it("an abort from the listing wins over an approval", () => {
    const plan = mass();
    const verdict = evaluateSafety(plan, {
      listing: { ok: true, count: 3, total: 6, ownerPresent: true },
      approvedPlanId: plan.planId,
    });
    expect(verdict.verdict).toBe("abort");
    expect(verdict.reasons.map((r) => r.rule)).toEqual(["safety.listing.truncated"]);
  });
});
