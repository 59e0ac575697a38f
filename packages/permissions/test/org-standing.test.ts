import { describe, expect, it } from "vitest";
import { orgStandingOf } from "../src/org/org-standing";

const base = { uid: "u1", orgOwnerUid: "owner", present: true };

describe("who counts as what (DESIGN §3.1)", () => {
  it.each([
    ["the org's owner_uid", { ...base, uid: "owner" }, "owner", false],
    [
      "the owner even without an Admin role uid",
      { ...base, uid: "owner", hasAdminRole: false },
      "owner",
      false,
    ],
    ["an org Admin role", { ...base, hasAdminRole: true }, "admin", false],
    ["a guest / collaborator", { ...base, isGuest: true }, "guest", false],
    ["any other org user", base, "member", false],
    [
      "a pending invitation",
      { ...base, invitationPending: true, hasAdminRole: true },
      "none",
      true,
    ],
    ["someone absent from the org", { ...base, present: false, uid: "owner" }, "none", false],
  ] as const)("%s -> %s", (_name, facts, standing, pending) => {
    const answer = orgStandingOf(facts);
    expect(answer.standing).toBe(standing);
    expect(answer.pending).toBe(pending);
    expect(answer.reasons.length).toBeGreaterThan(0);
  });
});
