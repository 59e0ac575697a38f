import { describe, expect, it } from "vitest";
import { ORG_STANDINGS } from "../src/policy/access-levels";
import {
  OWNER_ONLY_ACTIONS,
  evaluateOwnerOnlyAction,
  isOwnerOnlyAction,
} from "../src/org/owner-only-actions";

describe("Owner-only organization actions", () => {
  const cases = OWNER_ONLY_ACTIONS.flatMap((action) =>
    ORG_STANDINGS.map((role) => [action, role] as const),
  );
  it.each(cases)("%s as %s: only the Owner, by the rule org.owner-only", (action, role) => {
    const decision = evaluateOwnerOnlyAction(role, action);
    expect(decision.allowed).toBe(role === "owner");
    expect(decision.rule).toBe("org.owner-only");
    expect(decision.layer).toBe("org-role");
    expect(decision.reasons[0]).toContain(action);
    expect(decision.reasons[0]).toContain(role === "owner" ? "is allowed" : "is denied");
  });

  it("tells an Admin what they may do instead, and names who the person is", () => {
    const admin = evaluateOwnerOnlyAction("admin", "policy.edit");
    expect(admin.reasons[0]).toContain("this person is an organization Admin");
    expect(admin.reasons[1]).toMatch(/Admins may view it/);
    const guest = evaluateOwnerOnlyAction("guest", "review.sign-off");
    expect(guest.reasons).toHaveLength(1);
    expect(guest.reasons[0]).toContain("an organization Guest");
  });

  it("knows its actions and no other", () => {
    expect(OWNER_ONLY_ACTIONS.every(isOwnerOnlyAction)).toBe(true);
    expect(isOwnerOnlyAction("org.settings")).toBe(false);
    expect(isOwnerOnlyAction("project.delete")).toBe(false);
  });
});
