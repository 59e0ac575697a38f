import { describe, expect, it } from "vitest";
import { resolveOrgRole, type RoleResolutionContext } from "../src/index";

function setup(): RoleResolutionContext {
  return {
    ownerUid: "u_owner",
    rolesByUid: new Map([
      ["r_admin", { isAdmin: true }],
      ["r_member", { isAdmin: false }],
    ]),
  };
}

const share = (
  fields: Partial<{ user_uid: string | null; status: string; guest: boolean; org_roles: string[] }>,
) => ({
  user_uid: "u_someone",
  status: "accepted",
  org_roles: ["r_member"],
  ...fields,
});

describe("resolveOrgRole", () => {
  it("takes the Owner from owner_uid, whatever role uids the share holds", () => {
    expect(
      resolveOrgRole(share({ user_uid: "u_owner", org_roles: ["r_admin"] }), setup()).role,
    ).toBe("owner");
    expect(
      resolveOrgRole(share({ user_uid: "u_owner", org_roles: ["r_member"] }), setup()).role,
    ).toBe("owner");
  });

  it("resolves Admin and Member from role uids", () => {
    expect(resolveOrgRole(share({ org_roles: ["r_admin"] }), setup()).role).toBe("admin");
    expect(resolveOrgRole(share({ org_roles: ["r_member", "r_admin"] }), setup()).role).toBe(
      "admin",
    );
    expect(resolveOrgRole(share({ org_roles: ["r_member"] }), setup()).role).toBe("member");
  });

  it("treats pending invitations as pending, even with an admin role", () => {
    expect(
      resolveOrgRole(share({ status: "pending", user_uid: null, org_roles: ["r_admin"] }), setup())
        .role,
    ).toBe("pending");
    expect(resolveOrgRole(share({ status: "accepted", user_uid: null }), setup()).role).toBe(
      "pending",
    );
  });

  it("marks guests as guests before looking at roles", () => {
    expect(resolveOrgRole(share({ guest: true, org_roles: ["r_admin"] }), setup()).role).toBe(
      "guest",
    );
  });

  it("never raises access for role uids it does not know", () => {
    const resolved = resolveOrgRole(share({ org_roles: ["r_custom"] }), setup());
    expect(resolved).toEqual({ role: "member", unknownRoleUids: ["r_custom"] });
  });
});
